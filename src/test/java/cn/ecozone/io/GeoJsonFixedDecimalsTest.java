package cn.ecozone.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GeoJsonGeometryWriter#writeFixed}: every ordinate written is the coordinate rounded to the decimals asked for
 * (within half a unit of the last decimal, the same digits as {@code BigDecimal} rounding half-up except where the
 * double's product with the scale itself rounds across a tie), without exponent or trailing zeros.
 */
class GeoJsonFixedDecimalsTest {
    static String fixed(double v, int decimals) {
        char[] buf = new char[40];
        return new String(buf, 0, GeoJsonGeometryWriter.fixed(v, decimals, buf));
    }

    @Test
    void roundsToTheDecimalsAskedForWithoutExponentOrTrailingZeros() {
        assertEquals("0", fixed(0, 7));
        assertEquals("0", fixed(-0.0, 7));
        assertEquals("0", fixed(-0.00000004, 7), "rounds to zero: no minus sign");
        assertEquals("-0.0000001", fixed(-0.00000005, 7));
        assertEquals("113.34", fixed(113.34, 7));
        assertEquals("40", fixed(40.0, 7));
        assertEquals("0.0000001", fixed(1e-7, 7));
        assertEquals("-113.3400001", fixed(-113.34000006, 7));
        assertEquals("113.1234568", fixed(113.123456789, 7));
        assertEquals("38431093.3", fixed(38431093.3, 9), "GK metres: no 3.84E7");
        assertEquals("1", fixed(0.99999999999, 7), "carries into the whole part");
        assertEquals("180", fixed(179.99999996, 7));
    }

    @Test
    void randomCoordinatesAreWithinHalfTheLastDecimalAndMatchBigDecimalRounding() {
        Random rnd = new Random(42);
        int differ = 0;
        for (int i = 0; i < 200_000; i++) {
            int decimals = i % 3 == 0 ? 9 : 7;
            double v = i % 5 == 0 ? (rnd.nextDouble() - 0.5) * 1e8 : (rnd.nextDouble() - 0.5) * 360; // GK metres or degrees
            if (i % 7 == 0) v = Math.round(v * 1e7) / 1e7; // inputs already at 7 decimals come back as they were
            String s = fixed(v, decimals);
            assertFalse(s.contains("E") || s.contains("e"), s);
            assertFalse(s.contains(".") && s.endsWith("0"), s);
            double back = Double.parseDouble(s);
            double half = 0.5 * Math.pow(10, -decimals);
            assertTrue(Math.abs(back - v) <= half + Math.ulp(v) * 4, v + " → " + s);
            String exact = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            if (exact.equals("-0")) exact = "0";
            // degrees (what the site check echoes): the digits of exact decimal rounding; for metres v × 10^d carries the
            // double's relative error (≈ 10^-16 × 10^15 units), so a value that near a tie may round the other way
            if (Math.abs(v) <= 180 && new BigDecimal(exact).compareTo(new BigDecimal(s)) != 0) differ++;
            if (i % 7 == 0 && decimals == 7) assertEquals(v, back, 0.0, "a 7-decimal input is written as it was: " + v + " → " + s);
        }
        assertTrue(differ < 10, differ + " of 160,000 degree values differ from BigDecimal's rounding (only where v × 10^d itself rounds across a tie)");
    }

    @Test
    void aPolygonIsWrittenWithTheSameNumbersToTheLastDecimal() throws Exception {
        GeometryFactory f = new GeometryFactory();
        Geometry p = f.createPolygon(new Coordinate[] {new Coordinate(113.12345678901, 40.1), new Coordinate(113.2, 40.10000004),
                new Coordinate(113.2, 40.2), new Coordinate(113.12345678901, 40.1)});
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            GeoJsonGeometryWriter.writeFixed(g, p, 7);
        }
        assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[113.1234568,40.1],[113.2,40.1],[113.2,40.2],[113.1234568,40.1]]]}", out.toString());
        JsonNode ring = new ObjectMapper().readTree(out.toString()).at("/coordinates/0");
        for (int i = 0; i < 4; i++) {
            assertEquals(p.getCoordinates()[i].x, ring.get(i).get(0).asDouble(), 0.5e-7 + 1e-12);
            assertEquals(p.getCoordinates()[i].y, ring.get(i).get(1).asDouble(), 0.5e-7 + 1e-12);
        }
    }
}
