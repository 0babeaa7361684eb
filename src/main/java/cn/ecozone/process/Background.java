package cn.ecozone.process;

import java.util.function.Supplier;

/**
 * Where a job's analyses run. The server hands them to the bounded analysis pool behind interactive requests (an
 * analysis waits while interactive ones are in flight); the CLI runs them on the calling thread.
 */
@FunctionalInterface
public interface Background {
    <T> T run(Supplier<T> analysis) throws InterruptedException;

    Background DIRECT = new Background() {
        @Override
        public <T> T run(Supplier<T> analysis) throws InterruptedException {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
            return analysis.get();
        }
    };
}
