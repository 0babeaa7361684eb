package cn.ecozone.api;

import cn.ecozone.analysis.Identify;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /analysis/identify}: the answer written from the zones' kept encodings is byte for byte the one the
 * route wrote before (Jackson writing {@code lon}, {@code lat} and the list of {@link Identify.ZoneAtPoint}), at
 * thousands of generated points on a generated load — a grid of units sharing boundaries, zones with holes,
 * multipolygons, overlapping layers, attributes of every type (text with quotes, backslashes, control characters and
 * Chinese, integers, decimals, JSON, missing values) — on shared boundaries, on vertices, in holes, where zones overlap
 * and outside everything; in process and over HTTP; and bad input is a 400 in Chinese and English.
 */
class IdentifyRoutesTest {
    @TempDir static Path dir;
    static LayerSet layers;
    static List<double[]> points = new ArrayList<>();

    static final String CATALOG = """
            {"title": {"zh": "点查询测试", "en": "Identify test"}, "dataDate": "2025-01-01", "accessList": "access-list.json",
             "layers": [
              {"id": "grid", "kind": "control_unit", "title": {"zh": "网格单元", "en": "Grid"}, "file": "grid.geojson",
               "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"},
                 {"name": "type", "type": "string"}, {"name": "year", "type": "integer"}, {"name": "area", "type": "number"},
                 {"name": "extra", "type": "json"}]},
              {"id": "pts", "kind": "monitoring", "title": {"zh": "监测点"}, "file": "pts.geojson",
               "geometryType": "point", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"}]},
              {"id": "donut", "kind": "redline", "title": {"zh": "环形区 \\"甲\\""}, "file": "donut.geojson",
               "geometryType": "polygon", "idProperty": "code",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "level", "type": "integer"}]},
              {"id": "multi", "kind": "other", "title": {"zh": "多部件区"}, "file": "multi.geojson",
               "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"}, {"name": "ratio", "type": "number"}]}
             ]}
            """;
    static final double X0 = 110, Y0 = 35, CELL = 0.1;
    static final int N = 12;

