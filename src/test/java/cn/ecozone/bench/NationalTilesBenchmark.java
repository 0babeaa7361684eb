package cn.ecozone.bench;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.cli.Main;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.LayerSnapshot;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.TileMath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The national-scale load (b) of {@link SiteCheckBenchmark} (44,604 Voronoi units ≈ 9.1 M vertices + 100,000 red
 * lines; 144,604 features, 12.4 M vertices): start-up time of {@code serve} in a fresh JVM from the GeoJSON and from
 * the layer snapshots (page cache cold and warm), heap after GC, then vector tiles at zooms 4, 8 and 12 — EcoZone
 * over HTTP against PostGIS answering the same tiles with the query pg_tileserv and Martin send
 * ({@code ST_AsMVT(ST_AsMVTGeom(...))} over the GiST index), straight over JDBC; same tiles, interleaved, 1 and 2
 * clients. A measurement, not a timed test. Run:
 * {@code mvn -B -Pbench -DbuildDir=/tmp/x test -Dtest=NationalTilesBenchmark} (add
 * {@code -DextraArgLine=-Decozone.bench.load=/tmp/load} to keep the generated load for later runs)
 */
@Tag("bench")
class NationalTilesBenchmark {
    @TempDir Path dir;
    private static final String[] LAYERS = {"control_unit", "redline"};
    private static final Pattern READY = Pattern.compile("ready in ([0-9.]+) s: http://localhost:(\\d+)/");

