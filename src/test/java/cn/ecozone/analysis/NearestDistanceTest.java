package cn.ecozone.analysis;

import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.io.Geometries;
import cn.ecozone.testsupport.RandomShapes;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearestDistanceTest {
    /**
     * The reference, by brute force: every pair of a site boundary segment and a zone boundary segment, compared in a
     * local plane whose x/y scale is the ratio of metres per degree of longitude and of latitude measured on the
     * ellipsoid at the site's centre; for every pair within 1 % of the nearest in that plane (far more than the
     * plane's drift over these extents), JTS's nearest points of the two segments, measured geodesically; the least.
     */
    static double reference(Geometry site, Geometry zone) {
        Coordinate c = site.getEnvelopeInternal().centre();
        double mx = EllipsoidalMeasure.distance(new Coordinate(c.x - 0.0005, c.y), new Coordinate(c.x + 0.0005, c.y));
        double my = EllipsoidalMeasure.distance(new Coordinate(c.x, c.y - 0.0005), new Coordinate(c.x, c.y + 0.0005));
        double k = mx / my;
        List<LineSegment> a = segments(boundary(site), k), b = segments(boundary(zone), k);
        double least = Double.POSITIVE_INFINITY;
        for (LineSegment s : a) for (LineSegment t : b) least = Math.min(least, s.distance(t));
        double window = least * 1.01 + 1e-12, metres = Double.POSITIVE_INFINITY;
        for (LineSegment s : a) {
            for (LineSegment t : b) {
                if (s.distance(t) > window) continue;
                Coordinate[] near = s.closestPoints(t);
                metres = Math.min(metres, EllipsoidalMeasure.distance(new Coordinate(near[0].x / k, near[0].y), new Coordinate(near[1].x / k, near[1].y)));
            }
        }
        return metres;
    }

    /** The geometry's segments in the plane (a point is a segment of length zero). */
    private static List<LineSegment> segments(Geometry g, double k) {
        List<LineSegment> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Coordinate[] cs = g.getGeometryN(i).getCoordinates();
            if (cs.length == 1) out.add(new LineSegment(cs[0].x * k, cs[0].y, cs[0].x * k, cs[0].y));
            for (int j = 0; j + 1 < cs.length; j++) out.add(new LineSegment(cs[j].x * k, cs[j].y, cs[j + 1].x * k, cs[j + 1].y));
        }
        return out;
    }

    /** The previous definition: JTS's nearest points in a plane shrunk by cos(latitude) only, then the geodesic. */
    private static double cosOnlyPlane(Geometry site, Geometry zone) {
        double cos = Math.cos(Math.toRadians(site.getEnvelopeInternal().centre().y));
        AffineTransformation toPlane = AffineTransformation.scaleInstance(cos, 1);
        Coordinate[] near = DistanceOp.nearestPoints(boundary(toPlane.transform(site)), boundary(toPlane.transform(zone)));
        return EllipsoidalMeasure.distance(new Coordinate(near[0].x / cos, near[0].y), new Coordinate(near[1].x / cos, near[1].y));
    }

    private static NearestDistance distanceFrom(Geometry site) {
        return new NearestDistance(Edges.of(site), site.getEnvelopeInternal());
    }

    private static Geometry boundary(Geometry g) {
        return g.getDimension() == 2 ? g.getBoundary() : g;
    }

    @Test
    void equalsTheNearestBoundaryPointsOfJtsMeasuredOnTheEllipsoid() {
        Random rnd = new Random(11);
        for (int i = 0; i < 400; i++) {
            Polygon site = RandomShapes.star(rnd, 112.5, 39.5, 0.01 + rnd.nextDouble() * 0.02, 5 + rnd.nextInt(600));
            double dx = (rnd.nextDouble() - 0.5) * 0.12, dy = (rnd.nextDouble() - 0.5) * 0.12;
            Geometry zone = i % 5 == 0 ? Geometries.FACTORY.createPoint(new Coordinate(112.5 + dx, 39.5 + dy))
                    : RandomShapes.star(rnd, 112.5 + dx, 39.5 + dy, 0.002 + rnd.nextDouble() * 0.03, 3 + rnd.nextInt(300));
            NearestDistance d = distanceFrom(site);
            Edges z = new Edges().load(zone, null);
            double expected = reference(site, zone);
            assertEquals(expected, d.metres(z), 1e-6, "case " + i);
            assertTrue(d.metres(z) <= cosOnlyPlane(site, zone) + 1e-6, "case " + i + ": never farther than the cos-only plane's pair");
            double within = d.metresWithin(z, 1000);
            if (expected <= 1000) assertEquals(expected, within, 1e-6, "case " + i);
            else assertTrue(within > 1000, "case " + i + ": " + within);
        }
    }

    @Test
    void aZoneInAHoleOfTheSiteIsMeasuredToTheHolesEdge() throws Exception {
        Geometry site = new WKTReader(Geometries.FACTORY).read(
                "POLYGON ((112 39, 112.1 39, 112.1 39.1, 112 39.1, 112 39), (112.03 39.03, 112.07 39.03, 112.07 39.07, 112.03 39.07, 112.03 39.03))");
        Geometry zone = new WKTReader(Geometries.FACTORY).read("POLYGON ((112.04 39.04, 112.06 39.04, 112.06 39.06, 112.04 39.06, 112.04 39.04))");
        double d = distanceFrom(site).metres(new Edges().load(zone, null));
        assertEquals(reference(site, zone), d, 1e-6);
        // the zone is 0.01° from the hole on all four sides: 0.01° of latitude (≈ 1,110 m) is farther than 0.01° of
        // longitude at 39.06° (≈ 865 m), and the nearest longitude gap is at the hole's corner nearest the pole
        double eastWest = EllipsoidalMeasure.distance(new Coordinate(112.06, 39.06), new Coordinate(112.07, 39.06));
        assertEquals(eastWest, d, 0.01, "0.01° of longitude at the zone's northern corner to the hole's edge");
    }

    @Test
    void touchingAndCrossingBoundariesAreZeroApart() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        Geometry site = wkt.read("POLYGON ((112 39, 112.1 39, 112.1 39.1, 112 39.1, 112 39))");
        assertEquals(0, distanceFrom(site).metres(new Edges().load(wkt.read("POLYGON ((112.1 39.02, 112.2 39.02, 112.2 39.05, 112.1 39.05, 112.1 39.02))"), null)), 1e-9);
        assertEquals(0, distanceFrom(site).metres(new Edges().load(wkt.read("POLYGON ((112.05 39.02, 112.2 39.02, 112.2 39.05, 112.05 39.05, 112.05 39.02))"), null)), 1e-9);
        Edges touching = new Edges().load(wkt.read("POLYGON ((112.1 39.02, 112.2 39.02, 112.2 39.05, 112.1 39.05, 112.1 39.02))"), null);
        assertEquals(0, distanceFrom(site).metresWithin(touching, 0), 1e-9, "found even when nothing farther than 0 m is wanted");
    }

    @Test
    void multiPartSitesAndZonesUseTheirNearestParts() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        Geometry site = wkt.read("MULTIPOLYGON (((112 39, 112.01 39, 112.01 39.01, 112 39.01, 112 39)), ((112.5 39, 112.51 39, 112.51 39.01, 112.5 39.01, 112.5 39)))");
        Geometry zone = wkt.read("MULTIPOLYGON (((113 39, 113.01 39, 113.01 39.01, 113 39.01, 113 39)), ((112.52 39, 112.53 39, 112.53 39.01, 112.52 39.01, 112.52 39)))");
        double d = distanceFrom(site).metres(new Edges().load(zone, null));
        assertEquals(reference(site, zone), d, 1e-6);
        double eastWest = EllipsoidalMeasure.distance(new Coordinate(112.51, 39.01), new Coordinate(112.52, 39.01));
        assertEquals(eastWest, d, 0.01, "0.01° of longitude between the middle parts, at their northern edge");
    }
}
