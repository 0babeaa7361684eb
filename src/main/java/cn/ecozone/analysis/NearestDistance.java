package cn.ecozone.analysis;

import cn.ecozone.geo.EllipsoidalMeasure;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.util.Arrays;

/**
 * Shortest distance in metres on the CGCS2000 ellipsoid between the boundaries of a site and of a zone that does
 * not overlap it (EPSG:4490 lon/lat; a zone inside a hole of the site is measured to the hole's edge). The
 * nearest pair of points is found in a local plane where a degree of longitude is shrunk by cos(latitude), so
 * the plane is nearly true-to-scale around the site; their distance is then measured geodesically (Karney).
 * Never a distance in degrees. Works on {@link Edges}: pairs of a zone's run and a block of the site's runs are
 * visited nearest box first, and exact (squared, allocation-free) segment distances are computed only where a box
 * is nearer than the best pair so far. One instance per site; not thread-safe.
 */
final class NearestDistance {
    private static final double M_PER_DEG_LAT_MIN = 110_500;
    /** Beyond this many box pairs (a huge site beside a huge zone) they are visited in plain order, not sorted. */
    private static final int MAX_SORTED_PAIRS = 1 << 16;

    private final Edges site;
    private final Envelope siteEnvelope;
    private final double cosLat;
    private long[] order = new long[64];
    private double best2;
    private Coordinate bestA0, bestA1, bestB0, bestB1;

    NearestDistance(Edges site, Envelope siteEnvelope) {
        this.site = site;
        this.siteEnvelope = siteEnvelope;
        this.cosLat = Math.cos(Math.toRadians(siteEnvelope.centre().y));
    }

    /** The distance in metres to a zone's edges (loaded with an envelope that contains the site's). */
    double metres(Edges zone) {
        return metresWithin(zone, Double.POSITIVE_INFINITY);
    }

    /** The distance in metres when it may be at most {@code maxM}; +∞ for a zone certainly farther. */
    double metresWithin(Edges zone, double maxM) {
        double limit = maxM / M_PER_DEG_LAT_MIN * planeStretch(maxM);
        best2 = Double.isInfinite(limit) ? Double.POSITIVE_INFINITY : limit * limit;
        bestA0 = null;
        search(zone);
        if (bestA0 == null) return Double.POSITIVE_INFINITY;
        double[] near = closestPoints(bestA0.x * cosLat, bestA0.y, bestA1.x * cosLat, bestA1.y,
                bestB0.x * cosLat, bestB0.y, bestB1.x * cosLat, bestB1.y);
        return EllipsoidalMeasure.distance(new Coordinate(near[0] / cosLat, near[1]), new Coordinate(near[2] / cosLat, near[3]));
    }

    /**
     * How much longer than true a distance within {@code metres} of the site can be in the plane (its longitude
     * scale is the site centre's, too large farther north), with 2 % for the ellipsoid's radii.
     */
    private double planeStretch(double metres) {
        if (Double.isInfinite(metres)) return 1;
        double farthestLat = Math.max(Math.abs(siteEnvelope.getMinY()), Math.abs(siteEnvelope.getMaxY())) + metres / M_PER_DEG_LAT_MIN;
        return 1.02 * Math.max(1, cosLat / Math.cos(Math.toRadians(Math.min(89, farthestLat))));
    }

    /** Pairs (zone run, site block) nearer than the limit, nearest first (float key ⊕ index), then their segments. */
    private void search(Edges zone) {
        int pairs = 0;
        for (int z = 0; z < zone.runs; z++) {
            for (int b = 0; b < site.blocks; b++) {
                double d2 = boxDistance2(zone.box, 4 * z, site.blockBox, 4 * b);
                if (d2 >= best2) continue;
                if (pairs == MAX_SORTED_PAIRS) {
                    visitInPlainOrder(zone);
                    return;
                }
                if (pairs == order.length) order = Arrays.copyOf(order, pairs * 2);
                order[pairs++] = (long) Float.floatToIntBits((float) d2) << 32 | (long) z * site.blocks + b;
            }
        }
        Arrays.sort(order, 0, pairs);
        for (int k = 0; k < pairs && best2 > 0; k++) {
            int pair = (int) order[k];
            visit(zone, pair / site.blocks, pair % site.blocks);
        }
    }

    private void visitInPlainOrder(Edges zone) {
        for (int z = 0; z < zone.runs && best2 > 0; z++) {
            for (int b = 0; b < site.blocks && best2 > 0; b++) visit(zone, z, b);
        }
    }

    private void visit(Edges zone, int z, int b) {
        if (boxDistance2(zone.box, 4 * z, site.blockBox, 4 * b) >= best2) return;
        for (int r = b * Edges.BLOCK, end = Math.min(site.runs, (b + 1) * Edges.BLOCK); r < end && best2 > 0; r++) {
            if (boxDistance2(zone.box, 4 * z, site.box, 4 * r) < best2) segments(zone, z, r);
        }
    }

