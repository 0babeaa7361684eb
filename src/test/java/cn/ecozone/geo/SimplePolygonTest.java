package cn.ecozone.geo;

import cn.ecozone.io.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick validity proof never calls an invalid polygon valid, and proves the ordinary ones. */
class SimplePolygonTest {
    @Test
    void agreesWithIsValidOpOnRandomRingsValidOrNot() {
        Random rnd = new Random(9);
        int proven = 0, valid = 0;
        for (int i = 0; i < 3000; i++) {
            int n = 3 + rnd.nextInt(i % 2 == 0 ? 12 : 600);
            Coordinate[] cs = new Coordinate[n + 1];
            boolean star = i % 3 != 0;
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * j / n, r = 0.01 * (0.5 + rnd.nextDouble());
                // stars are simple; random walks mostly cross themselves; some points are snapped to a coarse grid to make touches
                cs[j] = star ? new Coordinate(112 + r * Math.cos(a), 39 + r * Math.sin(a))
                        : new Coordinate(112 + Math.round(rnd.nextDouble() * 8) / 1000.0, 39 + Math.round(rnd.nextDouble() * 8) / 1000.0);
            }
            cs[n] = cs[0];
            Geometry g = Geometries.FACTORY.createPolygon(cs);
            boolean isValid = IsValidOp.isValid(g);
            boolean quick = SimplePolygon.provablyValid(g);
            if (quick) assertTrue(isValid, "proved valid but IsValidOp says " + new IsValidOp(g).getValidationError() + ": " + g);
            valid += isValid && !hasRepeatedPoints(cs) ? 1 : 0;
            proven += quick ? 1 : 0;
        }
        assertEquals(valid, proven, "every valid ring without repeated points is proved");
        assertTrue(valid > 1500 && valid < 3000, "a mix of valid and invalid rings: " + valid);
    }

    private static boolean hasRepeatedPoints(Coordinate[] cs) {
        for (int i = 1; i < cs.length; i++) if (cs[i].equals2D(cs[i - 1])) return true;
        return false;
    }

    @Test
    void leavesEverythingElseToIsValidOp() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        for (String s : new String[] {
                "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", // bow-tie
                "POLYGON ((0 0, 2 0, 2 2, 1 0, 0 2, 0 0))", // touches itself at a vertex
                "POLYGON ((0 0, 2 0, 1 0, 0 0))", // collapsed
                "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0), (0.5 0.5, 1 0.5, 1 1, 0.5 0.5))", // has a hole: not for the quick path
                "POLYGON ((0 0, 2 0, 2 0, 2 2, 0 2, 0 0))", // a repeated point (valid, but left to IsValidOp)
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))"}) {
            assertFalse(SimplePolygon.provablyValid(wkt.read(s)), s);
        }
        assertTrue(SimplePolygon.provablyValid(wkt.read("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))")));
        Geometry big = cn.ecozone.testsupport.RandomShapes.star(new Random(1), 112, 39, 0.1, SimplePolygon.MAX_POINTS);
        assertFalse(SimplePolygon.provablyValid(big), "past the size where pairwise runs would cost more than IsValidOp");
    }
}
