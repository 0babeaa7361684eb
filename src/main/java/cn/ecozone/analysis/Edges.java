package cn.ecozone.analysis;

import cn.ecozone.geo.AuthalicArea;
import cn.ecozone.geo.Boxes;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The edges of a geometry (lon/lat) cut into runs of up to {@value #RUN} consecutive segments with bounding boxes,
 * and the runs grouped in blocks of {@value #BLOCK} with boxes: the shared index of the site check's overlap areas,
 * distances and point-in-site tests. Built from arrays, with no per-query allocation, because a site meets
 * dozens of zones per request. Reusable: {@link #load} replaces the contents (one zone after another).
 */
final class Edges {
    static final int RUN = 8, BLOCK = 8;

    /**
     * One ring, line or point (a point is a one-segment line from the point to itself), read straight from a
     * packed coordinate array (x at i·stride, y after it) or copied into one.
     */
    static final class Ring {
        final CoordinateSequence seq;
        final double[] xy;
        final int stride, size;
        final boolean hole;
        final Envelope envelope;
        final List<Crossing> crossings = new ArrayList<>(4);
        /** Whether some edge is longer than {@link AuthalicArea#MAX_EDGE_DEG} (found while the runs are boxed). */
        boolean longEdge;
        /**
         * {@link AuthalicArea#halfTan} of each vertex's latitude as far as asked (NaN: not yet), for a site's ring, which
         * {@code OverlapArea} walks for zone after zone; null for a zone's (walked once).
         */
        double[] halfTans;
        /** {@link Orientation#isCCW(CoordinateSequence)} of the ring, once asked (a site's ring is walked once per zone it meets). */
        private Boolean ccw;

        Ring(CoordinateSequence seq, boolean hole, Envelope envelope) {
            this.seq = seq;
            this.hole = hole;
            this.envelope = envelope;
            if (seq instanceof PackedCoordinateSequence.Double packed) {
                this.xy = packed.getRawCoordinates();
                this.stride = packed.getDimension();
            } else {
                this.xy = new double[2 * seq.size()];
                this.stride = 2;
                for (int i = 0; i < seq.size(); i++) {
                    xy[2 * i] = seq.getX(i);
                    xy[2 * i + 1] = seq.getY(i);
                }
            }
            this.size = seq.size();
        }

        boolean isCCW() {
            Boolean c = ccw;
            if (c == null) ccw = c = Edges.isCCW(xy, stride, size);
            return c;
        }

        double x(int i) {
            return xy[i * stride];
        }

        double y(int i) {
            return xy[i * stride + 1];
        }
    }

    /**
     * {@link Orientation#isCCW(CoordinateSequence)} of JTS 1.20 for a ring held as x/y doubles (x at i·stride, y after
     * it), step for step, reading the array in place: JTS asks the sequence for {@code Coordinate}s, and a packed zone
     * ring makes a new object for each (5.7 % of the site check's allocation). The steps: the highest point reached by
     * a rising edge (the last such edge when several reach the same height), then the first point after it that lies
     * lower; if that falling edge starts at the highest point, the orientation of the rising edge's low end, the
     * highest point and the falling edge's low end decides (false when two of them coincide); else the top is a
     * flat stretch, and the ring is counter-clockwise when the stretch runs from right to left. Fewer than four points,
     * or no rising edge: false. {@code EdgesOrientationTest} holds it to JTS on generated rings of every kind.
     */
    static boolean isCCW(double[] xy, int stride, int size) {
        int nPts = size - 1;
        if (nPts < 3) return false;
        double hiX = xy[0], hiY = xy[1], lowX = 0, lowY = 0, before = hiY;
        int hi = 0;
        for (int i = 1, k = stride; i <= nPts; i++, k += stride) {
            double y = xy[k + 1];
            if (y > before && y >= hiY) {
                hi = i;
                hiX = xy[k];
                hiY = y;
                lowX = xy[k - stride];
                lowY = xy[k - stride + 1];
            }
            before = y;
        }
        if (hi == 0) return false;
        int down = hi;
        do {
            down = (down + 1) % nPts;
        } while (down != hi && xy[down * stride + 1] == hiY);
        double downX = xy[down * stride], downY = xy[down * stride + 1];
        int top = down > 0 ? down - 1 : nPts - 1;
        double topX = xy[top * stride], topY = xy[top * stride + 1];
        if (hiX == topX && hiY == topY) {
            if (lowX == hiX && lowY == hiY || downX == hiX && downY == hiY || lowX == downX && lowY == downY) return false;
            return CGAlgorithmsDD.orientationIndex(lowX, lowY, hiX, hiY, downX, downY) == Orientation.COUNTERCLOCKWISE;
        }
        return topX - hiX < 0;
    }

    /** Where another boundary crosses segment {@code segment} of a ring: {@code along} orders crossings on one segment. */
    record Crossing(int segment, double along, Coordinate at) {}

    final List<Ring> rings = new ArrayList<>();
    int runs, blocks;
    /** Run r covers segments runFirst[r] … runFirst[r] + runLength[r] − 1 of ring runRing[r]; box at 4r: minX, minY, maxX, maxY. */
    // sized for a 500-vertex site (63 runs) or a zone of a few hundred vertices, grown as needed: two of these are made
    // per site check, and at 256 runs they were ≈ 12 KB each (8 % of the request threads' allocation in the benchmark)
    int[] runRing = new int[64], runFirst = new int[64], runLength = new int[64];
    double[] box = new double[256], blockBox = new double[32];

    static Edges of(Geometry g) {
        return new Edges().load(g, null);
    }

    /** Replaces the contents with g's rings, lines and points whose envelope meets {@code near} (all when null). */
    Edges load(Geometry g, Envelope near) {
        rings.clear();
        runs = 0;
        add(g, near);
        blocks = (runs + BLOCK - 1) / BLOCK;
        if (blockBox.length < 4 * blocks) blockBox = new double[4 * blocks];
        Boxes.unionOfGroups(box, runs, BLOCK, blockBox);
        return this;
    }

    private void add(Geometry g, Envelope near) {
        if (g instanceof Polygon p) {
            if (p.isEmpty()) return;
            ring(p.getExteriorRing(), false, near);
            for (int i = 0; i < p.getNumInteriorRing(); i++) ring(p.getInteriorRingN(i), true, near);
        } else if (g instanceof LineString l) {
            ring(l, false, near);
        } else if (g instanceof Point pt) {
            if (pt.isEmpty() || near != null && !near.intersects(pt.getCoordinate())) return;
            Coordinate c = pt.getCoordinate();
            addRing(new PackedCoordinateSequence.Double(new double[] {c.x, c.y, c.x, c.y}, 2, 0), false, new Envelope(c));
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) add(g.getGeometryN(i), near);
        }
    }

    private void ring(LineString l, boolean hole, Envelope near) {
        if (l.getNumPoints() < 2) return;
        Envelope e = l.getEnvelopeInternal();
        if (near != null && !near.intersects(e)) return;
        addRing(l.getCoordinateSequence(), hole, e);
    }

    private void addRing(CoordinateSequence seq, boolean hole, Envelope e) {
        int index = rings.size();
        Ring ring = new Ring(seq, hole, e);
        rings.add(ring);
        double[] xy = ring.xy;
        int stride = ring.stride;
        int segments = ring.size - 1;
        for (int first = 0; first < segments; first += RUN) {
            int n = Math.min(RUN, segments - first);
            if (runs == runRing.length) grow();
            runRing[runs] = index;
            runFirst[runs] = first;
            runLength[runs] = n;
            double minX = xy[first * stride], minY = xy[first * stride + 1], maxX = minX, maxY = minY;
            double px = minX, py = minY, step = 0;
            for (int i = first + 1, k = i * stride; i <= first + n; i++, k += stride) {
                double x = xy[k], y = xy[k + 1];
                if (x < minX) minX = x; else if (x > maxX) maxX = x;
                if (y < minY) minY = y; else if (y > maxY) maxY = y;
                step = Math.max(step, Math.max(Math.abs(x - px), Math.abs(y - py)));
                px = x;
                py = y;
            }
            if (step > AuthalicArea.MAX_EDGE_DEG) ring.longEdge = true;
            int at = 4 * runs;
            box[at] = minX;
            box[at + 1] = minY;
            box[at + 2] = maxX;
            box[at + 3] = maxY;
            runs++;
        }
    }

    private void grow() {
        int n = runRing.length * 2;
        runRing = Arrays.copyOf(runRing, n);
        runFirst = Arrays.copyOf(runFirst, n);
        runLength = Arrays.copyOf(runLength, n);
        box = Arrays.copyOf(box, 4 * n);
    }

    Ring ringOf(int run) {
        return rings.get(runRing[run]);
    }

    /**
     * Where p lies in the polygonal geometry these edges were loaded from (even–odd ray crossings, exact
     * orientation). Rings left out by {@code near} cannot contain p when p is inside {@code near}, and a ring
     * that does not contain p is crossed an even number of times, so leaving them out changes nothing.
     */
    int locate(Coordinate p) {
        RayCrossingCounter counter = new RayCrossingCounter(p);
        Coordinate from = new Coordinate(), to = new Coordinate();
        for (int b = 0; b < blocks; b++) {
            if (!spans(blockBox, 4 * b, p)) continue;
            for (int r = b * BLOCK, end = Math.min(runs, (b + 1) * BLOCK); r < end; r++) {
                if (!spans(box, 4 * r, p)) continue;
                Ring ring = ringOf(r);
                for (int i = runFirst[r], last = i + runLength[r]; i < last; i++) {
                    from.x = ring.x(i);
                    from.y = ring.y(i);
                    to.x = ring.x(i + 1);
                    to.y = ring.y(i + 1);
                    counter.countSegment(from, to);
                    if (counter.isOnSegment()) return Location.BOUNDARY;
                }
            }
        }
        return counter.getLocation();
    }

    /** Whether segments in the box can cross the ray from p towards +x or pass through p. */
    private static boolean spans(double[] box, int at, Coordinate p) {
        return p.y >= box[at + 1] && p.y <= box[at + 3] && p.x <= box[at + 2];
    }

    static boolean boxesMeet(double[] a, int i, double[] b, int j) {
        return a[i] <= b[j + 2] && b[j] <= a[i + 2] && a[i + 1] <= b[j + 3] && b[j + 1] <= a[i + 3];
    }
}
