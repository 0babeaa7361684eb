package cn.ecozone.geo;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The oracle: {@code SimplePolygon} as it was before the geom4 branch (commit 1668a29), kept verbatim so that
 * {@code SimplePolygonOracleTest} holds the faster proof to its answers.
 *
 * <p>Former documentation: A quick proof of validity for the commonest shape — one polygon without holes, as most sites and plots are:
 * it is valid exactly when its ring is closed, has at least four points, no two consecutive points equal, and no
 * two edges meet except neighbours at their shared vertex. Edges are boxed in runs of {@value #RUN} so only runs
 * whose boxes meet are compared. Answers false whenever it cannot prove validity (holes, several parts,
 * repeated points, any meeting, more than {@value #MAX_POINTS} points); the caller then asks JTS's IsValidOp, which also says what is wrong and where.
 */
final class FormerSimplePolygon {
    private static final int RUN = 8;
    /** Runs are compared pairwise, so beyond this many points IsValidOp's indexed noding is the quicker proof. */
    static final int MAX_POINTS = 4096;

    private FormerSimplePolygon() {}

    static boolean provablyValid(Geometry g) {
        Polygon p = g instanceof Polygon one ? one : g.getNumGeometries() == 1 && g.getGeometryN(0) instanceof Polygon only ? only : null;
        if (p == null || p.isEmpty() || p.getNumInteriorRing() > 0) return false;
        CoordinateSequence ring = p.getExteriorRing().getCoordinateSequence();
        int n = ring.size();
        if (n < 4 || n > MAX_POINTS) return false;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ring.getX(i);
            y[i] = ring.getY(i);
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) return false;
            if (i > 0 && x[i] == x[i - 1] && y[i] == y[i - 1]) return false;
        }
        if (x[0] != x[n - 1] || y[0] != y[n - 1]) return false;
        int segments = n - 1, runs = (segments + RUN - 1) / RUN;
        double[] box = new double[4 * runs];
        for (int r = 0; r < runs; r++) {
            int from = r * RUN, to = Math.min(segments, from + RUN);
            double minX = x[from], maxX = minX, minY = y[from], maxY = minY;
            for (int i = from + 1; i <= to; i++) {
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
            }
            box[4 * r] = minX;
            box[4 * r + 1] = minY;
            box[4 * r + 2] = maxX;
            box[4 * r + 3] = maxY;
        }
        for (int r = 0; r < runs; r++) {
            for (int q = r; q < runs; q++) {
                if (box[4 * r] > box[4 * q + 2] || box[4 * q] > box[4 * r + 2] || box[4 * r + 1] > box[4 * q + 3] || box[4 * q + 1] > box[4 * r + 3]) continue;
                for (int i = r * RUN, iEnd = Math.min(segments, i + RUN); i < iEnd; i++) {
                    for (int j = Math.max(i + 1, q * RUN), jEnd = Math.min(segments, q * RUN + RUN); j < jEnd; j++) {
                        if (Math.max(x[i], x[i + 1]) < Math.min(x[j], x[j + 1]) || Math.max(x[j], x[j + 1]) < Math.min(x[i], x[i + 1])
                                || Math.max(y[i], y[i + 1]) < Math.min(y[j], y[j + 1]) || Math.max(y[j], y[j + 1]) < Math.min(y[i], y[i + 1])) continue;
                        boolean neighbours = j == i + 1 || i == 0 && j == segments - 1;
                        if (neighbours ? foldsBack(x, y, i, j, segments) : meet(x, y, i, j)) return false;
                    }
                }
            }
        }
        return true;
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
     * Whether neighbouring edges meet beyond their shared vertex: only when the path turns straight back along
     * itself (collinear, opposite directions); consecutive points are known to differ.
     */
    private static boolean foldsBack(double[] x, double[] y, int i, int j, int segments) {
        // the shared vertex v, the other ends a (of the earlier edge) and b (of the later one)
        int a, v, b;
        if (j == i + 1) {
            a = i;
            v = i + 1;
            b = j + 1;
        } else { // the first and last edges meet at the ring's start
            a = segments - 1;
            v = 0;
            b = 1;
        }
        if (CGAlgorithmsDD.orientationIndex(x[a], y[a], x[v], y[v], x[b], y[b]) != 0) return false;
        return (x[a] - x[v]) * (x[b] - x[v]) + (y[a] - y[v]) * (y[b] - y[v]) > 0;
    }
}
