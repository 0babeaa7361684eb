package cn.ecozone.analysis;

import cn.ecozone.io.Geometries;
import cn.ecozone.layer.CompactGeometry;
import cn.ecozone.testsupport.RandomShapes;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link NearestDistance} (geodesics of repeated point pairs answered again, nearest points without allocations)
 * gives the former version's answers ({@link FormerNearestDistance}, kept verbatim) bit for bit: on thousands of
 * generated sites and zones — stars of 4–600 vertices, squares and rectangles with parallel sides (many pairs
 * refined), sites with holes and zones inside them, multi-part zones, points and lines, zones touching or crossing —
 * from 0 m to tens of kilometres apart, at latitudes 3°–54°, with the limits the site check uses (0, 1,000, 50,000 m,
 * none), one instance per site measuring zone after zone as {@code SiteCheck} does.
 */
class NearestDistanceOracleTest {
    private static final double[] LIMITS = {0, 1000, 50_000, Double.POSITIVE_INFINITY};

    @Test
    void answersAsTheFormerVersionBitForBit() {
        Random rnd = new Random(20261202);
        int compared = 0, finite = 0;
        long hits = 0, measured = 0;
        for (int k = 0; k < 1000; k++) {
            double lat = 3 + rnd.nextDouble() * 51, lon = 75 + rnd.nextDouble() * 60;
            Geometry site = site(rnd, k, lon, lat);
            Edges siteEdges = Edges.of(site);
            Envelope env = site.getEnvelopeInternal();
            NearestDistance now = new NearestDistance(siteEdges, env);
            FormerNearestDistance former = new FormerNearestDistance(siteEdges, env);
            assertEquals(former.searchEnvelope(1000), now.searchEnvelope(1000));
            Edges zoneEdges = new Edges();
            for (int z = 0; z < 6; z++) {
                Geometry zone = zone(rnd, site, z);
                if (rnd.nextBoolean()) zone = CompactGeometry.of(zone);
                Envelope search = now.searchEnvelope(LIMITS[rnd.nextInt(3)]);
                search.expandToInclude(zone.getEnvelopeInternal());
                zoneEdges.load(zone, search);
                for (double limit : LIMITS) {
                    double a = former.metresWithin(zoneEdges, limit), b = now.metresWithin(zoneEdges, limit);
                    assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b), "case " + k + "/" + z + " limit " + limit + ": " + a + " vs " + b);
                    compared++;
                    if (Double.isFinite(b)) finite++;
                }
                assertEquals(Double.doubleToRawLongBits(former.metres(zoneEdges)), Double.doubleToRawLongBits(now.metres(zoneEdges)));
            }
            hits += now.memoHits;
            measured += now.geodesics;
        }
        assertTrue(hits > measured / 10, "the memo is used: " + hits + " answered again, " + measured + " measured");
        System.out.printf("NearestDistanceOracleTest: %d geodesics measured, %d answered again from the memo%n", measured, hits);
        assertTrue(finite > compared / 3 && finite < compared, "a mix of near and far: " + finite + " of " + compared);
    }

    @Test
    void nearestPointsAsTheFormerTable() {
        Random rnd = new Random(3);
        double[] out = new double[4];
        for (int k = 0; k < 200_000; k++) {
            double[] v = new double[8];
            // coarse grids make crossings, touches, collinear and zero-length segments; the rest anywhere
            for (int i = 0; i < 8; i++) v[i] = k % 3 == 0 ? rnd.nextInt(4) : rnd.nextDouble() * 0.01 + (i % 2 == 0 ? 112 : 39);
            NearestDistance.closestPoints(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], out);
            double[] former = FormerNearestDistance.formerClosestPoints(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
            for (int i = 0; i < 4; i++) assertEquals(Double.doubleToRawLongBits(former[i]), Double.doubleToRawLongBits(out[i]), "case " + k);
        }
    }

    private static Geometry site(Random rnd, int k, double lon, double lat) {
        double r = 0.002 + rnd.nextDouble() * 0.03;
        return switch (k % 4) {
            case 0 -> RandomShapes.star(rnd, lon, lat, r, 4 + rnd.nextInt(600));
            case 1 -> box(lon, lat, r, r * (0.3 + rnd.nextDouble()));
            case 2 -> RandomShapes.star(rnd, lon, lat, r, 20 + rnd.nextInt(200)).difference(RandomShapes.star(rnd, lon, lat, r * 0.4, 12));
            default -> RandomShapes.star(rnd, lon, lat, r, 3 + rnd.nextInt(12)).union(RandomShapes.star(rnd, lon + 2.5 * r, lat, r, 30));
        };
    }

    /** A zone near the site: beside it with parallel sides, around or inside it, crossing it, far, a point, a line. */
    private static Geometry zone(Random rnd, Geometry site, int z) {
        Envelope e = site.getEnvelopeInternal();
        double w = e.getWidth(), h = e.getHeight(), gap = rnd.nextDouble() * 0.02 * Math.pow(10, -rnd.nextInt(4));
        return switch (z) {
            case 0 -> box(e.getMaxX() + gap + w / 2, e.centre().y + (rnd.nextDouble() - 0.5) * h, w / 2, h / 2); // beside, parallel sides
            case 1 -> RandomShapes.star(rnd, e.getMinX() - gap - w, e.centre().y, w * (0.3 + rnd.nextDouble()), 4 + rnd.nextInt(300));
            case 2 -> RandomShapes.star(rnd, e.centre().x, e.centre().y, w * 0.05, 10); // inside (a hole's edge, or within the site)
            case 3 -> Geometries.FACTORY.createPoint(new Coordinate(e.getMaxX() + gap, e.getMaxY() + gap * rnd.nextDouble()));
            case 4 -> Geometries.FACTORY.createLineString(new Coordinate[] {new Coordinate(e.getMinX() - gap, e.getMinY() - h),
                    new Coordinate(e.getMinX() - gap, e.getMaxY() + h), new Coordinate(e.getMinX() - gap - w, e.getMaxY() + h)});
            default -> {
                // two parts, one rotated a little, one crossing the site's boundary
                Polygon a = box(e.getMaxX() + gap + w, e.getMinY() - gap - h, w, h);
                Geometry rotated = AffineTransformation.rotationInstance(rnd.nextDouble() * 0.2, a.getCentroid().getX(), a.getCentroid().getY()).transform(a);
                yield rotated.union(RandomShapes.star(rnd, e.getMinX(), e.getMinY(), w * 0.3, 16));
            }
        };
    }

    private static Polygon box(double cx, double cy, double hw, double hh) {
        return Geometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(cx - hw, cy - hh), new Coordinate(cx + hw, cy - hh),
                new Coordinate(cx + hw, cy + hh), new Coordinate(cx - hw, cy + hh), new Coordinate(cx - hw, cy - hh)});
    }
}
