package cn.ecozone.analysis;

import cn.ecozone.io.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Edges#isCCW} (read in place from the ring's doubles) answers as JTS's {@link Orientation#isCCW(CoordinateSequence)}
 * on generated rings of every kind — valid stars either way round, random (self-crossing) rings, rings whose highest
 * points repeat or lie on a horizontal stretch, collapsed and A-B-A rings — packed with stride 2 and 3 and as
 * coordinate objects; and answers false as JTS for fewer than four points.
 */
class EdgesOrientationTest {
    @Test
    void isCCWAnswersAsJts() {
        Random rnd = new Random(13);
        int ccw = 0, cases = 0;
        for (int k = 0; k < 60_000; k++) {
            int n = 3 + rnd.nextInt(k % 5 == 0 ? 400 : 12);
            Coordinate[] cs = new Coordinate[n + 1];
            int kind = k % 4, grid = 1 + rnd.nextInt(4);
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * j / n, r = 0.01 * (0.5 + rnd.nextDouble());
                cs[j] = switch (kind) {
                    case 0 -> new Coordinate(112 + r * Math.cos(a), 39 + r * Math.sin(a)); // star, counter-clockwise
                    case 1 -> new Coordinate(112 + r * Math.cos(-a), 39 + r * Math.sin(-a)); // star, clockwise
                    case 2 -> new Coordinate(rnd.nextInt(grid + 1), rnd.nextInt(grid + 1)); // coarse grid: repeats, flat tops, A-B-A
                    default -> new Coordinate(112 + rnd.nextDouble() * 0.01, 39 + rnd.nextDouble() * 0.01); // random, crossing
                };
            }
            // sometimes the highest point repeated right after itself
            if (n > 4 && rnd.nextInt(5) == 0) cs[2] = cs[1].copy();
            cs[n] = cs[0].copy();
            for (int v = 0; v < 3; v++) {
                CoordinateSequence seq = switch (v) {
                    case 0 -> new CoordinateArraySequence(cs);
                    case 1 -> packed(cs, 2);
                    default -> packed(cs, 3);
                };
                boolean jts = Orientation.isCCW(seq);
                double[] xy = seq instanceof PackedCoordinateSequence.Double p ? p.getRawCoordinates() : packed(cs, 2).getRawCoordinates();
                int stride = seq instanceof PackedCoordinateSequence.Double p ? p.getDimension() : 2;
                assertEquals(jts, Edges.isCCW(xy, stride, seq.size()), "case " + k + " variant " + v);
                cases++;
                ccw += jts ? 1 : 0;
            }
        }
        assertTrue(ccw > cases / 4 && ccw < cases * 3 / 4, "both answers: " + ccw + " of " + cases);
        double[] three = {0, 0, 1, 0, 0, 0};
        assertEquals(Orientation.isCCW(new PackedCoordinateSequence.Double(three, 2, 0)), Edges.isCCW(three, 2, 3));
    }

    @Test
    void aLoadedRingAnswersAsJts() {
        Random rnd = new Random(5);
        for (int k = 0; k < 200; k++) {
            var g = cn.ecozone.testsupport.RandomShapes.star(rnd, 112, 39, 0.02, 4 + rnd.nextInt(300));
            if (k % 2 == 0) g = (org.locationtech.jts.geom.Polygon) g.reverse();
            for (var geom : new org.locationtech.jts.geom.Geometry[] {g, cn.ecozone.layer.CompactGeometry.of(g)}) {
                Edges e = Edges.of(geom);
                assertEquals(Orientation.isCCW(((org.locationtech.jts.geom.Polygon) geom).getExteriorRing().getCoordinateSequence()), e.rings.get(0).isCCW());
            }
        }
        assertTrue(Geometries.FACTORY != null);
    }

    private static PackedCoordinateSequence.Double packed(Coordinate[] cs, int dim) {
        double[] xy = new double[dim * cs.length];
        for (int i = 0; i < cs.length; i++) {
            xy[dim * i] = cs[i].x;
            xy[dim * i + 1] = cs[i].y;
            if (dim == 3) xy[dim * i + 2] = i;
        }
        return new PackedCoordinateSequence.Double(xy, dim, 0);
    }
}
