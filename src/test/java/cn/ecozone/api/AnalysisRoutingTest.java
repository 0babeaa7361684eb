package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.AnalysisLimitExceeded;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCost;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cost routing of analyses: a site check's cost (zones and vertices its search box meets, counted from the index)
 * sends it to the request thread, the pool or a 413; a full pool answers 503 with Retry-After; layer-wide results are
 * computed once per version however many clients ask; caps stop a running check that builds too much.
 */
class AnalysisRoutingTest {
    @TempDir static Path dir;
    static LayerSet layers;
    static AccessList access;

    @BeforeAll
    static void load() throws Exception {
        // 400 Voronoi units (≈ 200 vertices each) + 800 red lines over 105–120°E × 30–42°N
        Path catalog = SyntheticLoad.write(dir, 400, 800);
        layers = LayerLoader.load(catalog).layers();
        access = AccessListJson.read(catalog.resolve("access-list.json"));
    }

    static SiteInput site(String geoJson) {
        return new SiteInputReader(100_000).read(geoJson.getBytes(StandardCharsets.UTF_8), null, "t");
    }

    static SiteCost cost(SiteInput s, double nearbyM, Limits l) {
        return SiteCost.of(layers, s.geometry(), s.vertexCount(), nearbyM, l.maxCandidates(), l.maxZoneVertices());
    }

    @Test
    void aSmallSiteRunsOnTheRequestThread() {
        SiteInput small = site(SyntheticLoad.star(112.5, 36, 0.02, 0.02, 500, 1));
        SiteCost c = cost(small, 1000, Limits.DEFAULTS);
        assertTrue(c.complete() && c.candidates() >= 1 && c.candidates() < 20, c.toString());
        assertTrue(c.zoneVertices() >= 100, "the zones' vertices are counted: " + c);
        assertEquals(SiteCheckRoutes.Route.QUICK, SiteCheckRoutes.route(c, Limits.DEFAULTS));
    }

    @Test
    void aSiteMeetingManyZonesGoesToThePoolWhateverItsVertexCount() {
        // few vertices, but a box over a quarter of the load: what it costs is the zones it meets
        SiteInput wide = site(SyntheticLoad.star(112.5, 36, 4, 3, 40, 1));
        Limits l = Limits.DEFAULTS.withCosts(50, 10_000, 20_000, 2_000_000);
        SiteCost c = cost(wide, 1000, l);
        assertTrue(c.complete() && c.candidates() > 50, c.toString());
        assertEquals(SiteCheckRoutes.Route.POOL, SiteCheckRoutes.route(c, l));
        // and small costs still go to the pool for a large site or a far search, as before
        assertEquals(SiteCheckRoutes.Route.POOL, SiteCheckRoutes.route(new SiteCost(5_001, 1000, 3, 600, true), l));
        assertEquals(SiteCheckRoutes.Route.POOL, SiteCheckRoutes.route(new SiteCost(500, 5_001, 3, 600, true), l));
        assertEquals(SiteCheckRoutes.Route.QUICK, SiteCheckRoutes.route(new SiteCost(5_000, 5_000, 50, 10_000, true), l));
    }

    @Test
    void aHugeSiteIsRefusedWith413BeforeItRunsAndCountingStopsAtTheCap() {
        SiteInput whole = site(SyntheticLoad.wholeExtentSite(4_996, 1));
        Limits l = Limits.DEFAULTS.withCosts(50, 10_000, 300, 60_000);
        long t0 = System.nanoTime();
        SiteCost c = cost(whole, 5000, l);
        assertFalse(c.complete(), c.toString());
        assertTrue(c.candidates() <= 301 && c.zoneVertices() <= 60_000 + 1_000, "counting stops at the cap: " + c);
        ApiProblem p = assertThrows(ApiProblem.class, () -> SiteCheckRoutes.route(c, l));
        assertEquals(413, p.status());
        assertTrue(p.detail().contains("nearbyM=5000") && p.detail().contains("300") && p.detail().contains("60,000"), p.detail());
        assertTrue(p.detail().contains("较小的地块") && p.detail().contains("smaller site") && p.detail().contains("smaller nearbyM"), p.detail());
        assertTrue((System.nanoTime() - t0) / 1e6 < 1000, "counting is cheap");
        // uncapped, the same site meets every zone
        SiteCost all = SiteCost.of(layers, whole.geometry(), whole.vertexCount(), 5000, Long.MAX_VALUE, Long.MAX_VALUE);
        assertTrue(all.complete() && all.candidates() > 1000, all.toString());
    }

