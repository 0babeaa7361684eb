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
}
