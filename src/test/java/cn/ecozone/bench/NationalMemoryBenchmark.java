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
 * timed test; also the heap of the low-zoom tile copies of every coarse zoom. Run:
 * {@code mvn -B -Pbench -DbuildDir=/tmp/m test -Dtest=NationalMemoryBenchmark} (add
 * {@code -DextraArgLine=-Decozone.bench.load=DIR} to reuse a load kept by NationalTilesBenchmark)
 * (add {@code -DextraArgLine=-XX:SoftRefLRUPolicyMSPerMB=0} to see the heap without soft-referenced caches).
 */
@Tag("bench")
class NationalMemoryBenchmark {
    @TempDir Path dir;

    @Test
    void heapStaysWithTheLayersUnderClicksAndMapViews() throws Exception {
        // -Decozone.bench.load=DIR: the load generated once in DIR (as NationalTilesBenchmark keeps it), else a fresh one
        String keep = System.getProperty("ecozone.bench.load", "");
        Path d = keep.isBlank() ? dir : Path.of(keep);
        if (!java.nio.file.Files.isRegularFile(d.resolve("redline.geojson"))) SiteCheckBenchmark.synthetic(java.nio.file.Files.createDirectories(d));
        StringBuilder out = new StringBuilder("\n===== NationalMemoryBenchmark =====\n");
        out.append("  load average at start: ").append(NationalTilesBenchmark.loadAverage()).append('\n');
        LayerLoader.Result loaded = LayerLoader.load(d);
        LayerSet layers = loaded.layers();
        long base = usedMb();
        out.append(String.format(Locale.ROOT, "  heap after loading (b): %d MB (from snapshot: %s)%n", base, loaded.fromSnapshot()));
        // the low-zoom copies: one tile of each layer at every coarse zoom builds the copy of that zoom's grid
        long t1 = System.nanoTime();
        for (int z = 0; z <= cn.ecozone.tiles.TileRequest.COARSE_MAX_ZOOM; z++) {
            if (z == 6) {
                // what the server's tile warm-up builds (zooms 0-5), before the finer coarse grids
                long warm = usedMb();
                out.append(String.format(Locale.ROOT, "  heap with the copies of zooms 0-5 (what the tile warm-up builds): %d MB (+%d MB; the copies' arrays %.1f MB)%n",
                        warm, warm - base, cn.ecozone.layer.EmbeddedTiles.lowZoomCopyBytes() / 1048576.0));
            }
            double lon = ex0().centre().x, lat = ex0().centre().y;
            int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
            int y = (int) Math.floor((1 - Math.log(Math.tan(Math.toRadians(lat)) + 1 / Math.cos(Math.toRadians(lat))) / Math.PI) / 2 * (1 << z));
            for (FeatureSource s : layers.inOrder()) {
                s.vectorTile(cn.ecozone.tiles.TileRequest.of(new cn.ecozone.tiles.TileAddress(z, x, y), s.layer().id(), java.util.List.of(s.layer().idProperty())));
            }
        }
        long withCopies = usedMb();
        out.append(String.format(Locale.ROOT, "  heap with the low-zoom copies of zooms 0-%d (every coarse grid, both layers; built in %.1f s): %d MB (+%d MB; the copies' arrays %.1f MB)%n",
                cn.ecozone.tiles.TileRequest.COARSE_MAX_ZOOM, (System.nanoTime() - t1) / 1e9, withCopies, withCopies - base,
                cn.ecozone.layer.EmbeddedTiles.lowZoomCopyBytes() / 1048576.0));
        System.out.print(out);
        Random rnd = new Random(1);
        Envelope ex = ex0();
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
        out.append("  load average at end: ").append(NationalTilesBenchmark.loadAverage()).append('\n');
        System.out.print(out);
    }

    private static Envelope ex0() {
        return SiteCheckBenchmark.EXTENT;
    }

    private static long usedMb() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
