package cn.ecozone.process;

import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.Geometries;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast site-shape text is character for character what the general GeoJSON writer (Jackson) gives. */
class SiteShapeJsonTest {
    private static String general(Geometry g) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator gen = Jobs.MAPPER.getFactory().createGenerator(w)) {
            GeoJsonGeometryWriter.write(gen, g);
        }
        return w.toString();
    }

    /** An ordinate as a site file would give it: a decimal with 0–9 fraction digits, or a computed double (a projected site). */
    private static double ordinate(Random r, double base, double span) {
        double v = base + r.nextDouble() * span;
        return switch (r.nextInt(5)) {
            case 0 -> v;
            case 1 -> Math.rint(v);
            default -> Double.parseDouble(String.format(Locale.ROOT, "%." + r.nextInt(10) + "f", v));
        };
    }

    private static LinearRing ring(Random r, int n, double bx, double by, double span) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) cs[i] = new Coordinate(ordinate(r, bx, span), ordinate(r, by, span));
        cs[n] = cs[0];
        return Geometries.FACTORY.createLinearRing(cs);
    }

    @Test
    void polygonsAndMultipolygonsAreWrittenAsTheGeneralWriterWritesThem() throws IOException {
        Random r = new Random(15);
        int fast = 0;
        for (int t = 0; t < 3000; t++) {
            // lon/lat, small and negative values, and the edges of the plain-notation range
            double[][] ranges = {{73, 60}, {-180, 360}, {0.001, 0.01}, {-0.0099, 0.0098}, {9_999_000, 999}, {100, 1e-6}};
            double[] rg = ranges[r.nextInt(ranges.length)];
            Polygon p = Geometries.FACTORY.createPolygon(ring(r, 3 + r.nextInt(60), rg[0], rg[0], rg[1]),
                    r.nextInt(4) == 0 ? new LinearRing[] {ring(r, 4, rg[0], rg[0], rg[1])} : null);
            Geometry g = r.nextInt(3) == 0 ? Geometries.FACTORY.createMultiPolygon(new Polygon[] {p, p}) : p;
            String s = SiteShapeJson.write(g);
            if (s == null) continue;
            fast++;
            assertEquals(general(g), s);
        }
        assertTrue(fast > 1500, "most were written by the fast writer: " + fast);
        assertEquals(general(Geometries.FACTORY.createPolygon()), SiteShapeJson.write(Geometries.FACTORY.createPolygon()));
        assertNull(SiteShapeJson.write(Geometries.FACTORY.createPoint(new Coordinate(1, 2))), "other geometries: the general writer");
    }

    @Test
    void aRowsJsonWithItsShapePutInAsBytesIsWhatJacksonWrites() throws IOException {
        Random r = new Random(17);
        for (int t = 0; t < 200; t++) {
            Polygon p = Geometries.FACTORY.createPolygon(ring(r, 3 + r.nextInt(600), 100, 30, 1), null);
            String shape = SiteShapeJson.write(p);
            if (shape == null) shape = general(p);
            java.util.List<ProjectOutcome.HitRow> hits = java.util.List.of(new ProjectOutcome.HitRow("redline", "生态保护红线", "R" + t, "红线“" + t + "”",
                    t % 2 == 0 ? null : "一级", r.nextDouble() * 1e4, 1.5, 22.5, 0.3, 1e-7));
            ProjectOutcome o = new ProjectOutcome(t + 2, t % 3 == 0 ? "a.txt" : null, "项目\"" + t, "pv", "光伏", "prohibited", "禁止准入", t % 2 == 0 ? null : "某县",
                    12.5, 187.5, java.util.List.of(new ProjectOutcome.Dimension("空间布局约束", "prohibited", "禁止")), hits,
                    new ProjectOutcome.Nearest("redline", "生态保护红线", "R1", null, 0), java.util.List.of("提示"), null, "v1",
                    Jobs.MAPPER.getNodeFactory().rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(shape)));
            assertEquals(new String(Jobs.MAPPER.writeValueAsBytes(o), java.nio.charset.StandardCharsets.UTF_8),
                    new String(BatchOutput.json(o), java.nio.charset.StandardCharsets.UTF_8));
            ProjectOutcome none = o.withoutSiteGeometry();
            assertEquals(new String(Jobs.MAPPER.writeValueAsBytes(none), java.nio.charset.StandardCharsets.UTF_8),
                    new String(BatchOutput.json(none), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyOrdinateWithFewDecimalsIsItsDoubleToString() {
        Random r = new Random(16);
        StringBuilder b = new StringBuilder();
        int shortest = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double v = Double.parseDouble(String.format(Locale.ROOT, "%." + r.nextInt(10) + "f", (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble() * 10 - 3)));
            if (!(Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7)) continue;
            b.setLength(0);
            if (SiteShapeJson.shortest(b, v)) {
                shortest++;
                assertEquals(Double.toString(v), b.toString());
            }
        }
        assertTrue(shortest > 1_000_000, "found " + shortest);
    }
    /** The search of the first fast writer: the fewest fraction digits k (1–9) with {@code round(a·10^k) / 10^k == a}. */
    private static String searched(double v) {
        double a = Math.abs(v);
        double[] pow = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
        for (int k = 1; k < pow.length; k++) {
            double scaled = a * pow[k];
            if (scaled >= 9_007_199_254_740_992.0) return null;
            long m = Math.round(scaled);
            if (m / pow[k] != a) continue;
            long p = (long) pow[k];
            StringBuilder b = new StringBuilder(v < 0 ? "-" : "").append(m / p).append('.');
            long fraction = m % p;
            int digits = k;
            while (digits > 1 && fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            for (long q = (long) pow[digits - 1]; q > fraction && q > 1; q /= 10) b.append('0');
            return b.append(fraction).toString();
        }
        return null;
    }

    @Test
    void theOneRoundingBelowAMillionGivesTheDigitsOfTheSearch() {
        Random r = new Random(18);
        StringBuilder b = new StringBuilder();
        int found = 0, none = 0;
        for (int i = 0; i < 3_000_000; i++) {
            double magnitude = switch (r.nextInt(4)) {
                case 0 -> 73 + r.nextDouble() * 62; // longitudes
                case 1 -> 1e6 * (1 - r.nextDouble() * 1e-3); // just below the one-rounding bound
                case 2 -> 1e6 * (1 + r.nextDouble() * 9); // above it: the search
                default -> Math.pow(10, r.nextDouble() * 10 - 3);
            };
            double v = (r.nextBoolean() ? 1 : -1) * magnitude;
            // a decimal with 0–9 fraction digits (as read from a file), or a computed double (a projected site)
            if (r.nextInt(4) != 0) v = Double.parseDouble(String.format(Locale.ROOT, "%." + r.nextInt(10) + "f", v));
            if (!(Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7)) continue;
            b.setLength(0);
            boolean fast = SiteShapeJson.shortest(b, v);
            String expected = searched(v);
            assertEquals(expected != null, fast, "found or not for " + v);
            if (fast) {
                assertEquals(expected, b.toString(), "digits of " + v);
                found++;
            } else {
                none++;
            }
        }
        assertTrue(found > 1_500_000 && none > 300_000, found + " found, " + none + " not");
    }
}
