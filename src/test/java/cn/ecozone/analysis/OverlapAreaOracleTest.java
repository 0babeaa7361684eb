package cn.ecozone.analysis;

import cn.ecozone.geo.AuthalicArea;
import cn.ecozone.io.Geometries;
import cn.ecozone.layer.CompactGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OverlapArea} (a site ring's latitude terms kept from zone to zone, {@code Edges.isCCW} read in place) gives
 * the former version's answers ({@link FormerOverlapArea}, kept verbatim) bit for bit, with one instance per site
 * measuring zone after zone as {@code SiteCheck} does: 1,000 generated sites (500-vertex benchmark-like rings, stars of
 * 20–600 vertices either way round, with holes, in two parts, coarse ones with long edges) each against 8 zones
 * (crossing, holding the site whole, inside it, with holes, in parts, apart, packed or not), with the whole-site
 * short-cut and without.
 */
class OverlapAreaOracleTest {
    private final Random rnd = new Random(20261202);

    @Test
    void answersAsTheFormerVersionBitForBitZoneAfterZone() {
        int compared = 0, summed = 0;
        for (int i = 0; i < 1000; i++) {
            double cx = 100 + rnd.nextDouble() * 20, cy = 20 + rnd.nextDouble() * 20;
            double r = i % 10 == 0 ? 0.3 + rnd.nextDouble() * 0.3 : 0.005 + rnd.nextDouble() * 0.03;
            Geometry site = switch (i % 4) {
                case 0 -> benchmarkSite(cx, cy);
                case 1 -> star(cx, cy, r, i % 10 == 0 ? 4 + rnd.nextInt(5) : 20 + rnd.nextInt(600)).difference(star(cx, cy, r * 0.2, 30));
                case 2 -> star(cx, cy, r, 20 + rnd.nextInt(300)).union(star(cx + r * 2.2, cy, r, 40));
                default -> star(cx, cy, r, i % 10 == 0 ? 4 + rnd.nextInt(5) : 20 + rnd.nextInt(600));
            };
            Envelope env = site.getEnvelopeInternal();
            double siteM2 = AuthalicArea.area(site);
            OverlapArea now = new OverlapArea(Edges.of(site), env, siteM2);
            FormerOverlapArea former = new FormerOverlapArea(Edges.of(site), env, siteM2);
            double rr = Math.max(env.getWidth(), env.getHeight()) / 2;
            for (int z = 0; z < 8; z++) {
                Geometry zone = switch (z) {
                    case 0, 1 -> star(env.centre().x + (rnd.nextDouble() - 0.5) * rr * 2, env.centre().y + (rnd.nextDouble() - 0.5) * rr * 2, rr * (0.3 + rnd.nextDouble()), 8 + rnd.nextInt(300));
                    case 2 -> star(env.centre().x, env.centre().y, rr * 4, 100); // holds the site (mostly)
                    case 3 -> star(env.centre().x, env.centre().y, rr * 4, 100).difference(star(env.centre().x + rr * 0.3, env.centre().y, rr * 0.2, 40));
                    case 4 -> star(env.centre().x, env.centre().y, rr * 0.1, 12); // inside the site, or in its hole
                    case 5 -> star(env.getMaxX(), env.getMinY(), rr * 0.7, 50).union(star(env.getMinX(), env.getMaxY(), rr * 0.5, 30));
                    case 6 -> star(env.getMaxX() + rr * 3, env.centre().y, rr, 40); // apart
                    default -> star(env.getMinX(), env.centre().y, rr * (1 + rnd.nextDouble()), 3 + rnd.nextInt(6)); // coarse: long edges
                };
                if (rnd.nextBoolean()) zone = CompactGeometry.of(zone);
                boolean shortCut = rnd.nextInt(4) != 0;
                double a = former.m2(new Edges().load(zone, env), shortCut), b = now.m2(new Edges().load(zone, env), shortCut);
                assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b), "site " + i + " zone " + z + ": " + a + " vs " + b);
                compared++;
                if (!Double.isNaN(b) && b > 0) summed++;
            }
        }
        assertTrue(summed > compared / 3, "most zones overlap: " + summed + " of " + compared);
    }

    /** A site like the benchmark's: 500 vertices, a wavy circle ≈ 4 km across. */
    private Geometry benchmarkSite(double cx, double cy) {
        Coordinate[] cs = new Coordinate[501];
        for (int j = 0; j < 500; j++) {
            double a = 2 * Math.PI * j / 500, rr = 0.018 * (0.8 + 0.2 * Math.sin(a * 7) + 0.02 * rnd.nextDouble());
            cs[j] = new Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
        }
        cs[500] = cs[0];
        return Geometries.FACTORY.createPolygon(cs);
    }

    private Geometry star(double cx, double cy, double r, int n) {
        return OverlapAreaTest.star(rnd, cx, cy, r, n);
    }
}