    @BeforeAll
    static void load() throws Exception {
        Random rnd = new Random(21);
        String[] names = {"单元\"引号\"", "back\\slash", "tab\there", "换行\n名", "普通名称", "emoji 🌲", "<b>&amp;</b>", "控制\u0001字符"};
        StringBuilder grid = new StringBuilder();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double w = X0 + i * CELL, s = Y0 + j * CELL, e = w + CELL, n = s + CELL;
                String props = String.format(Locale.ROOT, "\"code\": \"G%02d%02d\"%s%s%s%s%s", i, j,
                        rnd.nextInt(5) == 0 ? "" : ", \"name\": " + Json.MAPPER.writeValueAsString(names[rnd.nextInt(names.length)] + i + j),
                        rnd.nextBoolean() ? ", \"type\": \"重点管控\"" : "",
                        rnd.nextInt(3) == 0 ? "" : ", \"year\": " + (1990 + rnd.nextInt(40)),
                        rnd.nextInt(3) == 0 ? "" : ", \"area\": " + (rnd.nextBoolean() ? rnd.nextDouble() * 1e6 : rnd.nextInt(1000) + 0.5),
                        rnd.nextInt(2) == 0 ? "" : ", \"extra\": {\"a\": [1, 2.5, \"三\"], \"b\": null}");
                if (grid.length() > 0) grid.append(',');
                grid.append(feature(props, String.format(Locale.ROOT, "{\"type\": \"Polygon\", \"coordinates\": [[[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}",
                        w, s, e, s, e, n, w, n, w, s)));
            }
        }
        StringBuilder donut = new StringBuilder();
        for (int k = 0; k < 20; k++) {
            double cx = X0 + 0.1 + rnd.nextDouble() * (N * CELL - 0.2), cy = Y0 + 0.1 + rnd.nextDouble() * (N * CELL - 0.2);
            if (donut.length() > 0) donut.append(',');
            donut.append(feature(String.format(Locale.ROOT, "\"code\": \"D%02d\"%s", k, k % 3 == 0 ? "" : ", \"level\": " + k),
                    "{\"type\": \"Polygon\", \"coordinates\": [" + ring(cx, cy, 0.08, 24) + ", " + ring(cx, cy, 0.03, 12) + "]}"));
            points.add(new double[] {cx, cy}); // in the hole
        }
        StringBuilder multi = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            double cx = X0 + 0.1 + rnd.nextDouble() * (N * CELL - 0.4), cy = Y0 + 0.1 + rnd.nextDouble() * (N * CELL - 0.2);
            if (multi.length() > 0) multi.append(',');
            multi.append(feature(String.format(Locale.ROOT, "\"code\": \"M%02d\", \"name\": \"多部件%d\", \"ratio\": %s", k, k, k / 7.0),
                    "{\"type\": \"MultiPolygon\", \"coordinates\": [[" + ring(cx, cy, 0.04, 9) + "], [" + ring(cx + 0.15, cy, 0.05, 16) + "]]}"));
        }
        FixtureLayers.put(dir, "catalog.json", CATALOG);
        FixtureLayers.put(dir, "access-list.json", cn.ecozone.testsupport.SiteFixtureLayers.ACCESS_LIST);
        FixtureLayers.put(dir, "grid.geojson", FixtureLayers.collection(grid.toString()));
        FixtureLayers.put(dir, "donut.geojson", FixtureLayers.collection(donut.toString()));
        FixtureLayers.put(dir, "multi.geojson", FixtureLayers.collection(multi.toString()));
        FixtureLayers.put(dir, "pts.geojson", FixtureLayers.collection(feature("\"code\": \"P1\", \"name\": \"点\"",
                String.format(Locale.ROOT, "{\"type\": \"Point\", \"coordinates\": [%s, %s]}", X0 + 0.05, Y0 + 0.05))));
        layers = LayerLoader.load(dir).layers();

        for (int k = 0; k < 3000; k++) {
            // over the load and around it (outside everything)
            points.add(new double[] {X0 - 0.1 + rnd.nextDouble() * (N * CELL + 0.2), Y0 - 0.1 + rnd.nextDouble() * (N * CELL + 0.2)});
        }
        for (int k = 0; k < 600; k++) {
            // on the grid's shared boundaries: a vertical line, a horizontal line, a corner where four units meet
            int i = rnd.nextInt(N + 1), j = rnd.nextInt(N + 1);
            points.add(new double[] {X0 + i * CELL, Y0 + rnd.nextDouble() * N * CELL});
            points.add(new double[] {X0 + rnd.nextDouble() * N * CELL, Y0 + j * CELL});
            points.add(new double[] {X0 + i * CELL, Y0 + j * CELL});
        }
        for (FeatureSource s : layers.inOrder()) {
            if (!s.layer().isPolygon() || s.layer().id().equals("grid")) continue;
            for (IndexedFeature c : s.candidates(s.extent())) {
                for (Coordinate v : c.geometry().getCoordinates()) points.add(new double[] {v.x, v.y}); // on the rings
            }
        }
    }

    static String feature(String properties, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": {" + properties + "}, \"geometry\": " + geometry + "}";
    }

    /** A closed ring of n vertices, radius r, counter-clockwise, as GeoJSON coordinates. */
    static String ring(double cx, double cy, double r, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k <= n; k++) {
            double a = 2 * Math.PI * (k % n) / n;
            b.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%s, %s]", cx + r * Math.cos(a), cy + r * Math.sin(a)));
        }
        return b.append(']').toString();
    }

    /** The answer as the route wrote it before: Jackson writing lon, lat and the list of zones. */
    static byte[] former(LayerSet set, double lon, double lat) throws IOException {
        return formerJson(lon, lat, Identify.at(set, lon, lat));
    }

    /** Jackson writing lon, lat and a list of zones, as the route did. */
    static byte[] formerJson(double lon, double lat, List<Identify.ZoneAtPoint> zones) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 256 * zones.size());
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("lon", lon);
            g.writeNumberField("lat", lat);
            g.writeFieldName("zones");
            Json.MAPPER.writeValue(g, zones);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Test
    void theAnswerIsTheFormerBytesAtEveryGeneratedPoint() throws Exception {
        IdentifyRoutes.Blocks blocks = new IdentifyRoutes.Blocks(layers, IdentifyRoutes.MAX_CACHED_BYTES);
        int zones = 0, empty = 0, several = 0, inHoleOnly = 0;
        int probed = 0;
        for (int pass = 0; pass < 2; pass++) { // first encoding the zones, then from the kept encodings
            for (double[] p : points) {
                byte[] before = former(layers, p[0], p[1]);
                assertArrayEquals(before, blocks.answer(p[0], p[1]), () -> "at " + p[0] + " " + p[1] + ": " + new String(before, StandardCharsets.UTF_8));
                // as the route does it: the candidates the footprint's walk kept, when the point is quick
                IdentifyRoutes.Blocks.Probe probe = blocks.probe(p[0], p[1], Limits.DEFAULTS.quickMaxCandidates(), Limits.DEFAULTS.quickMaxZoneVertices());
                assertArrayEquals(before, blocks.answer(p[0], p[1], probe.quick ? probe : null), () -> "probed at " + p[0] + " " + p[1]);
                if (probe.quick) probed++;
                if (pass == 1) continue;
                int n = Identify.at(layers, p[0], p[1]).size();
                zones += n;
                if (n == 0) empty++;
                if (n > 1) several++;
            }
        }
        for (int k = 0; k < 20; k++) {
            // the hole's centre: in a grid unit, not in its donut (another donut may cover it)
            double[] p = points.get(k);
            String donut = String.format(Locale.ROOT, "D%02d", k);
            List<Identify.ZoneAtPoint> at = Identify.at(layers, p[0], p[1]);
            if (at.stream().noneMatch(z -> z.featureId().equals(donut)) && at.stream().anyMatch(z -> z.collection().equals("grid"))) inHoleOnly++;
        }
        assertTrue(points.size() > 5000, points.size() + " points");
        assertTrue(empty > 300 && several > 1000 && zones > points.size(), empty + " outside, " + several + " with several zones, " + zones + " zones");
        assertEquals(20, inHoleOnly, "points in holes are not in the donuts");
        assertTrue(blocks.kept() > 100, "encodings kept: " + blocks.kept());
        assertTrue(probed > points.size(), "answers from the probe's candidates: " + probed);
    }

    @Test
    void aLayerNotInMemoryAnswersTheSameFromItsOwnQueries() throws Exception {
        // wrapped sources are not MemoryFeatureSources: no grid (the footprint and candidates of the source itself), nothing kept
        LayerSet wrapped = cn.ecozone.testsupport.RecordingFeatureSource.wrap(layers);
        IdentifyRoutes.Blocks blocks = new IdentifyRoutes.Blocks(wrapped, IdentifyRoutes.MAX_CACHED_BYTES);
        for (int k = 0; k < points.size(); k += 3) {
            double[] p = points.get(k);
            assertArrayEquals(former(layers, p[0], p[1]), blocks.answer(p[0], p[1]));
            assertEquals(new IdentifyRoutes.Blocks(layers, IdentifyRoutes.MAX_CACHED_BYTES).quick(p[0], p[1], 2, 300),
                    blocks.quick(p[0], p[1], 2, 300), "the same footprint from the grid and from the source");
        }
        assertEquals(0, blocks.kept());
    }

    @Test
    void aSmallStoreStartsAgainAndAnswersTheSame() throws Exception {
        IdentifyRoutes.Blocks blocks = new IdentifyRoutes.Blocks(layers, 2_000);
        int most = 0;
        for (int k = 0; k < 1500; k++) {
            double[] p = points.get(k);
            assertArrayEquals(former(layers, p[0], p[1]), blocks.answer(p[0], p[1]));
            most = Math.max(most, blocks.kept());
        }
        assertTrue(most > 0 && most < 2_000 / 64, "at most 2,000 bytes kept: " + most + " zones");
    }

    @Test
    void anotherLayerSetGetsItsOwnEncodings() {
        IdentifyRoutes routes = new IdentifyRoutes(null, Limits.DEFAULTS, null);
        IdentifyRoutes.Blocks first = routes.blocks(layers);
        assertSame(first, routes.blocks(layers));
        LayerSet edited = layers.with(layers.source("grid").orElseThrow());
        assertNotSame(first, routes.blocks(edited), "a new layer set (an edit, a reload) is encoded anew");
    }

    @Test
    void theServerMakesThePointGridsAfterAStartSoTheFirstClickDoesNot() throws Exception {
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers)) {
            // the background thread makes the data version, then the grids, then completes the (here empty) job warm-up
            server.jobWarmUp().get(60, java.util.concurrent.TimeUnit.SECONDS);
            IdentifyRoutes routes = server.identifyRoutes();
            assertTrue(routes.prepared(), "grids made before any identify");
            IdentifyRoutes.Blocks made = routes.blocks(layers);
            assertEquals(3, made.polygons.size());
            for (IdentifyRoutes.Layer l : made.polygons) assertTrue(l.grid() != null, l.source.layer().id());
            // the first click uses those grids: same blocks, and the former answer
            Http http = new Http(server.port());
            double[] p = points.get(0);
            Http.Response r = http.get("/analysis/identify?lon=" + p[0] + "&lat=" + p[1]);
            assertEquals(200, r.status(), r.body());
            assertEquals(new String(former(layers, p[0], p[1]), StandardCharsets.UTF_8), r.body());
            assertSame(made, routes.blocks(layers));
            // a route nobody prepared has no grids until asked
            IdentifyRoutes fresh = new IdentifyRoutes(new LiveLayers(server.store()), Limits.DEFAULTS, null);
            assertFalse(fresh.prepared());
            assertEquals(3, fresh.prepare());
            assertTrue(fresh.prepared());
        }
    }

    @Test
    void overHttpTheAnswerIsTheFormerBytesAndBadInputIs400() throws Exception {
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers)) {
            Http http = new Http(server.port());
            Random rnd = new Random(3);
            for (int k = 0; k < 300; k++) {
                double[] p = points.get(rnd.nextInt(points.size()));
                String lon = Double.toString(p[0]), lat = Double.toString(p[1]);
                Http.Response r = http.get("/analysis/identify?lon=" + lon + "&lat=" + lat);
                assertEquals(200, r.status(), r.body());
                assertTrue(r.contentType().startsWith("application/json"), r.contentType());
                assertEquals(new String(former(layers, Double.parseDouble(lon), Double.parseDouble(lat)), StandardCharsets.UTF_8), r.body());
            }
            for (String bad : List.of("?lon=110.5", "?lat=35.5", "?lon=abc&lat=35.5", "?lon=35.5&lat=110.5", "?lon=10&lat=10", "?lon=110.5&lat=35.5&x=1",
                    "?lon=NaN&lat=35.5", "?lon=1e400&lat=35.5")) {
                Http.Response r = http.get("/analysis/identify" + bad);
                assertEquals(400, r.status(), bad + ": " + r.body());
                String detail = r.json().path("detail").asText();
                assertTrue(detail.matches("(?s).*[\\u4e00-\\u9fff].*") && detail.matches("(?s).*[a-z]{3,}.*"), bad + ": " + detail);
            }
        }
    }
}
