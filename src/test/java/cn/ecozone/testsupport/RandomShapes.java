package cn.ecozone.testsupport;

import cn.ecozone.io.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

import java.util.Random;

/** Random simple polygons for property tests of the geometry code. */
public final class RandomShapes {
    private RandomShapes() {}

    /** A star-shaped (hence simple) polygon of n vertices around (cx, cy), radii r·0.6 to r (degrees). */
    public static Polygon star(Random rnd, double cx, double cy, double r, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int j = 0; j < n; j++) {
            double a = 2 * Math.PI * j / n, rr = r * (0.6 + 0.4 * rnd.nextDouble());
            cs[j] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        cs[n] = cs[0];
        return Geometries.FACTORY.createPolygon(cs);
    }
}
