package cn.ecozone.bench;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SyntheticLoad;
import cn.ecozone.testsupport.TileMapLoad;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The web map on the national-scale load (44,604 Voronoi control units, 100,000 red lines, as SiteCheckBenchmark's
 * load (b), plus 20 districts for context) in headless Chromium 1400 × 900: first full paint at the whole extent
 * (navigation until every visible tile of every layer is loaded and drawn, ez.firstFullPaint), features drawn
 * against the layer counts, tiles and bytes; then pan/zoom to cities, each timed until settled, with every feature
 * the API has in the view drawn and no tile missing or failed. A measurement, not a timed test. Run:
 * {@code mvn -B -Pbench -DbuildDir=/tmp/wmt test -Dtest=WebMapTilesBenchmark} (add
 * {@code -DextraArgLine=-Decozone.bench.dir=/tmp/wmt-load} to keep the generated load between runs); figures go to stdout and
 * {@code <buildDir>/web-map-tiles-benchmark.txt}.
 */
@Tag("bench")
class WebMapTilesBenchmark {
    @TempDir Path dir;

    @Test
    void nationalLoadOnTheMap() throws Exception {
        // -Decozone.bench.dir=DIR keeps the generated load in DIR between runs (written when DIR/layers has no catalog)
        String keep = System.getProperty("ecozone.bench.dir");
        if (keep != null && !keep.isBlank()) dir = Files.createDirectories(Path.of(keep));
        if (!Files.exists(dir.resolve("layers/catalog.json"))) {
            TileMapLoad.write(dir, SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES, false);
        }
        long t0 = System.nanoTime();
        LayerLoader.Result r = LayerLoader.load(dir.resolve("layers"));
        if (!r.ok()) throw new AssertionError(r.toString());
        StringBuilder out = new StringBuilder("\n===== WebMapTilesBenchmark =====\n");
        out.append(String.format(Locale.ROOT, "  layers loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9));
        try {
            measure(r, out);
        } finally {
            System.out.print(out);
            Path buildDir = Path.of(WebMapTilesBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            Files.writeString(buildDir.resolve("web-map-tiles-benchmark.txt"), out);
        }
    }

    private String base;

    /** Where the first paint's time went: the page, its scripts, the catalog, the tiles (first asked, last answered), the paint. */
    static final String TIMELINE = "const n = performance.getEntriesByType('navigation')[0]; const r = performance.getEntriesByType('resource');"
            + "const f = (p) => r.filter(e => e.name.includes(p)); const t = f('/tiles/WebMercatorQuad/');"
            + "const js = r.filter(e => e.name.includes('/js/') || e.name.includes('/webjars/'));"
            + "const end = (l) => l.length ? Math.round(Math.max(...l.map(e => e.responseEnd))) : null;"
            + "return JSON.stringify({html: Math.round(n.responseEnd), scripts: end(js), domContentLoaded: Math.round(n.domContentLoadedEventEnd),"
            + " catalog: end(f('/map/catalog.json')), styles: end(f('/styles')), wholeLayers: end(f('/items?')),"
            + " firstTileAsked: t.length ? Math.round(Math.min(...t.map(e => e.startTime))) : null, lastTileAnswered: end(t),"
            + " tiles: t.length, tileKB: Math.round(t.reduce((a, e) => a + (e.encodedBodySize || 0), 0) / 1024),"
            + " lastTileDrawn: Math.round(Math.max(...Object.values(ecozone.layers).filter(l => l.tiles).flatMap(l => Array.from(l.tiles.registry.values()))"
            + ".map(e => e.drawnAt || 0))), settledSeen: Math.round(ecozone.firstSettledCheck || -1),"
            + " firstFullPaint: Math.round(ecozone.firstFullPaint)})";

    private void measure(LayerLoader.Result r, StringBuilder out) throws Exception {
        try (EcoZoneServer server = EcoZoneServer.start(new ServerConfig(0, dir.resolve("layers"), dir.resolve("styles"), Path.of("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded"), r.layers());
             HeadlessChromium chromium = new HeadlessChromium(1400, 900)) {
            Http http = new Http(server.port());
            base = http.base();
            ChromeDriver driver = chromium.driver();
            // a page busy decoding and drawing tiles answers no script: on a loaded machine that exceeded the 30 s default
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
            JavascriptExecutor js = driver;
            for (int run = 0; run < 3; run++) {
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                driver.get(http.base() + "/map/?run=" + run);
                new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return !!(window.ecozone && ecozone.ready && ecozone.firstFullPaint != null)")));
                double paint = ((Number) js.executeScript("return ecozone.firstFullPaint")).doubleValue();
                out.append(String.format(Locale.ROOT, "  first full paint at the whole extent, %s: %.0f ms after navigation (zoom %s)%n",
                        run == 0 ? "cold server (first requests after start)" : "warm server, empty browser cache, run " + run, paint,
                        js.executeScript("return ecozone.map.getZoom()")));
                out.append("    timeline (ms after navigation): ").append(js.executeScript(TIMELINE)).append('\n');
                for (String id : List.of("control_unit", "redline")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rep = (Map<String, Object>) js.executeScript("return ecozone.layers[arguments[0]].tiles.report()", id);
                    out.append(String.format(Locale.ROOT, "    %-12s %,d of %,d features drawn from vector tiles; %s tiles in view (%s map tiles; %s with features, %s empty), "
                                    + "%s missing, %s pending, %s failed, %,d KB%n",
                            id, num(rep, "features"), num(rep, "featureCount"), rep.get("tiles"), rep.get("raster"), rep.get("ok"), rep.get("empty"),
                            rep.get("missing"), rep.get("pending"), rep.get("failedEver"), num(rep, "bytes") / 1024));
                    if (run == 0) out.append(painted(js, r, id));
                }
                if (run == 0) chromium.screenshot("30-national-load");
            }
            out.append(String.format(Locale.ROOT, "    district labels: %s%n", js.executeScript("return ecozone.contextLabels.admin")));
            double[][] views = {{36.0, 112.0, 10}, {36.05, 112.25, 10}, {39.9, 116.4, 11}, {39.92, 116.45, 12}, {31.2, 118.5, 9},
                    {34.3, 108.9, 8}, {36.0, 112.0, 6}, {32.0, 110.0, 12}};
            for (double[] v : views) {
                double start = ((Number) js.executeScript(String.format(Locale.ROOT,
                        "const t = performance.now(); ecozone.map.setView([%f, %f], %d, {animate: false}); return t;", v[0], v[1], (int) v[2]))).doubleValue();
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(js.executeScript(
                            "return ecozone.tilesSettled() && ecozone.settledAt > arguments[0]", start)));
                } catch (org.openqa.selenium.TimeoutException e) {
                    out.append("  pan/zoom to ").append(java.util.Arrays.toString(v)).append(": not settled in 120 s: ")
                            .append(js.executeScript("return JSON.stringify(ecozone.tileReport())")).append('\n');
                    throw e;
                }
                double ms = ((Number) js.executeScript("return ecozone.settledAt")).doubleValue() - start;
                String bbox = (String) js.executeScript("const b = ecozone.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(x => x.toFixed(6)).join(',')");
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  pan/zoom to %.2f, %.2f z%d: settled in %.0f ms;", v[0], v[1], (int) v[2], ms));
                for (String id : List.of("control_unit", "redline")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rep = (Map<String, Object>) js.executeScript("return ecozone.layers[arguments[0]].tiles.report()", id);
                    String missing = "";
                    if (v[2] >= 9) {
                        @SuppressWarnings("unchecked")
                        Set<String> drawn = new HashSet<>((List<String>) js.executeScript("return ecozone.layers[arguments[0]].tiles.drawnIds()", id));
                        JsonNode inView = http.get("/collections/" + id + "/items?limit=10000&bbox=" + bbox).json();
                        int n = 0, absent = 0;
                        for (JsonNode f : inView.get("features")) {
                            n++;
                            if (!drawn.contains(f.at("/properties/code").asText())) absent++;
                        }
                        missing = String.format(Locale.ROOT, ", %d of %d in view per the API not drawn", absent, n);
                    }
                    line.append(String.format(Locale.ROOT, " %s %s tiles (%s map tiles; %s missing, %s pending, %s failed), %,d drawn from vector tiles%s;", id, rep.get("tiles"),
                            rep.get("raster"), rep.get("missing"), rep.get("pending"), rep.get("failed"), num(rep, "features"), missing));
                }
                out.append(line).append('\n');
            }
            @SuppressWarnings("unchecked")
            List<Number> statuses = (List<Number>) js.executeScript("return performance.getEntriesByType('resource').filter(e => e.name.includes('/tiles/WebMercatorQuad/'))"
                    + ".map(e => e.responseStatus || 0)");
            Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
            statuses.forEach(s -> byStatus.merge(s.intValue(), 1, Integer::sum));
            out.append("  tile responses this page by status (0 = cancelled when the view moved on): ").append(byStatus).append('\n');
            out.append("  console errors: ").append(chromium.consoleErrors().size()).append('\n');
            chromium.screenshot("31-national-load-city");
            // the national view on a phone (390 × 844, device pixel ratio 2, emulated), server warm
            phone(out);
        }
    }

    private void phone(StringBuilder out) {
        try (HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            phone.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            phone.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
            phone.driver().get(base + "/map/");
            new WebDriverWait(phone.driver(), Duration.ofSeconds(180)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return !!(window.ecozone && ecozone.ready && ecozone.firstFullPaint != null)")));
            out.append(String.format(Locale.ROOT, "  phone (390 × 844 @2x), warm server: first full paint %.0f ms after navigation (zoom %s)%n",
                    ((Number) ((JavascriptExecutor) phone.driver()).executeScript("return ecozone.firstFullPaint")).doubleValue(),
                    ((JavascriptExecutor) phone.driver()).executeScript("return ecozone.map.getZoom()")));
            phone.screenshot("32-national-load-phone");
        }
    }

    /**
     * Every feature's interior point (JTS, exact geometry) checked against the pixels of its layer's tiles in the page:
     * painted (alpha > 0) within one pixel, as TileMapBrowserTest does on the small load.
     */
    private static String painted(JavascriptExecutor js, LayerLoader.Result r, String id) {
        cn.ecozone.layer.FeatureSource s = r.layers().source(id).orElseThrow();
        List<List<Double>> points = new java.util.ArrayList<>();
        for (cn.ecozone.layer.IndexedFeature f : s.candidates(new org.locationtech.jts.geom.Envelope(-180, 180, -90, 90))) {
            org.locationtech.jts.geom.Point p = f.geometry().getInteriorPoint();
            points.add(List.of(p.getX(), p.getY()));
        }
        int unpainted = 0;
        for (int i = 0; i < points.size(); i += 20000) {
            List<?> u = (List<?>) js.executeScript("return ecozone.layers[arguments[0]].tiles.unpaintedAt(arguments[1], 1)", id,
                    points.subList(i, Math.min(points.size(), i + 20000)));
            unpainted += u.size();
        }
        return String.format(Locale.ROOT, "      painted at the feature (interior point, ±1 px): %,d of %,d%n", points.size() - unpainted, points.size());
    }

    private static long num(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).longValue();
    }
}
