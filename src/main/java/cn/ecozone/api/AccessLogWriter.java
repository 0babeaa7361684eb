package cn.ecozone.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log off the request threads: a request queues its line (no formatting, no I/O, no lock, no wake-up of
 * another thread) and one thread writes what is queued every {@value #PERIOD_MS} ms. Writing the line on the request
 * thread (format, print, flush to standard error) cost ≈ 45 µs of CPU per request under the test runner and held the
 * request whenever the output's reader was slow; with a full queue ({@value #MAX_QUEUED} lines) lines are dropped and
 * counted ({@code ecozone_access_dropped_total}), never waited for: a request's cost stays bounded whatever the log
 * output does.
 * <p>
 * The lines are the ones the logger {@code ecozone.access} printed through slf4j-simple ({@code [access-log] INFO
 * ecozone.access - {…}}; the logger still decides whether they are written), but written to standard error here, whole
 * lines at a time in writes of at most {@value #MAX_WRITE} bytes (atomic on a pipe, so another thread's log line never
 * lands inside one), instead of one write and flush per line: with a line per request written every 100 ms, the burst
 * of writes took a core from the requests long enough to raise the site check's p99 by ≈ 45 % (HttpTailProbe, access
 * log on against off, docs/benchmarks/strongest-baseline.md).
 */
final class AccessLogWriter implements AutoCloseable {
    static final int MAX_QUEUED = 20_000;
    static final long PERIOD_MS = 20;
    /** At most this many bytes per write: PIPE_BUF on Linux, below which a write to a pipe is never interleaved with another. */
    static final int MAX_WRITE = 4096;

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
        Batch out = on ? new Batch(System.err, prefix(log)) : null;
        for (Line l = queue.poll(); l != null; l = queue.poll()) {
            queued.decrementAndGet();
            if (on) out.add(json(l));
        }
        if (on) out.flush();
    }

    /** What slf4j-simple printed before the message, with its defaults: the thread's name, the level, the logger's name. */
    static String prefix(Logger log) {
        return "[access-log] INFO " + log.getName() + " - ";
    }

    /** Whole lines gathered into writes of at most {@link #MAX_WRITE} bytes. */
    static final class Batch {
        private final PrintStream out;
        private final byte[] prefix;
        private final byte[] newline = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
        private final byte[] buffer = new byte[MAX_WRITE];
        private int length;

        Batch(PrintStream out, String prefix) {
            this.out = out;
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        }

        void add(String message) {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            int n = prefix.length + text.length + newline.length;
            if (length + n > buffer.length) flush();
            if (n > buffer.length) { // a line longer than one write (a very long path): written alone
                byte[] line = new byte[n];
                System.arraycopy(prefix, 0, line, 0, prefix.length);
                System.arraycopy(text, 0, line, prefix.length, text.length);
                System.arraycopy(newline, 0, line, prefix.length + text.length, newline.length);
                write(line, n);
                return;
            }
            System.arraycopy(prefix, 0, buffer, length, prefix.length);
            System.arraycopy(text, 0, buffer, length + prefix.length, text.length);
            System.arraycopy(newline, 0, buffer, length + prefix.length + text.length, newline.length);
            length += n;
        }

        void flush() {
            if (length > 0) write(buffer, length);
            length = 0;
        }

        private void write(byte[] bytes, int n) {
            // a failing output (PrintStream keeps the error to itself) loses these lines, not the next ones
            out.write(bytes, 0, n);
            out.flush();
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
