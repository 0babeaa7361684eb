package cn.ecozone.hardening;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.Limits;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.Flood;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No unbounded request (issue 13, item 1): 20 concurrent 4,996-vertex sites covering the whole of a generated load
 * (3,000 Voronoi units + 6,000 red lines, ≈ 0.8 M vertices; each such site takes seconds alone), nearbyM=5000. Each
 * gets an answer within the time budget — 200, or 413/503 problem JSON — never a 500, never a hang, while a
 * concurrent client's identify and items requests keep answering (p99 asserted < 2 s). Once with caps that let the
 * sites onto the analysis pool (its budget and worker cap bound them), once with caps they exceed (413 before running).
 */
class BoundedAnalysisTest {
    static final Duration BUDGET = Duration.ofSeconds(3);
    static final int SITES = 20, UNITS = 2_000, REDLINES = 4_000;
    @TempDir static Path dir;
    static LayerSet layers;
    static List<String> sites = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        long t0 = System.nanoTime();
        Path catalog = SyntheticLoad.write(dir, UNITS, REDLINES);
        long t1 = System.nanoTime();
        layers = LayerLoader.load(catalog).layers();
        System.out.printf("BoundedAnalysisTest: load written in %.1f s, loaded in %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        for (int i = 0; i < SITES; i++) sites.add(SyntheticLoad.wholeExtentSite(4_996, i));
    }

    @Test
    void wholeExtentSitesOnThePoolAreAnsweredWithinTheBudgetWhileOthersKeepAnswering() throws Exception {
        // caps high enough that the sites run (on the pool, 4 workers, a 3 s budget)
        Limits limits = new Limits(100_000, 10_000, BUDGET, 4);
        Flood.Result r = flood(limits);
        assertTrue(r.byStatus().keySet().stream().allMatch(s -> Set.of(200, 503).contains(s)), r.summary() + r.answers());
        // each is answered within the budget (checked in flood) or shed with 503; how many are shed depends on this
        // machine's speed — on a quiet machine all 20 fit in the budget — so the shedding itself is held
        // deterministically by AnalysisRoutingTest (full pool, queued past the budget)
        for (Flood.Answer a : r.answers()) {
            if (a.status() == 503) assertTrue(a.body().contains("时限") || a.body().contains("Retry-After"), a.body());
        }
    }

    @Test
    void wholeExtentSitesBeyondTheCapsAre413AtOnce() throws Exception {
        // the defaults scaled to this smaller load: the whole extent meets ≈ 9,000 zones, ≈ 0.8 M vertices
        Limits limits = new Limits(100_000, 10_000, BUDGET, 4).withCosts(500, 200_000, 2_000, 400_000);
        Flood.Result r = flood(limits);
        assertEquals(SITES, r.byStatus().getOrDefault(413, 0), r.summary());
        String body = r.answers().get(0).body();
        assertTrue(body.contains("nearbyM=5000") && body.contains("较小的地块") && body.contains("smaller site"), body);
        assertTrue(r.maxAnswerMs() < 5_000, "refused before running: " + r.summary());
    }

    private static Flood.Result flood(Limits limits) throws Exception {
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0).withLimits(limits), layers)) {
            String base = "http://127.0.0.1:" + server.port();
            // a warm server (JIT, EPSG, connections), as in service: one small site, then the client alone for a while
            Http.Response warm = new Http(server.port()).post("/analysis/site-check", "application/geo+json", SyntheticLoad.star(112.5, 36, 0.02, 0.02, 500, 1));
            assertEquals(200, warm.status(), warm.body());
            Flood.Result r = Flood.run(base, "/analysis/site-check?nearbyM=5000", sites, SyntheticLoad.EXTENT, "redline", Duration.ofSeconds(60),
                    Duration.ofSeconds(2));
            System.out.print("BoundedAnalysisTest " + limits + "\n" + r.summary());
            assertEquals(SITES, r.answers().size());
            // every site answered, as 200 or problem JSON, within the budget (plus the time to read, count and write)
            for (Flood.Answer a : r.answers()) {
                assertTrue(Set.of(200, 413, 503).contains(a.status()), "never a 500, never a hang: " + a);
                assertTrue(a.ms() < BUDGET.toMillis() + 5_000, "answered within the budget: " + a.ms() + " ms");
            }
            assertEquals(List.of(), r.clientErrors());
            assertTrue(r.identifyMs().length >= 5 && r.itemsMs().length >= 5, "the concurrent client ran: " + r.summary());
            assertTrue(Flood.p(r.clientMs(), 99) < 2_000, "identify and items keep answering: " + r.summary());
            return r;
        }
    }
}
