package cn.ecozone.analysis;

import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.geo.EllipsoidalMeasure;
import org.locationtech.jts.geom.Envelope;

import java.util.Arrays;

/**
 * Shortest distance in metres on the CGCS2000 ellipsoid between the boundaries of a site and of a zone that does
 * not overlap it (EPSG:4490 lon/lat; a zone inside a hole of the site is measured to the hole's edge). The
 * nearest pair of points is found in a local plane where a degree of longitude is shrunk by cos(latitude) and by
 * the ratio of the ellipsoid's radii of curvature (N/M), so the plane is true-to-scale in every direction at the
 * site's centre; their distance is then measured geodesically (Karney). Away from the centre the plane's scale
 * drifts (cos(latitude) changes), which could rank two nearly equidistant edges the wrong way round: every
 * segment pair whose plane distance is within that drift of the nearest is measured geodesically too, and the
 * least wins.
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
    /** Plane x per degree of longitude: cos(latitude) × N/M at the site's centre (plane units are degrees of latitude). */
    private final double kx;
    /** Geodesic evaluations allowed in the second pass (bounded cost when long edges run parallel). */
    private static final int MAX_REFINED_PAIRS = 4096;
    private long[] order = new long[64];
    private double best2;
    /** The nearest pair found: site segment then zone segment, in the plane. */
    private final double[] best = new double[8];
    private boolean found;

    NearestDistance(Edges site, Envelope siteEnvelope) {
        this.site = site;
        this.siteEnvelope = siteEnvelope;
        this.cosLat = Math.cos(Math.toRadians(siteEnvelope.centre().y));
        double e2 = Cgcs2000.FLATTENING * (2 - Cgcs2000.FLATTENING), sin = Math.sin(Math.toRadians(siteEnvelope.centre().y));
        this.kx = cosLat * (1 - e2 * sin * sin) / (1 - e2);
    }

    /** The distance in metres to a zone's edges (loaded with an envelope that contains the site's). */
    double metres(Edges zone) {
        return metresWithin(zone, Double.POSITIVE_INFINITY);
    }

    /** The distance in metres when it may be at most {@code maxM}; +∞ for a zone certainly farther. */
    double metresWithin(Edges zone, double maxM) {
        double limit = maxM / M_PER_DEG_LAT_MIN * planeStretch(maxM);
        // just above the limit, so that a zone exactly at it (touching, when maxM is 0) is still found
        best2 = Double.isInfinite(limit) ? Double.POSITIVE_INFINITY : Math.nextUp(limit * limit);
        found = false;
        memoCount = 0;
        search(zone);
        if (!found) return Double.POSITIVE_INFINITY;
        double metres = geodesic(best[0], best[1], best[2], best[3], best[4], best[5], best[6], best[7]);
        if (best2 == 0) return metres;
        double drift = drift(metres);
        return drift > 1 ? Math.min(metres, refine(zone, best2 * drift * drift)) : metres;
    }

    /**
     * The geodesic distance of the nearest points of site segment AB and zone segment CD (plane coordinates).
     * The same pair of points is often asked again within one zone's measurement — the best pair of the search is
     * measured first and then once more among the refinement's pairs, and neighbouring segments whose nearest point
     * is their shared vertex give the same points — so the last {@value #MEMO} distances of this zone are kept with
     * their points (compared bit for bit) and answered again: the same inputs give Karney's algorithm the same result.
     */
    private double geodesic(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
        closestPoints(ax, ay, bx, by, cx, cy, dx, dy, near);
        double lon1 = near[0] / kx, lat1 = near[1], lon2 = near[2] / kx, lat2 = near[3];
        long k1 = Double.doubleToRawLongBits(lon1), k2 = Double.doubleToRawLongBits(lat1), k3 = Double.doubleToRawLongBits(lon2),
                k4 = Double.doubleToRawLongBits(lat2);
        for (int m = 0, size = Math.min(memoCount, MEMO); m < size; m++) {
            int at = 4 * m;
            if (memoKey[at] == k1 && memoKey[at + 1] == k2 && memoKey[at + 2] == k3 && memoKey[at + 3] == k4) {
                memoHits++;
                return memoMetres[m];
            }
        }
        double metres = EllipsoidalMeasure.distance(lon1, lat1, lon2, lat2);
        geodesics++;
        int slot = memoCount++ % MEMO, at = 4 * slot;
        memoKey[at] = k1;
        memoKey[at + 1] = k2;
        memoKey[at + 2] = k3;
        memoKey[at + 3] = k4;
        memoMetres[slot] = metres;
        return metres;
    }

    /** How many geodesic distances of one zone's measurement are remembered with their points. */
    private static final int MEMO = 8;
    private final long[] memoKey = new long[4 * MEMO];
    private final double[] memoMetres = new double[MEMO];
    private int memoCount;
    /** Geodesics answered from the memo, and measured, since this instance was made (for tests and profiles). */
    long memoHits, geodesics;
    private final double[] near = new double[4];

    /**
     * How far the plane-to-true scale ratio can differ between two places within {@code metres} of the site:
     * the largest over the smallest cos(latitude) there, relative to the centre's (1 = no drift), with 10⁻⁴ for N/M.
     */
    private double drift(double metres) {
        double dLat = metres / M_PER_DEG_LAT_MIN * 1.01;
        double lo = siteEnvelope.getMinY() - dLat, hi = siteEnvelope.getMaxY() + dLat;
        double maxAbs = Math.min(89, Math.max(Math.abs(lo), Math.abs(hi))), minAbs = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
        double fMax = Math.max(1, Math.cos(Math.toRadians(minAbs)) / cosLat), fMin = Math.min(1, Math.cos(Math.toRadians(maxAbs)) / cosLat);
        return fMax / fMin * 1.0001;
    }

    /** The least geodesic distance over the segment pairs whose plane distance² is at most {@code limit2}. */
    private double refine(Edges zone, double limit2) {
        double least = Double.POSITIVE_INFINITY;
        int measured = 0;
        for (int z = 0; z < zone.runs; z++) {
            for (int b = 0; b < site.blocks; b++) {
                if (boxDistance2(zone.box, 4 * z, site.blockBox, 4 * b) > limit2) continue;
                for (int r = b * Edges.BLOCK, end = Math.min(site.runs, (b + 1) * Edges.BLOCK); r < end; r++) {
                    if (boxDistance2(zone.box, 4 * z, site.box, 4 * r) > limit2) continue;
                    Edges.Ring zr = zone.ringOf(z), sr = site.ringOf(r);
                    for (int i = zone.runFirst[z], i1 = i + zone.runLength[z]; i < i1; i++) {
                        double bx = zr.x(i) * kx, by = zr.y(i), cx = zr.x(i + 1) * kx, cy = zr.y(i + 1);
                        for (int j = site.runFirst[r], j1 = j + site.runLength[r]; j < j1; j++) {
                            double ax = sr.x(j) * kx, ay = sr.y(j), dx = sr.x(j + 1) * kx, dy = sr.y(j + 1);
                            if (segmentDistance2(ax, ay, dx, dy, bx, by, cx, cy) > limit2) continue;
                            least = Math.min(least, geodesic(ax, ay, dx, dy, bx, by, cx, cy));
                            if (++measured == MAX_REFINED_PAIRS) return least;
                        }
                    }
                }
            }
        }
        return least;
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
        Edges.Ring zr = zone.ringOf(zoneRun), sr = site.ringOf(siteRun);
        int z0 = zone.runFirst[zoneRun], z1 = z0 + zone.runLength[zoneRun];
        int s0 = site.runFirst[siteRun], s1 = s0 + site.runLength[siteRun];
        double[] runBox = site.box;
        int rb = 4 * siteRun;
        for (int i = z0; i < z1; i++) {
            double bx = zr.x(i) * kx, by = zr.y(i), cx = zr.x(i + 1) * kx, cy = zr.y(i + 1);
            double minX = Math.min(bx, cx), maxX = Math.max(bx, cx), minY = Math.min(by, cy), maxY = Math.max(by, cy);
            // the zone segment's box against the site run's box, then against each site segment's box
            if (gap2(minX, minY, maxX, maxY, runBox[rb] * kx, runBox[rb + 1], runBox[rb + 2] * kx, runBox[rb + 3]) >= best2) continue;
            for (int j = s0; j < s1; j++) {
                double ax = sr.x(j) * kx, ay = sr.y(j), dx = sr.x(j + 1) * kx, dy = sr.y(j + 1);
                if (gap2(minX, minY, maxX, maxY, Math.min(ax, dx), Math.min(ay, dy), Math.max(ax, dx), Math.max(ay, dy)) >= best2) continue;
                double d2 = segmentDistance2(ax, ay, dx, dy, bx, by, cx, cy);
                if (d2 < best2) {
                    best2 = d2;
                    best[0] = ax;
                    best[1] = ay;
                    best[2] = dx;
                    best[3] = dy;
                    best[4] = bx;
                    best[5] = by;
                    best[6] = cx;
                    best[7] = cy;
                    found = true;
                    if (d2 == 0) return;
                }
            }
        }
    }

    /** Squared distance of two boxes given by their corners, in the plane. */
    private static double gap2(double minX1, double minY1, double maxX1, double maxY1, double minX2, double minY2, double maxX2, double maxY2) {
        double dx = Math.max(0, Math.max(minX1 - maxX2, minX2 - maxX1)), dy = Math.max(0, Math.max(minY1 - maxY2, minY2 - maxY1));
        return dx * dx + dy * dy;
    }

    /** Squared distance of two lon/lat boxes in the plane. */
    private double boxDistance2(double[] a, int i, double[] b, int j) {
        double dx = Math.max(0, Math.max(a[i] - b[j + 2], b[j] - a[i + 2])) * kx;
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

    /**
     * The nearest points {x1, y1, x2, y2} of segment AB (site) and CD (zone), into {@code out}: the crossing point
     * when they cross, else the nearest of the four end-to-segment pairs (A and B against CD, then C and D against AB;
     * the first of equal ones). The same arithmetic, in the same order, as the former version that built a table of
     * the four candidates and a new array for each better one — without the allocations.
     */
    static void closestPoints(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy, double[] out) {
        double d1 = cross(ax, ay, bx, by, cx, cy), d2 = cross(ax, ay, bx, by, dx, dy);
        double d3 = cross(cx, cy, dx, dy, ax, ay), d4 = cross(cx, cy, dx, dy, bx, by);
        if ((d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0)) {
            double t = d3 / (d3 - d4);
            double x = ax + t * (bx - ax), y = ay + t * (by - ay);
            out[0] = x;
            out[1] = y;
            out[2] = x;
            out[3] = y;
            return;
        }
        double best = Double.POSITIVE_INFINITY;
        best = nearer(ax, ay, cx, cy, dx, dy, false, best, out);
        best = nearer(bx, by, cx, cy, dx, dy, false, best, out);
        best = nearer(cx, cy, ax, ay, bx, by, true, best, out);
        best = nearer(dx, dy, ax, ay, bx, by, true, best, out);
        // as before, where no distance compares below +∞ (only by overflow) there are no nearest points
        if (best == Double.POSITIVE_INFINITY) throw new NullPointerException("no nearest points");
    }

    /**
     * Point P against segment EF: when P's distance² to its projection Q is below {@code best}, {P, Q} (or {Q, P}
     * when P is the zone's end) goes into {@code out}; answers the better distance².
     */
    private static double nearer(double px, double py, double ex, double ey, double fx, double fy, boolean zoneEnd, double best, double[] out) {
        double t = projection(px, py, ex, ey, fx, fy);
        double qx = ex + t * (fx - ex), qy = ey + t * (fy - ey);
        double d = (qx - px) * (qx - px) + (qy - py) * (qy - py);
        if (!(d < best)) return best;
        if (zoneEnd) {
            out[0] = qx;
            out[1] = qy;
            out[2] = px;
            out[3] = py;
        } else {
            out[0] = px;
            out[1] = py;
            out[2] = qx;
            out[3] = qy;
        }
        return d;
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
