package cn.ecozone.api;

import cn.ecozone.config.Mode;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /health}: the bytes written straight are the ones Jackson wrote from the map, for any mode and counts. */
class HealthRoutesTest {
    @TempDir Path dir;

    @Test
    void theBodyIsWhatJacksonWroteFromTheMap() throws Exception {
        Random rnd = new Random(1);
        for (Mode mode : Mode.values()) {
            HealthRoutes routes = new HealthRoutes(null, mode);
            for (int k = 0; k < 2000; k++) {
                int layers = k % 7 == 0 ? rnd.nextInt(3) : rnd.nextInt(200);
                long features = switch (k % 4) {
                    case 0 -> 0;
                    case 1 -> rnd.nextInt(1000);
                    case 2 -> Long.MAX_VALUE - rnd.nextInt(10);
                    default -> rnd.nextLong() & Long.MAX_VALUE;
                };
                assertArrayEquals(Json.MAPPER.writeValueAsBytes(HealthRoutes.map(mode, layers, features)), routes.body(layers, features),
                        mode + " " + layers + " " + features);
            }
        }
    }

    @Test
    void overHttpWithAndWithoutCompression() {
        LayerSet layers = LayerLoader.load(FixtureLayers.write(dir)).layers();
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers)) {
            Http http = new Http(server.port());
            for (String[] headers : new String[][] {{}, {"Accept-Encoding", "identity"}}) {
                Http.Response r = http.get("/health", headers);
                assertEquals(200, r.status());
                assertEquals("application/json", r.contentType());
                assertEquals("no-store", r.header("Cache-Control"));
                assertEquals("nosniff", r.header("X-Content-Type-Options"));
                assertEquals("{\"status\":\"ok\",\"mode\":\"embedded\",\"layers\":3,\"features\":4}", r.body());
            }
        }
    }
}
