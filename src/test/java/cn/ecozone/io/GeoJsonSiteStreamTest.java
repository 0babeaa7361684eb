package cn.ecozone.io;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming GeoJSON reader against the tree reader it stands in for: on thousands of generated bodies — intact
 * (Feature, FeatureCollection, bare geometry, Polygon and MultiPolygon, holes, names, declaredHa, a crs member,
 * members in any order, extra members, numbers written every way) and damaged (truncated, a character dropped or
 * added, NaN, numbers as strings, huge numbers, unclosed and 1-point rings, deep nesting, duplicate members, other
 * geometry types, trailing text) — {@link SiteInputReader} with the stream must give exactly what it gives through
 * the tree alone: the same site (names, CRS, declared areas, every coordinate bit for bit, the same geometry classes)
 * or the same refusal (same exception class, same message). And the stream must really take the common bodies.
 */
class GeoJsonSiteStreamTest {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    @Test
    void generatedBodiesGiveTheSameSiteOrTheSameRefusalAsTheTreeReader() {
        Random r = new Random(13);
        int intact = 0, streamed = 0, accepted = 0, damaged = 0, refusedAlike = 0;
        for (int i = 0; i < 1500; i++) {
            String body = body(r);
            intact++;
            int max = r.nextInt(10) == 0 ? 40 + r.nextInt(200) : SiteInputReader.DEFAULT_MAX_VERTICES;
            String tree = outcome(new SiteInputReader(max, false), body);
            String stream = outcome(new SiteInputReader(max, true), body);
            assertEquals(tree, stream, "body " + i + ": " + body);
            GeoJsonSiteStream.Site fromText = GeoJsonSiteStream.read(MAPPER.getFactory(), body, max);
            GeoJsonSiteStream.Site fromBytes = GeoJsonSiteStream.read(MAPPER.getFactory(), body.getBytes(StandardCharsets.UTF_8), max);
            assertEquals(fromText == null, fromBytes == null, "the text and its UTF-8 bytes are read alike: " + body);
            if (fromText != null) {
                for (int p = 0; p < fromText.parts().size(); p++) {
                    assertEquals(describe(fromText.parts().get(p).geometry()), describe(fromBytes.parts().get(p).geometry()));
                    assertEquals(fromText.parts().get(p).label(), fromBytes.parts().get(p).label());
                }
            }
            if (fromText != null) {
                streamed++;
                // what the stream takes is then checked as a polygon (validity, China): a coarse %.3f ring may fail there
                if (tree.startsWith("OK")) accepted++;
            }
            for (int k = 0; k < 4; k++) {
                String bad = damage(body, r);
                damaged++;
                String t = outcome(new SiteInputReader(max, false), bad);
                String s = outcome(new SiteInputReader(max, true), bad);
                assertEquals(t, s, "damaged body of " + i + ": " + bad);
                if (t.startsWith("ERR")) refusedAlike++;
            }
        }
        // the stream must carry the common case, not leave everything to the tree
        System.out.printf("%d intact bodies: %d streamed (%d of them accepted); %d damaged: %d refused alike%n", intact, streamed, accepted, damaged, refusedAlike);
        assertTrue(streamed > intact * 6 / 10, "streamed " + streamed + " of " + intact);
        assertTrue(accepted > intact / 2, "accepted " + accepted + " of " + intact);
        assertTrue(refusedAlike > damaged / 2, "refused " + refusedAlike + " of " + damaged);
    }

