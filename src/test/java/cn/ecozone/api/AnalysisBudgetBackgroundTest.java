package cn.ecozone.api;

import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a batch job's analyses share the pool with interactive ones ({@link AnalysisBudget#background}). */
class AnalysisBudgetBackgroundTest {
    private static AnalysisBudget budget() {
        return new AnalysisBudget(new Limits(100_000, 100, Duration.ofSeconds(30), 8));
    }

    /** Runs {@code n} background analyses of {@code ms} each at once; the most that ran at the same time. */
    private static int concurrency(AnalysisBudget b, int n, int ms) throws Exception {
        AtomicInteger now = new AtomicInteger(), most = new AtomicInteger();
        ExecutorService lanes = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(lanes.submit(() -> b.background(() -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    sleep(ms);
                    now.decrementAndGet();
                    return 1;
                })));
            }
            for (Future<Integer> f : fs) assertEquals(1, f.get(10, TimeUnit.SECONDS));
        } finally {
            lanes.shutdownNow();
        }
        return most.get();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutInteractiveAnalysesEveryLaneRunsAtOnce() throws Exception {
        try (AnalysisBudget b = budget()) {
            assertEquals(3, concurrency(b, 3, 200));
        }
    }

    @Test
    void aBackgroundAnalysisWaitsForAnInteractiveOneInFlightAtMostTheMaximumWait() throws Exception {
        try (AnalysisBudget b = budget()) {
            CountDownLatch inFlight = new CountDownLatch(1), release = new CountDownLatch(1);
            ExecutorService t = Executors.newSingleThreadExecutor();
            try {
                Future<?> interactive = t.submit(() -> b.run(true, () -> {
                    inFlight.countDown();
                    try {
                        return release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
                assertTrue(inFlight.await(5, TimeUnit.SECONDS));
                long t0 = System.nanoTime();
                b.background(() -> 1);
                double waitedMs = (System.nanoTime() - t0) / 1e6;
                assertTrue(waitedMs >= AnalysisBudget.BACKGROUND_MAX_WAIT_NANOS / 1e6 - 1, "waited " + waitedMs + " ms behind the interactive analysis");
                release.countDown();
                interactive.get(5, TimeUnit.SECONDS);
            } finally {
                t.shutdownNow();
            }
        }
    }

    @Test
    void rightAfterAnInteractiveAnalysisOneBackgroundAnalysisRunsAtATimeThenAllAgain() throws Exception {
        try (AnalysisBudget b = budget()) {
            b.run(true, () -> 1); // an interactive check just ended
            // two lanes × 30 ms end well within the quiet spell: one at a time
            assertEquals(1, concurrency(b, 2, 30));
            Thread.sleep(AnalysisBudget.BACKGROUND_QUIET_NANOS / 1_000_000 + 50);
            assertEquals(3, concurrency(b, 3, 200), "after a quiet spell every lane runs");
        }
    }

    @Test
    void whileInteractiveAnalysesGoOnBackgroundOnesTakeAtMostAQuarterOfACore() throws Exception {
        try (AnalysisBudget b = budget()) {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            ExecutorService people = Executors.newSingleThreadExecutor(), lanes = Executors.newFixedThreadPool(2);
            List<long[]> runs = java.util.Collections.synchronizedList(new ArrayList<>());
            try {
                // a steady stream of 1 ms interactive analyses with short gaps, as a busy office or a load test
                Future<?> stream = people.submit(() -> {
                    while (!stop.get()) b.run(true, () -> {
                        sleep(1);
                        return 1;
                    });
                });
                Thread.sleep(20);
                List<Future<?>> fs = new ArrayList<>();
                for (int lane = 0; lane < 2; lane++) {
                    fs.add(lanes.submit(() -> {
                        for (int i = 0; i < 6; i++) {
                            b.background(() -> {
                                long t0 = System.nanoTime();
                                sleep(5);
                                runs.add(new long[] {t0, System.nanoTime()});
                                return 1;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) f.get(30, TimeUnit.SECONDS);
                stop.set(true);
                stream.get(5, TimeUnit.SECONDS);
            } finally {
                people.shutdownNow();
                lanes.shutdownNow();
            }
            List<long[]> sorted = new ArrayList<>(runs);
            sorted.sort(java.util.Comparator.comparingLong(r -> r[0]));
            assertEquals(12, sorted.size());
            for (int i = 1; i < sorted.size(); i++) {
                long[] before = sorted.get(i - 1), next = sorted.get(i);
                long took = before[1] - before[0], rest = next[0] - before[1];
                assertTrue(rest >= (AnalysisBudget.BACKGROUND_SHARE_WHILE_INTERACTIVE - 1) * took,
                        "run " + i + " started " + rest / 1e6 + " ms after one of " + took / 1e6 + " ms ended: one at a time, a quarter of a core");
            }
        }
    }
}
