package cn.ecozone.hardening;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.Limits;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits are configuration: vertex count, page size and the analysis time budget each take effect as set. */
class LimitsTest {
    static String circle(double lon, double lat, double radiusDeg, int vertices) {
        StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int k = 0; k <= vertices; k++) {
            double a = 2 * Math.PI * (k % vertices) / vertices;
            b.append(String.format(Locale.ROOT, "%s[%.7f,%.7f]", k == 0 ? "" : ",", lon + radiusDeg * Math.cos(a) * 1.3, lat + radiusDeg * Math.sin(a)));
        }
        return b.append("]]}").toString();
    }

    EcoZoneServer start(Limits limits) {
        return EcoZoneServer.start(ServerConfig.defaults(0).withLimits(limits), LayerLoader.load(Path.of("layers")).layers());
    }

    @Test
    void vertexCountAndPageSizeFollowTheConfiguration() {
        try (EcoZoneServer server = start(new Limits(50, 5, Duration.ofSeconds(20), 2))) {
            Http http = new Http(server.port());
            Http.Response big = http.post("/analysis/site-check", "application/json", circle(113.3, 40.1, 0.01, 60));
            assertEquals(413, big.status(), big.body());
            assertTrue(big.json().get("detail").asText().contains("50"), big.body());
            assertEquals(200, http.post("/analysis/site-check", "application/json", circle(113.3, 40.1, 0.01, 40)).status());

            Http.Response page = http.get("/collections/restoration/items?limit=100");
            assertEquals(5, page.json().get("numberReturned").asInt());
            assertTrue(page.body().contains("\"rel\":\"next\""), "a capped page still links to the next one");
            assertEquals(5, http.get("/api").json().at("/components/parameters/limit/schema/maximum").asInt());
        }
    }

    @Test
    void aSiteCheckPastItsTimeBudgetGetsA503AndTheServerCarriesOn() {
        try (EcoZoneServer server = start(new Limits(100_000, 10_000, Duration.ofMillis(1), 2))) {
            Http http = new Http(server.port());
            // with a 1 ms budget a loaded machine may not even start the pool's task in time: that answer is the
            // "busy" 503 (the queue, not the analysis); every answer is a 503, and once the task starts it is the time limit
            Http.Response slow = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                slow = http.post("/analysis/site-check", "application/json", circle(113.3, 40.1, 0.3, 20_000));
                assertEquals(503, slow.status(), slow.body());
                if (slow.json().get("detail").asText().contains("时限")) break;
                assertTrue(slow.json().get("detail").asText().contains("队列"), slow.body());
            }
            assertTrue(slow.json().get("detail").asText().contains("时限"), slow.body());
            assertEquals(200, http.get("/health").status());
        }
    }
}
