package cn.ecozone.layer.postgis;

import cn.ecozone.cli.Main;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.PostgisCluster;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cost of a search box counted in PostGIS (one indexed query with a LIMIT) equals the in-memory index's count. */
class PostgisFootprintTest {
    @Test
    void theDatabaseCountsTheSameZonesAndVerticesAsMemoryAndStopsAtTheLimit() {
        String url = PostgisCluster.shared().createDatabase("footprint");
        assertEquals(0, Main.run(new String[] {"import", "--db", url, "--layers", "layers"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        LayerSet memory = LayerLoader.load(Path.of("layers")).layers();
        LayerSet db = PostgisLayers.of(memory.catalog(), Databases.pool(url));
        Envelope[] boxes = {new Envelope(113.0, 113.4, 40.0, 40.4), new Envelope(113.25, 113.26, 40.3, 40.31), new Envelope(0, 1, 0, 1)};
        for (FeatureSource m : memory.inOrder()) {
            FeatureSource p = db.source(m.layer().id()).orElseThrow();
            for (Envelope box : boxes) {
                Footprint a = m.footprint(box, Long.MAX_VALUE - 1, Long.MAX_VALUE), b = p.footprint(box, Long.MAX_VALUE - 1, Long.MAX_VALUE);
                assertEquals(a, b, m.layer().id() + " " + box);
                assertEquals(m.candidates(box).size(), a.candidates());
            }
            Envelope all = m.extent();
            if (m.count() > 3) {
                Footprint capped = p.footprint(all, 2, Long.MAX_VALUE);
                assertFalse(capped.complete(), m.layer().id());
                assertEquals(3, capped.candidates(), "the database reads one row past the limit, no more");
                Footprint memCapped = m.footprint(all, 2, Long.MAX_VALUE);
                assertFalse(memCapped.complete());
                assertEquals(3, memCapped.candidates());
            }
            assertTrue(m.footprint(all, Long.MAX_VALUE, 0).vertices() > 0 || m.count() == 0);
        }
    }
}
