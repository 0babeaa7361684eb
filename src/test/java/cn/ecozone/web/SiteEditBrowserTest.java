package cn.ecozone.web;

import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.MapSession;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.MapPages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Editing a drawn site's vertices (issue 17), desktop 1400×900 and phone 390×844: a rectangle is drawn by clicks, its
 * north-east corner dragged by a known pixel offset; the geometry the page then sends to {@code /analysis/site-check}
 * (recorded by wrapping {@code fetch}, not by the page's own hooks) has that corner where the offset puts it and every
 * other vertex unchanged, and the server's area changes as a local plane computation of the two shapes says. A vertex
 * inserted on an edge, one deleted, an undo; the GeoJSON export and the permalink carry the edited site.
 */
class SiteEditBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int[][] SIZES = {{1400, 900}, {390, 844}};
    /** The drawn rectangle (lon, lat): SW, SE, NE, NW. */
    static final double[][] RECT = {{113.262, 40.042}, {113.278, 40.042}, {113.278, 40.056}, {113.262, 40.056}};
    @TempDir static Path dir;
    static MapSession map;
    static Http http;
    static HeadlessChromium chromium;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        map = MapSession.start(dir);
        http = map.http();
        chromium = map.chromium();
        driver = map.driver();
    }

    @AfterAll
    static void stop() {
        if (map != null) map.close();
    }

    @Test
    void aDrawnSitesVertexMovedByAKnownOffsetIsWhatTheRecheckSendsAndTheAreaChangesAccordingly() throws Exception {
        for (int[] size : SIZES) {
            String tag = size[0] < 600 ? "phone" : "desktop";
            driver.manage().window().setSize(new Dimension(size[0], size[1]));
            driver.get("about:blank");
            MapPages.open(driver, http.base() + "/map/");
            // every body the page posts to the site check, in order
            js("window.__sent = []; const f = window.fetch; window.fetch = function (u, o) {"
                    + " if (String(u).indexOf('/analysis/site-check') >= 0 && o && typeof o.body === 'string') window.__sent.push(o.body);"
                    + " return f.apply(this, arguments); };");
            driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
            new Select(driver.findElement(By.id("industry"))).selectByValue("pv");
            js("ecozone.map.closePopup(); ecozone.map.fitBounds([[40.042, 113.262], [40.056, 113.278]], {padding: [60, 60], animate: false})");
            driver.findElement(By.id("draw-site")).click();
            for (double[] c : RECT) clickMapAt(c[0], c[1]);
            clickMapAt(RECT[0][0], RECT[0][1]);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty() && sent().size() == 1);
            JsonNode drawn = JSON.readTree(sent().get(0));
            assertEquals(5, drawn.at("/coordinates/0").size(), drawn.toString());
            double areaBefore = checkArea(drawn);

            // edit: the NE corner (third vertex drawn) dragged 48 px right and 36 px up
            driver.findElement(By.id("edit-site")).click();
            assertEquals("true", driver.findElement(By.id("edit-site")).getAttribute("aria-pressed"));
            assertEquals(4, driver.findElements(By.cssSelector(".site-vertex")).size());
            assertEquals(4, driver.findElements(By.cssSelector(".site-midpoint")).size());
            int dx = 48, dy = -36;
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = (Map<String, Object>) js("const m = ecozone.map; const p = m.latLngToContainerPoint([arguments[1], arguments[0]]);"
                    + "const q = m.containerPointToLatLng([p.x + arguments[2], p.y + arguments[3]]); const r = m.containerPointToLatLng([p.x + arguments[2] + 1, p.y + arguments[3] + 1]);"
                    + "return {lon: q.lng, lat: q.lat, lonPerPx: Math.abs(r.lng - q.lng), latPerPx: Math.abs(r.lat - q.lat)};", RECT[2][0], RECT[2][1], dx, dy);
            WebElement ne = driver.findElement(By.cssSelector(".site-vertex[data-vertex='0/0/2']"));
            new Actions(driver).dragAndDropBy(ne, dx, dy).perform();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("recheck-site")).isEnabled());
            assertTrue(driver.findElement(By.id("site-edited-note")).isDisplayed());
            assertFalse(driver.findElement(By.id("report-pdf")).isEnabled(), "the report would be of the site before the edit");
            assertEquals(1, sent().size(), "an edit is re-checked on demand only");
            chromium.screenshot("40-site-edit-moved-" + tag);

            driver.findElement(By.id("recheck-site")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> sent().size() == 2 && !d.findElements(By.id("verdict")).isEmpty()
                    && d.findElements(By.id("site-edited-note")).isEmpty() && !d.findElement(By.id("recheck-site")).isEnabled());
            JsonNode moved = JSON.readTree(sent().get(1));
            JsonNode ring = moved.at("/coordinates/0");
            assertEquals(5, ring.size(), moved.toString());
            double lonTol = 1.5 * ((Number) expected.get("lonPerPx")).doubleValue(), latTol = 1.5 * ((Number) expected.get("latPerPx")).doubleValue();
            assertEquals(((Number) expected.get("lon")).doubleValue(), ring.at("/2/0").asDouble(), lonTol, "moved corner lon: " + moved);
            assertEquals(((Number) expected.get("lat")).doubleValue(), ring.at("/2/1").asDouble(), latTol, "moved corner lat: " + moved);
            for (int i : new int[] {0, 1, 3, 4}) {
                assertEquals(drawn.at("/coordinates/0/" + i + "/0").asDouble(), ring.at("/" + i + "/0").asDouble(), 1e-9, "vertex " + i + " kept");
                assertEquals(drawn.at("/coordinates/0/" + i + "/1").asDouble(), ring.at("/" + i + "/1").asDouble(), 1e-9, "vertex " + i + " kept");
            }
            // the corner moved out (right and up): the area grows by what a local plane says the two shapes differ by
            double areaAfter = checkArea(moved);
            double planeBefore = planeArea(drawn.at("/coordinates/0")), planeAfter = planeArea(ring);
            assertTrue(planeAfter > planeBefore * 1.02, planeBefore + " → " + planeAfter);
            assertEquals(planeAfter / planeBefore, areaAfter / areaBefore, 0.002, "area ratio: server " + areaBefore + " → " + areaAfter);
            double shownHa = Double.parseDouble(driver.findElement(By.id("site-area-ha")).getText().replaceAll("[^0-9.]", ""));
            assertEquals(areaAfter / 10_000, shownHa, 0.0001, "the panel shows the edited site's area");

            // insert a vertex in the middle of the first edge (SW→SE), delete the NW corner, undo the delete
            driver.findElement(By.cssSelector(".site-midpoint[data-midpoint='0/0/0']")).click();
            assertEquals(5, driver.findElements(By.cssSelector(".site-vertex")).size());
            driver.findElement(By.cssSelector(".site-vertex[data-vertex='0/0/4']")).click();
            assertEquals(4, driver.findElements(By.cssSelector(".site-vertex")).size());
            assertEquals("撤销上一步修改", driver.findElement(By.id("undo-vertex")).getText());
            driver.findElement(By.id("undo-vertex")).click();
            assertEquals(5, driver.findElements(By.cssSelector(".site-vertex")).size());
            // exports and the link carry the edited site (inserted vertex included) without a re-check
            assertTrue(driver.findElement(By.id("recheck-site")).isEnabled());
            driver.findElement(By.id("export-geojson")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("return ecozone.lastSiteExport && ecozone.lastSiteExport.format === 'geojson'") == Boolean.TRUE);
            JsonNode exported = JSON.readTree((String) js("return ecozone.lastSiteExport.text")).at("/features/0/geometry/coordinates/0");
            assertEquals(6, exported.size(), "five vertices and the closing point: " + exported);
            // in the middle of the drawn SW and SE corners
            assertEquals((drawn.at("/coordinates/0/0/0").asDouble() + drawn.at("/coordinates/0/1/0").asDouble()) / 2, exported.at("/1/0").asDouble(), 1e-6,
                    "the inserted vertex: " + exported);
            assertEquals((drawn.at("/coordinates/0/0/1").asDouble() + drawn.at("/coordinates/0/1/1").asDouble()) / 2, exported.at("/1/1").asDouble(), 1e-6);
            driver.findElement(By.id("permalink")).click();
            String link = driver.findElement(By.id("permalink-url")).getAttribute("value");
            String code = URLDecoder.decode(link.replaceAll(".*[#&]site=([^&]*).*", "$1"), StandardCharsets.UTF_8);
            JsonNode linked = JSON.readTree((String) js("return JSON.stringify(ecozone.decodeSite(arguments[0]))", code)).at("/coordinates/0");
            assertEquals(6, linked.size(), linked.toString());
            for (int i = 0; i < 6; i++) {
                assertEquals(exported.at("/" + i + "/0").asDouble(), linked.at("/" + i + "/0").asDouble(), 2e-6, "link vertex " + i);
                assertEquals(exported.at("/" + i + "/1").asDouble(), linked.at("/" + i + "/1").asDouble(), 2e-6, "link vertex " + i);
            }
            chromium.screenshot("41-site-edit-inserted-" + tag);
            // 清除 forgets the site and its edits
            driver.findElement(By.id("clear-site")).click();
            assertTrue(driver.findElements(By.cssSelector(".site-vertex")).isEmpty());
            assertTrue(driver.findElement(By.id("identify")).getAttribute("hidden") != null, "clicks on vertices asked no 'which zones'");
            assertFalse(driver.findElement(By.id("undo-vertex")).isEnabled());
            assertFalse(driver.findElement(By.id("edit-site")).isEnabled());
            assertTrue(chromium.consoleErrors().isEmpty(), chromium.consoleErrors().toString());
        }
    }

    /** The site's area of record (m²) as the server computes it. */
    private static double checkArea(JsonNode geometry) {
        return http.post("/analysis/site-check?f=json", "application/json", geometry.toString()).json().at("/site/areaM2").asDouble();
    }

    /** Shoelace area in a local equirectangular plane (metres on a 6371 km sphere): good to ~0.1 % for a 2 km site. */
    private static double planeArea(JsonNode ring) {
        double lat0 = Math.toRadians(ring.at("/0/1").asDouble()), r = 6_371_000;
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            double x1 = Math.toRadians(ring.at("/" + i + "/0").asDouble()) * r * Math.cos(lat0), y1 = Math.toRadians(ring.at("/" + i + "/1").asDouble()) * r;
            double x2 = Math.toRadians(ring.at("/" + (i + 1) + "/0").asDouble()) * r * Math.cos(lat0), y2 = Math.toRadians(ring.at("/" + (i + 1) + "/1").asDouble()) * r;
            sum += x1 * y2 - x2 * y1;
        }
        return Math.abs(sum) / 2;
    }

    @SuppressWarnings("unchecked")
    private static List<String> sent() {
        return (List<String>) js("return window.__sent || []");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private static void clickMapAt(double lon, double lat) {
        Map<String, Object> p = (Map<String, Object>) js("const p = ecozone.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                + "const s = ecozone.map.getSize(); return {x: p.x - s.x / 2, y: p.y - s.y / 2};", lon, lat);
        WebElement map = driver.findElement(By.id("map"));
        new Actions(driver).moveToElement(map, (int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).click().pause(Duration.ofMillis(300)).perform();
    }
}
