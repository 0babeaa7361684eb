package cn.ecozone.analysis;

import cn.ecozone.geo.AuthalicArea;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.io.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overlap area summed from boundary crossings equals the area of the overlay's result. */
class OverlapAreaTest {
    private final Random rnd = new Random(20);

    @Test
    void equalsTheOverlaysAreaForCrossingStarsWithHolesAndParts() throws Exception {
        int computed = 0;
        for (int i = 0; i < 400; i++) {
            Geometry site = star(112 + rnd.nextDouble() * 0.01, 39 + rnd.nextDouble() * 0.01, 0.01, 60 + rnd.nextInt(400));
            if (i % 3 == 0) site = site.difference(star(site.getCentroid().getX(), site.getCentroid().getY(), 0.003, 40));
            Geometry zone = star(112.005 + rnd.nextDouble() * 0.01, 39.005 + rnd.nextDouble() * 0.01, 0.008, 30 + rnd.nextInt(200));
            if (i % 4 == 0) zone = zone.union(star(zone.getCentroid().getX() + 0.02, zone.getCentroid().getY(), 0.012, 50));
            if (i % 5 == 0) zone = zone.difference(star(zone.getCentroid().getX() - 0.004, zone.getCentroid().getY(), 0.002, 20));
            double expected = AuthalicArea.area(SiteCheck.overlay(zone, site));
            double got = new OverlapArea(Edges.of(site), site.getEnvelopeInternal()).m2(new Edges().load(zone, site.getEnvelopeInternal()));
            if (Double.isNaN(got)) continue;
            computed++;
            assertEquals(expected, got, Math.max(1e-6, expected * 1e-10), "case " + i);
        }
        assertTrue(computed > 350, "crossing boundaries are summed, not overlaid: " + computed);
    }