    @Test
    void streamedGeometriesAreTheTreeReadersBitForBit() throws Exception {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String geometry = geometryJson(r, false);
            GeoJsonSiteStream.Site s = GeoJsonSiteStream.read(MAPPER.getFactory(), geometry, 100_000);
            assertNotNull(s, geometry);
            Geometry tree = new GeoJsonGeometryReader().read(MAPPER.readTree(geometry));
            assertEquals(describe(tree), describe(s.parts().get(0).geometry()));
        }
    }

    @Test
    void unusualButValidBodiesAreLeftToTheTreeReader() {
        String ring = "[[113.2,40.3],[113.21,40.3],[113.21,40.31],[113.2,40.3]]";
        for (String body : List.of(
                "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}]}",
                "{\"type\":\"Polygon\",\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}",
                "{\"type\":\"Feature\",\"properties\":{\"name\":7},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}",
                "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "],\"name\":null}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[113.2,40.3],[113.21,40.3],[113.21,40.31],[1132000000000000000000,40.3]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[113.2,40.3],[113.21,40.3],[113.21,40.31]]]}")) {
            assertNull(GeoJsonSiteStream.read(MAPPER.getFactory(), body, 100_000), body);
            assertEquals(outcome(new SiteInputReader(100_000, false), body), outcome(new SiteInputReader(100_000, true), body));
        }
    }

    // ---- generation ----

    static String body(Random r) {
        int kind = r.nextInt(3);
        if (kind == 0) return geometryJson(r, true);
        if (kind == 1) return feature(r, true);
        int n = 1 + r.nextInt(3);
        List<String> members = new ArrayList<>();
        members.add("\"type\":\"FeatureCollection\"");
        List<String> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) fs.add(r.nextInt(8) == 0 ? geometryJson(r, false) : feature(r, false));
        members.add("\"features\":[" + String.join(",", fs) + "]");
        extras(r, members, true);
        return object(r, members);
    }

    static String feature(Random r, boolean root) {
        List<String> members = new ArrayList<>();
        members.add("\"type\":\"Feature\"");
        members.add("\"geometry\":" + geometryJson(r, false));
        switch (r.nextInt(5)) {
            case 0 -> { }
            case 1 -> members.add("\"properties\":null");
            default -> {
                List<String> props = new ArrayList<>();
                String[] keys = {"name", "名称", "地块名称", "NAME"};
                for (String k : keys) {
                    int c = r.nextInt(4);
                    if (c == 0) props.add(quote(k) + ":" + quote("地块-" + r.nextInt(100)));
                    else if (c == 1 && r.nextBoolean()) props.add(quote(k) + ":\"  \"");
                }
                int ha = r.nextInt(5);
                if (ha == 0) props.add("\"declaredHa\":" + r.nextInt(1000));
                else if (ha == 1) props.add("\"declaredHa\":" + number(r.nextDouble() * 500, r));
                else if (ha == 2) props.add("\"declaredHa\":\"12.5\"");
                if (r.nextBoolean()) props.add("\"code\":\"ZH" + r.nextInt(9999) + "\"");
                if (r.nextInt(4) == 0) props.add("\"nested\":{\"name\":5,\"a\":[1,2,{\"b\":null}]}");
                members.add("\"properties\":" + object(r, props));
            }
        }
        if (r.nextInt(4) == 0) members.add("\"id\":" + r.nextInt(100));
        extras(r, members, root);
        return object(r, members);
    }

    static void extras(Random r, List<String> members, boolean root) {
        if (root && r.nextInt(3) == 0) members.add("\"name\":" + quote(r.nextBoolean() ? "项目 " + r.nextInt(50) : " "));
        if (root && r.nextInt(4) == 0) {
            String[] crs = {"urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4490", "EPSG:4326", "EPSG:4490"};
            members.add("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs[r.nextInt(crs.length)] + "\"}}");
        }
        if (r.nextInt(5) == 0) members.add("\"bbox\":[100,20,120,40]");
        if (r.nextInt(8) == 0) members.add("\"foreign\":{\"coordinates\":[[1,\"x\"]],\"type\":\"Point\"}");
    }

    static String geometryJson(Random r, boolean root) {
        List<String> members = new ArrayList<>();
        boolean multi = r.nextInt(3) == 0;
        double cx = 100 + r.nextDouble() * 20, cy = 25 + r.nextDouble() * 15;
        String coords;
        if (multi) {
            int n = 1 + r.nextInt(3);
            List<String> polys = new ArrayList<>();
            for (int i = 0; i < n; i++) polys.add(polygonCoords(r, cx + i * 0.1, cy));
            coords = "[" + String.join(",", polys) + "]";
        } else {
            coords = polygonCoords(r, cx, cy);
        }
        members.add("\"type\":\"" + (multi ? "MultiPolygon" : "Polygon") + "\"");
        members.add("\"coordinates\":" + coords);
        if (root) extras(r, members, true);
        return object(r, members);
    }

    /** A star around (cx, cy) of radius ≤ 0.02°, sometimes with a star hole of radius ≤ 0.005°. */
    static String polygonCoords(Random r, double cx, double cy) {
        List<String> rings = new ArrayList<>();
        rings.add(ring(r, cx, cy, 0.01, 0.02));
        if (r.nextInt(3) == 0) rings.add(ring(r, cx, cy, 0.002, 0.005));
        return "[" + String.join(",", rings) + "]";
    }

    static String ring(Random r, double cx, double cy, double rMin, double rMax) {
        int n = 3 + r.nextInt(r.nextInt(5) == 0 ? 300 : 20);
        StringBuilder b = new StringBuilder("[");
        String first = null;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n, rad = rMin + r.nextDouble() * (rMax - rMin);
            String p = position(cx + rad * Math.cos(a), cy + rad * Math.sin(a), r);
            if (i == 0) first = p;
            b.append(p).append(',');
        }
        return b.append(first).append(']').toString();
    }

    static String position(double x, double y, Random r) {
        String p = "[" + number(x, r) + "," + (r.nextInt(10) == 0 ? " " : "") + number(y, r);
        int extra = r.nextInt(12);
        if (extra == 0) p += "," + number(r.nextDouble() * 100, r);
        else if (extra == 1) p += ",12.5,\"m\",{\"q\":[1]}";
        return p + "]";
    }

    static String number(double v, Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(Locale.ROOT, "%.7f", v);
            case 2 -> new BigDecimal(v).toPlainString(); // the exact binary value, ~50 digits
            case 3 -> String.format(Locale.ROOT, "%.12e", v);
            case 4 -> String.format(Locale.ROOT, "%.3f", v);
            case 5 -> Long.toString(Math.round(v * 1e7)) + "e-7";
            default -> String.format(Locale.ROOT, "%.17g", v);
        };
    }

    static String object(Random r, List<String> members) {
        List<String> m = new ArrayList<>(members);
        Collections.shuffle(m, r);
        String sep = r.nextInt(4) == 0 ? ",\n  " : ",";
        return "{" + String.join(sep, m) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }

    // ---- damage ----

    static String damage(String body, Random r) {
        int n = body.length();
        return switch (r.nextInt(16)) {
            case 0 -> body.substring(0, r.nextInt(n));
            case 1 -> { int i = r.nextInt(n); yield body.substring(0, i) + body.substring(i + 1); }
            case 2 -> { int i = r.nextInt(n); yield body.substring(0, i) + "[]{},:\"0-.eE ".charAt(r.nextInt(13)) + body.substring(i); }
            case 3 -> replaceNumber(body, r, "NaN");
            case 4 -> replaceNumber(body, r, "\"113.25\"");
            case 5 -> replaceNumber(body, r, "1e400");
            case 6 -> replaceNumber(body, r, "123456789012345678901234567890");
            case 7 -> replaceNumber(body, r, "null");
            case 8 -> body.replaceFirst("\\],\\[[^\\[\\]]*\\]\\]", "]]"); // the last position of a ring: unclosed
            case 9 -> body.replaceFirst("\\[\\[\\[([^\\[\\]]*)\\]", "[[[$1]]],[[[$1]"); // a ring of one point
            case 10 -> body.replaceFirst("\"coordinates\":", "\"coordinates\":" + "[".repeat(1200)) + "]".repeat(1200);
            case 11 -> body.replaceFirst("\"type\":\"(Polygon|MultiPolygon)\"", "\"type\":\"$1\",\"type\":\"LineString\"");
            case 12 -> body.replaceFirst("\"type\":\"(Polygon|MultiPolygon)\"", "\"type\":\"" + (r.nextBoolean() ? "Point" : "GeometryCollection") + "\"");
            case 13 -> body + (r.nextBoolean() ? " trailing" : "}]");
            case 14 -> body.replaceFirst("\\[\\[\\[", "[[[[");
            default -> body.replaceFirst("\"geometry\":", "\"geometry\":null,\"g\":");
        };
    }

    static String replaceNumber(String body, Random r, String with) {
        List<int[]> spans = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(body);
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return body;
        int[] s = spans.get(r.nextInt(spans.size()));
        return body.substring(0, s[0]) + with + body.substring(s[1]);
    }

    // ---- comparison ----

    static String outcome(SiteInputReader reader, String body) {
        try {
            SiteInput s = reader.read(body.getBytes(StandardCharsets.UTF_8), null, null);
            StringBuilder b = new StringBuilder("OK ").append(s.name()).append('|').append(s.format()).append('|')
                    .append(s.sourceCrs()).append('|').append(s.warnings());
            for (SiteParcel p : s.parcels()) {
                b.append("\n parcel ").append(p.name()).append(" ha=")
                        .append(p.declaredHa() == null ? "null" : Long.toHexString(Double.doubleToRawLongBits(p.declaredHa())))
                        .append(' ').append(describe(p.geometry()));
            }
            return b.toString();
        } catch (RuntimeException e) {
            return "ERR " + e.getClass().getName() + (e instanceof SiteInputException se && se.tooLarge() ? " tooLarge" : "") + ": " + e.getMessage();
        }
    }

    /** Class, SRID, sequence class and every ordinate's bits. */
    static String describe(Geometry g) {
        StringBuilder b = new StringBuilder(g.getClass().getSimpleName()).append(" srid=").append(g.getSRID()).append('(');
        if (g instanceof Polygon p) {
            b.append(ringBits(p.getExteriorRing().getCoordinateSequence().getClass().getSimpleName(), p.getExteriorRing().getCoordinates()));
            for (int i = 0; i < p.getNumInteriorRing(); i++) b.append(';').append(ringBits("", p.getInteriorRingN(i).getCoordinates()));
        } else if (g.getNumGeometries() > 1 || g.getGeometryN(0) != g) {
            for (int i = 0; i < g.getNumGeometries(); i++) b.append(describe(g.getGeometryN(i))).append(',');
        } else {
            b.append(ringBits(g.getClass().getSimpleName(), g.getCoordinates()));
        }
        return b.append(')').toString();
    }

    static String ringBits(String seq, Coordinate[] cs) {
        StringBuilder b = new StringBuilder(seq).append('[');
        for (Coordinate c : cs) {
            b.append(Long.toHexString(Double.doubleToRawLongBits(c.x))).append(' ')
                    .append(Long.toHexString(Double.doubleToRawLongBits(c.y))).append(' ')
                    .append(Long.toHexString(Double.doubleToRawLongBits(c.getZ()))).append(',');
        }
        return b.append(']').toString();
    }
}
