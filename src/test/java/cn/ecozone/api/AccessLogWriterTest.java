package cn.ecozone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