    private void segments(Edges zone, int zoneRun, int siteRun) {
        Coordinate[] zp = zone.ringOf(zoneRun).pts, sp = site.ringOf(siteRun).pts;
        int z0 = zone.runFirst[zoneRun], z1 = z0 + zone.runLength[zoneRun];
        int s0 = site.runFirst[siteRun], s1 = s0 + site.runLength[siteRun];
        for (int i = z0; i < z1; i++) {
            double bx = zp[i].x * cosLat, by = zp[i].y, cx = zp[i + 1].x * cosLat, cy = zp[i + 1].y;
            for (int j = s0; j < s1; j++) {
                double d2 = segmentDistance2(sp[j].x * cosLat, sp[j].y, sp[j + 1].x * cosLat, sp[j + 1].y, bx, by, cx, cy);
                if (d2 < best2) {
                    best2 = d2;
                    bestA0 = sp[j];
                    bestA1 = sp[j + 1];
                    bestB0 = zp[i];
                    bestB1 = zp[i + 1];
                    if (d2 == 0) return;
                }
            }
        }
    }

    /** Squared distance of two lon/lat boxes in the plane. */
    private double boxDistance2(double[] a, int i, double[] b, int j) {
        double dx = Math.max(0, Math.max(a[i] - b[j + 2], b[j] - a[i + 2])) * cosLat;
        double dy = Math.max(0, Math.max(a[i + 1] - b[j + 3], b[j + 1] - a[i + 3]));
        return dx * dx + dy * dy;
    }

    /** Squared distance between segments AB and CD: 0 when they cross, else the least of the four end-to-segment distances. */
    static double segmentDistance2(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
        double d1 = cross(ax, ay, bx, by, cx, cy), d2 = cross(ax, ay, bx, by, dx, dy);
        double d3 = cross(cx, cy, dx, dy, ax, ay), d4 = cross(cx, cy, dx, dy, bx, by);
        if ((d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0)) return 0;
        return Math.min(Math.min(pointSegment2(ax, ay, cx, cy, dx, dy), pointSegment2(bx, by, cx, cy, dx, dy)),
                Math.min(pointSegment2(cx, cy, ax, ay, bx, by), pointSegment2(dx, dy, ax, ay, bx, by)));
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static double pointSegment2(double px, double py, double ax, double ay, double bx, double by) {
        double t = projection(px, py, ax, ay, bx, by);
        double x = ax + t * (bx - ax) - px, y = ay + t * (by - ay) - py;
        return x * x + y * y;
    }

    /** Where P projects onto segment AB, as a fraction 0–1 of AB. */
    private static double projection(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax, vy = by - ay, len2 = vx * vx + vy * vy;
        return len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
    }

    /** The nearest points {x1, y1, x2, y2} of segment AB (site) and CD (zone). */
    private static double[] closestPoints(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
        double d1 = cross(ax, ay, bx, by, cx, cy), d2 = cross(ax, ay, bx, by, dx, dy);
        double d3 = cross(cx, cy, dx, dy, ax, ay), d4 = cross(cx, cy, dx, dy, bx, by);
        if ((d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0)) {
            double t = d3 / (d3 - d4);
            double x = ax + t * (bx - ax), y = ay + t * (by - ay);
            return new double[] {x, y, x, y};
        }
        double best = Double.POSITIVE_INFINITY;
        double[] out = null;
        // each end point against the other segment; keep the nearest pair
        double[][] candidates = {
                {ax, ay, cx, cy, dx, dy, 0}, {bx, by, cx, cy, dx, dy, 0}, {cx, cy, ax, ay, bx, by, 1}, {dx, dy, ax, ay, bx, by, 1}};
        for (double[] c : candidates) {
            double t = projection(c[0], c[1], c[2], c[3], c[4], c[5]);
            double qx = c[2] + t * (c[4] - c[2]), qy = c[3] + t * (c[5] - c[3]);
            double d = (qx - c[0]) * (qx - c[0]) + (qy - c[1]) * (qy - c[1]);
            if (d < best) {
                best = d;
                out = c[6] == 0 ? new double[] {c[0], c[1], qx, qy} : new double[] {qx, qy, c[0], c[1]};
            }
        }
        return out;
    }

    /** The site's envelope grown by at least {@code metres} on every side (lon/lat degrees). */
    Envelope searchEnvelope(double metres) {
        double maxAbsLat = Math.min(89, Math.max(Math.abs(siteEnvelope.getMinY()), Math.abs(siteEnvelope.getMaxY())) + 0.1);
        double dLat = metres / M_PER_DEG_LAT_MIN * 1.01;
        double dLon = metres / (M_PER_DEG_LAT_MIN * Math.cos(Math.toRadians(maxAbsLat))) * 1.01;
        Envelope e = new Envelope(siteEnvelope);
        e.expandBy(dLon, dLat);
        return e;
    }
}
