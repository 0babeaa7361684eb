package cn.ecozone.layer;

import cn.ecozone.testsupport.RecordingFeatureSource;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A point's candidates from the grid are the source's own query for the point's envelope: same features, same order. */
class PointGridTest {
    @TempDir Path dir;

    @Test
    void theCandidatesOfAPointAreTheTreesInItsOrder() throws Exception {
        LayerSet layers = LayerLoader.load(SyntheticLoad.write(dir, 500, 4000)).layers();
        Random rnd = new Random(9);
        int compared = 0, several = 0;
        for (FeatureSource s : layers.inOrder()) {
            PointGrid grid = PointGrid.of(s);
            assertTrue(grid != null && grid.entries() >= s.count(), s.layer().id());
            Envelope x = s.extent();
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                points.add(new double[] {x.getMinX() - 0.2 + rnd.nextDouble() * (x.getWidth() + 0.4), x.getMinY() - 0.2 + rnd.nextDouble() * (x.getHeight() + 0.4)});
            }
            // on the features' envelopes' edges and corners, on the extent's edges, on vertices
            for (IndexedFeature f : s.candidates(new Envelope(108, 112, 33, 37))) {
                Envelope e = f.envelope();
                points.add(new double[] {e.getMinX(), e.getMinY()});
                points.add(new double[] {e.getMaxX(), e.getMaxY()});
                points.add(new double[] {e.getMinX(), e.centre().y});
                points.add(new double[] {e.centre().x, e.getMaxY()});
                Coordinate v = f.geometry().getCoordinates()[0];
                points.add(new double[] {v.x, v.y});
            }
            points.add(new double[] {x.getMaxX(), x.getMaxY()});
            points.add(new double[] {x.getMinX(), x.getMinY()});
            points.add(new double[] {x.getMaxX(), x.centre().y});
            for (double[] p : points) {
                List<IndexedFeature> fromGrid = new ArrayList<>();
                grid.candidates(p[0], p[1], fromGrid::add);
                assertEquals(s.candidates(new Envelope(p[0], p[0], p[1], p[1])), fromGrid, () -> s.layer().id() + " at " + p[0] + " " + p[1]);
                compared++;
                if (fromGrid.size() > 1) several++;
            }
        }
        assertTrue(compared > 10_000 && several > 1000, compared + " points, " + several + " with several candidates");
    }

    @Test
    void aVisitorStopsTheWalkAndANonMemorySourceHasNoGrid() throws Exception {
        LayerSet layers = LayerLoader.load(SyntheticLoad.write(dir, 200, 3000)).layers();
        FeatureSource units = layers.source("control_unit").orElseThrow();
        PointGrid grid = PointGrid.of(units);
        // a vertex shared by three Voronoi cells has several candidates; the visitor stops after the first
        Coordinate v = units.candidates(units.extent()).get(50).geometry().getCoordinates()[1];
        int all = units.candidates(new Envelope(v)).size();
        int[] seen = {0};
        grid.candidates(v.x, v.y, c -> ++seen[0] < 1);
        assertTrue(all > 1, "candidates at a shared vertex: " + all);
        assertEquals(1, seen[0]);
        assertNull(PointGrid.of(new RecordingFeatureSource(units)), "a source not in memory is queried where it is");
    }
}
