package cn.ecozone.process;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A batch project's site as GeoJSON text, the same characters {@code io.GeoJsonGeometryWriter.write} gives through
 * Jackson (every ordinate as {@code Double.toString} writes it), written faster for the usual site: a polygon or
 * multipolygon whose ordinates were read from decimals with at most nine fraction digits (a CSV's WKT, a TXT). Such
 * an ordinate's shortest decimal is found with integer arithmetic — the fewest fraction digits {@code k} for which
 * {@code round(v·10^k) / 10^k == v} (both exact below 2^53, the division correctly rounded, so that decimal reads
 * back as {@code v}; with at most 15 significant digits it is the only decimal of that length that does) — instead of
 * {@code Double.toString}, which took a quarter of a job lane's time. Other ordinates are written by
 * {@code Double.toString}; other geometries, or an ordinate outside [10^-3, 10^7) (where {@code Double.toString} or
 * Jackson change notation), are left to the general writer ({@code null}).
 * <p>
 * The text is put together in a byte array (every character is ASCII), and below 10^6 (every longitude and latitude)
 * an ordinate's decimal is found with one rounding instead of trying k = 1, 2, …: {@code N = round(|v|·10^9)}, and
 * when {@code N / 10^9 == |v|} the decimal is N with its trailing zeros dropped. Below 10^6 an ulp of {@code v} is
 * under 1.2·10^-10, so at most one decimal with nine fraction digits reads back as {@code v}, the product's error
 * (with the decimal's own distance from {@code v}) stays under 0.13 of the last digit, and N is that decimal whenever
 * one exists: the same digits as the search (tested against it on millions of ordinates), which is kept for 10^6–10^7.
 */
final class SiteShapeJson {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final long[] LPOW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};
    private static final double EXACT = 9_007_199_254_740_992.0;
    /** Below this an ordinate's nine-digit decimal is found with one rounding (see the class comment). */
    private static final double ONE_ROUNDING = 1e6;

    private SiteShapeJson() {}

    /** The GeoJSON text, or null when the general writer must write it. */
    static String write(Geometry geom) {
        if (!(geom instanceof Polygon || geom instanceof MultiPolygon)) return null;
        Text b = new Text(geom.getNumPoints() * 24 + 48);
        b.ascii("{\"type\":\"").ascii(geom.getGeometryType()).ascii("\",\"coordinates\":");
        if (geom instanceof Polygon p) {
            if (!polygon(b, p)) return null;
        } else {
            b.put('[');
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                if (i > 0) b.put(',');
                if (!polygon(b, (Polygon) geom.getGeometryN(i))) return null;
            }
            b.put(']');
        }
        return b.put('}').string();
    }

    private static boolean polygon(Text b, Polygon p) {
        b.put('[');
        if (!p.isEmpty()) {
            if (!ring(b, p.getExteriorRing().getCoordinateSequence())) return false;
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                b.put(',');
                if (!ring(b, p.getInteriorRingN(i).getCoordinateSequence())) return false;
            }
        }
        b.put(']');
        return true;
    }

    private static boolean ring(Text b, CoordinateSequence cs) {
        b.put('[');
        for (int i = 0; i < cs.size(); i++) {
            if (i > 0) b.put(',');
            b.put('[');
            if (!ordinate(b, cs.getX(i))) return false;
            b.put(',');
            if (!ordinate(b, cs.getY(i))) return false;
            b.put(']');
        }
        b.put(']');
        return true;
    }

    private static boolean ordinate(Text b, double v) {
        double a = Math.abs(v);
        if (!(a >= 1e-3 && a < 1e7)) return false;
        if (!shortest(b, v)) b.ascii(Double.toString(v));
        return true;
    }

    /** Appends {@code v} (10^-3 ≤ |v| < 10^7) as its shortest decimal with 1–9 fraction digits; false when it has none. */
    static boolean shortest(StringBuilder b, double v) {
        Text t = new Text(24);
        if (!shortest(t, v)) return false;
        b.append(t.string());
        return true;
    }

    private static boolean shortest(Text b, double v) {
        double a = Math.abs(v);
        if (a < ONE_ROUNDING) {
            long m = Math.round(a * 1e9);
            if (m / 1e9 != a) return false;
            decimal(b, v < 0, m, 9);
            return true;
        }
        for (int k = 1; k < POW10.length; k++) {
            double scaled = a * POW10[k];
            if (scaled >= EXACT) return false;
            long m = Math.round(scaled);
            if (m / POW10[k] != a) continue;
            decimal(b, v < 0, m, k);
            return true;
        }
        return false;
    }

    /**
     * {@code m / 10^k} with its fraction's trailing zeros dropped (one digit at least). Both parts fit an int (the whole
     * part is below 10^7, the fraction below 10^9), whose divisions by ten are cheaper than a long's.
     */
    private static void decimal(Text b, boolean negative, long m, int k) {
        if (negative) b.put('-');
        long p = LPOW10[k];
        int whole = (int) (m / p), fraction = (int) (m - whole * p);
        int digits = k;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        b.padded(whole, 1).put('.').padded(fraction, digits);
    }

    /** ASCII text in a byte array (a String of it is one copy, Latin-1). */
    static final class Text {
        private byte[] bytes;
        private int length;

        Text(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        private void room(int n) {
            if (length + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }

        Text put(char c) {
            room(1);
            bytes[length++] = (byte) c;
            return this;
        }

        /** A string of ASCII characters (a geometry type, {@code Double.toString}). */
        Text ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) bytes[length++] = (byte) s.charAt(i);
            return this;
        }

        /** A non-negative int in decimal digits, with leading zeros to at least {@code width} digits. */
        Text padded(int n, int width) {
            int d = 1;
            for (int p = 10; d < 10 && p <= n; p *= 10) d++;
            int w = Math.max(d, width);
            room(w);
            for (int i = length + w - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            length += w;
            return this;
        }

        String string() {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}