    @Test
    void startUpHeapAndTilesAgainstPostgis() throws Exception {
        StringBuilder out = new StringBuilder("\n===== NationalTilesBenchmark =====\nload average at start: " + loadAverage() + "\n");
        long t0 = System.nanoTime();
        // -Decozone.bench.load=DIR keeps the generated load in DIR (made once, reused by later runs)
        String keep = System.getProperty("ecozone.bench.load", "");
        Path d = keep.isBlank() ? dir.resolve("b") : Path.of(keep);
        if (!Files.isRegularFile(d.resolve("redline.geojson"))) SiteCheckBenchmark.synthetic(Files.createDirectories(d));
        out.append(String.format(Locale.ROOT, "load generated in %.1f s: control_unit.geojson %d MB, redline.geojson %d MB%n",
                (System.nanoTime() - t0) / 1e9, Files.size(d.resolve("control_unit.geojson")) >> 20, Files.size(d.resolve("redline.geojson")) >> 20));
        System.out.print(out);

        // -Decozone.bench.startup=false skips the fresh-JVM start-ups and the GeoJSON heap figure (tiles only)
        boolean startUps = !"false".equals(System.getProperty("ecozone.bench.startup"));
        if (startUps) {
            // start-up of `serve` in a fresh JVM, wall clock from process start to the "ready" line
            out.append("start-up of serve (fresh JVM -Xmx2g; wall clock to ready / as printed by serve):\n");
            out.append(startUp(d, "GeoJSON, snapshots off", false, false));
            out.append(startUp(d, "GeoJSON, first start writes snapshots", true, false));
            out.append(startUp(d, "snapshot, page cache dropped (cold)", true, true));
            out.append(startUp(d, "snapshot, page cache warm", true, false));
            out.append(startUp(d, "snapshot, page cache warm (again)", true, false));
            System.out.print(out);
        }

        // heap after GC, in process
        long heapJson = -1;
        if (startUps) {
            LayerSet fromJson = LayerLoader.load(d, Long.MAX_VALUE).layers();
            heapJson = usedMb();
            fromJson = null;
            usedMb();
        }
        LayerLoader.Result snap = LayerLoader.load(d);
        LayerSet layers = snap.layers();
        long heapSnap = usedMb();
        out.append(String.format(Locale.ROOT, "heap after GC with the load (in process): from GeoJSON %d MB, from snapshot %d MB (snapshot layers: %s)%n",
                heapJson, heapSnap, snap.fromSnapshot()));
        System.out.print(out);

        if ("false".equals(System.getProperty("ecozone.bench.tiles"))) return;
        // PostGIS with the same layers
        String url = PostgisCluster.shared().createDatabase("tiles");
        t0 = System.nanoTime();
        // the layers only: the generated load's catalog names an access list whose unit codes are the sample's, which
        // import (rightly) rejects; the tiles do not need it
        Path layersOnly = Files.createDirectories(dir.resolve("layers-only"));
        for (String l : LAYERS) Files.createSymbolicLink(layersOnly.resolve(l + ".geojson"), d.resolve(l + ".geojson").toAbsolutePath());
        var catalogJson = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.resolve("catalog.json").toFile());
        catalogJson.remove("accessList");
        Files.writeString(layersOnly.resolve("catalog.json"), catalogJson.toString());
        assertEquals(0, Main.run(new String[]{"import", "--db", url, "--layers", layersOnly.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        out.append(String.format(Locale.ROOT, "PostGIS import %.1f s%n", (System.nanoTime() - t0) / 1e9));
        try (Connection c = DriverManager.getConnection(url); var st = c.createStatement()) {
            for (String l : LAYERS) st.execute("ANALYZE " + l);
        }

        ServerConfig noCache = ServerConfig.defaults(0);
        noCache = noCache.withSettings(noCache.settings().withServer(noCache.settings().server().withTileCacheBytes(0)));
        EcoZoneServer uncached = EcoZoneServer.start(noCache, layers);
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers); uncached) {
            out.append("""
                    tiles (each tile is one layer's MVT, extent 4096, buffer 64 — 512 and 8 at zooms <= 7; both layers; EcoZone: GET over HTTP keep-alive;
                    PostGIS: the pg_tileserv/Martin query over JDBC, prepared). EcoZone three ways: cold = the first request for
                    each tile on a server with the tile cache (1 client, one pass; at z <= 7 the first tile of each layer also
                    builds that grid's low-zoom copy), built = a server with the cache off (every tile made per request, as
                    after an edit), warm = the cached server after the cold pass. Ratios are tiles/s against PostGIS.
                    zoom tiles clients | built p50   p99   tiles/s | warm p50   p99   tiles/s | PostGIS p50   p99   tiles/s | built/PG warm/PG
                    """);
            System.out.print(out);
            for (int z : new int[]{4, 8, 12}) {
                List<String[]> tiles = tilesAt(z);
                Block cold = new Block();
                run(tiles, 1, () -> new EcoZoneClient(server.port()), cold, true, true);
                String coldLine = String.format(Locale.ROOT, "%4d %5d cold (first request per tile, 1 client): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        z, tiles.size(), cold.p(0.5), cold.p(0.99), cold.p(1.0));
                out.append(coldLine);
                System.out.print(coldLine);
                for (int clients : new int[]{1, 2}) {
                    Block e = new Block(), w = new Block(), p = new Block();
                    run(tiles, clients, () -> new EcoZoneClient(uncached.port()), e, true);
                    run(tiles, clients, () -> new PostgisClient(url), p, true);
                    for (int round = 0; round < 2; round++) {
                        run(tiles, clients, () -> new EcoZoneClient(uncached.port()), e, false);
                        run(tiles, clients, () -> new EcoZoneClient(server.port()), w, false);
                        run(tiles, clients, () -> new PostgisClient(url), p, false);
                    }
                    String line = String.format(Locale.ROOT, "%4d %5d %7d | %8.1f ms %6.1f ms %7.1f | %8.1f ms %6.1f ms %7.1f | %8.1f ms %6.1f ms %7.1f | %.2f× %.2f×%n",
                            z, tiles.size(), clients, e.p(0.5), e.p(0.99), e.perSecond(), w.p(0.5), w.p(0.99), w.perSecond(),
                            p.p(0.5), p.p(0.99), p.perSecond(), e.perSecond() / p.perSecond(), w.perSecond() / p.perSecond());
                    String withLoad = line.stripTrailing() + "   (load average " + loadAverage() + ")\n";
                    out.append(withLoad);
                    System.out.print(withLoad);
                }
            }
            out.append(String.format(Locale.ROOT, "tile cache after the run: %d tiles, %d bytes (bound %d)%n",
                    server.tileCache().size(), server.tileCache().bytes(), server.tileCache().maxBytes()));
        }
        out.append("load average at end: ").append(loadAverage()).append('\n');
        System.out.print(out);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "national-tiles-benchmark.txt"), out);
    }

    /** A fixed list of tiles over the populated extent: seeded random points, both layers, at most {@code max} per zoom. */
    static List<String[]> tilesAt(int z) {
        int max = z == 4 ? 1 : z == 8 ? 12 : 30;
        Random rnd = new Random(1000 + z);
        var ex = SiteCheckBenchmark.EXTENT;
        Set<String> seen = new LinkedHashSet<>();
        // the tile over the middle first, so z 4 has the heaviest tile
        seen.add(TileMath.column(ex.centre().x, z) + "/" + TileMath.row(ex.centre().y, z));
        while (seen.size() < max) {
            double lon = ex.getMinX() + rnd.nextDouble() * ex.getWidth(), lat = ex.getMinY() + rnd.nextDouble() * ex.getHeight();
            seen.add(TileMath.column(lon, z) + "/" + TileMath.row(lat, z));
        }
        List<String[]> tiles = new ArrayList<>();
        for (String xy : seen) {
            String[] p = xy.split("/");
            for (String l : LAYERS) tiles.add(new String[]{l, String.valueOf(z), p[0], p[1]});
        }
        return tiles;
    }

    interface TileClient extends AutoCloseable {
        int get(String[] t) throws Exception;
    }

    interface ClientFactory {
        TileClient open() throws Exception;
    }

    static final class EcoZoneClient implements TileClient {
        private final RawHttp http;

        EcoZoneClient(int port) throws Exception {
            http = new RawHttp(port);
        }

        @Override
        public int get(String[] t) throws Exception {
            RawHttp.Response r = http.get("/collections/" + t[0] + "/tiles/WebMercatorQuad/" + t[1] + "/" + t[3] + "/" + t[2]);
            if (r.status() != 200 && r.status() != 204) throw new IllegalStateException("HTTP " + r.status());
            return r.body().length;
        }

        @Override
        public void close() throws Exception {
            http.close();
        }
    }

    /** What pg_tileserv / Martin send for a table layer, with the same attributes EcoZone's tile carries. */
    static final class PostgisClient implements TileClient {
        private final Connection c;
        private final PreparedStatement[] ps = new PreparedStatement[LAYERS.length];

        PostgisClient(String url) throws Exception {
            c = DriverManager.getConnection(url);
            for (int i = 0; i < LAYERS.length; i++) {
                // extent and buffer as EcoZone's tiles of that zoom (512 and 8 at zooms <= 7, else 4096 and 64): the same tiles
                ps[i] = c.prepareStatement("SELECT ST_AsMVT(mvtgeom, '" + LAYERS[i] + "', ?, 'geom') FROM ("
                        + "SELECT ST_AsMVTGeom(ST_Transform(t.geom, 3857), ST_TileEnvelope(?, ?, ?), ?, ?, true) AS geom, t.code, t.name "
                        + "FROM " + LAYERS[i] + " t WHERE t.geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => (64.0 / 4096)), 4490)"
                        + ") mvtgeom");
            }
        }

        @Override
        public int get(String[] t) throws Exception {
            PreparedStatement s = ps[t[0].equals(LAYERS[0]) ? 0 : 1];
            int z = Integer.parseInt(t[1]), x = Integer.parseInt(t[2]), y = Integer.parseInt(t[3]);
            int extent = TileMath.extentAt(z);
            s.setInt(1, extent);
            s.setInt(2, z);
            s.setInt(3, x);
            s.setInt(4, y);
            s.setInt(5, extent);
            s.setInt(6, 64 * extent / 4096);
            s.setInt(7, z);
            s.setInt(8, x);
            s.setInt(9, y);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                byte[] b = rs.getBytes(1);
                return b == null ? 0 : b.length;
            }
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }

    static final class Block {
        final List<Long> nanos = new ArrayList<>();
        long tiles;
        long wall;

        synchronized void add(long ns) {
            nanos.add(ns);
        }

        double p(double q) {
            long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return a[Math.min(a.length - 1, (int) Math.ceil(q * a.length) - 1)] / 1e6;
        }

        double perSecond() {
            return tiles / (wall / 1e9);
        }
    }

    /**
     * Each client walks the whole tile list (client k starting at k/clients of it) until 2 s have passed and every
     * tile was asked at least once; warm-up rounds are not recorded.
     */
    static void run(List<String[]> tiles, int clients, ClientFactory f, Block into, boolean warmUp) throws Exception {
        run(tiles, clients, f, into, warmUp, false);
    }

    /** {@code record} also records a warm-up (single pass) round: the cold figures. */
    static void run(List<String[]> tiles, int clients, ClientFactory f, Block into, boolean warmUp, boolean record) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int k = 0; k < clients; k++) {
                int first = k * tiles.size() / clients;
                done.add(pool.submit(() -> {
                    long n = 0, bytes = 0;
                    try (TileClient c = f.open()) {
                        long begin = System.nanoTime();
                        for (int i = 0; i < tiles.size() || System.nanoTime() - begin < (warmUp ? 0 : 2_000_000_000L); i++) {
                            long s = System.nanoTime();
                            bytes += c.get(tiles.get((first + i) % tiles.size()));
                            if (!warmUp || record) into.add(System.nanoTime() - s);
                            n++;
                        }
                    }
                    return new long[]{n, bytes};
                }));
            }
            long n = 0;
            for (Future<long[]> d : done) n += d.get()[0];
            if (!warmUp) {
                synchronized (into) {
                    into.tiles += n;
                    into.wall += System.nanoTime() - start;
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private String startUp(Path d, String what, boolean snapshots, boolean dropCache) throws Exception {
        if (!snapshots) deleteSnapshots(d);
        if (what.startsWith("GeoJSON, first")) deleteSnapshots(d);
        if (dropCache) {
            try (var files = Files.walk(d)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    new ProcessBuilder("dd", "if=" + f, "iflag=nocache", "count=0").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                }
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), "cn.ecozone.cli.Main", "serve", "--port", "0", "--layers", d.toString()));
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ECOZONE_SNAPSHOTS", snapshots ? "on" : "off");
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = p.toHandle().info().totalCpuDuration().map(x -> x.toMillis() / 1e3).orElse(Double.NaN);
                    return String.format(Locale.ROOT, "  %-42s %5.1f s / %s s; process CPU %.1f s; load average %s%n", what, wall, m.group(1),
                            cpu, loadAverage());
                }
            }
            return "  " + what + ": never ready\n";
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** The 1-minute load average: this machine is shared, so wall-clock figures are read against it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void deleteSnapshots(Path d) throws Exception {
        for (String l : LAYERS) {
            Files.deleteIfExists(d.resolve(LayerSnapshot.FOLDER).resolve(l + ".snapshot"));
        }
    }

    private static long usedMb() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
