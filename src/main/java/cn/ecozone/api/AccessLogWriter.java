package cn.ecozone.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log off the request threads: a request queues its line (no formatting, no I/O, no lock, no wake-up of
 * another thread) and one thread writes what is queued every {@value #PERIOD_MS} ms, each line through the logger
 * {@code ecozone.access} as before. Writing the line on the request thread (format, print, flush to standard error)
 * cost ≈ 45 µs of CPU per request under the test runner and held the request whenever the output's reader was
 * slow; with a full queue ({@value #MAX_QUEUED} lines) lines are dropped and counted ({@code
 * ecozone_access_dropped_total}), never waited for: a request's cost stays bounded whatever the log output does.
 */
final class AccessLogWriter implements AutoCloseable {
    static final int MAX_QUEUED = 20_000;
    static final long PERIOD_MS = 100;

    /** One request's line, formatted by the writer. */
    record Line(Instant time, String requestId, String method, String route, String path, int status, long nanos, long bytes, String client) {}

    private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Logger log;
    private final Counter dropped;
    private final Thread thread;
    private volatile boolean closed;

    AccessLogWriter(Logger log, Counter dropped) {
        this(log, dropped, true);
    }

    /** @param start false: no writing thread until {@link #close} (for tests that fill the queue) */
    AccessLogWriter(Logger log, Counter dropped, boolean start) {
        this.log = log;
        this.dropped = dropped;
        this.thread = new Thread(this::run, "access-log");
        thread.setDaemon(true);
        if (start) thread.start();
    }

    void add(Line line) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.add(line);
    }

    private void run() {
        while (!closed) {
            drain();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
        }
        drain();
    }

    private void drain() {
        boolean on = log.isInfoEnabled();
        for (Line l = queue.poll(); l != null; l = queue.poll()) {
            queued.decrementAndGet();
            if (!on) continue;
            try {
                log.info(json(l));
            } catch (RuntimeException e) {
                // the log output failed: the next lines are tried all the same
            }
        }
    }

    /**
     * {"time", "requestId", "method", "route", "path", "status", "durationMs", "bytes", "client"}: the line Jackson's
     * generator wrote ({@link #jsonByJackson}, held to it by AccessLogWriterTest), written into one builder with the
     * same escaping — the generator and its writer per line were half of the access-log thread's CPU samples under
     * load (the thread shares the cores with the requests).
     */
    static String json(Line l) {
        StringBuilder b = new StringBuilder(160 + (l.path() == null ? 0 : l.path().length()));
        b.append("{\"time\":");
        string(b, l.time() == null ? null : l.time().toString());
        b.append(",\"requestId\":");
        string(b, l.requestId());
        b.append(",\"method\":");
        string(b, l.method());
        b.append(",\"route\":");
        string(b, l.route());
        b.append(",\"path\":");
        string(b, l.path());
        b.append(",\"status\":").append(l.status());
        b.append(",\"durationMs\":").append(Math.round(l.nanos() / 1e4) / 100.0);
        b.append(",\"bytes\":").append(l.bytes());
        b.append(",\"client\":");
        string(b, l.client());
        return b.append('}').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A JSON string as Jackson writes it by default: quote, backslash and control characters escaped, nothing else. */
    private static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        int from = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            b.append(s, from, i).append('\\');
            switch (c) {
                case '"', '\\' -> b.append(c);
                case '\b' -> b.append('b');
                case '\t' -> b.append('t');
                case '\n' -> b.append('n');
                case '\f' -> b.append('f');
                case '\r' -> b.append('r');
                default -> b.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            from = i + 1;
        }
        b.append(s, from, s.length()).append('"');
    }

    /** The line as Jackson's generator writes it (what {@link #json} gives; for tests). */
    static String jsonByJackson(Line l) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", l.time() == null ? null : l.time().toString());
            g.writeStringField("requestId", l.requestId());
            g.writeStringField("method", l.method());
            g.writeStringField("route", l.route());
            g.writeStringField("path", l.path());
            g.writeNumberField("status", l.status());
            g.writeNumberField("durationMs", Math.round(l.nanos() / 1e4) / 100.0);
            g.writeNumberField("bytes", l.bytes());
            g.writeStringField("client", l.client());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes what is queued and stops the thread. */
    @Override
    public void close() {
        closed = true;
        if (thread.getState() == Thread.State.NEW) {
            drain();
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
