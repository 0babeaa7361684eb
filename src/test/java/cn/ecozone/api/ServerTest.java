package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's minimum: health, the collection list, and problem JSON for what does not exist. */
class ServerTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        LayerLoader.Result r = LayerLoader.load(FixtureLayers.write(dir));
        server = EcoZoneServer.start(ServerConfig.defaults(0), r.layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthSaysOkWithLayerAndFeatureCounts() {
        JsonNode h = http.get("/health").json();
        assertEquals("ok", h.get("status").asText());
        assertEquals(3, h.get("layers").asInt());
        assertEquals(4, h.get("features").asInt());
    }

    @Test
    void collectionsListEveryLayerWithCountAndExtent() {
        JsonNode cs = http.get("/collections").json().get("collections");
        assertEquals(3, cs.size());
        JsonNode units = cs.get(1);
        assertEquals("control_unit", units.get("id").asText());
        assertEquals("环境管控单元", units.get("title").asText());
        assertEquals(2, units.get("featureCount").asInt());
        JsonNode bbox = units.at("/extent/spatial/bbox/0");
        assertEquals(113.2, bbox.get(0).asDouble(), 1e-9);
        assertEquals(40.1, bbox.get(3).asDouble(), 1e-9);
    }

    @Test
    void unknownPathsAreProblemJson() {
        Http.Response r = http.get("/no/such/thing");
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.json().get("detail").asText().contains("/no/such/thing"));
    }
}
