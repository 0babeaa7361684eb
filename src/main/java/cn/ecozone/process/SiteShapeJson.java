package cn.ecozone.process;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

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
 */
final class SiteShapeJson {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final long[] LPOW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};
    private static final double EXACT = 9_007_199_254_740_992.0;

    private SiteShapeJson() {}

    /** The GeoJSON text, or null when the general writer must write it. */
    static String write(Geometry geom) {
        if (!(geom instanceof Polygon || geom instanceof MultiPolygon)) return null;
        StringBuilder b = new StringBuilder(geom.getNumPoints() * 24 + 48);
        b.append("{\"type\":\"").append(geom.getGeometryType()).append("\",\"coordinates\":");
        if (geom instanceof Polygon p) {
            if (!polygon(b, p)) return null;
        } else {
            b.append('[');
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                if (i > 0) b.append(',');
                if (!polygon(b, (Polygon) geom.getGeometryN(i))) return null;
            }
            b.append(']');
        }
        return b.append('}').toString();
    }

    private static boolean polygon(StringBuilder b, Polygon p) {
        b.append('[');
        if (!p.isEmpty()) {
            if (!ring(b, p.getExteriorRing().getCoordinateSequence())) return false;
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                b.append(',');
                if (!ring(b, p.getInteriorRingN(i).getCoordinateSequence())) return false;
            }
        }
        b.append(']');
        return true;
    }

    private static boolean ring(StringBuilder b, CoordinateSequence cs) {
        b.append('[');
        for (int i = 0; i < cs.size(); i++) {
            if (i > 0) b.append(',');
            b.append('[');
            if (!ordinate(b, cs.getX(i))) return false;
            b.append(',');
            if (!ordinate(b, cs.getY(i))) return false;
            b.append(']');
        }
        b.append(']');
        return true;
    }

    private static boolean ordinate(StringBuilder b, double v) {
        double a = Math.abs(v);
        if (!(a >= 1e-3 && a < 1e7)) return false;
        if (!shortest(b, v)) b.append(Double.toString(v));
        return true;
    }

    /** Appends {@code v} (10^-3 ≤ |v| < 10^7) as its shortest decimal with 1–9 fraction digits; false when it has none. */
    static boolean shortest(StringBuilder b, double v) {
        double a = Math.abs(v);
        for (int k = 1; k < POW10.length; k++) {
            double scaled = a * POW10[k];
            if (scaled >= EXACT) return false;
            long m = Math.round(scaled);
            if (m / POW10[k] != a) continue;
            if (v < 0) b.append('-');
            b.append(m / LPOW10[k]).append('.');
            long fraction = m % LPOW10[k];
            int digits = k;
            while (digits > 1 && fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            for (long p = LPOW10[digits - 1]; p > fraction && p > 1; p /= 10) b.append('0');
            b.append(fraction);
            return true;
        }
        return false;
    }
}
