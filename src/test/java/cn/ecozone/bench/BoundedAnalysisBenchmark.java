package cn.ecozone.bench;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.SiteCost;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.Limits;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.Flood;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounded analyses on the national-scale load (b) of {@link SiteCheckBenchmark} (44,604 Voronoi units + 100,000 red
 * lines): (1) what site checks of 4,996 vertices cost (zones and vertices met, as counted before running) against the
 * time they take, in process, for growing sites — the basis of the default caps; (2) 20 concurrent 4,996-vertex
 * whole-extent sites with nearbyM=5000 against a server with the default limits, while another client asks for
 * identify and items pages; (3) the same with 20 large sites under the caps (pool path); heap after GC before and
 * after. A measurement, not a timed test.
 * Run: {@code mvn -B -Pbench -DbuildDir=/tmp/bb test -Dtest=BoundedAnalysisBenchmark}
 */
@Tag("bench")
class BoundedAnalysisBenchmark {
    static final int SITE_VERTICES = 4_996;
    @TempDir Path dir;

    @Test
    void floodsOfHugeSitesAreBoundedWhileOtherClientsKeepAnswering() throws Exception {
        StringBuilder out = new StringBuilder("\n===== BoundedAnalysisBenchmark =====\n");
        long t0 = System.nanoTime();
        Path catalog = SyntheticLoad.write(dir, SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES);
        LayerSet layers = LayerLoader.load(catalog).layers();
        out.append(String.format(Locale.ROOT, "load (b) generated and loaded in %.0f s; heap after GC %d MB%n", (System.nanoTime() - t0) / 1e9, usedMb()));

        // (1) cost against time, in process, one site check at a time, no caps
        AccessList access = AccessListJson.read(catalog.resolve("access-list.json"));
        SiteCheck check = new SiteCheck(layers, access, AnalysisCaps.NONE);
        double cx = 112.5, cy = 36;
        check.run(read(SyntheticLoad.star(cx, cy, 0.02, 0.02, 500, 1)), null, 1000); // warm-up
        out.append("(1) cost vs time, 4,996-vertex sites around (112.5, 36), nearbyM=5000, in process:\n");
        out.append("      radius°   zones met   vertices met   hits  nearby   time ms\n");
        for (double r : new double[] {0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6}) {
            SiteInput site = read(SyntheticLoad.star(cx, cy, r * 1.2, r, SITE_VERTICES, 3));
            SiteCost cost = SiteCost.of(layers, site.geometry(), site.vertexCount(), 5000, Long.MAX_VALUE, Long.MAX_VALUE);
            long s = System.nanoTime();
            SiteCheckResult res = check.run(site, null, 5000);
            double ms = (System.nanoTime() - s) / 1e6;
            String line = String.format(Locale.ROOT, "      %6.2f  %,10d  %,13d  %5d  %6d  %8.0f%n", r, cost.candidates(), cost.zoneVertices(),
                    res.hits().size(), res.nearby().size(), ms);
            System.out.print(line);
            out.append(line);
            if (ms > 30_000) break;
        }
        SiteInput whole = read(SyntheticLoad.wholeExtentSite(SITE_VERTICES, 1));
        SiteCost wholeCost = SiteCost.of(layers, whole.geometry(), whole.vertexCount(), 5000, Long.MAX_VALUE, Long.MAX_VALUE);
        out.append(String.format(Locale.ROOT, "    whole-extent site: %,d zones, %,d vertices met (defaults refuse beyond %,d zones or %,d vertices)%n",
                wholeCost.candidates(), wholeCost.zoneVertices(), Limits.DEFAULTS.maxCandidates(), Limits.DEFAULTS.maxZoneVertices()));
        System.out.print(out);

        Limits limits = Limits.DEFAULTS;
        out.append(String.format(Locale.ROOT, "limits: timeout %d s, %d workers, quick ≤ %,d zones / %,d vertices, 413 beyond %,d zones / %,d vertices, "
                        + "≤ %,d entries, ≤ %,d overlays; JVM -Xmx %d MB, %d cores%n", limits.analysisTimeout().toSeconds(), limits.analysisWorkers(),
                limits.quickMaxCandidates(), limits.quickMaxZoneVertices(), limits.maxCandidates(), limits.maxZoneVertices(), limits.maxResultEntries(),
                limits.maxOverlays(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0).withLimits(limits), layers)) {
            String base = "http://127.0.0.1:" + server.port();
            // warm the server (JIT, connections) with small sites and the client, then measure the client beside small sites only
            List<String> small = new ArrayList<>();
            for (int i = 0; i < 20; i++) small.add(SyntheticLoad.star(106 + i * 0.6, 31 + i * 0.5, 0.02, 0.02, 500, i));
            Flood.run(base, "/analysis/site-check?nearbyM=1000", small, SyntheticLoad.EXTENT, "redline", Duration.ofSeconds(120), Duration.ofSeconds(5));
            Flood.Result alone = Flood.run(base, "/analysis/site-check?nearbyM=1000", small, SyntheticLoad.EXTENT, "redline",
                    Duration.ofSeconds(120), Duration.ofSeconds(2));
            out.append("(0) baseline: 20 concurrent small sites (500 vertices, 2 km, nearbyM=1000, request thread):\n").append(alone.summary());
            out.append(String.format(Locale.ROOT, "heap after GC before the floods: %d MB%n", usedMb()));

            List<String> huge = new ArrayList<>();
            for (int i = 0; i < 20; i++) huge.add(SyntheticLoad.wholeExtentSite(SITE_VERTICES, i));
            Flood.Result r2 = Flood.run(base, "/analysis/site-check?nearbyM=5000", huge, SyntheticLoad.EXTENT, "redline", Duration.ofSeconds(120));
            out.append("(2) 20 concurrent 4,996-vertex whole-extent sites, nearbyM=5000:\n").append(r2.summary());
            out.append("    first answer: ").append(r2.answers().get(0).body().replace('\n', ' ')).append('\n');
            out.append(String.format(Locale.ROOT, "    heap after GC: %d MB%n", usedMb()));
            System.out.print(out);

            // (3) large sites under the caps: the pool and its budget
            List<String> large = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                large.add(SyntheticLoad.star(106.5 + (i % 5) * 3, 31.5 + (i / 5) * 3, 0.5, 0.4, SITE_VERTICES, i));
            }
            read(large.get(0));
            SiteInput one = read(large.get(0));
            SiteCost c3 = SiteCost.of(layers, one.geometry(), one.vertexCount(), 5000, Long.MAX_VALUE, Long.MAX_VALUE);
            Flood.Result r3 = Flood.run(base, "/analysis/site-check?nearbyM=5000", large, SyntheticLoad.EXTENT, "redline", Duration.ofSeconds(120));
            out.append(String.format(Locale.ROOT, "(3) 20 concurrent 4,996-vertex large sites (0.5° × 0.4° radius, each ≈ %,d zones, %,d vertices met), nearbyM=5000:%n",
                    c3.candidates(), c3.zoneVertices())).append(r3.summary());
            out.append(String.format(Locale.ROOT, "    heap after GC: %d MB%n", usedMb()));
        }
        // (4) an operator who raises the zone caps: the whole-extent sites run, and the budget, the worker cap and the
        // entry cap still bound them
        Limits raised = limits.withCosts(limits.quickMaxCandidates(), limits.quickMaxZoneVertices(), 1_000_000, 100_000_000);
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0).withLimits(raised), layers)) {
            String base = "http://127.0.0.1:" + server.port();
            List<String> huge = new ArrayList<>();
            for (int i = 0; i < 20; i++) huge.add(SyntheticLoad.wholeExtentSite(SITE_VERTICES, i));
            Flood.Result r4 = Flood.run(base, "/analysis/site-check?nearbyM=5000", huge, SyntheticLoad.EXTENT, "redline", Duration.ofSeconds(120),
                    Duration.ofSeconds(3));
            out.append("(4) the same 20 whole-extent sites with the zone caps raised to 1,000,000 zones / 100,000,000 vertices (they run):\n")
                    .append(r4.summary());
            r4.byStatus().keySet().forEach(st -> r4.answers().stream().filter(a -> a.status() == st).findFirst()
                    .ifPresent(a -> out.append("    e.g. ").append(st).append(": ").append(a.body().replace('\n', ' '), 0, Math.min(400, a.body().length())).append('\n')));
            out.append(String.format(Locale.ROOT, "    heap after GC: %d MB%n", usedMb()));
        }
        System.out.print(out);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "bounded-analysis-benchmark.txt"), out.toString());
    }

    private static SiteInput read(String geoJson) {
        return new SiteInputReader(1_000_000).read(geoJson.getBytes(StandardCharsets.UTF_8), null, "bench");
    }

    private static long usedMb() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
