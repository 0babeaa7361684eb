package cn.ecozone.analysis;

import cn.ecozone.io.Geometries;
import cn.ecozone.layer.CompactGeometry;
import cn.ecozone.testsupport.RandomShapes;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The edge index locates points as JTS does, whether the rings are packed arrays or coordinate objects. */
class EdgesTest {
    private final Random rnd = new Random(4);

    @Test
    void locatesPointsAsJtsDoesInPolygonsWithHolesAndParts() {
        for (int i = 0; i < 60; i++) {
            Geometry g = RandomShapes.star(rnd, 112, 39, 0.02, 20 + rnd.nextInt(300));
            if (i % 2 == 0) g = g.difference(RandomShapes.star(rnd, 112, 39, 0.006, 30));
            if (i % 3 == 0) g = g.union(RandomShapes.star(rnd, 112.05, 39, 0.01, 40));
            Geometry packed = CompactGeometry.of(g);
            IndexedPointInAreaLocator jts = new IndexedPointInAreaLocator(g);
            Edges plain = Edges.of(g), compact = Edges.of(packed);
            for (int k = 0; k < 300; k++) {
                // some points exactly on vertices, the rest anywhere around
                Coordinate p = k % 10 == 0 ? g.getCoordinates()[rnd.nextInt(g.getNumPoints())].copy()
                        : new Coordinate(111.97 + rnd.nextDouble() * 0.11, 38.97 + rnd.nextDouble() * 0.06);
                int expected = jts.locate(p);
                assertEquals(expected, plain.locate(p), "case " + i + " at " + p);
                assertEquals(expected, compact.locate(p), "case " + i + " at " + p + " (packed)");
            }
        }
    }

    @Test
    void leavesOutRingsAwayFromTheSearchEnvelopeWithoutChangingWhatIsInside() {
        Geometry twoParts = RandomShapes.star(rnd, 112, 39, 0.01, 50).union(RandomShapes.star(rnd, 113, 39, 0.01, 50));
        Edges near = new Edges().load(twoParts, new Envelope(111.98, 112.02, 38.98, 39.02));
        assertEquals(1, near.rings.size(), "only the near part");
        IndexedPointInAreaLocator jts = new IndexedPointInAreaLocator(twoParts);
        for (int k = 0; k < 500; k++) {
            Coordinate p = new Coordinate(111.98 + rnd.nextDouble() * 0.04, 38.98 + rnd.nextDouble() * 0.04);
            assertEquals(jts.locate(p), near.locate(p), "at " + p);
        }
    }
}
