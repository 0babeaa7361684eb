package cn.ecozone.api;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs analyses on a bounded pool with a time budget: past the budget the client gets a clean 503 (the server
 * is not held hostage by one enormous site), and when every worker and queue slot is taken new analyses get 503
 * at once instead of piling up. Analyses known to be quick run on the request thread instead: handing them to the
 * pool and back would cost more than the budget protects.
 */
final class AnalysisBudget {
    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    AnalysisBudget(Limits limits) {
        this.timeout = limits.analysisTimeout();
        int workers = limits.analysisWorkers();
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(workers * 8), r -> {
            Thread t = new Thread(r, "ecozone-analysis");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs a quick analysis on the calling thread, any other on the pool within the budget. */
    <T> T run(boolean quick, Supplier<T> analysis) {
        return quick ? analysis.get() : run(analysis);
    }

    <T> T run(Supplier<T> analysis) {
        Future<T> f;
        try {
            f = pool.submit(analysis::get);
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(503, "服务繁忙 Service busy", "分析请求过多，请稍后再试 / too many analyses at once, please retry shortly");
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiProblem(503, "分析超时 Analysis timed out", "分析超过 " + timeout.toSeconds() + " 秒的时限，已中止；请简化地块或分批提交 / "
                    + "the analysis exceeded its " + timeout.toSeconds() + " s budget and was abandoned; simplify or split the site");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "服务暂不可用 Service unavailable", "服务器正在停止 / the server is stopping");
        }
    }
}
