package cn.ecozone.geo;

import cn.ecozone.io.Geometries;
import cn.ecozone.testsupport.RandomShapes;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast Gauss-Krüger series against GeoTools' EPSG-defined zones, over China's latitudes and a zone and a half either side. */
class GkProjectionTest {
    @Test
    void projectsAsGeoToolsDoesToASubMillimetre() {
        Random rnd = new Random(3);
        double[] out = new double[2];
        for (int i = 0; i < 2000; i++) {
            GkZone zone = new GkZone(GkZone.FIRST_IN_CHINA + rnd.nextInt(GkZone.LAST_IN_CHINA - GkZone.FIRST_IN_CHINA + 1));
            double lon = zone.centralMeridian() + (rnd.nextDouble() - 0.5) * 2 * 4.5, lat = 3 + rnd.nextDouble() * 51;
            Geometry expected = Transforms.apply(Geometries.FACTORY.createPoint(new Coordinate(lon, lat)), Cgcs2000.EPSG, zone.epsgWithoutPrefix());
            new GkProjection(zone).forward(lon, lat, out);
            assertEquals(expected.getCoordinate().x - 500_000, out[0], 1e-4, "easting at " + lon + "," + lat + " zone " + zone.number());
            assertEquals(expected.getCoordinate().y, out[1], 1e-4, "northing at " + lon + "," + lat + " zone " + zone.number());
        }
    }

    @Test
    void planeAreaAndPerimeterEqualTheProjectedGeometrysWithHolesAndParts() {
        Random rnd = new Random(5);
        for (int i = 0; i < 200; i++) {
            double cx = 100 + rnd.nextDouble() * 20, cy = 20 + rnd.nextDouble() * 30;
            Geometry g = RandomShapes.star(rnd, cx, cy, 0.001 + rnd.nextDouble() * 0.05, 5 + rnd.nextInt(300));
            if (i % 3 == 0) g = g.difference(RandomShapes.star(rnd, cx, cy, 0.0005, 12));
            if (i % 4 == 0) g = g.union(RandomShapes.star(rnd, cx + 0.2, cy, 0.01, 20));
            GkZone zone = GaussKrugerMeasure.zoneOf(g);
            Geometry projected = Transforms.apply(g, Cgcs2000.EPSG, zone.epsgWithPrefix());
            assertEquals(projected.getArea(), GaussKrugerMeasure.area(g, zone), Math.max(1e-4, projected.getArea() * 1e-10), "case " + i);
            assertEquals(projected.getLength(), GaussKrugerMeasure.length(g, zone), 1e-4, "case " + i);
        }
    }
}
