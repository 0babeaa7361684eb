package cn.ecozone.analysis;

import cn.ecozone.io.Geometries;
import cn.ecozone.layer.CompactGeometry;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.RandomShapes;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identify's point-in-zone test (the ray's crossings read straight from the rings) against the one it replaced (the
 * boxed runs of {@link Edges}), on generated zones — stars, stars with holes, multipolygons, squares with horizontal
 * edges, packed and plain coordinates — at random points, at every vertex, on edges, in holes and outside; and the
 * zones {@link Identify#at} lists on a generated load against the list the former code made.
 */
public class IdentifyTest {
    @TempDir Path dir;

    /** The former test: {@code Edges.load(g, point).locate(point) != EXTERIOR}. */
    static boolean before(Geometry g, Coordinate p) {
        return new Edges().load(g, new Envelope(p)).locate(p) != Location.EXTERIOR;
    }

    static boolean now(Geometry g, Coordinate p) {
        return Identify.covers(g, p, new Envelope(p), new Coordinate(), new Coordinate());
    }

    @Test
    void theCrossingTestAnswersAsTheEdgeIndexDidOnGeneratedZones() {
        Random rnd = new Random(13);
        int[] outcomes = new int[2];
        int inHoles = 0, onVertices = 0, compared = 0;
        for (int k = 0; k < 600; k++) {
            Geometry generated = zone(rnd, k);
            Geometry g = k % 2 == 0 ? CompactGeometry.of(generated) : generated; // packed coordinates, as an in-memory layer holds them
            Envelope e = g.getEnvelopeInternal();
            List<Coordinate> points = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                points.add(new Coordinate(e.getMinX() - 0.1 * e.getWidth() + rnd.nextDouble() * 1.2 * e.getWidth(),
                        e.getMinY() - 0.1 * e.getHeight() + rnd.nextDouble() * 1.2 * e.getHeight()));
            }
            Coordinate[] cs = g.getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                points.add(new Coordinate(cs[i])); // on a vertex (the ray passes through it)
                points.add(new Coordinate((cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2)); // on (or by) an edge
                points.add(new Coordinate(e.getMinX() - 1, cs[i].y)); // left of everything, at a vertex's latitude
                points.add(new Coordinate(cs[i].x - 1e-9, cs[i].y)); // just left of a vertex
            }
            for (int part = 0; part < g.getNumGeometries(); part++) {
                Polygon poly = (Polygon) g.getGeometryN(part);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    Coordinate c = poly.getInteriorRingN(h).getEnvelopeInternal().centre();
                    points.add(c);
                    if (!poly.contains(Geometries.FACTORY.createPoint(c)) && !poly.getInteriorRingN(h).intersects(Geometries.FACTORY.createPoint(c))) inHoles++;
                }
            }
            for (Coordinate p : points) {
                boolean b = before(g, p);
                assertEquals(b, now(g, p), () -> "zone " + g + " at " + p);
                outcomes[b ? 1 : 0]++;
                compared++;
            }
            onVertices += cs.length - 1;
        }
        assertTrue(outcomes[0] > 10_000 && outcomes[1] > 10_000, "inside and outside both met: " + outcomes[0] + " / " + outcomes[1]);
        assertTrue(inHoles > 100, "points in holes: " + inHoles);
        assertTrue(onVertices > 10_000 && compared > 100_000, compared + " points, " + onVertices + " on vertices");
    }

    @Test
    void aPointOnTheBoundaryIsInTheZone() {
        Polygon square = Geometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(2, 0), new Coordinate(2, 2),
                new Coordinate(0, 2), new Coordinate(0, 0)});
        assertTrue(now(square, new Coordinate(1, 0)), "on the bottom (horizontal) edge");
        assertTrue(now(square, new Coordinate(1, 2)), "on the top edge");
        assertTrue(now(square, new Coordinate(0, 1)) && now(square, new Coordinate(2, 1)), "on the sides");
        assertTrue(now(square, new Coordinate(2, 2)) && now(square, new Coordinate(0, 0)), "on corners");
        assertTrue(now(square, new Coordinate(1, 1)));
        assertTrue(!now(square, new Coordinate(3, 1)) && !now(square, new Coordinate(-1, 0)) && !now(square, new Coordinate(1, 2.000001)));
    }

    /** Zones of every shape identify meets: a star, a star with 1–3 holes, a multipolygon of stars, a square (horizontal edges). */
    static Geometry zone(Random rnd, int k) {
        double cx = 110 + rnd.nextDouble() * 5, cy = 35 + rnd.nextDouble() * 5, r = 0.01 + rnd.nextDouble() * 0.05;
        switch (k % 4) {
            case 0:
                return RandomShapes.star(rnd, cx, cy, r, 5 + rnd.nextInt(200));
            case 1: {
                Polygon shell = RandomShapes.star(rnd, cx, cy, r, 8 + rnd.nextInt(100));
                int holes = 1 + rnd.nextInt(3);
                LinearRing[] rings = new LinearRing[holes];
                for (int h = 0; h < holes; h++) {
                    // small holes well inside the shell's inner radius (0.6 r)
                    double a = 2 * Math.PI * h / holes, d = holes == 1 ? 0 : 0.3 * r;
                    rings[h] = RandomShapes.star(rnd, cx + d * Math.cos(a), cy + d * Math.sin(a), 0.1 * r, 6 + rnd.nextInt(30)).getExteriorRing();
                }
                return Geometries.FACTORY.createPolygon(shell.getExteriorRing(), rings);
            }
            case 2: {
                Polygon[] parts = new Polygon[2 + rnd.nextInt(2)];
                for (int i = 0; i < parts.length; i++) parts[i] = RandomShapes.star(rnd, cx + 3 * r * i, cy, r, 5 + rnd.nextInt(60));
                return Geometries.FACTORY.createMultiPolygon(parts);
            }
            default: {
                double w = r, h = r * (0.5 + rnd.nextDouble());
                return Geometries.FACTORY.createPolygon(new PackedCoordinateSequence.Double(new double[] {cx, cy, cx + w, cy, cx + w, cy + h, cx, cy + h, cx, cy}, 2, 0));
            }
        }
    }

    /** The list as the former {@code Identify.at} made it: every polygon layer in order, each candidate tested by {@link Edges}. */
    public static List<Identify.ZoneAtPoint> formerAt(LayerSet layers, double lon, double lat) {
        Coordinate p = new Coordinate(lon, lat);
        Envelope e = new Envelope(p);
        Edges edges = new Edges();
        List<Identify.ZoneAtPoint> out = new ArrayList<>();
        for (FeatureSource s : layers.inOrder()) {
            if (!s.layer().isPolygon()) continue;
            for (IndexedFeature c : s.candidates(e)) {
                if (edges.load(c.geometry(), e).locate(p) != Location.EXTERIOR) {
                    out.add(new Identify.ZoneAtPoint(s.layer().id(), s.layer().title().zh(), c.id(),
                            FeatureProperties.name(c.feature(), s.layer().nameProperty()), FeatureProperties.of(c.feature())));
                }
            }
        }
        return out;
    }

    @Test
    void theZonesAtAPointAreTheFormerListOnAGeneratedLoad() throws Exception {
        // 300 Voronoi units tiling the extent (shared boundaries) + 3,000 red lines over them (overlaps)
        LayerSet layers = LayerLoader.load(SyntheticLoad.write(dir, 300, 3000)).layers();
        Random rnd = new Random(5);
        List<double[]> points = new ArrayList<>();
        Envelope x = SyntheticLoad.EXTENT;
        for (int i = 0; i < 3000; i++) points.add(new double[] {x.getMinX() + rnd.nextDouble() * x.getWidth(), x.getMinY() + rnd.nextDouble() * x.getHeight()});
        // the vertices of some units and red lines: points on shared boundaries and where red lines overlap units
        for (FeatureSource s : layers.inOrder()) {
            for (IndexedFeature c : s.candidates(new Envelope(110, 112, 34, 36))) {
                Coordinate[] cs = c.geometry().getCoordinates();
                for (int i = 0; i < cs.length; i += 7) points.add(new double[] {cs[i].x, cs[i].y});
            }
        }
        points.add(new double[] {x.getMinX() - 1, x.getMinY() - 1}); // outside everything
        int hits = 0, several = 0;
        for (double[] p : points) {
            List<Identify.ZoneAtPoint> before = formerAt(layers, p[0], p[1]);
            assertEquals(before, Identify.at(layers, p[0], p[1]), () -> "at " + p[0] + " " + p[1]);
            hits += before.size();
            if (before.size() > 1) several++;
        }
        assertTrue(points.size() > 3000 && hits > points.size() && several > 300, points.size() + " points, " + hits + " zones, " + several + " with several");
    }
}
