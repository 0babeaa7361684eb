package cn.ecozone.layer;

import cn.ecozone.io.Geometries;
import cn.ecozone.testsupport.RandomShapes;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The box test answers as JTS's intersects with the box polygon, for every kind of geometry, touching included. */
class BoxIntersectsTest {
    @Test
    void agreesWithJtsOnRandomShapesAndBoxes() throws Exception {
        Random rnd = new Random(12);
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        Geometry[] fixed = {wkt.read("POINT (112.5 39.5)"), wkt.read("LINESTRING (112.2 39.2, 112.8 39.9, 112.9 39.1)"),
                wkt.read("MULTIPOINT ((112.1 39.1), (112.9 39.9))")};
        int hits = 0;
        for (int i = 0; i < 3000; i++) {
            Geometry g = i % 10 < 3 ? fixed[i % 3] : RandomShapes.star(rnd, 112.5, 39.5, 0.4, 4 + rnd.nextInt(40));
            if (i % 10 == 4) g = g.difference(RandomShapes.star(rnd, 112.5, 39.5, 0.15, 12));
            if (i % 10 == 5) g = g.union(RandomShapes.star(rnd, 113.3, 39.5, 0.2, 9));
            g = i % 2 == 0 ? CompactGeometry.of(g) : g;
            // boxes on a coarse grid, so that some touch vertices and edges exactly; some degenerate to lines and points
            double x0 = 111.9 + Math.round(rnd.nextDouble() * 14) / 10.0, y0 = 38.9 + Math.round(rnd.nextDouble() * 12) / 10.0;
            double w = i % 7 == 0 ? 0 : Math.round(rnd.nextDouble() * 6) / 20.0, h = i % 11 == 0 ? 0 : Math.round(rnd.nextDouble() * 6) / 20.0;
            Envelope box = new Envelope(x0, x0 + w, y0, y0 + h);
            boolean expected = g.intersects(Geometries.FACTORY.toGeometry(box));
            assertEquals(expected, new BoxIntersects(box).test(g), "case " + i + ": " + box + " vs " + g);
            hits += expected ? 1 : 0;
        }
        assertEquals(true, hits > 600 && hits < 2400, "a mix of meeting and missing boxes: " + hits);
    }

    @Test
    void aBoxInsideAPolygonMeetsItAndOneInsideItsHoleDoesNot() throws Exception {
        Geometry ring = new WKTReader(Geometries.FACTORY).read(
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))");
        assertEquals(true, new BoxIntersects(new Envelope(1, 2, 1, 2)).test(ring));
        assertEquals(false, new BoxIntersects(new Envelope(4, 5, 4, 5)).test(ring));
        assertEquals(true, new BoxIntersects(new Envelope(2, 4, 4, 5)).test(ring), "across the hole's edge");
    }
}
