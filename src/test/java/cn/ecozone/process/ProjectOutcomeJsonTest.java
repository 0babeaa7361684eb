package cn.ecozone.process;

import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.io.Geometries;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.layer.FeatureQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row's JSON written by {@link ProjectOutcomeJson} is byte for byte what Jackson writes ({@code Jobs.MAPPER}, the
 * former code of {@link BatchOutput#json}), on generated rows with every kind of text and number, and on rows checked
 * on the sample data; a row it cannot write (text Jackson escapes, a non-finite number, a null in a list, a shape
 * held as a tree) is left to Jackson.
 */
class ProjectOutcomeJsonTest {
    private static final String[] PIECES = {"a", "Z", "0", " ", "项目", "红线", "·", "é", "ß", "€", "/", "<", "~", "\u007f", "\u0080", "\u07ff", "\u0800",
            "\uffff", "\ufeff", "（未知）", "—", "%", ",", ";", "\t", "\n", "\r", "\"", "\\", "\u0000", "\u001f", "\ud83d\ude00", "\ud800", "\udc00"};

    private static String text(Random r, boolean plain) {
        if (r.nextInt(8) == 0) return null;
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        // plain: only pieces Jackson writes as they are (the first 22), else any
        for (int i = 0; i < n; i++) b.append(PIECES[r.nextInt(plain ? 22 : PIECES.length)]);
        return b.toString();
    }

    private static double number(Random r, boolean finite) {
        return switch (r.nextInt(finite ? 9 : 11)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> r.nextDouble();
            case 3 -> r.nextDouble() * 1e-6;
            case 4 -> r.nextDouble() * 1e9;
            case 5 -> Math.rint(r.nextDouble() * 1000);
            case 6 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
            case 7 -> Double.MIN_VALUE;
            case 8 -> 1e7;
            case 9 -> Double.NaN;
            default -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        };
    }

    private static <T> List<T> list(Random r, java.util.function.Supplier<T> item, boolean nulls) {
        if (r.nextInt(10) == 0) return r.nextBoolean() ? null : List.of();
        List<T> l = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) l.add(nulls && r.nextInt(10) == 0 ? null : item.get());
        return l;
    }

    private static ProjectOutcome outcome(Random r, boolean plain) {
        boolean finite = plain || r.nextBoolean();
        JsonNode shape = switch (r.nextInt(plain ? 2 : 3)) {
            case 0 -> null;
            case 1 -> Jobs.MAPPER.getNodeFactory().rawValueNode(new RawValue("{\"type\":\"Polygon\",\"coordinates\":[[[" + r.nextDouble() + ",1.5],[2,3]]]}"));
            default -> Jobs.MAPPER.createObjectNode().put("type", "Polygon").put("x", text(r, false));
        };
        return new ProjectOutcome(r.nextInt(200_000) - 10, text(r, plain), text(r, plain), text(r, plain), text(r, plain), text(r, plain), text(r, plain),
                text(r, plain), r.nextInt(5) == 0 ? null : number(r, finite), r.nextInt(5) == 0 ? null : number(r, finite),
                list(r, () -> new ProjectOutcome.Dimension(text(r, plain), text(r, plain), text(r, plain)), !plain),
                list(r, () -> new ProjectOutcome.HitRow(text(r, plain), text(r, plain), text(r, plain), text(r, plain), text(r, plain), number(r, finite),
                        number(r, finite), number(r, finite), number(r, finite), number(r, finite)), !plain),
                r.nextInt(3) == 0 ? null : new ProjectOutcome.Nearest(text(r, plain), text(r, plain), text(r, plain), text(r, plain), number(r, finite)),
                list(r, () -> { String w = text(r, plain); return w == null ? "" : w; }, !plain), text(r, plain), text(r, plain), shape);
    }

    private static void same(ProjectOutcome o) throws IOException {
        byte[] expected = Jobs.MAPPER.writeValueAsBytes(o);
        byte[] straight = ProjectOutcomeJson.write(o);
        if (straight != null) assertArrayEquals(expected, straight, () -> new String(expected, java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(expected, BatchOutput.json(o));
        assertArrayEquals(expected, BatchOutput.jacksonJson(o));
    }

    @Test
    void generatedRowsAreWrittenAsJacksonWritesThem() throws IOException {
        Random r = new Random(4);
        int straight = 0, total = 0;
        for (int t = 0; t < 20_000; t++) {
            ProjectOutcome o = outcome(r, t % 2 == 0);
            same(o);
            total++;
            if (ProjectOutcomeJson.write(o) != null) straight++;
        }
        assertTrue(straight >= total / 2, "at least the plain half written straight: " + straight + " of " + total);
    }

    @Test
    void whatJacksonWouldEscapeOrQuoteIsLeftToIt() throws IOException {
        ProjectOutcome base = new ProjectOutcome(2, null, "项目", "pv", "光伏", "allowed", "允许", null, 1.0, 15.0, List.of(), List.of(), null, List.of(),
                null, "v1", null);
        assertTrue(ProjectOutcomeJson.write(base) != null);
        same(base);
        for (String bad : new String[] {"a\"b", "a\\b", "\n", "\u0001", "\ud83d\ude00", "\ud800", "x\udc00"}) {
            ProjectOutcome o = new ProjectOutcome(2, null, bad, "pv", "光伏", "allowed", "允许", null, 1.0, 15.0, List.of(), List.of(), null, List.of(bad),
                    null, "v1", null);
            assertNull(ProjectOutcomeJson.write(o), bad);
            same(o);
        }
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            ProjectOutcome o = new ProjectOutcome(2, null, "n", "pv", "光伏", "allowed", "允许", null, v, 15.0, List.of(), List.of(), null, List.of(),
                    null, "v1", null);
            assertNull(ProjectOutcomeJson.write(o));
            same(o);
        }
        ProjectOutcome tree = new ProjectOutcome(2, null, "n", "pv", "光伏", "allowed", "允许", null, 1.0, 15.0, List.of(), List.of(), null, List.of(),
                null, "v1", Jobs.MAPPER.createObjectNode().put("type", "Polygon"));
        assertNull(ProjectOutcomeJson.write(tree), "a shape read back as a tree: Jackson");
        same(tree);
        same(ProjectOutcome.error(new ProjectRow(7, "a.txt", "坏行", null, null, "WKT 为空 / the WKT cell is empty"), "光伏", "WKT 为空 / the WKT cell is empty"));
    }

    /** Rows of real checks on the sample data: stars around zones of every layer, several industries, and bad rows. */
    @Test
    void checkedRowsAreWrittenAsJacksonWritesThem() throws IOException {
        Random r = new Random(9);
        List<Point> centres = new ArrayList<>();
        for (String collection : List.of("redline", "water_source", "control_unit", "admin")) {
            BatchFixture.LAYERS.source(collection).ifPresent(s -> {
                try (var it = s.query(FeatureQuery.all())) {
                    for (var f = it.iterator(); f.hasNext() && centres.size() < 400; ) {
                        SimpleFeature sf = f.next();
                        if (r.nextInt(4) == 0) centres.add(((Geometry) sf.getDefaultGeometry()).getInteriorPoint());
                    }
                }
            });
        }
        assertTrue(centres.size() > 20, "centres " + centres.size());
        int written = 0;
        for (String industry : Arrays.asList("光伏", null)) {
            BatchCheck check = new BatchCheck(BatchFixture.LAYERS, BatchFixture.LIST, AnalysisCaps.NONE, Long.MAX_VALUE, Long.MAX_VALUE, industry, 1000);
            for (int i = 0; i < centres.size(); i++) {
                Point c = centres.get(i);
                Polygon p = star(r, c.getX(), c.getY(), 0.0005 + r.nextDouble() * 0.05);
                SiteInput site = new SiteInput("项目" + i, "wkt", "CRS84", List.of(new SiteParcel("1", p, null)), List.of());
                String rowIndustry = i % 5 == 0 ? "不存在的行业" : i % 3 == 0 ? "光伏" : null;
                ProjectRow row = new ProjectRow(i + 2, i % 7 == 0 ? "f.txt" : null, site.name(), rowIndustry, site, null);
                BatchCheck.Checked checked = check.check(row);
                ProjectOutcome o = checked.outcome();
                if (checked.result() != null) {
                    assertEquals(FormerProjectOutcome.of(row, checked.result(), BatchFixture.LAYERS, o.siteGeometry()), o, "the former ProjectOutcome.of");
                }
                same(o);
                same(o.withoutSiteGeometry());
                if (ProjectOutcomeJson.write(o) != null) written++;
            }
        }
        assertTrue(written > centres.size(), "most checked rows written straight: " + written);
    }

    private static Polygon star(Random rnd, double cx, double cy, double radius) {
        int n = 20 + rnd.nextInt(200);
        Coordinate[] cs = new Coordinate[n + 1];
        for (int j = 0; j < n; j++) {
            double a = 2 * Math.PI * j / n, rr = radius * (0.8 + 0.2 * Math.sin(a * 7) + 0.02 * rnd.nextDouble());
            cs[j] = new Coordinate(Math.round((cx + rr * Math.cos(a)) * 1e6) / 1e6, Math.round((cy + rr * Math.sin(a)) * 1e6) / 1e6);
        }
        cs[n] = cs[0];
        Polygon p = Geometries.FACTORY.createPolygon(cs);
        return p.isValid() ? p : (Polygon) Geometries.FACTORY.toGeometry(new Envelope(cx - radius, cx + radius, cy - radius, cy + radius));
    }
}
