package cn.ecozone.api;

import cn.ecozone.config.Mode;
import cn.ecozone.layer.CompactionPolicy;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test-facing factories give pure defaults; the mode is an enum that /health still reports as "embedded"/"postgis". */
class ServerConfigTest {
    @TempDir Path dir;

    @Test
    void theFactoriesArePureDefaults() {
        ServerConfig c = ServerConfig.defaults(0);
        assertEquals(0, c.tokens().size(), "no tokens unless given (the environment is read only by serve)");
        assertEquals(Limits.DEFAULTS, c.limits());
        assertEquals(CorsPolicy.DEFAULT, c.cors());
        assertEquals(CompactionPolicy.DEFAULTS, c.compaction());
        assertEquals(Mode.EMBEDDED, c.mode());
        assertEquals(Path.of("layers"), c.layersDir());
        assertEquals(10L * 1024 * 1024, c.maxBodyBytes());
        ServerConfig old = new ServerConfig(8080, Path.of("a"), Path.of("b"), Path.of("c"), 99, "postgis");
        assertEquals(Mode.POSTGIS, old.mode());
        assertEquals(Path.of("b"), old.stylesDir());
        assertEquals(99, old.maxBodyBytes());
        assertEquals(0, old.tokens().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ServerConfig(0, Path.of("a"), Path.of("b"), Path.of("c"), 1, "cloud"));
        assertTrue(e.getMessage().contains("mode must be embedded or postgis"), e.getMessage());
    }

    @Test
    void withLimitsChangesTheOneConfiguration() {
        Limits tight = new Limits(10, 20, Duration.ofSeconds(3), 2);
        ServerConfig c = ServerConfig.defaults(0).withLimits(tight);
        assertEquals(tight, c.limits());
        assertEquals(10, c.settings().limits().maxVertices());
        assertEquals(Set.of("*"), c.settings().access().corsRead(), "the rest unchanged");
    }

    @Test
    void healthReportsTheModeByItsName() {
        var layers = LayerLoader.load(RestorationFixture.write(dir)).layers();
        try (EcoZoneServer embedded = EcoZoneServer.start(ServerConfig.defaults(0), layers)) {
            assertEquals("embedded", new Http(embedded.port()).get("/health").json().get("mode").asText());
        }
        ServerConfig postgis = new ServerConfig(0, dir, dir.resolve("styles"), dir.resolve("web"), ServerConfig.DEFAULT_MAX_BODY_BYTES, "postgis");
        try (EcoZoneServer server = EcoZoneServer.start(postgis, LayerLoader.load(dir).layers())) {
            assertEquals("postgis", new Http(server.port()).get("/health").json().get("mode").asText());
        }
    }
}
