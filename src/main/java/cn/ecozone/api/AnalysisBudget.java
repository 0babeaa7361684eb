package cn.ecozone.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs analyses on a bounded pool with a time budget: past the budget the client gets a clean 503 (the server
 * is not held hostage by one enormous site), and when every worker and queue slot is taken new analyses get 503
 * with {@code Retry-After} at once instead of piling up. Analyses whose cost was estimated as small run on the
 * request thread instead: handing them to the pool and back would cost more than the budget protects. Results that
 * depend only on the layers (district statistics, layer checks) are computed once per layer version by one worker
 * ({@link #cached}), however many clients ask at once. One budget is shared by every analysis route.
 */
final class AnalysisBudget implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final Duration timeout;
    private final int workers;
    private final Map<String, Computation> cache = new ConcurrentHashMap<>();

    AnalysisBudget(Limits limits) {
        this.timeout = limits.analysisTimeout();
        this.workers = limits.analysisWorkers();
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(workers * 8), r -> {
            Thread t = new Thread(r, "ecozone-analysis");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Seconds a client told "busy" should wait: a quarter of the time budget, at least one. */
    int retryAfterSeconds() {
        return (int) Math.max(1, (timeout.toMillis() + 3999) / 4000);
    }

    /** Interactive analyses running or waiting now (on request threads or the pool): background work yields to them. */
    private final AtomicInteger interactive = new AtomicInteger();
    /** A background analysis waits at most this long for interactive ones to finish, so a steady stream cannot starve a job. */
    static final long BACKGROUND_MAX_WAIT_NANOS = 50_000_000L;
    /**
     * While interactive analyses come and go (one in flight, or one ended less than this long ago) at most one
     * background analysis runs at a time, so a core stays free for them; after a quiet spell the job uses every lane.
     */
    static final long BACKGROUND_QUIET_NANOS = 250_000_000L;
    /**
     * While interactive analyses are recent, background analyses take at most one part in this many of one core:
     * after one that took {@code d}, the next starts no sooner than {@code (n − 1)·d} later. Two cores shared by the
     * interactive requests, their clients and a lane that never rests gave the interactive p99 2.2–2.7× idle; a
     * job then runs at a quarter of one lane while people use the server and at full speed in their pauses.
     */
    static final int BACKGROUND_SHARE_WHILE_INTERACTIVE = 4;
    /** While interactive analyses are recent, no background analysis starts before this (System.nanoTime). */
    private volatile long backgroundNext = System.nanoTime();
    /** Background analyses running now. */
    private final AtomicInteger background = new AtomicInteger();
    /** When the last interactive analysis ended (System.nanoTime). */
    private volatile long interactiveEnded = System.nanoTime() - BACKGROUND_QUIET_NANOS;

    /** Runs a quick analysis on the calling thread, any other on the pool within the budget. */
    <T> T run(boolean quick, Supplier<T> analysis) {
        if (!quick) return run(analysis);
        interactive.incrementAndGet();
        try {
            return analysis.get();
        } finally {
            interactiveEnded = System.nanoTime();
            interactive.decrementAndGet();
        }
    }

    <T> T run(Supplier<T> analysis) {
        interactive.incrementAndGet();
        try {
            return pooled(analysis);
        } finally {
            interactiveEnded = System.nanoTime();
            interactive.decrementAndGet();
        }
    }

    /**
     * Runs a job's analysis at a lower priority, on the calling thread (a job's lane), counted against the pool's
     * workers: it starts only when no interactive analysis is in flight (or after {@link #BACKGROUND_MAX_WAIT_NANOS}
     * of waiting) and a worker's share is free (pool analyses + background ones below the workers), so an interactive
     * request never waits behind more than one background analysis per lane; while interactive analyses are recent
     * ({@link #BACKGROUND_QUIET_NANOS}) only one background analysis runs at a time, and they take at most
     * {@code 1/}{@link #BACKGROUND_SHARE_WHILE_INTERACTIVE} of a core. It runs on the lane rather than on
     * a pool worker: handing each project to a worker and back cost two thread wake-ups per project, which on a busy
     * machine took longer than the project (the job ran at a fifth of what its lanes do directly). No time budget: a
     * job's row is bounded by the caps. Interrupted (shutdown) before it starts → InterruptedException.
     */
    <T> T background(Supplier<T> analysis) throws InterruptedException {
        long waitingSince = System.nanoTime();
        while (true) {
            if (Thread.interrupted()) throw new InterruptedException();
            long now = System.nanoTime();
            boolean busy = interactive.get() > 0;
            boolean yield = busy && now - waitingSince < BACKGROUND_MAX_WAIT_NANOS;
            int running = background.get();
            boolean recent = busy || now - interactiveEnded < BACKGROUND_QUIET_NANOS;
            int allowed = recent ? 1 : workers;
            if (yield || running >= allowed || (recent && now - backgroundNext < 0)
                    || pool.getActiveCount() + pool.getQueue().size() + running >= workers
                    || !background.compareAndSet(running, running + 1)) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            long started = System.nanoTime();
            try {
                return analysis.get();
            } finally {
                long ended = System.nanoTime();
                if (interactive.get() > 0 || ended - interactiveEnded < BACKGROUND_QUIET_NANOS) {
                    backgroundNext = ended + (BACKGROUND_SHARE_WHILE_INTERACTIVE - 1) * (ended - started);
                }
                background.decrementAndGet();
            }
        }
    }

    private <T> T pooled(Supplier<T> analysis) {
        AtomicBoolean started = new AtomicBoolean();
        FutureTask<T> f = new FutureTask<>(() -> {
            started.set(true);
            return analysis.get();
        });
        try {
            pool.execute(f);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            // still waiting in the queue when the budget ran out: the server was busy, not the analysis too big
            if (!started.get()) throw busy();
            throw timedOut();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw stopping();
        }
    }

    /**
     * The result of {@code analysis} for this key and version, computed once by one worker: concurrent requests wait
     * for the same computation (up to the time budget, then 503 with Retry-After while it carries on), later requests
     * get the stored result. A new version replaces the key's entry and stops the old computation if it still runs.
     */
    @SuppressWarnings("unchecked")
    <T> T cached(String key, String version, Supplier<T> analysis) {
        Computation c = cache.compute(key, (k, old) -> {
            if (old != null && old.version.equals(version) && !old.failed()) return old;
            if (old != null) old.task.cancel(true);
            return new Computation(version, new FutureTask<>(analysis::get));
        });
        if (c.submitted.compareAndSet(false, true)) {
            try {
                pool.execute(c.task);
            } catch (RejectedExecutionException e) {
                cache.remove(key, c);
                throw busy();
            }
        }
        try {
            return (T) c.task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiProblem(503, "正在计算 Still computing", "该结果正在计算（每个数据版本只算一次），请 " + retryAfterSeconds()
                    + " 秒后再试 / the result is being computed (once per data version); retry in " + retryAfterSeconds() + " s",
                    retryAfterSeconds());
        } catch (CancellationException e) {
            throw new ApiProblem(503, "数据已更新 Data changed", "计算期间图层已更新，请重试 / the layers changed during the computation; please retry",
                    1);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
    }

    private static final class Computation {
        final String version;
        final FutureTask<Object> task;
        final AtomicBoolean submitted = new AtomicBoolean();

        @SuppressWarnings("unchecked")
        Computation(String version, FutureTask<?> task) {
            this.version = version;
            this.task = (FutureTask<Object>) task;
        }

        /** A failed or stopped computation is not kept: the next request tries again. */
        boolean failed() {
            if (!task.isDone()) return false;
            if (task.isCancelled()) return true;
            try {
                task.get();
                return false;
            } catch (Exception e) {
                return true;
            }
        }
    }

    /** Analyses running or waiting now (for tests and diagnostics). */
    int inFlight() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    int workers() {
        return workers;
    }

    Duration timeout() {
        return timeout;
    }

    ApiProblem busy() {
        int s = retryAfterSeconds();
        return new ApiProblem(503, "服务繁忙 Service busy", "分析请求过多（" + workers + " 个分析同时进行，队列已满），请 " + s
                + " 秒后再试 / too many analyses at once (" + workers + " running, queue full); retry in " + s + " s", s);
    }

    private ApiProblem timedOut() {
        return new ApiProblem(503, "分析超时 Analysis timed out", "分析超过 " + timeout.toSeconds() + " 秒的时限，已中止；请缩小地块、减小 nearbyM 或分批提交 / "
                + "the analysis exceeded its " + timeout.toSeconds() + " s budget and was abandoned; use a smaller site, a smaller nearbyM, or split it");
    }

    private static ApiProblem stopping() {
        return new ApiProblem(503, "服务暂不可用 Service unavailable", "服务器正在停止 / the server is stopping");
    }

    private static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) return r;
        if (e.getCause() instanceof Error err) throw err;
        return new IllegalStateException(e.getCause());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