    @Test
    void aRunningCheckStopsAtItsCapsOnEntriesAndVertices() {
        SiteInput wide = site(SyntheticLoad.star(112.5, 36, 2, 1.5, 200, 1));
        AnalysisLimitExceeded entries = assertThrows(AnalysisLimitExceeded.class,
                () -> new SiteCheck(layers, access, new AnalysisCaps(Long.MAX_VALUE, 25, 500)).run(wide, null, 1000));
        assertEquals(25, entries.limit());
        assertTrue(entries.getMessage().contains("entries"), entries.getMessage());
        AnalysisLimitExceeded vertices = assertThrows(AnalysisLimitExceeded.class,
                () -> new SiteCheck(layers, access, new AnalysisCaps(5_000, 100_000, 500)).run(wide, null, 1000));
        assertTrue(vertices.value() > 5_000 && vertices.getMessage().contains("vertices"), vertices.getMessage());
        // within the caps the same check answers
        assertFalse(new SiteCheck(layers, access, new AnalysisCaps(10_000_000, 100_000, 500)).run(wide, null, 1000).hits().isEmpty());
    }

    @Test
    void aFullPoolAnswers503WithRetryAfter() throws Exception {
        AnalysisBudget budget = new AnalysisBudget(new Limits(100_000, 100, Duration.ofSeconds(10), 1));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try {
            // one running, eight queued: the pool of one worker is full
            List<Future<Integer>> waiting = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                waiting.add(callers.submit(() -> budget.run(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 1;
                })));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (budget.inFlight() < 9 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(9, budget.inFlight());
            ApiProblem busy = assertThrows(ApiProblem.class, () -> budget.run(() -> 2));
            assertEquals(503, busy.status());
            assertNotNull(busy.retryAfterSeconds());
            assertTrue(busy.retryAfterSeconds() >= 1 && busy.detail().contains("retry"), busy.detail());
            release.countDown();
            for (Future<Integer> f : waiting) assertEquals(1, f.get(10, TimeUnit.SECONDS));
            assertEquals(3, budget.run(() -> 3), "the pool takes work again once drained");
        } finally {
            release.countDown();
            callers.shutdownNow();
            budget.close();
        }
    }

    @Test
    void anAnalysisStillQueuedWhenTheBudgetRunsOutIsBusyNotTooSlow() throws Exception {
        AnalysisBudget budget = new AnalysisBudget(new Limits(100_000, 100, Duration.ofMillis(300), 1));
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                budget.run(() -> {
                    // holds its worker even when abandoned (as an uninterruptible overlay would), so the next one stays queued
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            // keep holding
                        }
                    }
                    return 0;
                });
            } catch (ApiProblem expected) {
                // timed out: the holder's own answer
            }
        });
        holder.start();
        try {
            while (budget.inFlight() < 1) Thread.sleep(5);
            ApiProblem p = assertThrows(ApiProblem.class, () -> budget.run(() -> 1));
            assertEquals(503, p.status());
            assertNotNull(p.retryAfterSeconds(), "queued past the budget: busy, with Retry-After");
        } finally {
            release.countDown();
            holder.join(5000);
            budget.close();
        }
    }

    @Test
    void layerWideResultsAreComputedOncePerVersionForConcurrentClients() throws Exception {
        AnalysisBudget budget = new AnalysisBudget(new Limits(100_000, 100, Duration.ofSeconds(10), 2));
        AtomicInteger runs = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> budget.cached("stats", "v1", () -> {
                    runs.incrementAndGet();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "result v1";
                })));
            }
            for (Future<String> f : answers) assertEquals("result v1", f.get(10, TimeUnit.SECONDS));
            assertEquals(1, runs.get(), "sixteen clients, one computation");
            assertEquals("result v1", budget.cached("stats", "v1", () -> "recomputed"));
            assertEquals("v2", budget.cached("stats", "v2", () -> "v2"), "a new layer version is computed afresh");
        } finally {
            clients.shutdownNow();
            budget.close();
        }
    }

    @Test
    void overHttpATooLargeSiteIsA413ProblemAndSmallOnesStillAnswer() {
        Limits tight = new Limits(100_000, 100, Duration.ofSeconds(10), 1).withCosts(10, 2_000, 100, 30_000);
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0).withLimits(tight), layers)) {
            Http http = new Http(server.port());
            Http.Response r = http.post("/analysis/site-check?nearbyM=5000", "application/geo+json", SyntheticLoad.wholeExtentSite(4_996, 2));
            assertEquals(413, r.status(), r.body());
            assertTrue(r.contentType().startsWith(ProblemResponses.CONTENT_TYPE), r.contentType());
            assertTrue(r.json().get("detail").asText().contains("nearbyM"), r.body());
            Http.Response ok = http.post("/analysis/site-check", "application/geo+json", SyntheticLoad.star(112.5, 36, 0.02, 0.02, 500, 1));
            assertEquals(200, ok.status(), ok.body());
            assertEquals(200, http.get("/analysis/identify?lon=112.5&lat=36").status());
        }
    }
}
