package cn.ecozone.api;

import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.RecordingFeatureSource;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.SourceFeatures.Source;
import cn.ecozone.testsupport.TestLayers;
import org.geotools.api.filter.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GDAL as a real client: Debian's {@code ogrinfo} opens {@code OAPIF:http://127.0.0.1:PORT}, lists every layer,
 * counts features, reads geometries, and pushes {@code -where} and {@code -spat} to the server. Fails (never
 * skips) when ogrinfo is missing: {@code .ci/test} installs gdal-bin.
 */
class GdalClientTest {
    @TempDir static Path temp;
    static Path dir;
    static LayerSet layers;
    static EcoZoneServer server;
    static String url;

    @BeforeAll
    static void start() {
        dir = TestLayers.sampleOrFixture(temp);
        layers = RecordingFeatureSource.wrap(LayerLoader.load(dir).layers());
        server = EcoZoneServer.start(ServerConfig.defaults(0), layers);
        url = "OAPIF:http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String ogrinfo(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (String v : List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) pb.environment().remove(v);
        pb.environment().put("NO_PROXY", "127.0.0.1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("ogrinfo 未安装 / GDAL's ogrinfo is missing: apt-get install gdal-bin (.ci/test does)", e);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ogrinfo finished");
            assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + "\n" + out);
            assertFalse(out.contains("ERROR"), () -> String.join(" ", cmd) + "\n" + out);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static RecordingFeatureSource recorder(String layer) {
        return (RecordingFeatureSource) layers.source(layer).orElseThrow();
    }

    /** Feature id → geometry of every feature ogrinfo printed. */
    static Map<String, Geometry> features(String out) {
        Map<String, Geometry> m = new TreeMap<>();
        String id = null;
        WKTReader wkt = new WKTReader();
        for (String line : out.split("\n")) {
            Matcher idLine = Pattern.compile("^\\s+id \\(String\\) = (.+)$").matcher(line);
            if (idLine.matches()) id = idLine.group(1).trim();
            String t = line.trim();
            if (id != null && t.matches("^(MULTI)?(POLYGON|POINT|LINESTRING) .*")) {
                try {
                    m.put(id, wkt.read(t));
                } catch (ParseException e) {
                    throw new AssertionError(t, e);
                }
                id = null;
            }
        }
        return m;
    }

    @Test
    void everyCollectionAppearsWithItsFeatureCount() {
        String out = ogrinfo("-so", url);
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\d+: (\\S+)").matcher(out);
        while (m.find()) listed.add(m.group(1));
        assertEquals(SourceFeatures.layerIds(dir), listed, out);
        for (String layer : listed) {
            String summary = ogrinfo("-so", url, layer);
            Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(summary);
            assertTrue(count.find(), summary);
            assertEquals(SourceFeatures.read(dir, layer).size(), Integer.parseInt(count.group(1)), layer);
        }
    }

    @Test
    void aFeatureReadByGdalHasTheSourceGeometry() {
        for (String layer : SourceFeatures.layerIds(dir)) {
            Source src = SourceFeatures.read(dir, layer).get(0);
            Map<String, Geometry> got = features(ogrinfo("-al", "-q", url, layer, "-where", "id = '" + src.id() + "'"));
            assertEquals(List.of(src.id()), List.copyOf(got.keySet()), layer);
            Geometry expected = src.jts();
            Geometry g = got.get(src.id());
            expected.normalize();
            g.normalize();
            assertTrue(g.equalsExact(expected, 1e-9), layer + ": " + g + " vs " + expected);
        }
    }

    @Test
    void whereOnAQueryableAttributeIsEvaluatedByTheServer() {
        // control units have type 优先保护/重点管控/一般管控, in the fixture and in the sample layers
        List<String> expected = SourceFeatures.ids(dir, "control_unit", f -> "优先保护".equals(f.text("type")));
        assertFalse(expected.isEmpty());
        recorder("control_unit").clear();
        Map<String, Geometry> got = features(ogrinfo("-al", "-q", url, "control_unit", "-where", "type = '优先保护'"));
        assertEquals(expected, List.copyOf(got.keySet()));
        List<FeatureQuery> seen = recorder("control_unit").queries();
        assertTrue(seen.stream().anyMatch(q -> q.filter() != Filter.INCLUDE && q.filter().toString().contains("优先保护")),
                "the server received the filter: " + seen);
    }

    @Test
    void spatialFilterIsSentAsBboxAndEvaluatedByTheServer() {
        // a box around the first unit's centre, so it holds features whatever gaps the layer's extent has
        var units = layers.source("control_unit").orElseThrow();
        org.locationtech.jts.geom.Coordinate c;
        try (var fs = units.query(cn.ecozone.layer.FeatureQuery.all())) {
            c = ((Geometry) fs.findFirst().orElseThrow().getDefaultGeometry()).getEnvelopeInternal().centre();
        }
        double w = c.x - 0.04, e = c.x + 0.03, s = c.y - 0.03, n = c.y + 0.025;
        Geometry box = new GeometryFactory().toGeometry(new Envelope(w, e, s, n));
        List<String> expected = SourceFeatures.ids(dir, "control_unit", f -> f.jts().intersects(box));
        assertFalse(expected.isEmpty());
        recorder("control_unit").clear();
        Map<String, Geometry> got = features(ogrinfo("-al", "-q", url, "control_unit", "-spat",
                String.valueOf(w), String.valueOf(s), String.valueOf(e), String.valueOf(n)));
        assertEquals(expected, List.copyOf(got.keySet()));
        List<FeatureQuery> seen = recorder("control_unit").queries();
        assertTrue(seen.stream().anyMatch(q -> q.bbox() != null && Math.abs(q.bbox().getMinX() - w) < 1e-9
                && Math.abs(q.bbox().getMaxY() - n) < 1e-9), "the server received the bbox: " + seen);
        assertTrue(seen.stream().filter(q -> q.bbox() != null).allMatch(q -> q.limit() < Long.MAX_VALUE), "paged");
    }
}
