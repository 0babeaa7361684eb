package cn.ecozone.io;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site read from the bytes ({@link GeoJsonByteTokens}, numbers by {@link JsonDoubles}) against the site read from
 * Jackson's tokens (the stream as it was, the oracle): whenever the bytes give a site it is the very site Jackson's
 * tokens give — names, CRS, declared areas and every coordinate bit for bit, the same geometry classes — on thousands
 * of generated ASCII bodies intact and damaged (truncated, characters dropped or added, escapes, control characters,
 * comments, NaN and Infinity, leading zeros, bare fractions, huge exponents and integers, deep nesting, trailing
 * commas), and the whole reader ({@link SiteInputReader}, which takes the bytes first) still accepts and refuses
 * exactly what the tree reader does, with the same messages. And the bytes must really carry the common bodies.
 */
class GeoJsonByteTokensTest {
    static final JsonFactory JSON = GeoJsonSiteStreamTest.MAPPER.getFactory();

    @Test
    void whatTheBytesGiveIsWhatJacksonsTokensGive() {
        Random r = new Random(41);
        int intact = 0, byJackson = 0, byBytes = 0, damagedByBytes = 0, damaged = 0;
        for (int i = 0; i < 800; i++) {
            String body = ascii(GeoJsonSiteStreamTest.body(r));
            int max = r.nextInt(10) == 0 ? 40 + r.nextInt(200) : SiteInputReader.DEFAULT_MAX_VERTICES;
            intact++;
            GeoJsonSiteStream.Site jackson = GeoJsonSiteStream.read(JSON, bytes(body), max);
            GeoJsonSiteStream.Site fast = same(body, max);
            if (jackson != null) byJackson++;
            if (fast != null) byBytes++;
            if (i % 4 == 0) {
                assertEquals(GeoJsonSiteStreamTest.outcome(new SiteInputReader(max, false), body),
                        GeoJsonSiteStreamTest.outcome(new SiteInputReader(max, true), body), body);
            }
            for (int k = 0; k < 6; k++) {
                String bad = k < 3 ? GeoJsonSiteStreamTest.damage(body, r) : lexicalDamage(body, r);
                damaged++;
                if (same(bad, max) != null) damagedByBytes++;
                if ((k == 0 || k == 3) && i % 2 == 0) {
                    assertEquals(GeoJsonSiteStreamTest.outcome(new SiteInputReader(max, false), bad),
                            GeoJsonSiteStreamTest.outcome(new SiteInputReader(max, true), bad), bad);
                }
            }
        }
        System.out.printf("%d intact ASCII bodies: %d read from Jackson's tokens, %d from the bytes; %d damaged: %d read from the bytes%n",
                intact, byJackson, byBytes, damaged, damagedByBytes);
        assertTrue(byBytes > byJackson * 95 / 100, "the bytes carry the common bodies: " + byBytes + " of " + byJackson);
    }

    @Test
    void edgeCasesOfTheGrammar() {
        String ring = "[[113.2,40.3],[113.21,40.3],[113.21,40.31],[113.2,40.3]]";
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
        assertNotNull(GeoJsonSiteStream.readBytes(bytes(polygon), 100), "the plain case");
        assertNotNull(same(" \t\r\n" + polygon + " trailing text is not read", 100));
        for (String v : List.of("0", "-0", "-0.0", "0.0e0", "1E+2", "1e-2", "113", "113.25", "113.250000000000000000000000001", "1.13e2", "-1",
                "123456789012345678", "1234567890123456789", "12345678901234567890", "1e400", "-1e400", "1e-400", "4.9e-324", "01", "-01", "+1",
                ".5", "1.", "1e", "1e+", "-", "--1", "NaN", "Infinity", "-Infinity", "0x10", "1_0", "1.5.3", "1e5e5", "\"1\"", "null", "true",
                "truex", "[1]", "{}", "1/*c*/", "1 ", " 1", "1\f", "1" + "0".repeat(450), "0." + "0".repeat(420) + "1")) {
            String body = "{\"type\":\"Polygon\",\"coordinates\":[[[113.2,40.3],[113.21," + v + "],[113.21,40.31],[113.2,40.3]]],"
                    + "\"properties\":{\"declaredHa\":" + v + "}}";
            same(body, 100);
            String feature = "{\"type\":\"Feature\",\"properties\":{\"declaredHa\":" + v + ",\"name\":\"p\"},\"geometry\":" + polygon + "}";
            same(feature, 100);
        }
        for (String s : List.of("\"Poly\\u0067on\"", "\"Polygon\\n\"", "\"Poly\tgon\"", "'Polygon'", "\"Polygon\" ", "\"\\\"\"", "\"Polygon")) {
            same("{\"type\":" + s + ",\"coordinates\":[" + ring + "]}", 100);
            same("{\"type\":\"Feature\",\"properties\":{\"name\":" + s + "},\"geometry\":" + polygon + "}", 100);
        }
        for (int depth : new int[] {60, 62, 63, 64, 65, 70, 1100}) {
            String deep = "[".repeat(depth) + "]".repeat(depth);
            same("{\"type\":\"Polygon\",\"foreign\":" + deep + ",\"coordinates\":[" + ring + "]}", 100);
        }
        for (String tail : List.of(",}", ",,\"a\":1}", "}", " }", ",\"a\":[1,]}", ",\"a\":{,}}", ",\"a\":[1 2]}", ",\"a\" 1}", ",\"a\":1,}", ",a:1}",
                "/* c */}", ",\"a\":tru}", ",\"a\":nul}", ",\"a\":falsey}", ",\"a\":\"\u00e9\"}")) {
            same(polygon.substring(0, polygon.length() - 1) + tail, 100);
        }
        // what the bytes leave: an escape, and a name with an escape, go to Jackson and are still read there
        String escaped = "{\"type\":\"Poly\\u0067on\",\"coordinates\":[" + ring + "]}";
        assertNull(GeoJsonSiteStream.readBytes(bytes(escaped), 100));
        assertNotNull(GeoJsonSiteStream.readAscii(JSON, bytes(escaped), 100));
    }

