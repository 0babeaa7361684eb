package cn.ecozone.web;

import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.MapSession;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The forester's panel (a mine's plots listed and highlighted, statuses in workflow order, group-by from the catalog,
 * measured next to declared area in popups) and the planner's site tools (undo a vertex, export TXT/GeoJSON,
 * permalink), at desktop 1400×900 and phone 390×844. Screenshots go to the build folder's {@code screenshots/}.
 */
class ForesterPlannerBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int[][] SIZES = {{1400, 900}, {390, 844}};
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

    @AfterEach
    void desktopAgain() {
        driver.manage().window().setSize(new Dimension(1400, 900));
    }

    private void open(int[] size, String hash) {
        driver.manage().window().setSize(new Dimension(size[0], size[1]));
        driver.get("about:blank");
        driver.get(http.base() + "/map/" + hash);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js("return window.ecozone && window.ecozone.ready")));
    }

    private static String tag(int[] size) {
        return size[0] < 600 ? "phone" : "desktop";
    }

    @Test
    void clickingAMineListsAndHighlightsItsPlotsInWorkflowOrderWithMeasuredAreasInPopups() {
        JsonNode report = http.get("/analysis/measure/restoration?groupBy=mine").json();
        for (int[] size : SIZES) {
            open(size, "");
            driver.findElement(By.cssSelector("#tabs button[data-tab='forester']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("table.groups tr.group-row")).isEmpty());
            // group-by: attributes with values or text, from the catalog; not the id, name, year or declared area
            List<String> options = driver.findElements(By.cssSelector("#group-by option")).stream().map(o -> o.getAttribute("value")).toList();
            assertEquals(List.of("mine", "status", "method"), options);
            // the progress column says what "1 / 4" counts
            String progressHeader = driver.findElement(By.cssSelector("table.progress thead")).getText();
            assertTrue(progressHeader.contains("已修复 / 图斑数"), progressHeader);
            WebElement cell = driver.findElement(By.cssSelector("table.progress .restored-of-plots"));
            assertTrue(cell.getAttribute("title").matches("\\d+ 个图斑已修复或已验收，共 \\d+ 个图斑"), cell.getAttribute("title"));
            assertTrue(driver.findElement(By.id("progress-note")).getText().contains("已修复或已验收"));
            assertTrue(driver.findElement(By.id("csv-progress-link")).getAttribute("href").contains("table=progress"));
            // a mine: its plots listed and outlined on the map
            driver.findElement(By.cssSelector("tr.group-row[data-key='天马泰山']")).click();
            List<String> plots = new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
                List<String> ids = d.findElements(By.cssSelector("table.plots tbody tr td:first-child")).stream().map(WebElement::getText).toList();
                return ids.isEmpty() ? null : ids;
            });
            assertEquals(List.of("TM-01", "TM-02"), plots.stream().sorted().toList());
            assertEquals(List.of("TM-01", "TM-02"), ((List<?>) js("return ecozone.highlightedPlots.slice().sort()")));
            long outlined = ((Number) js("return document.querySelectorAll('.leaflet-highlight-pane path').length")).longValue();
            assertEquals(2, outlined, "the mine's plots outlined");
            chromium.screenshot("20-forester-mine-" + tag(size));
            // statuses in workflow order
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("group-by"))).selectByValue("status");
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("table.groups tr.group-row")).isEmpty());
            List<String> statuses = driver.findElements(By.cssSelector("table.groups tr.group-row")).stream().map(e -> e.getAttribute("data-key")).toList();
            List<String> workflow = List.of("待修复", "修复中", "已修复", "已验收");
            assertEquals(workflow.stream().filter(statuses::contains).toList(), statuses);
            assertTrue(statuses.size() >= 2, statuses.toString());
            // a plot's popup: measured next to declared
            js("ecozone.zoomToFeature('restoration', 'TM-01')");
            WebElement measured = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup-measured"))
                    .stream().filter(e -> e.getText().contains("申报")).findFirst().orElse(null));
            JsonNode tm01 = report.get("plots").get(1);
            assertEquals("TM-01", tm01.get("id").asText());
            assertTrue(measured.getText().startsWith(String.format("%.2f", tm01.at("/area/mu").asDouble())), measured.getText());
            List<String> rows = driver.findElements(By.cssSelector(".leaflet-popup-content table.attrs th")).stream().map(WebElement::getText).toList();
            assertEquals(rows.indexOf("申报面积（亩）") + 1, rows.indexOf("实测面积（亩）"), "measured right after declared: " + rows);
            chromium.screenshot("21-forester-popup-" + tag(size));
            assertTrue(chromium.consoleErrors().isEmpty(), chromium.consoleErrors().toString());
        }
    }

    @Test
    void aDrawnSiteUndoesAVertexExportsAsTxtAndGeoJsonAndReopensFromItsPermalink() throws Exception {
        open(SIZES[0], "");
        driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("industry"))).selectByValue("pv");
        js("ecozone.map.closePopup(); ecozone.map.setView([40.05, 113.27], 13, {animate: false})");
        driver.findElement(By.id("draw-site")).click();
        assertFalse(driver.findElement(By.id("undo-vertex")).isEnabled());
        clickMapAt(113.26, 40.04);
        clickMapAt(113.28, 40.04);
        clickMapAt(113.29, 40.07);   // a misplaced vertex …
        assertTrue(driver.findElement(By.id("undo-vertex")).isEnabled());
        driver.findElement(By.id("undo-vertex")).click();   // … taken back
        clickMapAt(113.28, 40.06);
        clickMapAt(113.26, 40.06);
        clickMapAt(113.26, 40.04);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
        JsonNode drawn = JSON.readTree((String) js("return JSON.stringify(ecozone.lastSiteGeometry)"));
        assertEquals(5, drawn.at("/coordinates/0").size(), "four corners and the closing point: " + drawn);
        assertEquals(113.28, drawn.at("/coordinates/0/2/0").asDouble(), 0.001, "the undone vertex is gone");
        String areaHa = driver.findElement(By.id("site-area-ha")).getText();

        driver.findElement(By.id("export-txt")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("return ecozone.lastSiteExport && ecozone.lastSiteExport.format === 'txt'") == Boolean.TRUE);
        String txt = (String) js("return ecozone.lastSiteExport.text");
        assertTrue(txt.contains("带号=38") && txt.contains("[地块坐标]"), txt);
        JsonNode back = http.post("/analysis/site-check?f=json", "text/plain", txt).json();
        JsonNode direct = http.post("/analysis/site-check?f=json", "application/json", drawn.toString()).json();
        assertEquals(direct.at("/site/areaM2").asDouble(), back.at("/site/areaM2").asDouble(), 0.01);
        driver.findElement(By.id("export-geojson")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("return ecozone.lastSiteExport && ecozone.lastSiteExport.format === 'geojson'") == Boolean.TRUE);
        assertEquals("Polygon", JSON.readTree((String) js("return ecozone.lastSiteExport.text")).at("/features/0/geometry/type").asText());

        driver.findElement(By.id("permalink")).click();
        String link = driver.findElement(By.id("permalink-url")).getAttribute("value");
        assertTrue(link.contains("#site=") && link.contains("industry=pv"), link);
        assertTrue(link.length() < 2100, link);
        chromium.screenshot("22-planner-tools-desktop");

        // the link in a fresh page, desktop and phone: same site, same industry, same result
        for (int[] size : SIZES) {
            open(size, link.substring(link.indexOf('#')));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
            assertEquals("pv", js("return document.getElementById('industry').value"));
            assertEquals("", js("return document.getElementById('project-name').value"), "no name typed, none in the link");
            assertEquals(areaHa, driver.findElement(By.id("site-area-ha")).getText());
            assertEquals(direct.get("verdict").asText(), driver.findElement(By.id("verdict")).getAttribute("class").replaceAll(".*verdict-", ""));
            assertTrue(driver.findElement(By.id("export-txt")).isEnabled());
            chromium.screenshot("23-planner-permalink-" + tag(size));
        }
        // too many vertices for a link: said so, no link
        open(SIZES[0], "");
        js("const ring = []; for (let i = 0; i < 600; i++) { const a = 2 * Math.PI * i / 600; ring.push([113.27 + 0.01 * Math.cos(a) + 0.0003 * Math.sin(37 * a), 40.05 + 0.008 * Math.sin(a)]); }"
                + "ring.push(ring[0]); const g = {type: 'Polygon', coordinates: [ring]};"
                + "window.__done = false; ecozone.siteCheck(JSON.stringify(g), 'application/json', {type: 'Feature', properties: {}, geometry: g}, false).then(() => { window.__done = true; });");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> js("return window.__done") == Boolean.TRUE);
        driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
        driver.findElement(By.id("permalink")).click();
        String note = driver.findElement(By.id("site-tools-note")).getText();
        assertTrue(note.contains("无法生成链接"), note);
        assertFalse(driver.getCurrentUrl().contains("site="));
        // 清除 forgets the site and disables the tools
        driver.findElement(By.id("clear-site")).click();
        assertFalse(driver.findElement(By.id("export-txt")).isEnabled());
        assertTrue(chromium.consoleErrors().isEmpty(), chromium.consoleErrors().toString());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private void clickMapAt(double lon, double lat) {
        Map<String, Object> p = (Map<String, Object>) js("const p = ecozone.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                + "const s = ecozone.map.getSize(); return {x: p.x - s.x / 2, y: p.y - s.y / 2};", lon, lat);
        WebElement map = driver.findElement(By.id("map"));
        new Actions(driver).moveToElement(map, (int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).click().pause(Duration.ofMillis(300)).perform();
    }
}
