package cn.ecozone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access log's queue is bounded: lines beyond it are dropped and counted, never waited for; a line's JSON. */
class AccessLogWriterTest {
    static AccessLogWriter.Line line(int i) {
        return new AccessLogWriter.Line(Instant.parse("2026-12-02T06:00:00Z"), "id-" + i, "GET", "/health", "/health", 200, 1_234_567, 99, "127.0.0.1");
    }

    @Test
    void linesBeyondTheQueueAreDroppedAndCounted() {
        Counter dropped = new SimpleMeterRegistry().counter("dropped");
        AccessLogWriter w = new AccessLogWriter(NOPLogger.NOP_LOGGER, dropped, false); // nothing drains until close
        for (int i = 0; i < AccessLogWriter.MAX_QUEUED + 5; i++) w.add(line(i));
        assertEquals(5.0, dropped.count());
        w.close();
        w = new AccessLogWriter(NOPLogger.NOP_LOGGER, dropped, false);
        w.add(line(0));
        assertEquals(5.0, dropped.count(), "after close the queue was drained: nothing more dropped");
        w.close();
    }

    @Test
    void aLineIsOneJsonObjectWithEveryField() throws Exception {
        JsonNode j = new ObjectMapper().readTree(AccessLogWriter.json(line(7)));
        assertEquals("2026-12-02T06:00:00Z", j.get("time").asText());
        assertEquals("id-7", j.get("requestId").asText());
        assertEquals("GET", j.get("method").asText());
        assertEquals("/health", j.get("route").asText());
        assertEquals("/health", j.get("path").asText());
        assertEquals(200, j.get("status").asInt());
        assertEquals(1.23, j.get("durationMs").asDouble(), 0.0);
        assertEquals(99, j.get("bytes").asLong());
        assertEquals("127.0.0.1", j.get("client").asText());
        assertEquals(9, j.size());
    }

    @Test
    void theLineIsTheOneJacksonWroteForAnyText() {
        java.util.Random rnd = new java.util.Random(11);
        String alphabet = "/?&=%.-_aZ09\"\\\u007f\u0080é中文路径🌲\u2028";
        int escaped = 0;
        for (int k = 0; k < 20_000; k++) {
            StringBuilder path = new StringBuilder("/");
            for (int i = rnd.nextInt(60); i > 0; i--) {
                int pick = rnd.nextInt(10);
                path.append(pick == 0 ? (char) rnd.nextInt(0x20) : alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String p = path.toString();
            if (p.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\')) escaped++;
            long nanos = switch (k % 4) {
                case 0 -> rnd.nextInt(1000);
                case 1 -> rnd.nextInt(10_000_000);
                case 2 -> (long) (rnd.nextDouble() * 1e12);
                default -> Math.abs(rnd.nextLong());
            };
            AccessLogWriter.Line l = new AccessLogWriter.Line(Instant.ofEpochMilli(rnd.nextLong() >>> 22).plusNanos(rnd.nextInt(1_000_000)),
                    k % 9 == 0 ? null : Long.toHexString(rnd.nextLong()), k % 5 == 0 ? "PA\"TCH" : "GET", k % 7 == 0 ? "unmatched" : p,
                    p, 100 + rnd.nextInt(500), nanos, k % 3 == 0 ? -1 : rnd.nextLong() & Long.MAX_VALUE, k % 11 == 0 ? null : "10.0.0." + k % 256);
            assertEquals(AccessLogWriter.jsonByJackson(l), AccessLogWriter.json(l));
        }
        org.junit.jupiter.api.Assertions.assertTrue(escaped > 5000, "paths with characters to escape: " + escaped);
    }

    /** An output that remembers each write. */
    static final class Writes extends OutputStream {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final List<byte[]> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            all.write(b, off, len);
            byte[] w = new byte[len];
            System.arraycopy(b, off, w, 0, len);
            writes.add(w);
        }
    }

    @Test
    void theBatchedLinesAreTheLoggersLinesByteForByteInWholeLineWritesOfAtMostPipeBuf() throws Exception {
        Logger log = LoggerFactory.getLogger("ecozone.access");
        assertTrue(log.isInfoEnabled(), "slf4j-simple's default level prints the access log");
        Random rnd = new Random(11);
        List<AccessLogWriter.Line> lines = new ArrayList<>();
        String[] paths = {"/health", "/analysis/identify?lon=112.5&lat=37.8", "/collections/红线/items?q=\"引号\"\\", "/a\u0001\t\u2028😀"};
        for (int i = 0; i < 3_000; i++) {
            String path = i % 500 == 7 ? "/x".repeat(1_000 + rnd.nextInt(3_000)) // longer than one write
                    : paths[rnd.nextInt(paths.length)] + "/" + rnd.nextInt(1_000_000);
            lines.add(new AccessLogWriter.Line(Instant.ofEpochMilli(1_790_000_000_000L + rnd.nextInt(1_000_000_000)), Long.toHexString(rnd.nextLong()),
                    rnd.nextBoolean() ? "GET" : "POST", rnd.nextInt(10) == 0 ? null : "/collections/{collectionId}/items", path,
                    200 + rnd.nextInt(400), rnd.nextLong() >>> rnd.nextInt(64), rnd.nextInt(1 << 20), "127.0.0." + rnd.nextInt(256)));
        }
        PrintStream saved = System.err;
        ByteArrayOutputStream byTheLogger = new ByteArrayOutputStream();
        Writes batched = new Writes();
        try {
            // what the logger printed, a line per call, from the writer's thread (slf4j-simple names the calling thread)
            System.setErr(new PrintStream(byTheLogger, true, StandardCharsets.UTF_8));
            Thread t = new Thread(() -> lines.forEach(l -> log.info(AccessLogWriter.json(l))), "access-log");
            t.start();
            t.join();
            System.setErr(new PrintStream(batched, true, StandardCharsets.UTF_8));
            AccessLogWriter w = new AccessLogWriter(log, new SimpleMeterRegistry().counter("dropped"), false);
            lines.forEach(w::add);
            w.close(); // drains what is queued
        } finally {
            System.setErr(saved);
        }
        assertArrayEquals(byTheLogger.toByteArray(), batched.all.toByteArray());
        int lineWrites = 0;
        for (byte[] w : batched.writes) {
            assertEquals('\n', w[w.length - 1], "every write ends a line");
            int newlines = 0;
            for (byte b : w) if (b == '\n') newlines++;
            assertTrue(w.length <= AccessLogWriter.MAX_WRITE || newlines == 1, "a write of " + w.length + " bytes holds " + newlines + " lines");
            lineWrites += newlines;
        }
        assertEquals(lines.size(), lineWrites);
        assertTrue(batched.writes.size() < lines.size() / 5, batched.writes.size() + " writes for " + lines.size() + " lines");
    }
}
