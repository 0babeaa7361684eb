package cn.ecozone.geo;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A quick proof of validity for the commonest shape — one polygon without holes, as most sites and plots are:
 * it is valid exactly when its ring is closed, has at least four points, no two consecutive points equal, and no
 * two edges meet except neighbours at their shared vertex. Answers false whenever it cannot prove validity (holes,
 * several parts, repeated points, any meeting, more than {@value #MAX_POINTS} points); the caller then asks JTS's
 * IsValidOp, which also says what is wrong and where.
 *
 * <p>How: every edge's box is computed once, and the edges are boxed in runs of {@value #RUN}. Neighbouring edges
 * (which always share a vertex, so their boxes always meet) are tested in one pass of their own: they meet beyond
 * the shared vertex only when the path folds straight back, which needs a positive dot product of the two edges
 * from the shared vertex — impossible, as computed, when the other ends lie on different sides of it along both
 * axes (compared exactly, as doubles) — before the exact orientation is asked. Other
 * pairs are compared only where the runs' boxes meet, then where an edge's box meets the other run's box, then
 * where the two edges' boxes meet. Every filter only drops pairs whose boxes are apart, so the answer is the one the
 * former proof (all pairs of meeting boxes, run against run) gave — {@code SimplePolygonOracleTest} holds it to that
 * on hundreds of thousands of generated rings.
 */
final class SimplePolygon {
    private static final int RUN = 8;
    /** Runs are compared pairwise, so beyond this many points IsValidOp's indexed noding is the quicker proof. */
    static final int MAX_POINTS = 4096;

    /** Rings up to this many points use the thread's kept arrays (≈ 50 KB kept per thread); longer ones get their own. */
    private static final int KEPT_POINTS = 1024;
    /** Per-thread arrays (a request thread proves one site after another). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(0));

    private static final class Scratch {
        double[] x, y, seg, run;

        Scratch(int size) {
            allocate(size);
        }

        private void allocate(int size) {
            x = new double[size];
            y = new double[size];
            seg = new double[4 * size];
            run = new double[4 * ((size + RUN - 1) / RUN)];
        }

        /** Arrays for n points: these (grown, up to {@link #KEPT_POINTS}) or, past that, new ones for this proof only. */
        Scratch forPoints(int n) {
            if (n > KEPT_POINTS) return new Scratch(n);
            if (x.length < n) allocate(Math.max(n, Math.min(KEPT_POINTS, 2 * x.length)));
            return this;
        }
    }

    private SimplePolygon() {}

    static boolean provablyValid(Geometry g) {
        Polygon p = g instanceof Polygon one ? one : g.getNumGeometries() == 1 && g.getGeometryN(0) instanceof Polygon only ? only : null;
        if (p == null || p.isEmpty() || p.getNumInteriorRing() > 0) return false;
        CoordinateSequence ring = p.getExteriorRing().getCoordinateSequence();
        int n = ring.size();
        if (n < 4 || n > MAX_POINTS) return false;
        Scratch s = SCRATCH.get().forPoints(n);
        double[] x = s.x, y = s.y, sb = s.seg, rb = s.run;
        double px = Double.NaN, py = Double.NaN;
        for (int i = 0; i < n; i++) {
            double xi = ring.getX(i), yi = ring.getY(i);
            if (!Double.isFinite(xi) || !Double.isFinite(yi)) return false;
            if (xi == px && yi == py) return false;
            x[i] = xi;
            y[i] = yi;
            px = xi;
            py = yi;
        }
        if (x[0] != x[n - 1] || y[0] != y[n - 1]) return false;
        int segments = n - 1, runs = (segments + RUN - 1) / RUN;
        // neighbours first: cheap, and a fold is the commonest defect of a drawn ring
        for (int v = 1; v < segments; v++) if (foldsBack(x, y, v - 1, v, v + 1)) return false;
        if (foldsBack(x, y, segments - 1, 0, 1)) return false;
        // each edge's box once (the values Math.min/max gave the former proof per pair), then each run's
        for (int i = 0; i < segments; i++) {
            double x0 = x[i], x1 = x[i + 1], y0 = y[i], y1 = y[i + 1];
            sb[4 * i] = Math.min(x0, x1);
            sb[4 * i + 1] = Math.min(y0, y1);
            sb[4 * i + 2] = Math.max(x0, x1);
            sb[4 * i + 3] = Math.max(y0, y1);
        }
        Boxes.unionOfGroups(sb, segments, RUN, rb);
        for (int r = 0; r < runs; r++) {
            int iFrom = r * RUN, iEnd = Math.min(segments, iFrom + RUN);
            for (int q = r; q < runs; q++) {
                if (apart(rb, 4 * r, rb, 4 * q)) continue;
                int qFrom = q * RUN, qEnd = Math.min(segments, qFrom + RUN);
                for (int i = iFrom; i < iEnd; i++) {
                    // an edge of run r apart from run q's box is apart from each of its edges
                    if (q != r && apart(sb, 4 * i, rb, 4 * q)) continue;
                    // not neighbours: j ≥ i + 2, and the last edge (the first's neighbour at vertex 0) not with the first
                    int jEnd = i == 0 && qEnd == segments ? segments - 1 : qEnd;
                    for (int j = Math.max(i + 2, qFrom); j < jEnd; j++) {
                        if (apart(sb, 4 * i, sb, 4 * j)) continue;
                        if (meet(x, y, i, j)) return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether two boxes (minX, minY, maxX, maxY at a and b) are apart; touching boxes are not. */
    private static boolean apart(double[] p, int a, double[] q, int b) {
        return p[a + 2] < q[b] || q[b + 2] < p[a] || p[a + 3] < q[b + 1] || q[b + 3] < p[a + 1];
    }

    /** Whether edges i and j (not neighbours) share any point: exact orientations, collinear overlap included. */
    private static boolean meet(double[] x, double[] y, int i, int j) {
        int o1 = CGAlgorithmsDD.orientationIndex(x[i], y[i], x[i + 1], y[i + 1], x[j], y[j]);
        int o2 = CGAlgorithmsDD.orientationIndex(x[i], y[i], x[i + 1], y[i + 1], x[j + 1], y[j + 1]);
        if (o1 * o2 > 0) return false;
        int o3 = CGAlgorithmsDD.orientationIndex(x[j], y[j], x[j + 1], y[j + 1], x[i], y[i]);
        int o4 = CGAlgorithmsDD.orientationIndex(x[j], y[j], x[j + 1], y[j + 1], x[i + 1], y[i + 1]);
        // straddling both ways, touching, or collinear with overlapping boxes (checked by the caller): they meet
        return o3 * o4 <= 0;
    }

    /**
     * Whether the edges a–v and v–b (neighbours at v) meet beyond v: only when the path turns straight back along
     * itself (collinear, same direction from v); consecutive points are known to differ. The test is the former one —
     * orientation 0 and a positive dot product (a − v)·(b − v) — with the dot product's sign ruled out first where it
     * cannot be positive: when, along each axis, a and b are not both on the same side of v, each of its two products
     * is ≤ 0 (or NaN) as computed, since the sign of a difference of doubles is exact, and so is their sum. That is the
     * case at almost every vertex of a drawn ring (the path goes on past v), so the orientation is rarely asked.
     */
    private static boolean foldsBack(double[] x, double[] y, int a, int v, int b) {
        double xa = x[a], ya = y[a], xv = x[v], yv = y[v], xb = x[b], yb = y[b];
        boolean sameSideX = xa > xv && xb > xv || xa < xv && xb < xv, sameSideY = ya > yv && yb > yv || ya < yv && yb < yv;
        if (!sameSideX && !sameSideY) return false;
        if (CGAlgorithmsDD.orientationIndex(xa, ya, xv, yv, xb, yb) != 0) return false;
        return (xa - xv) * (xb - xv) + (ya - yv) * (yb - yv) > 0;
    }
}
