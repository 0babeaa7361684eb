package cn.ecozone.io;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The fast WKT reader against JTS's WKTReader as the oracle: same geometries bit for bit, same refusals and messages. */
class WktReaderTest {
    final WktReader reader = new WktReader(Geometries.FACTORY);
    final Random random = new Random(15);

    /** What JTS reads, or its exception (an IllegalArgumentException from building a ring becomes a ParseException). */
    static Object oracle(String text) {
        try {
            return new WKTReader(Geometries.FACTORY).read(text);
        } catch (ParseException | IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    Object ours(String text) {
        try {
            return reader.read(text);
        } catch (ParseException e) {
            return "refused: " + e.getMessage();
        }
    }

    static void assertSame(Object expected, Object actual, String text) {
        if (expected instanceof String || actual instanceof String) {
            assertEquals(expected, actual, text);
            return;
        }
        Geometry e = (Geometry) expected, a = (Geometry) actual;
        assertEquals(e.getGeometryType(), a.getGeometryType(), text);
        assertEquals(e.getSRID(), a.getSRID(), text);
        assertEquals(e.getNumGeometries(), a.getNumGeometries(), text);
        assertEquals(e.toText(), a.toText(), text);
        for (int g = 0; g < e.getNumGeometries(); g++) {
            if (!(e.getGeometryN(g) instanceof Polygon pe)) continue;
            Polygon pa = (Polygon) a.getGeometryN(g);
            assertEquals(pe.getNumInteriorRing(), pa.getNumInteriorRing(), text);
            for (int r = -1; r < pe.getNumInteriorRing(); r++) {
                LineString re = r < 0 ? pe.getExteriorRing() : pe.getInteriorRingN(r);
                LineString ra = r < 0 ? pa.getExteriorRing() : pa.getInteriorRingN(r);
                CoordinateSequence se = re.getCoordinateSequence(), sa = ra.getCoordinateSequence();
                assertEquals(se.getClass(), sa.getClass(), text);
                assertEquals(se.getDimension(), sa.getDimension(), text);
            }
        }
        Coordinate[] ce = e.getCoordinates(), ca = a.getCoordinates();
        assertEquals(ce.length, ca.length, text);
        for (int k = 0; k < ce.length; k++) {
            Coordinate x = ce[k], y = ca[k];
            assertEquals(x.getClass(), y.getClass(), text);
            // bit for bit: -0.0 is not 0.0 here
            assertEquals(Double.doubleToRawLongBits(x.x), Double.doubleToRawLongBits(y.x), () -> text + " x " + x.x + " vs " + y.x);
            assertEquals(Double.doubleToRawLongBits(x.y), Double.doubleToRawLongBits(y.y), () -> text + " y " + x.y + " vs " + y.y);
            assertEquals(Double.doubleToRawLongBits(x.getZ()), Double.doubleToRawLongBits(y.getZ()), text);
        }
        assertTrue(e.equalsExact(a), text);
    }

    // ---- generated inputs

    String number(double v) {
        switch (random.nextInt(10)) {
            case 0: return Double.toString(v);                                   // up to 17 digits, maybe with E
            case 1: return String.format(Locale.ROOT, "%.6f", v);                // the usual CSV
            case 2: return String.format(Locale.ROOT, "%.15f", v);               // many digits: beyond the fast path
            case 3: return String.format(Locale.ROOT, "%.3e", v);                // 1.234e+02
            case 4: return String.format(Locale.ROOT, "%.9E", v).replace("E+", "E");
            case 5: return (Math.copySign(1.0, v) > 0 ? "+" : "") + String.format(Locale.ROOT, "%.2f", v);
            case 6: return String.format(Locale.ROOT, "%.0f", v) + ".";       // "12."
            case 7: return String.format(Locale.ROOT, "%.8f", v).replaceFirst("^(-?)0\\.", "$1.").replaceFirst("^(-?)(\\d)", "$1000$2"); // leading zeros or ".5"
            case 8: return new java.math.BigDecimal(v).toPlainString();      // the exact binary value: dozens of digits
            default: return String.format(Locale.ROOT, "%.7f", v) + "e" + (random.nextBoolean() ? "-" : "+") + "0";
        }
    }

    String space() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "  ";
            case 3 -> "\t";
            case 4 -> "\r\n";
            default -> " \n ";
        };
    }