    /** The benchmark's body (a 500-vertex polygon written by {@link GeoJsonGeometryWriter}) is read from the bytes. */
    @Test
    void theBenchmarksBodyIsReadFromTheBytes() throws Exception {
        org.locationtech.jts.geom.Coordinate[] cs = new org.locationtech.jts.geom.Coordinate[501];
        Random r = new Random(5);
        for (int j = 0; j < 500; j++) {
            double a = 2 * Math.PI * j / 500, rr = 0.018 * (0.8 + 0.2 * Math.sin(a * 7) + 0.02 * r.nextDouble());
            cs[j] = new org.locationtech.jts.geom.Coordinate(113 + rr * Math.cos(a) / Math.cos(Math.toRadians(35)), 35 + rr * Math.sin(a));
        }
        cs[500] = cs[0];
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new JsonFactory().createGenerator(w)) {
            GeoJsonGeometryWriter.write(g, Geometries.FACTORY.createPolygon(cs));
        }
        assertNotNull(same(w.toString(), 100_000), w.toString().substring(0, 200));
    }

    /** Reads {@code body} both ways; when the bytes give a site, asserts it is Jackson's. Returns the bytes' site. */
    static GeoJsonSiteStream.Site same(String body, int max) {
        byte[] b = bytes(body);
        GeoJsonSiteStream.Site fast = GeoJsonSiteStream.readBytes(b, max);
        if (fast != null) {
            GeoJsonSiteStream.Site jackson = GeoJsonSiteStream.read(JSON, b, max);
            assertNotNull(jackson, () -> "the bytes read what Jackson refused: " + body);
            assertEquals(describe(jackson), describe(fast), body);
        }
        return fast;
    }

    static String describe(GeoJsonSiteStream.Site s) {
        StringBuilder b = new StringBuilder().append(s.declaredCrs()).append('|').append(s.rootName()).append('|').append(s.collection());
        for (GeoJsonSiteStream.Part p : s.parts()) {
            b.append("\n ").append(p.label()).append(" ha=")
                    .append(p.declaredHa() == null ? "null" : Long.toHexString(Double.doubleToRawLongBits(p.declaredHa())))
                    .append(' ').append(GeoJsonSiteStreamTest.describe(p.geometry()))
                    .append(" factory=").append(System.identityHashCode(p.geometry().getFactory()));
        }
        return b.toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The generator's Chinese names and keys in ASCII, so that the body is what the bytes may take. */
    static String ascii(String body) {
        return body.replace("地块-", "Plot-").replace("项目 ", "Project ").replace("\"名称\"", "\"NAME\"").replace("\"地块名称\"", "\"label\"");
    }

    /** Damage of the kind a scanner may get wrong. */
    static String lexicalDamage(String body, Random r) {
        int n = body.length();
        int i = r.nextInt(n);
        return switch (r.nextInt(12)) {
            case 0 -> body.substring(0, i) + "\\" + body.substring(i);
            case 1 -> body.substring(0, i) + (char) r.nextInt(0x20) + body.substring(i);
            case 2 -> body.substring(0, i) + "/*x*/" + body.substring(i);
            case 3 -> GeoJsonSiteStreamTest.replaceNumber(body, r, new String[] {"Infinity", "-Infinity", "+1", ".5", "1.", "01", "-01", "1e", "0x1F"}[r.nextInt(9)]);
            case 4 -> GeoJsonSiteStreamTest.replaceNumber(body, r, new String[] {"-0", "-0.0", "0e0", "1E+2", "123456789012345678", "1234567890123456789",
                    "1e-400", "4.9e-324", "113.2500000000000000000000000001", "39.99999999999999", "9007199254740993"}[r.nextInt(11)]);
            case 5 -> body.replaceFirst("\"Polygon\"", "\"Poly\\\\u0067on\"");
            case 6 -> body.replaceFirst("\\]\\]", "],]]");
            case 7 -> body.replaceFirst("\\}$", ",}");
            case 8 -> body.substring(0, i) + "\f" + body.substring(i);
            case 9 -> body.replaceFirst("\"coordinates\"", "'coordinates'");
            case 10 -> body.replace("\"type\"", "\"ty\\u0070e\"");
            default -> body.substring(0, i) + "\u00a0" + body.substring(i);
        };
    }
}
