package cn.ecozone.io;

import cn.ecozone.error.EcoZoneException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SiteInputReader#read(String, String, String)} (a batch list's WKT cell read from the text) gives what
 * {@link SiteInputReader#read(byte[], String, String)} gives for the text's UTF-8 bytes — the same site, warnings
 * and refusals — on generated WKT in every spelling the byte path accepts and on everything it refuses or reads
 * otherwise (GeoJSON, 界址点 text, BOMs, unpaired surrogates, long SRIDs, broken and invalid WKT).
 */
class SiteTextReadTest {
    private final SiteInputReader reader = new SiteInputReader(5_000);

    private String outcome(byte[] body, String crs, String name) {
        return describe(() -> reader.read(body, crs, name));
    }

    private String outcome(String text, String crs, String name) {
        return describe(() -> reader.read(text, crs, name));
    }

    private static String describe(java.util.function.Supplier<SiteInput> read) {
        try {
            SiteInput s = read.get();
            StringBuilder b = new StringBuilder(s.name()).append('|').append(s.format()).append('|').append(s.sourceCrs()).append('|').append(s.warnings());
            for (SiteParcel p : s.parcels()) {
                b.append("\n  ").append(p.name()).append('|').append(p.declaredHa()).append('|').append(p.points()).append('|').append(p.pointsEpsg());
                for (var c : p.geometry().getCoordinates()) b.append(' ').append(Double.doubleToRawLongBits(c.x)).append(',').append(Double.doubleToRawLongBits(c.y));
            }
            return b.toString();
        } catch (EcoZoneException e) {
            return "refused " + e.kind() + ": " + e.getMessage();
        }
    }

    private static String ring(Random rnd, double cx, double cy, double r, int n) {
        StringBuilder b = new StringBuilder("(");
        String first = null;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n, rr = r * (0.7 + 0.3 * rnd.nextDouble());
            String p = String.format(Locale.ROOT, "%.7f %.7f", cx + rr * Math.cos(a), cy + rr * Math.sin(a));
            if (first == null) first = p;
            b.append(p).append(", ");
        }
        return b.append(first).append(')').toString();
    }

    private static List<String> texts(Random rnd) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            double cx = 112.5 + rnd.nextDouble() * 1.5, cy = 39.5 + rnd.nextDouble();
            String poly = "POLYGON(" + ring(rnd, cx, cy, 0.01, 5 + rnd.nextInt(60)) + ")";
            String holed = "POLYGON(" + ring(rnd, cx, cy, 0.02, 40) + ", " + ring(rnd, cx, cy, 0.005, 8) + ")";
            String multi = "MULTIPOLYGON((" + ring(rnd, cx, cy, 0.01, 12) + "), (" + ring(rnd, cx + 0.05, cy, 0.01, 9) + "))";
            out.addAll(List.of(poly, holed, multi, poly.toLowerCase(Locale.ROOT), "Polygon" + poly.substring(7), "  \n\t" + poly + " \r\n",
                    "\uFEFF" + poly, "\uFEFF\uFEFF" + poly, "SRID=4490;" + poly, "srid=4490;" + multi, "SRID=4326;" + holed,
                    "SRID=" + "4".repeat(70) + ";" + poly, "SRID=999999;" + poly, "\uD800" + poly, poly + "\uDC00",
                    poly.substring(0, poly.length() / 2), "POINT(" + cx + " " + cy + ")", "LINESTRING(1 2, 3 4)",
                    "POLYGON((" + cx + " " + cy + ", " + (cx + 0.01) + " " + (cy + 0.01) + ", " + (cx + 0.01) + " " + cy + ", " + cx + " " + (cy + 0.01)
                            + ", " + cx + " " + cy + "))", // a bow-tie: not a valid polygon
                    "POLYGıN" + poly.substring(7), "GEOMETRYCOLLECTION(" + poly + ")", "{\"type\":\"Polygon\",\"coordinates\":[[[" + cx + "," + cy + "],["
                            + (cx + 0.01) + "," + cy + "],[" + cx + "," + (cy + 0.01) + "],[" + cx + "," + cy + "]]]}",
                    "[属性描述]\n坐标系=2000国家大地坐标系\n[地块坐标]\n", "hello", "", "   ", "项目" + poly));
        }
        // a 3° Gauss-Krüger zone 38 (EPSG:4526): the CRS from the EWKT prefix or the parameter
        out.add("SRID=4526;POLYGON((38500000 4430000, 38501000 4430000, 38501000 4431000, 38500000 4431000, 38500000 4430000))");
        out.add("POLYGON((38500000 4430000, 38501000 4430000, 38501000 4431000, 38500000 4431000, 38500000 4430000))");
        return out;
    }

    @Test
    void aCellReadFromItsTextIsTheSiteItsBytesGive() {
        Random rnd = new Random(11);
        int read = 0, refused = 0;
        for (String text : texts(rnd)) {
            for (String crs : Arrays.asList(null, "", "EPSG:4490", "EPSG:4526", "EPSG:2383")) {
                for (String name : Arrays.asList(null, "项目甲")) {
                    String viaBytes = outcome(text.getBytes(StandardCharsets.UTF_8), crs, name);
                    assertEquals(viaBytes, outcome(text, crs, name), "text " + text.substring(0, Math.min(60, text.length())) + " crs " + crs + " name " + name);
                    if (viaBytes.startsWith("refused")) refused++;
                    else read++;
                }
            }
        }
        assertTrue(read > 1_000 && refused > 1_000, read + " read, " + refused + " refused");
    }

    @Test
    void aNullCellIsRefusedAsAnEmptyBody() {
        assertEquals(outcome(new byte[0], null, null), outcome((String) null, null, null));
    }
}
