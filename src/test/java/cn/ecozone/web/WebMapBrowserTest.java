package cn.ecozone.web;

import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.io.GeoJsonGeometryReader;
import cn.ecozone.geo.GkZone;
import cn.ecozone.geo.Transforms;
import cn.ecozone.io.Geometries;
import org.locationtech.jts.geom.Coordinate;
import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.MapSession;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web map in headless Chromium against a real EcoZone server on a free port: what the public, a planner and
 * a forester see and do (SCENARIOS 1, 3, 4). Screenshots go to the build folder's {@code screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebMapBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    static MapSession map;
    static Http http;
    static HeadlessChromium chromium;
    static WebDriver driver;
    static JsonNode catalog;
    static JsonNode styles;

    @BeforeAll
    static void start() {
        map = MapSession.start(dir);
        http = map.http();
        chromium = map.chromium();
        driver = map.driver();
        catalog = http.get("/map/catalog.json").json();
        styles = http.get("/styles").json();
    }

    @AfterAll
    static void stop() {
        if (map != null) map.close();
    }

    @BeforeEach
    void openTheMap() {
        driver.get(http.base() + "/map/");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js("return window.ecozone && window.ecozone.ready")));
    }

    @Test
    @Order(1)
    void theMapLoadsWithoutConsoleErrorsAndDrawsEveryLayer() {
        long t0 = System.nanoTime();
        driver.get(http.base() + "/");
        driver.findElement(By.cssSelector("a[href='/map/']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js("return window.ecozone && window.ecozone.ready")));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("web map interactive %.2f s after clicking the landing page's link%n", seconds);
        assertTrue(seconds < 5, "interactive in " + seconds + " s");
        List<LogEntry> errors = chromium.consoleErrors();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
        for (JsonNode layer : catalog.get("layers")) {
            String id = layer.get("id").asText();
            long expected = layer.get("featureCount").asLong();
            assertTrue(expected > 0, id);
            assertEquals(expected, ((Number) js("return ecozone.layerCounts[arguments[0]]", id)).longValue(), "features of " + id);
            long drawn = ((Number) js("return document.querySelectorAll('.leaflet-pane-' + arguments[0] + '-pane path.leaflet-interactive').length", id)).longValue();
            assertTrue(drawn >= expected, id + ": " + drawn + " SVG paths for " + expected + " features");
        }
        String attribution = driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText();
        assertTrue(attribution.contains("示意数据"), attribution);
        chromium.screenshot("01-public-map");
    }

    @Test
    @Order(2)
    void largeLayersAreDrawnFromVectorTilesWithEveryFeatureAndPopupsFromTheApi() {
        driver.get(http.base() + "/map/?whole=1");  // every layer with more than one feature counts as large
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js("return ecozone.ready")));
        assertEquals("tiles", js("return ecozone.layers.control_unit.mode"));
        waitForTiles();
        for (JsonNode layer : catalog.get("layers")) {
            String id = layer.get("id").asText();
            if (layer.get("featureCount").asLong() <= 1) continue;
            Map<String, Object> r = tileReport(id);
            assertEquals(0L, ((Number) r.get("failed")).longValue(), id + ": " + r);
            assertEquals(layer.get("featureCount").asLong(), ((Number) r.get("features")).longValue(), id + " drawn from tiles: " + r);
        }
        assertEquals("", driver.findElement(By.id("layer-status")).getText(), "no truncation or failure note");
        assertFalse(driver.findElement(By.tagName("body")).getText().contains("仅显示"));
        // zoomed in on 平城西: its tile is loaded and drawn, nothing fails
        js("ecozone.map.setView([40.05, 113.22], 15, {animate: false})");
        waitForTiles();
        Map<String, Object> r = tileReport("control_unit");
        assertTrue(((Number) r.get("features")).longValue() >= 1 && ((Number) r.get("failed")).longValue() == 0, r.toString());
        assertTrue(((List<?>) js("return ecozone.layers.control_unit.tiles.drawnIds()")).contains("ZH14021310001"));
        // a click on the tile-drawn unit: identify in the panel with the unit's list, the popup with the API's feature
        clickMapAt(113.225, 40.05);
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup[data-layer='control_unit']")).stream().findFirst().orElse(null));
        assertEquals("ZH14021310001", popup.getAttribute("data-feature"));
        assertTrue(popup.getText().contains("平城西"), popup.getText());
        assertFalse(popup.findElements(By.cssSelector("button.show-unit-list")).isEmpty(), "the unit's list is offered");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#identify .unit-list[data-unit='ZH14021310001']")).isEmpty());
        assertTrue(((Number) js("return ecozone.map.getPane('tile-selected').querySelectorAll('path').length")).intValue() >= 1,
                "the exact outline is drawn");
        assertTrue(chromium.consoleErrors().isEmpty());
        chromium.screenshot("02-tiles-popup");
    }

    @Test
    @Order(14)
    void districtNamesAreLabelledAndAFailingBaseMapSaysSo() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return ecozone.contextLabels.done")));
        List<String> labels = driver.findElements(By.cssSelector(".ctx-label-admin span")).stream().map(e -> e.getAttribute("textContent")).toList();
        assertTrue(labels.contains("平城区") && labels.contains("云州区"), "district labels: " + labels);
        // a base map whose tiles cannot be had (as offline): a notice, the map still answers
        js("ecozone.basemapUrls.osm = location.origin + '/no-such-basemap/{z}/{x}/{y}.png';");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("basemap"))).selectByValue("osm");
        WebElement notice = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".ctx-basemap-notice")).stream().findFirst().orElse(null));
        assertTrue(notice.getText().contains("底图") && notice.getText().contains("加载失败"), notice.getText());
        assertTrue(notice.isDisplayed());
        chromium.screenshot("14-basemap-failed");
        driver.findElement(By.id("lang")).click();
        assertTrue(driver.findElement(By.cssSelector(".ctx-basemap-notice")).getText().contains("failed to load"));
        driver.findElement(By.cssSelector(".ctx-basemap-none")).click();
        assertTrue(driver.findElements(By.cssSelector(".ctx-basemap-notice")).isEmpty());
        assertEquals("none", js("return document.getElementById('basemap').value"));
        driver.findElement(By.id("lang")).click();
        chromium.consoleErrors();  // the failed base-map tiles were logged by the browser
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tileReport(String layer) {
        return (Map<String, Object>) js("return ecozone.layers[arguments[0]].tiles.report()", layer);
    }

    private void waitForTiles() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js("return ecozone.tilesSettled()")));
    }

    @Test
    @Order(3)
    void theLegendListsEveryStyleClassAndSwitchesLayers() {
        for (var it = styles.fields(); it.hasNext(); ) {
            var e = it.next();
            WebElement layer = driver.findElement(By.cssSelector(".legend-layer[data-layer='" + e.getKey() + "']"));
            for (JsonNode c : e.getValue().path("classes")) {
                WebElement row = layer.findElement(By.cssSelector(".legend-class[data-value='" + c.get("value").asText() + "']"));
                assertEquals(c.at("/label/zh").asText(), row.getText().trim());
            }
        }
        String pane = ".leaflet-pane-control_unit-pane path";
        assertEquals(4, driver.findElements(By.cssSelector(pane)).size());
        driver.findElement(By.cssSelector("input[data-layer='control_unit']")).click();
        assertEquals(0, driver.findElements(By.cssSelector(pane)).size(), "unticked layer is hidden");
        driver.findElement(By.cssSelector("input[data-layer='control_unit']")).click();
        assertEquals(4, driver.findElements(By.cssSelector(pane)).size());
    }

    @Test
    @Order(4)
    void clickingAPointListsTheZonesThere() {
        double lon = 113.225, lat = 40.02;
        clickMapAt(lon, lat);
        WebElement panel;
        try {
            panel = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
                List<WebElement> zones = d.findElements(By.cssSelector("#identify li.zone"));
                return zones.isEmpty() ? null : d.findElement(By.id("identify"));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            chromium.screenshot("02-identify-failed");
            throw new AssertionError("no zones listed; panel: " + driver.findElement(By.id("identify")).getAttribute("textContent")
                    + "; console: " + chromium.consoleErrors(), e);
        }
        Set<String> shown = new HashSet<>();
        for (WebElement z : panel.findElements(By.cssSelector("li.zone"))) shown.add(z.getAttribute("data-collection") + "/" + z.getAttribute("data-feature"));
        Set<String> expected = new HashSet<>();
        for (JsonNode z : http.get("/analysis/identify?lon=" + lon + "&lat=" + lat).json().get("zones")) {
            expected.add(z.get("collection").asText() + "/" + z.get("featureId").asText());
        }
        assertEquals(expected, shown);
        String text = panel.getText();
        assertTrue(text.contains("采凉山") && text.contains("平城西") && text.contains("平城区"), text);
        chromium.screenshot("02-identify");
    }

    @Test
    @Order(5)
    void aMonitoringSectionShowsItsWaterQualityByYear() {
        js("ecozone.zoomToFeature('monitoring', 'M-BZW')");
        WebElement chart = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup svg.quality-chart")).stream().findFirst().orElse(null));
        List<String> classes = chart.findElements(By.tagName("rect")).stream().map(r -> r.getAttribute("data-class")).toList();
        assertEquals(List.of("Ⅳ", "Ⅳ", "Ⅳ", "Ⅴ", "劣Ⅴ", "Ⅳ"), classes);
        List<String> years = chart.findElements(By.cssSelector("text.year")).stream().map(t -> t.getAttribute("textContent")).toList();
        assertEquals(List.of("2015", "2016", "2017", "2018", "2019", "2020"), years);
        WebElement worst = chart.findElements(By.tagName("rect")).get(4);
        assertEquals("#c62828", worst.getAttribute("fill"), "劣Ⅴ is red");
        String popup = driver.findElement(By.cssSelector(".leaflet-popup-content")).getText();
        assertTrue(popup.contains("河流") && popup.contains("御河"), "attributes under their Chinese titles: " + popup);
        chromium.screenshot("03-monitoring-popup");
    }

    @Test
    @Order(6)
    void searchingACodeZoomsToTheUnit() {
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("ZH14021320002");
        WebElement hit = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#search-results li.result")).stream().findFirst().orElse(null));
        assertTrue(hit.getText().contains("平城东"), hit.getText());
        hit.click();
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream().findFirst().orElse(null));
        assertEquals("ZH14021320002", popup.getAttribute("data-feature"));
    }

    @Test
    @Order(7)
    void textFromTheDataIsShownAsTextNeverAsMarkup() {
        js("ecozone.zoomToFeature('monitoring', 'M-AIR')");
        WebElement title = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content h3")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertEquals("平城空气站 <b>1</b>", title.getText());
        assertTrue(title.findElements(By.tagName("b")).isEmpty());
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("<img src=x onerror=alert(1)>'\"%_");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#search-results img")).isEmpty());
        assertTrue(chromium.consoleErrors().isEmpty(), "typing markup breaks nothing");
    }

    @Test
    @Order(8)
    void uploadingABoundaryTxtShowsTheVerdictHitsAndClauses() throws Exception {
        String txt = boundaryPointTxt("光伏一区", 46.45, 113.215, 40.015, 113.222, 40.022);
        Path file = dir.resolve("新荣光伏.txt");
        Files.writeString(file, txt, Charset.forName("GBK"));
        driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("industry"))).selectByValue("pv");
        driver.findElement(By.id("site-file")).sendKeys(file.toString());
        WebElement verdict = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("verdict")).stream().findFirst().orElse(null));
        JsonNode expected = JSON.readTree(http.send(http.request("/analysis/site-check?industry=pv")
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file))).build()).body());
        assertEquals("prohibited", expected.get("verdict").asText());
        assertTrue(verdict.getAttribute("class").contains("verdict-prohibited"));
        assertEquals("禁止准入", verdict.getText());
        List<WebElement> rows = driver.findElements(By.cssSelector("table.hits tbody tr"));
        assertEquals(expected.get("hits").size(), rows.size());
        String hits = driver.findElement(By.cssSelector("table.hits")).getText();
        assertTrue(hits.contains("采凉山") && hits.contains("平城西"), hits);
        assertTrue(hits.contains(String.format("%.4f", expected.at("/hits/0/overlapHa").asDouble())), hits);
        assertFalse(driver.findElements(By.cssSelector("li.clause.severity-prohibited")).isEmpty());
        assertTrue(driver.findElement(By.id("site-area-ha")).getText().startsWith(String.format("%.4f", expected.at("/site/areaHa").asDouble())));
        long highlighted = ((Number) js("return document.querySelectorAll('.leaflet-pane.leaflet-highlight-pane path').length")).longValue();
        assertTrue(highlighted >= 2, "hit zones highlighted: " + highlighted);
        assertTrue(chromium.consoleErrors().isEmpty());
        chromium.screenshot("04-site-check");
    }

    @Test
    @Order(9)
    void aSiteDrawnOnTheMapIsCheckedLikeAnUploadedOne() throws Exception {
        driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
        showForDrawing();
        driver.findElement(By.id("draw-site")).click();
        double[][] corners = {{113.26, 40.04}, {113.28, 40.04}, {113.28, 40.06}, {113.26, 40.06}, {113.26, 40.04}};
        for (double[] c : corners) clickMapAt(c[0], c[1]);
        WebElement verdict = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("verdict")).stream().findFirst().orElse(null));
        String drawn = (String) js("return JSON.stringify(ecozone.lastSiteGeometry)");
        JsonNode expected = http.post("/analysis/site-check", "application/json", drawn).json();
        assertTrue(verdict.getAttribute("class").contains("verdict-" + expected.get("verdict").asText()), verdict.getAttribute("class"));
        assertEquals(expected.get("hits").size(), driver.findElements(By.cssSelector("table.hits tbody tr")).size());
        assertTrue(driver.findElement(By.cssSelector("table.hits")).getText().contains("平城东"));
        assertTrue(chromium.consoleErrors().isEmpty());
    }

    @Test
    @Order(10)
    void aBadFileGetsTheServersReadableMessage() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "这不是坐标文件 not a boundary file");
        driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
        driver.findElement(By.id("site-file")).sendKeys(file.toString());
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#planner-result .error")).stream().findFirst().orElse(null));
        Http.Response direct = http.post("/analysis/site-check", "text/plain", Files.readString(file));
        assertEquals(400, direct.status(), "the server refuses the file as bad input: " + direct.body());
        // the server writes "中文 / English"; the page shows the half in its language (Chinese here), the English not
        String detail = direct.json().get("detail").asText();
        int split = detail.indexOf(" / ");
        assertTrue(split > 0, detail);
        assertTrue(error.getText().contains(detail.substring(0, split)), error.getText() + " / " + detail);
        assertFalse(error.getText().contains("unrecognised"), error.getText());
        assertTrue(error.getText().startsWith(direct.json().get("title").asText().replaceAll("\\s*[A-Za-z].*$", "")), error.getText());
    }

    @Test
    @Order(11)
    void aDrawnPolygonIsMeasuredOnTheEllipsoid() throws Exception {
        driver.findElement(By.cssSelector("#tabs button[data-tab='forester']")).click();
        showForDrawing();
        driver.findElement(By.id("draw-measure")).click();
        double[][] corners = {{113.26, 40.04}, {113.28, 40.04}, {113.28, 40.06}, {113.26, 40.06}, {113.26, 40.04}};
        for (double[] c : corners) clickMapAt(c[0], c[1]);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("measure-ha")).isEmpty());
        String drawn = (String) js("return JSON.stringify(ecozone.lastMeasure.geometry)");
        double m2 = EllipsoidalMeasure.area(new GeoJsonGeometryReader().read(JSON.readTree(drawn)));
        assertTrue(m2 > 3_000_000, "about 1.7 km × 2.2 km: " + m2);
        String ha = driver.findElement(By.id("measure-ha")).getText();
        assertTrue(ha.replace(",", "").startsWith(String.format("%.4f", m2 / 10_000)), ha + " vs " + m2);
        String mu = driver.findElement(By.id("measure-mu")).getText();
        assertTrue(mu.replace(",", "").startsWith(String.format("%.2f", m2 * 15 / 10_000)), mu);
        chromium.screenshot("05-measure");
    }

    @Test
    @Order(12)
    void theRestorationPanelSummarisesByMineAndListsAMinesPlots() {
        driver.findElement(By.cssSelector("#tabs button[data-tab='forester']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("table.groups tr.group-row")).isEmpty());
        JsonNode report = http.get("/analysis/measure/restoration?groupBy=mine").json();
        List<WebElement> rows = driver.findElements(By.cssSelector("table.groups tr.group-row"));
        assertEquals(report.get("groups").size(), rows.size());
        WebElement tianma = driver.findElement(By.cssSelector("tr.group-row[data-key='天马泰山']"));
        assertTrue(tianma.getText().contains("2"), tianma.getText());
        tianma.click();
        List<String> plots = new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            List<String> ids = d.findElements(By.cssSelector("table.plots tbody tr td:first-child")).stream().map(WebElement::getText).toList();
            return ids.isEmpty() ? null : ids;
        });
        assertEquals(List.of("TM-01", "TM-02"), plots.stream().sorted().toList());
        String csv = driver.findElement(By.id("csv-link")).getAttribute("href");
        Http.Response r = http.get(csv.substring(http.base().length()));
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        assertTrue(r.body().contains("天马泰山"));
        driver.findElement(By.cssSelector("table.plots a.zoom-plot")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".leaflet-popup-content .popup")).isEmpty());
        chromium.screenshot("06-restoration");
    }

    @Test
    @Order(13)
    void theEnglishToggleSwitchesEveryLabel() {
        driver.findElement(By.id("lang")).click();
        assertEquals("Site check", driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).getText());
        assertEquals("Legend", driver.findElement(By.cssSelector("#legend h2")).getText());
        assertEquals("Priority protection", driver.findElement(By.cssSelector(".legend-layer[data-layer='control_unit'] .legend-class[data-value='优先保护']")).getText().trim());
        assertEquals("Monitoring points", driver.findElement(By.cssSelector(".legend-layer[data-layer='monitoring'] .legend-title")).getText().trim());
        assertTrue(driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText().contains("Illustrative"));
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        chromium.screenshot("07-english");
        driver.findElement(By.id("lang")).click();
        assertEquals("选址研判", driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).getText());
    }

    /** A 国土 boundary-point TXT of one rectangular plot in CGCS2000 GK zone 38 (X north, Y east with the zone prefix). */
    static String boundaryPointTxt(String name, double declaredHa, double w, double s, double e, double n) {
        double[][] ring = {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < ring.length; i++) {
            var p = Transforms.apply(Geometries.FACTORY.createPoint(new Coordinate(ring[i][0], ring[i][1])), 4490,
                    new GkZone(38).epsgWithPrefix()).getCoordinate();
            points.append(String.format(java.util.Locale.ROOT, "J%d,1,%.3f,%.3f%n", i == ring.length - 1 ? 1 : i + 1, p.y, p.x));
        }
        return "[属性描述]\n格式版本号=1.01\n坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n带号=38\n精度=0.001\n"
                + "[地块坐标]\n" + String.format(java.util.Locale.ROOT, "%d,%.4f,1,%s,面,,光伏用地,,@%n", ring.length, declaredHa, name) + points;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A real mouse click on the map at a lon/lat. */
    @SuppressWarnings("unchecked")
    /** A settled view with the drawing corners well inside the map, no popup in the way. */
    private void showForDrawing() {
        js("ecozone.map.closePopup(); ecozone.map.setView([40.05, 113.27], 13, {animate: false})");
    }

    private void clickMapAt(double lon, double lat) {
        Map<String, Object> p = (Map<String, Object>) js("const p = ecozone.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                + "const s = ecozone.map.getSize(); return {x: p.x - s.x / 2, y: p.y - s.y / 2};", lon, lat);
        WebElement map = driver.findElement(By.id("map"));
        new Actions(driver).moveToElement(map, (int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).click().pause(Duration.ofMillis(300)).perform();
    }
}
