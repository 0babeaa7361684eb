package cn.ecozone.bench;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.Json;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where a site check's time goes on the synthetic load (b), in process and through HTTP without PostGIS running
 * alongside: for finding what to speed up, not a comparison (that is {@link SiteCheckBenchmark}).
 * Run: {@code mvn -B -Pbench -DbuildDir=/tmp/p test -Dtest=SiteCheckProfile}
 */
@Tag("bench")
class SiteCheckProfile {
    @TempDir Path dir;

    @Test
    void phases() throws Exception {
        // -Dprofile.sample=true: the shipped sample layers instead of the synthetic load (b)
        boolean sample = Boolean.getBoolean("profile.sample");
        LayerSet layers = LayerLoader.load(sample ? Path.of("layers") : SiteCheckBenchmark.synthetic(dir)).layers();
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        Random rnd = new Random(7);
        List<byte[]> bodies = new ArrayList<>();
        var where = sample ? new org.locationtech.jts.geom.Envelope(112.2, 113.45, 39.2, 40.5) : SiteCheckBenchmark.EXTENT;
        for (int i = 0; i < 200; i++) {
            double cx = where.getMinX() + 0.05 + rnd.nextDouble() * (where.getWidth() - 0.1);
            double cy = where.getMinY() + 0.05 + rnd.nextDouble() * (where.getHeight() - 0.1);
            bodies.add(SiteCheckBenchmark.geoJson(SiteCheckBenchmark.site(rnd, cx, cy)).getBytes(StandardCharsets.UTF_8));
        }
        AccessList access = cn.ecozone.accesslist.AccessListJson.read(layers.catalog().resolve(layers.catalog().accessList()));
        SiteCheck check = new SiteCheck(layers, access);
        int rounds = Integer.getInteger("rounds", 20);
        int n = rounds * bodies.size();
        double[] read = new double[n], run = new double[n], json = new double[n], http = new double[n];
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] body = bodies.get(i % bodies.size());
            long t0 = System.nanoTime();
            SiteInput in = new SiteInputReader(100_000).read(body, null, null);
            long t1 = System.nanoTime();
            SiteCheckResult r = check.run(in, null, SiteCheck.DEFAULT_NEARBY_M);
            long t2 = System.nanoTime();
            bytes += Json.MAPPER.writeValueAsBytes(r).length;
            long t3 = System.nanoTime();
            read[i] = (t1 - t0) / 1e6;
            run[i] = (t2 - t1) / 1e6;
            json[i] = (t3 - t2) / 1e6;
        }
        // the same site again and again: its zones stay in the CPU caches
        SiteInput same = new SiteInputReader(100_000).read(bodies.get(0), null, null);
        double[] warm = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            check.run(same, null, SiteCheck.DEFAULT_NEARBY_M);
            warm[i] = (System.nanoTime() - t0) / 1e6;
        }
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers); RawHttp raw = new RawHttp(server.port())) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                RawHttp.Response r = raw.post("/analysis/site-check", "application/geo+json", bodies.get(i % bodies.size()));
                http[i] = (System.nanoTime() - t0) / 1e6;
                assertEquals(200, r.status(), r.text());
            }
        }
        int from = n / 4;
        System.out.printf(Locale.ROOT, "%n===== SiteCheckProfile (%d requests, last %d counted, avg JSON %d bytes; heap with the layers loaded %d MB) =====%n",
                n, n - from, bytes / n, heapMb);
        for (var e : List.of(new Object[] {"read site", read}, new Object[] {"SiteCheck.run", run}, new Object[] {"JSON", json}, new Object[] {"run, one site", warm}, new Object[] {"HTTP total", http})) {
            double[] v = Arrays.copyOfRange((double[]) e[1], from, n);
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "  %-14s p50 %.3f ms  p90 %.3f ms  mean %.3f ms%n", e[0], v[v.length / 2], v[(int) (v.length * 0.9)],
                    Arrays.stream(v).average().orElse(0));
        }
    }
}
