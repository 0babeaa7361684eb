package cn.ecozone.web;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SampleServer;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.TileMapLoad;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web map on a generated load too large to send whole (3,000 Voronoi control units, 4,000 red lines and 20
 * districts, {@link TileMapLoad}) in headless Chromium against a real server: both large layers come from the
 * vector tiles, every feature is drawn at the whole extent, panning and zooming to a city loads every tile it needs
 * (each answered 200 or 204), and a click on a tile-drawn unit shows identify, the popup and the unit's 管控要求.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TileMapBrowserTest {
    static final int UNITS = 3000, REDLINES = 4000;
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;
    static HeadlessChromium chromium;
    static WebDriver driver;
    static JsonNode catalog;

    @BeforeAll
    static void start() throws Exception {
        TileMapLoad.write(dir, UNITS, REDLINES);
        LayerLoader.Result r = LayerLoader.load(dir.resolve("layers"));
        assertTrue(r.ok(), r::toString);
        server = EcoZoneServer.start(new ServerConfig(0, dir.resolve("layers"), dir.resolve("styles"), Path.of("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded"), r.layers());
        http = new Http(server.port());
        catalog = http.get("/map/catalog.json").json();
        chromium = new HeadlessChromium(1400, 900);
        driver = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void atTheWholeExtentEveryFeatureOfTheLargeLayersIsDrawnFromTiles() {
        driver.get(http.base() + "/map/");
        waitForTiles(40);
        System.out.printf(Locale.ROOT, "generated load: first full paint %.0f ms after navigation%n", ((Number) js("return ecozone.firstFullPaint")).doubleValue());
        for (String id : List.of("control_unit", "redline")) {
            assertEquals("tiles", js("return ecozone.layers[arguments[0]].mode", id), id);
            Map<String, Object> r = report(id);
            System.out.println("  " + r);
            assertEquals(0L, num(r, "failedEver"), id + ": " + r);
            assertEquals(0L, num(r, "failed") + num(r, "pending") + num(r, "missing"), id + ": " + r);
            // the whole extent is a coarse zoom: the layer is drawn from the server's map tiles (PNG), every tile in view one
            assertEquals(num(r, "tiles"), num(r, "raster"), id + " drawn from map tiles at the whole extent: " + r);
            assertTrue(num(r, "ok") > 0, id + ": " + r);
            // every feature of the layer has a painted pixel of its layer where it lies
            List<SourceFeatures.Source> all = SourceFeatures.read(dir.resolve("layers"), id);
            assertEquals(count(id), all.size());
            assertEveryFeaturePainted(id, all, "the whole extent");
            // and the check sees blank map: just west of the layer's extent, in view, nothing of the layer is painted
            org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
            all.forEach(f -> extent.expandToInclude(f.jts().getEnvelopeInternal()));
            @SuppressWarnings("unchecked")
            List<Number> outside = (List<Number>) js("return ecozone.layers[arguments[0]].tiles.unpaintedAt(arguments[1], 1)", id,
                    List.of(List.of(extent.getMinX() - 0.3, extent.centre().y), List.of(extent.getMaxX() + 0.3, extent.centre().y)));
            assertEquals(2, outside.size(), id + ": points off the layer are not painted");
        }
        assertEquals(UNITS, count("control_unit"));
        assertEquals(REDLINES, count("redline"));
        String page = driver.findElement(By.tagName("body")).getText();
        assertFalse(page.contains("仅显示") || page.contains("前 3000"), "no truncation message");
        assertEquals("", driver.findElement(By.id("layer-status")).getText());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return ecozone.contextLabels.done")));
        assertEquals(20L, ((Number) js("return ecozone.contextLabels.admin")).longValue(), "every district is labelled at the whole extent");
        assertTrue(chromium.consoleErrors().isEmpty());
        chromium.screenshot("20-tiles-generated-load");
    }

    @Test
    @Order(2)
    void panningAndZoomingToACityLoadsEveryTileItNeeds() {
        double[][] views = {{36.0, 112.0, 10}, {36.05, 112.3, 10}, {35.9, 112.3, 11}, {39.5, 116.4, 9}, {39.52, 116.45, 12}, {33.0, 108.0, 8}};
        long unitLabels = 0;
        for (double[] v : views) {
            js(String.format(Locale.ROOT, "ecozone.map.setView([%f, %f], %d, {animate: false})", v[0], v[1], (int) v[2]));
            waitForTiles(30);
            String bbox = (String) js("const b = ecozone.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(x => x.toFixed(6)).join(',')");
            for (String id : List.of("control_unit", "redline")) {
                Map<String, Object> r = report(id);
                assertEquals(0L, num(r, "failed") + num(r, "pending") + num(r, "missing"), id + " at " + List.of(v[0], v[1], v[2]) + ": " + r);
                boolean raster = v[2] <= RASTER_MAX_ZOOM;
                assertEquals(raster ? num(r, "tiles") : 0L, num(r, "raster"), "map tiles up to zoom " + RASTER_MAX_ZOOM + ", vector tiles above: " + r);
                @SuppressWarnings("unchecked")
                Set<String> drawn = new HashSet<>((List<String>) js("return ecozone.layers[arguments[0]].tiles.drawnIds()", id));
                JsonNode inView = http.get("/collections/" + id + "/items?limit=10000&bbox=" + bbox).json();
                int n = 0;
                List<SourceFeatures.Source> features = new java.util.ArrayList<>();
                for (JsonNode f : inView.get("features")) {
                    String code = f.at("/properties/code").asText();
                    if (raster) features.add(new SourceFeatures.Source(code, f.get("properties"), f.get("geometry")));
                    else assertTrue(drawn.contains(code), id + " " + code + " is in view but not drawn at " + List.of(v[0], v[1], v[2]));
                    n++;
                }
                if (raster) assertEveryFeaturePainted(id, features, List.of(v[0], v[1], v[2]).toString());
                assertTrue(n > 0 || id.equals("redline"), id + " has features in view");
            }
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return ecozone.contextLabels.done")));
            unitLabels = Math.max(unitLabels, ((Number) js("return ecozone.contextLabels.unit")).longValue());
        }
        // the browser's own record: every tile request was answered 200 or 204
        @SuppressWarnings("unchecked")
        List<Number> statuses = (List<Number>) js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/tiles/WebMercatorQuad/'))"
                + ".filter(e => e.responseStatus !== undefined && e.responseStatus !== 0).map(e => e.responseStatus)");
        assertFalse(statuses.isEmpty());
        assertTrue(statuses.stream().allMatch(s -> s.intValue() == 200 || s.intValue() == 204 || s.intValue() == 304), "tile statuses " + new HashSet<>(statuses));
        assertEquals(0L, num(report("control_unit"), "failedEver"));
        assertEquals(0L, num(report("redline"), "failedEver"));
        assertTrue(unitLabels > 0, "units are labelled once zoomed in");
        assertTrue(chromium.consoleErrors().isEmpty());
        chromium.screenshot("21-tiles-city");
    }

    @Test
    @Order(3)
    void clickingAUnitOnTheTileLayerShowsIdentifyThePopupAndTheUnitsList() {
        js("ecozone.map.setView([36.0, 112.0], 11, {animate: false})");
        waitForTiles(30);
        double lon = 111.97, lat = 36.01;
        JsonNode zones = http.get("/analysis/identify?lon=" + lon + "&lat=" + lat).json().get("zones");
        String unit = null;
        for (JsonNode z : zones) if (z.get("collection").asText().equals("control_unit")) unit = z.get("featureId").asText();
        assertTrue(unit != null, "a unit at the point: " + zones);
        clickMapAt(lon, lat);
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream().findFirst().orElse(null));
        String top = zones.get(zones.size() - 1).get("collection").asText();
        assertTrue(popup.getAttribute("data-layer").equals("control_unit") || popup.getAttribute("data-layer").equals(top), popup.getAttribute("data-layer"));
        final String code = unit;
        WebElement list = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#identify .unit-list[data-unit='" + code + "']")).stream().findFirst().orElse(null));
        assertTrue(list.getText().contains("限制高强度开发"), list.getText());
        Set<String> shown = new HashSet<>();
        for (WebElement z : driver.findElements(By.cssSelector("#identify li.zone"))) shown.add(z.getAttribute("data-collection") + "/" + z.getAttribute("data-feature"));
        assertTrue(shown.contains("control_unit/" + unit), shown.toString());
        assertTrue(chromium.consoleErrors().isEmpty());
        chromium.screenshot("22-tiles-click");
    }

    @Test
    @Order(4)
    void onMapTilesAClickStillIdentifiesFromTheApiAndOpensTheFeature() {
        js("ecozone.map.closePopup(); ecozone.map.setView([35.8, 112.3], 7, {animate: false})");
        waitForTiles(30);
        Map<String, Object> r = report("control_unit");
        assertEquals(num(r, "tiles"), num(r, "raster"), "zoom 7 is drawn from map tiles: " + r);
        double lon = 112.31, lat = 35.79;
        JsonNode zones = http.get("/analysis/identify?lon=" + lon + "&lat=" + lat).json().get("zones");
        String unit = null;
        for (JsonNode z : zones) if (z.get("collection").asText().equals("control_unit")) unit = z.get("featureId").asText();
        assertTrue(unit != null, "a unit at the point: " + zones);
        clickMapAt(lon, lat);
        final String code = unit;
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#identify li.zone[data-collection='control_unit'][data-feature='" + code + "']")).size() == 1);
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream().findFirst().orElse(null));
        String top = zones.get(zones.size() - 1).get("collection").asText();
        String layer = popup.getAttribute("data-layer");
        assertTrue(layer.equals(top) || layer.equals("control_unit"), layer + " (top: " + top + ")");
        if (layer.equals("control_unit")) assertEquals(code, popup.getAttribute("data-feature"));
        assertTrue(chromium.consoleErrors().isEmpty());
        chromium.screenshot("22b-map-tiles-click");
    }

    @Test
    @Order(5)
    void phoneScreenshotsOfTheGeneratedLoadAndTheSample() {
        try (HeadlessChromium phone = new HeadlessChromium(390, 844); SampleServer sample = SampleServer.start()) {
            WebDriver d = phone.driver();
            // headless windows are at least 500 px wide: a phone's viewport is emulated
            phone.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            d.get(http.base() + "/map/");
            new WebDriverWait(d, Duration.ofSeconds(40)).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return ecozone.ready && ecozone.tilesSettled()")));
            phone.screenshot("23-tiles-generated-load-phone");
            d.get(sample.http().base() + "/map/");
            new WebDriverWait(d, Duration.ofSeconds(40)).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return ecozone.ready && ecozone.tilesSettled()")));
            phone.screenshot("24-sample-phone");
            assertTrue(phone.consoleErrors().isEmpty(), phone.consoleErrors().toString());
            driver.get(sample.http().base() + "/map/");
            new WebDriverWait(driver, Duration.ofSeconds(40)).until(x -> Boolean.TRUE.equals(js("return ecozone.ready && ecozone.tilesSettled() && ecozone.contextLabels.done")));
            chromium.screenshot("25-sample-desktop");
        }
    }

    /** The map zoom up to which tile layers draw the server's map tiles (web/js/tiles.js RASTER_MAX_ZOOM). */
    static final int RASTER_MAX_ZOOM = 8;

    /**
     * Every feature has a painted pixel (alpha > 0) of its layer's tiles within one pixel of a point inside it (JTS
     * interior point of the exact geometry; a feature whose interior point is outside the view is drawn in part and
     * checked where it is whole). Read back from the tiles' canvases in the page.
     */
    private void assertEveryFeaturePainted(String id, List<SourceFeatures.Source> features, String where) {
        @SuppressWarnings("unchecked")
        List<Number> b = (List<Number>) js("const b = ecozone.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]");
        org.locationtech.jts.geom.Envelope view = new org.locationtech.jts.geom.Envelope(b.get(0).doubleValue(), b.get(2).doubleValue(),
                b.get(1).doubleValue(), b.get(3).doubleValue());
        List<List<Double>> points = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (SourceFeatures.Source f : features) {
            org.locationtech.jts.geom.Point p = f.jts().getInteriorPoint();
            if (!view.contains(p.getCoordinate())) continue;
            points.add(List.of(p.getX(), p.getY()));
            ids.add(f.id());
        }
        assertTrue(!points.isEmpty() || id.equals("redline"), id + " has features in view at " + where);
        @SuppressWarnings("unchecked")
        List<Number> unpainted = (List<Number>) js("return ecozone.layers[arguments[0]].tiles.unpaintedAt(arguments[1], 1)", id, points);
        List<String> missing = unpainted.stream().map(i -> ids.get(i.intValue()) + " " + points.get(i.intValue())).limit(10).toList();
        assertTrue(unpainted.isEmpty(), id + ": " + unpainted.size() + " of " + points.size() + " features not painted at " + where + ": " + missing);
        System.out.printf(Locale.ROOT, "  %s at %s: %d of %d features painted%n", id, where, points.size() - unpainted.size(), points.size());
    }

    private long count(String id) {
        for (JsonNode l : catalog.get("layers")) if (l.get("id").asText().equals(id)) return l.get("featureCount").asLong();
        throw new AssertionError(id);
    }

    private static long num(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> report(String layer) {
        return (Map<String, Object>) js("return ecozone.layers[arguments[0]].tiles.report()", layer);
    }

    private void waitForTiles(int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> Boolean.TRUE.equals(js("return !!(window.ecozone && ecozone.ready && ecozone.tilesSettled())")));
    }

    @SuppressWarnings("unchecked")
    private void clickMapAt(double lon, double lat) {
        Map<String, Object> p = (Map<String, Object>) js("const p = ecozone.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                + "const s = ecozone.map.getSize(); return {x: p.x - s.x / 2, y: p.y - s.y / 2};", lon, lat);
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), (int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).click().pause(Duration.ofMillis(300)).perform();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
