package cn.ecozone.geo;

import cn.ecozone.io.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast authalic-sphere area equals Karney's geodesic polygon area (the area of record) on the polygons site checks meet. */
class AuthalicAreaTest {
    @Test
    void equalsKarneyWithinTwoTenMillionthsOrOneHundredthOfASquareMetre() {
        Random rnd = new Random(1);
        double worst = 0;
        for (int i = 0; i < 400; i++) {
            double cx = 74 + rnd.nextDouble() * 60, cy = 4 + rnd.nextDouble() * 49;
            // from 1 m to 60 km across, 3 to 500 vertices (so edges from centimetres to tens of km), some with holes
            double r = Math.pow(10, -5 + rnd.nextDouble() * 4.7);
            int n = 3 + rnd.nextInt(i % 10 == 0 ? 500 : 30);
            Geometry g = star(rnd, cx, cy, r, n, i % 3 == 0);
            double karney = EllipsoidalMeasure.area(g), fast = AuthalicArea.area(g);
            double err = Math.abs(karney - fast);
            assertTrue(err <= Math.max(0.01, karney * 2e-7), "polygon " + i + " r=" + r + "°: Karney " + karney + " m², authalic " + fast + " m²");
            worst = Math.max(worst, err / karney);
        }
        System.out.println("AuthalicArea worst relative difference from Karney: " + worst);
    }

    static Polygon star(Random rnd, double cx, double cy, double r, int n, boolean hole) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int j = 0; j < n; j++) {
            double a = 2 * Math.PI * j / n;
            double rr = r * (0.6 + 0.4 * rnd.nextDouble());
            cs[j] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        cs[n] = cs[0];
        LinearRing shell = Geometries.FACTORY.createLinearRing(cs);
        if (!hole) return Geometries.FACTORY.createPolygon(shell);
        double h = r * 0.2;
        LinearRing in = Geometries.FACTORY.createLinearRing(new Coordinate[] {new Coordinate(cx - h, cy - h), new Coordinate(cx - h, cy + h),
                new Coordinate(cx + h, cy + h), new Coordinate(cx + h, cy - h), new Coordinate(cx - h, cy - h)});
        return Geometries.FACTORY.createPolygon(shell, new LinearRing[] {in});
    }
}