    @Test
    void leavesTouchingAndSharedEdgesToTheOverlay() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        Geometry site = wkt.read("POLYGON ((112 39, 112.01 39, 112.01 39.01, 112 39.01, 112 39))");
        OverlapArea area = new OverlapArea(Edges.of(site), site.getEnvelopeInternal());
        for (String zone : new String[] {
                "POLYGON ((112.01 39, 112.02 39, 112.02 39.01, 112.01 39.01, 112.01 39))", // shares an edge
                "POLYGON ((112.005 39, 112.02 39, 112.02 39.02, 112.005 39.02, 112.005 39))", // overlaps along part of an edge
                "POLYGON ((112.005 39.005, 112.01 39.008, 112.02 39.02, 112.005 39.02, 112.005 39.005))"}) { // a vertex on the site's edge
            Polygon z = (Polygon) wkt.read(zone);
            assertTrue(Double.isNaN(area.m2(new Edges().load(z, site.getEnvelopeInternal()))), zone);
        }
    }

    @Test
    void measuresLongEdgesByTheirGeodesicsAsTheAreaOfTheOverlayDoes() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        int computed = 0;
        for (int i = 0; i < 200; i++) {
            Geometry site = star(112 + rnd.nextDouble() * 0.2, 39 + rnd.nextDouble() * 0.2, 0.05 + rnd.nextDouble() * 0.1, 4 + rnd.nextInt(60));
            // a coarse zone: a few vertices, edges of 10–30 km, crossing the site
            Geometry zone = star(112.1 + rnd.nextDouble() * 0.2, 39.1 + rnd.nextDouble() * 0.2, 0.1 + rnd.nextDouble() * 0.2, 3 + rnd.nextInt(6));
            Geometry overlay = SiteCheck.overlay(zone, site);
            double got = new OverlapArea(Edges.of(site), site.getEnvelopeInternal()).m2(new Edges().load(zone, site.getEnvelopeInternal()));
            if (Double.isNaN(got)) continue;
            computed++;
            // Karney's area of the overlay (the geodesic polygon PostGIS measures) within AuthalicArea's 2e-7
            assertEquals(EllipsoidalMeasure.area(overlay), got, Math.max(0.01, got * 2e-7), "case " + i);
            assertEquals(AuthalicArea.area(overlay), got, Math.max(0.01, got * 1e-6), "case " + i);
        }
        assertTrue(computed > 180, "long edges are summed, not overlaid: " + computed);
        Geometry square = wkt.read("POLYGON ((112 39, 112.01 39, 112.01 39.01, 112 39.01, 112 39))");
        Geometry around = wkt.read("POLYGON ((111 38, 113 38, 113 40, 111 40, 111 38))");
        assertEquals(AuthalicArea.area(square), new OverlapArea(Edges.of(square), square.getEnvelopeInternal())
                .m2(new Edges().load(around, square.getEnvelopeInternal())), 1e-6, "a long-edged zone around the site");
    }

    @Test
    void measuresContainmentAndSeparationWithoutOverlay() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        Geometry site = wkt.read("POLYGON ((112 39, 112.01 39, 112.01 39.01, 112 39.01, 112 39), "
                + "(112.006 39.006, 112.008 39.006, 112.008 39.008, 112.006 39.008, 112.006 39.006))");
        OverlapArea area = new OverlapArea(Edges.of(site), site.getEnvelopeInternal());
        for (String zone : new String[] {
                "POLYGON ((112.002 39.002, 112.003 39.002, 112.003 39.003, 112.002 39.003, 112.002 39.002))", // inside the site
                "POLYGON ((112.0065 39.0065, 112.0075 39.0065, 112.0075 39.0075, 112.0065 39.0075, 112.0065 39.0065))", // in its hole
                "POLYGON ((112.005 39.005, 112.009 39.005, 112.009 39.009, 112.005 39.009, 112.005 39.005))", // around the hole
                "POLYGON ((111.99 38.99, 112.02 38.99, 112.02 39.02, 111.99 39.02, 111.99 38.99))", // around the site
                "POLYGON ((111.99 38.99, 112.02 38.99, 112.02 39.02, 111.99 39.02, 111.99 38.99), "
                        + "(111.995 38.995, 112.015 38.995, 112.015 39.015, 111.995 39.015, 111.995 38.995))", // the site in its hole
                "POLYGON ((112.02 39.02, 112.03 39.02, 112.03 39.03, 112.02 39.03, 112.02 39.02))"}) { // apart
            Polygon z = (Polygon) wkt.read(zone);
            double expected = AuthalicArea.area(SiteCheck.overlay(z, site));
            assertEquals(expected, area.m2(new Edges().load(z, site.getEnvelopeInternal())), Math.max(1e-6, expected * 1e-10), zone);
        }
    }

    /**
     * A zone that holds a one-ring site whole answers the site's area of record instead of summing the site's ring
     * again: the same double, bit for bit, as the sum (checked against {@code m2(zone, false)}, which always sums) — on
     * sites of either orientation, with and without a hole, with long edges, in zones with holes inside or beside the
     * site, zones in parts, crossing zones and zones apart.
     */
    @Test
    void theWholeSiteShortCutGivesTheSameBitsAsTheSum() {
        int shortCut = 0, compared = 0;
        for (int i = 0; i < 3000; i++) {
            double cx = 100 + rnd.nextDouble() * 20, cy = 20 + rnd.nextDouble() * 20;
            double r = i % 10 == 0 ? 0.3 + rnd.nextDouble() * 0.3 : 0.005 + rnd.nextDouble() * 0.03;
            Geometry site = star(cx, cy, r, i % 10 == 0 ? 4 + rnd.nextInt(5) : 20 + rnd.nextInt(600));
            if (i % 7 == 0) site = site.difference(star(cx, cy, r * 0.2, 30));
            Geometry zone = switch (i % 5) {
                case 0, 1 -> star(cx + (rnd.nextDouble() - 0.5) * r * 0.2, cy + (rnd.nextDouble() - 0.5) * r * 0.2, r * (3 + rnd.nextDouble() * 5), 8 + rnd.nextInt(300));
                case 2 -> star(cx, cy, r * 4, 100).difference(i % 2 == 0 ? star(cx, cy, r * 0.2, 40) : star(cx + r * 2.5, cy, r * 0.3, 40));
                case 3 -> star(cx, cy, r * 4, 100).union(star(cx + r * 8, cy, r * 2, 50));
                default -> star(cx + (rnd.nextDouble() - 0.5) * r * 3, cy + (rnd.nextDouble() - 0.5) * r * 3, r * (0.5 + rnd.nextDouble()), 8 + rnd.nextInt(300));
            };
            Envelope env = site.getEnvelopeInternal();
            double siteM2 = AuthalicArea.area(site);
            OverlapArea area = new OverlapArea(Edges.of(site), env, siteM2);
            double fast = area.m2(new Edges().load(zone, env)), summed = area.m2(new Edges().load(zone, env), false);
            if (Double.isNaN(summed)) {
                assertTrue(Double.isNaN(fast), "case " + i);
                continue;
            }
            compared++;
            assertEquals(Double.doubleToRawLongBits(summed), Double.doubleToRawLongBits(fast), "case " + i + ": " + summed + " vs " + fast);
            if (site.getNumGeometries() == 1 && ((Polygon) site.getGeometryN(0)).getNumInteriorRing() == 0 && zone.contains(site)
                    && Double.doubleToRawLongBits(fast) == Double.doubleToRawLongBits(siteM2)) shortCut++;
        }
        assertTrue(compared > 2500, "compared: " + compared);
        assertTrue(shortCut > 700, "sites held whole by their zone: " + shortCut);
    }

    private Geometry star(double cx, double cy, double r, int n) {
        return star(rnd, cx, cy, r, n);
    }

    /** A star of n points around (cx, cy), radius about r, in either orientation (also the oracle test's sites and zones). */
    static Geometry star(Random rnd, double cx, double cy, double r, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        double phase = rnd.nextDouble();
        for (int j = 0; j < n; j++) {
            double a = 2 * Math.PI * j / n;
            double rr = r * (0.7 + 0.25 * Math.sin(a * 5 + phase) + 0.05 * rnd.nextDouble());
            cs[j] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        cs[n] = cs[0];
        Polygon p = Geometries.FACTORY.createPolygon(cs);
        return rnd.nextBoolean() ? p : p.reverse();
    }
}
