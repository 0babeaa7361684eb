package cn.ecozone.bench;

import cn.ecozone.analysis.Identify;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Heap on the national-scale load (b) of {@link SiteCheckBenchmark}: after loading, after 200,000 identify clicks
 * spread over the whole extent (the public map), and after 20,000 map-view bbox queries. A measurement, not a
 * timed test. Run: {@code mvn -B -Pbench -DbuildDir=/tmp/m test -Dtest=NationalMemoryBenchmark}
 * (add {@code -DextraArgLine=-XX:SoftRefLRUPolicyMSPerMB=0} to see the heap without soft-referenced caches).
 */
@Tag("bench")
class NationalMemoryBenchmark {
    @TempDir Path dir;

    @Test
    void heapStaysWithTheLayersUnderClicksAndMapViews() throws Exception {
        LayerSet layers = LayerLoader.load(SiteCheckBenchmark.synthetic(dir)).layers();
        StringBuilder out = new StringBuilder("\n===== NationalMemoryBenchmark =====\n");
        out.append(String.format(Locale.ROOT, "  heap after loading (b): %d MB%n", usedMb()));
        Random rnd = new Random(1);
        Envelope ex = SiteCheckBenchmark.EXTENT;
        long t0 = System.nanoTime();
        int clicks = 200_000;
        for (int i = 0; i < clicks; i++) Identify.at(layers, ex.getMinX() + rnd.nextDouble() * ex.getWidth(), ex.getMinY() + rnd.nextDouble() * ex.getHeight());
        double perClick = (System.nanoTime() - t0) / 1e3 / clicks;
        out.append(String.format(Locale.ROOT, "  after %,d identify clicks: %d MB (%.1f µs each, in process)%n", clicks, usedMb(), perClick));
        t0 = System.nanoTime();
        int views = 20_000;
        long features = 0;
        for (int i = 0; i < views; i++) {
            double x = ex.getMinX() + rnd.nextDouble() * (ex.getWidth() - 0.3), y = ex.getMinY() + rnd.nextDouble() * (ex.getHeight() - 0.3);
            for (FeatureSource s : layers.inOrder()) {
                try (var found = s.query(new FeatureQuery(new Envelope(x, x + 0.3, y, y + 0.3), null, null, 0, Long.MAX_VALUE))) {
                    features += found.count();
                }
            }
        }
        out.append(String.format(Locale.ROOT, "  after %,d map views of 0.3° (%,d features found): %d MB (%.0f µs each)%n", views, features, usedMb(),
                (System.nanoTime() - t0) / 1e3 / views));
        System.out.print(out);
    }

    private static long usedMb() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