    String ring(double cx, double cy, double r, boolean clockwise) {
        int n = 3 + random.nextInt(random.nextInt(10) == 0 ? 600 : 12);
        List<String> pts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double a = (clockwise ? -1 : 1) * 2 * Math.PI * k / n;
            double rr = r * (0.5 + random.nextDouble() * 0.5);
            double x = random.nextInt(20) == 0 ? 0 : cx + rr * Math.cos(a);
            double y = random.nextInt(40) == 0 ? -0.0 : cy + rr * Math.sin(a);
            pts.add(space() + number(x) + (random.nextBoolean() ? " " : space() + " ") + number(y) + space());
        }
        pts.add(pts.get(0)); // closed: the first coordinate's text again
        return "(" + String.join(",", pts) + ")";
    }

    String polygon(double cx, double cy) {
        StringBuilder b = new StringBuilder("(").append(ring(cx, cy, 1 + random.nextDouble() * 10, false));
        int holes = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        for (int h = 0; h < holes; h++) b.append(',').append(space()).append(ring(cx, cy, 0.2, true));
        return b.append(space()).append(")").toString();
    }

    String keyword(String k) {
        return switch (random.nextInt(3)) {
            case 0 -> k;
            case 1 -> k.toLowerCase(Locale.ROOT);
            default -> k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    String generated() {
        double cx = (random.nextDouble() - 0.5) * (random.nextBoolean() ? 360 : 2e6), cy = (random.nextDouble() - 0.5) * 180;
        if (random.nextInt(3) == 0) {
            int parts = 1 + random.nextInt(3);
            List<String> ps = new ArrayList<>();
            for (int p = 0; p < parts; p++) ps.add(space() + polygon(cx + p * 30, cy));
            return space() + keyword("MULTIPOLYGON") + space() + "(" + String.join(",", ps) + space() + ")" + space();
        }
        return keyword("POLYGON") + space() + polygon(cx, cy);
    }

    @Test
    void generatedPolygonsAndMultiPolygonsAreReadByTheFastPathExactlyAsJtsReadsThem() {
        int fast = 0;
        for (int t = 0; t < 3000; t++) {
            String text = generated();
            Object expected = oracle(text);
            assertTrue(expected instanceof Geometry, () -> "the oracle refused a generated text: " + expected + " / " + text);
            Geometry g = reader.fast(text);
            if (g != null) fast++;
            assertSame(expected, g == null ? ours(text) : g, text);
        }
        // every generated text is in the fast language (closed rings of ≥ 4 plain numbers): the fast path is what was tested
        assertEquals(3000, fast);
    }

    @Test
    void edgeCasesAgreeWithJts() {
        String[] texts = {
                "POLYGON((0 0, 1 0, 1 1, 0 0))",
                "POLYGON ((0 0,1 0,1 1,0 0))   trailing words are ignored by JTS",
                "polygon((0 0,1 0,1 1,0 0))",
                "POLYGON((-0 -0.0, 1 0, 1 1, -0 -0.0))",
                "POLYGON((1e3 2E-3, 1e+3 2e-03, 1.e3 .5, 1e3 2E-3))",
                "POLYGON((1e400 1e-400, 1 0, 1 1, 1e400 1e-400))",
                "POLYGON((0.30000000000000004 0.1, 0.1 0.2, 0.3 0.3, 0.30000000000000004 0.1))",
                "POLYGON((123456789012345678901234567890 1, 2 2, 3 1, 123456789012345678901234567890 1))",
                "POLYGON((9007199254740993 1, 2 2, 3 1, 9007199254740993 1))",
                "POLYGON((116.397128 39.916527, 116.397128e0 39.9165270, 116.5 40, 116.397128 39.916527))",
                "POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))",
                "MULTIPOLYGON(((1 1, 1 3, 3 3, 3 1, 1 1)), ((4 3, 6 3, 6 1, 4 1, 4 3)))",
                "MULTIPOLYGON (((0 0,4 0,4 4,0 4,0 0),(1 1,1 2,2 2,2 1,1 1)),((10 10,11 10,11 11,10 10)))",
                // outside the fast language: JTS decides
                "POLYGON EMPTY", "MULTIPOLYGON EMPTY", "POLYGON ((1 2, 3 4, 5 6, 1 2), EMPTY)", "MULTIPOLYGON (EMPTY, ((1 1, 1 3, 3 3, 1 1)))",
                "POLYGON Z ((0 0 1, 1 0 1, 1 1 1, 0 0 1))", "POLYGONZ((0 0 1, 1 0 1, 1 1 1, 0 0 1))", "POLYGON M ((0 0 1, 1 0 1, 1 1 1, 0 0 1))",
                "POLYGON((0 0 5, 1 0 5, 1 1 5, 0 0 5))", "POLYGON((NaN 0, 1 0, 1 1, NaN 0))", "POLYGON((Inf 0, 1 0, 1 1, Inf 0))",
                "POLYGON((0x1p3 0, 1 0, 1 1, 0x1p3 0))", "POLYGON((1f 0, 1 0, 1 1, 1f 0))", "POLYGON((1d 0, 1 0, 1 1, 1d 0))",
                "POLYGON((0 0, 1 0, 1 1, 0 0)) # comment", "POLYGON((0 0, # comment\n 1 0, 1 1, 0 0))",
                "POLYGON((0 0, 1 0, 0 0))", "POLYGON((0 0, 1 0, 1 1, 0 0.5))", "POLYGON((0 0))", "POLYGON(())",
                "POLYGON((1 0,1 0,1 1,1 0), (1 2))", "POLYGON(((1 0),(1 0),(1 1),(1 0)))",
                // malformed
                "POLYGON((0 0, 1 0, 1 1, 0 0)", "POLYGON((0 0, 1 0, 1 1, 0 0", "POLYGON((0 0, 1 0, 1 1, 0 0),", "POLYGON(0 0, 1 0, 1 1, 0 0)",
                "POLYGON((0 0 1 0, 1 1, 0 0))", "POLYGON((0 0,, 1 0, 1 1, 0 0))", "POLYGON((0, 0, 1 0, 1 1, 0 0))", "POLYGON((0 0; 1 0; 1 1; 0 0))",
                "POLYGON((1e 0, 1 0, 1 1, 1e 0))", "POLYGON((1e+ 0, 1 0, 1 1, 1e+ 0))", "POLYGON((- 0, 1 0, 1 1, - 0))", "POLYGON((. 0, 1 0, 1 1, . 0))",
                "POLYGON((1.2.3 0, 1 0, 1 1, 1.2.3 0))", "POLYGON((1-2 0, 1 0, 1 1, 1-2 0))", "POLYGON((--1 0, 1 0, 1 1, --1 0))",
                "POLYGON((116.5，40, 1 0, 1 1, 116.5，40))", "POLYGON（（0 0, 1 0, 1 1, 0 0））", "POLYGON((0 0, 1 0, 1 1, 0 0))）",
                "POLYGON((0 0, 1 0, 1 1, 0 0)(1 1, 2 2, 3 1, 1 1))", "MULTIPOLYGON((0 0, 1 0, 1 1, 0 0))", "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0))",
                "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)),)", "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)) ((2 2, 3 2, 3 3, 2 2)))", "POLYGON", "POLYGON(",
                "POLYGONE((0 0, 1 0, 1 1, 0 0))", "POLYGON2((0 0, 1 0, 1 1, 0 0))", "MULTIPOLYGON", "", "   ", "(0 0, 1 0)", "POINT(1 2)",
                "GEOMETRYCOLLECTION(POLYGON((0 0, 1 0, 1 1, 0 0)))", "LINESTRING(0 0, 1 1)", "POLYGON((0 0\u00a0, 1 0, 1 1, 0 0))",
                "POLYGON((0 0\u0000, 1 0, 1 1, 0 0))", "POLYGON((0é 0, 1 0, 1 1, 0é 0))", "POLYGON((0 0, 1 0, 1 1, 0 0))\u0000xyz",
        };
        for (String text : texts) assertSame(oracle(text), ours(text), text);
        // a ring JTS cannot build is a ParseException (a 400), not an IllegalArgumentException (a 500)
        ParseException e = assertThrows(ParseException.class, () -> reader.read("POLYGON((0 0, 1 0, 1 1, 0 0.5))"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        // and so a site with such a ring is a planner's error (400), named as WKT, not a server error
        SiteInputException site = assertThrows(SiteInputException.class, () -> new SiteInputReader().read(
                "POLYGON((113.2 40.3, 113.21 40.3, 113.21 40.31, 113.2 40.305))".getBytes(StandardCharsets.UTF_8), null, null));
        assertTrue(site.getMessage().startsWith("WKT 格式错误 / invalid WKT: "), site.getMessage());
        assertEquals(cn.ecozone.error.EcoZoneException.Kind.BAD_INPUT, site.kind());
        assertNull(reader.fast("POLYGON EMPTY"));
        assertNotNull(reader.fast("POLYGON((0 0, 1 0, 1 1, 0 0))"));
    }

    @Test
    void damagedTextsAreRefusedOrReadExactlyAsJtsDoes() {
        String alphabet = "() ,.-+eE0123456789Z#\t\nxNaI，（";
        int refused = 0;
        for (int t = 0; t < 4000; t++) {
            StringBuilder b = new StringBuilder(generated());
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits && b.length() > 0; k++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> b.setLength(at);
                }
            }
            String text = b.toString();
            Object expected = oracle(text);
            if (expected instanceof String) refused++;
            try {
                assertSame(expected, ours(text), text);
            } catch (AssertionError | RuntimeException e) {
                fail("differs from JTS for " + new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8) + ": " + e.getMessage());
            }
        }
        assertTrue(refused > 1000, "the damaged texts should mostly be refused: " + refused);
    }
}
