package cn.ecozone.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one configuration: defaults < file < environment < flags, checked values, masked secrets. The environment is a map here. */
class ConfigLoaderTest {
    @TempDir Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("ecozone.conf");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void withNothingGivenEveryValueIsTheDocumentedDefault() {
        ConfigLoader.Loaded l = ConfigLoader.load(null, Map.of(), Map.of());
        EcoZoneConfig c = l.config();
        // the values docs/configuration.md promises
        assertEquals(8080, c.server().port());
        assertEquals(Path.of("layers"), c.server().layers());
        assertEquals(Path.of("styles"), c.server().styles());
        assertEquals(Path.of("web"), c.server().web());
        assertNull(c.server().db());
        assertEquals(Mode.EMBEDDED, c.mode());
        assertEquals(10L * 1024 * 1024, c.server().maxBodyBytes());
        assertEquals(64L * 1024 * 1024, c.server().tileCacheBytes());
        assertNull(c.server().jobsDir());
        assertEquals(Set.of("*"), c.access().corsRead());
        assertEquals(Set.of(), c.access().corsWrite());
        assertTrue(c.access().tokens().isEmpty());
        assertEquals(100_000, c.limits().maxVertices());
        assertEquals(10_000, c.limits().maxPageSize());
        assertEquals(Duration.ofSeconds(20), c.limits().analysisTimeout());
        assertEquals(Math.max(4, Runtime.getRuntime().availableProcessors() * 4), c.limits().analysisWorkers());
        assertEquals(300, c.limits().quickMaxCandidates());
        assertEquals(500, c.limits().maxOverlays());
        assertTrue(c.ops().accessLog());
        assertEquals(Duration.ofSeconds(20), c.ops().shutdownTimeout());
        assertEquals(1000, c.ops().compactEdits());
        assertEquals(64L * 1024 * 1024, c.ops().compactBytes());
        for (Setting s : Setting.values()) assertEquals(ConfigLoader.Source.Kind.DEFAULT, l.source(s).kind(), s.key);
        assertEquals(c, EcoZoneConfig.defaults());
    }

    @Test
    void aLaterSourceWinsKeyByKeyDefaultFileEnvironmentFlag() throws IOException {
        Path f = file("""
                # 测试 test
                [server]
                port = 7000
                layers = /srv/layers
                [limits]
                max-vertices = 500
                max-page-size = 50
                [access]
                cors-read = https://a.example, https://b.example
                """);
        Map<String, String> env = Map.of("ECOZONE_PORT", "7100", "ECOZONE_MAX_VERTICES", "600", "ECOZONE_ACCESS_LOG", "off");
        ConfigLoader.Loaded l = ConfigLoader.load(f, env, Map.of("port", "7200"));
        EcoZoneConfig c = l.config();
        assertEquals(7200, c.server().port(), "flag over env over file");
        assertEquals(600, c.limits().maxVertices(), "env over file");
        assertEquals(50, c.limits().maxPageSize(), "file over default");
        assertEquals(Path.of("/srv/layers"), c.server().layers());
        assertEquals(Set.of("https://a.example", "https://b.example"), c.access().corsRead());
        assertFalse(c.ops().accessLog());
        assertEquals(10_000, c.limits().maxResultEntries(), "untouched keys keep their default");

        assertEquals(new ConfigLoader.Source(ConfigLoader.Source.Kind.FLAG, "port"), l.source(Setting.PORT));
        assertEquals(new ConfigLoader.Source(ConfigLoader.Source.Kind.ENV, "ECOZONE_MAX_VERTICES"), l.source(Setting.MAX_VERTICES));
        assertEquals(new ConfigLoader.Source(ConfigLoader.Source.Kind.FILE, f + ":7"), l.source(Setting.MAX_PAGE_SIZE));
        assertEquals(ConfigLoader.Source.Kind.DEFAULT, l.source(Setting.MAX_RESULT_ENTRIES).kind());

        // and without the flag and the environment, the file's values
        EcoZoneConfig fileOnly = ConfigLoader.load(f, Map.of(), Map.of()).config();
        assertEquals(7000, fileOnly.server().port());
        assertEquals(500, fileOnly.limits().maxVertices());
    }

    @Test
    void everyVariableThatWorkedBeforeStillSetsItsValue() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("ECOZONE_TOKENS", "abcdefghijklmn:forester:张三"), Map.entry("ECOZONE_TOKENS_FILE", "/etc/ecozone/tokens"),
                Map.entry("ECOZONE_CORS_READ", "https://r.example"), Map.entry("ECOZONE_CORS_WRITE", "https://w.example"),
                Map.entry("ECOZONE_TIANDITU_KEY", "tk123"), Map.entry("ECOZONE_ACCESS_LOG", "off"),
                Map.entry("ECOZONE_SHUTDOWN_TIMEOUT_MS", "1500"), Map.entry("ECOZONE_JOBS_DIR", "/var/jobs"),
                Map.entry("ECOZONE_MAX_VERTICES", "11"), Map.entry("ECOZONE_MAX_PAGE_SIZE", "12"),
                Map.entry("ECOZONE_ANALYSIS_TIMEOUT_MS", "13"), Map.entry("ECOZONE_ANALYSIS_WORKERS", "14"),
                Map.entry("ECOZONE_QUICK_MAX_CANDIDATES", "15"), Map.entry("ECOZONE_QUICK_MAX_ZONE_VERTICES", "16"),
                Map.entry("ECOZONE_MAX_CANDIDATES", "17"), Map.entry("ECOZONE_MAX_ZONE_VERTICES", "18"),
                Map.entry("ECOZONE_MAX_RESULT_ENTRIES", "19"), Map.entry("ECOZONE_MAX_OVERLAYS", "20"),
                Map.entry("ECOZONE_TILE_CACHE_BYTES", "0"), Map.entry("ECOZONE_COMPACT_EDITS", "5"),
                Map.entry("ECOZONE_COMPACT_BYTES", "4096"), Map.entry("ECOZONE_PG_DUMP", "/opt/pg/bin/pg_dump"));
        EcoZoneConfig c = ConfigLoader.load(null, env, Map.of()).config();
        assertEquals(java.util.List.of("abcdefghijklmn:forester:张三"), c.access().tokens());
        assertEquals(Path.of("/etc/ecozone/tokens"), c.access().tokensFile());
        assertEquals(Set.of("https://r.example"), c.access().corsRead());
        assertEquals(Set.of("https://w.example"), c.access().corsWrite());
        assertEquals("tk123", c.server().tiandituKey());
        assertFalse(c.ops().accessLog());
        assertEquals(Duration.ofMillis(1500), c.ops().shutdownTimeout());
        assertEquals(Path.of("/var/jobs"), c.server().jobsDir());
        assertEquals(new EcoZoneConfig.Limits(11, 12, Duration.ofMillis(13), 14, 15, 16, 17, 18, 19, 20), c.limits());
        assertEquals(0, c.server().tileCacheBytes());
        assertEquals(5, c.ops().compactEdits());
        assertEquals(4096, c.ops().compactBytes());
        assertEquals("/opt/pg/bin/pg_dump", c.ops().pgDump());
    }

    @Test
    void anEmptyVariableCountsAsUnsetButAnEmptyOriginListClosesCors() {
        EcoZoneConfig c = ConfigLoader.load(null, Map.of("ECOZONE_MAX_VERTICES", " ", "ECOZONE_CORS_READ", ""), Map.of()).config();
        assertEquals(100_000, c.limits().maxVertices());
        assertEquals(Set.of(), c.access().corsRead(), "ECOZONE_CORS_READ= (empty) allowed no other origin before, and still does");
    }

    @Test
    void aDatabaseUrlMeansPostgisMode() {
        EcoZoneConfig c = ConfigLoader.load(null, Map.of("ECOZONE_DB", "jdbc:postgresql://db:5432/eco?user=eco&password=pw"), Map.of()).config();
        assertEquals(Mode.POSTGIS, c.mode());
        assertEquals("postgis", c.mode().id());
    }

    @Test
    void theFileCanBeNamedByTheEnvironmentAndTheFlagWins() throws IOException {
        Path a = file("server.port = 7001\n");
        Path b = dir.resolve("b.conf");
        Files.writeString(b, "server.port = 7002\n");
        assertEquals(7001, ConfigLoader.load(null, Map.of("ECOZONE_CONFIG", a.toString()), Map.of()).config().server().port());
        assertEquals(7002, ConfigLoader.load(b, Map.of("ECOZONE_CONFIG", a.toString()), Map.of()).config().server().port());
    }

    @Test
    void anUnknownKeyInTheFileIsNamedWithItsLine() throws IOException {
        Path f = file("server.port = 8080\n\n[limits]\nmax-vertexes = 10\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("未知配置项 \"limits.max-vertexes\""), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key \"limits.max-vertexes\""), e.getMessage());
        assertTrue(e.getMessage().contains(f + ":4"), e.getMessage());
        assertTrue(e.getMessage().contains("limits.max-vertices"), "the keys of the section are suggested: " + e.getMessage());
    }

    @Test
    void aBadNumberIsNamedWithItsKeyAndVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("ECOZONE_MAX_VERTICES", "10万"), Map.of()));
        assertTrue(e.getMessage().contains("limits.max-vertices 应为整数"), e.getMessage());
        assertTrue(e.getMessage().contains("must be a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("ECOZONE_MAX_VERTICES"), e.getMessage());
        assertTrue(e.getMessage().contains("\"10万\""), e.getMessage());
    }

    @Test
    void aPortOutOfRangeIsNamedWithItsFlag() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(), Map.of("port", "70000")));
        assertTrue(e.getMessage().contains("server.port 应在 0 到 65535 之间"), e.getMessage());
        assertTrue(e.getMessage().contains("must be between 0 and 65535"), e.getMessage());
        assertTrue(e.getMessage().contains("--port"), e.getMessage());
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
        ConfigException negative = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("ECOZONE_COMPACT_EDITS", "-1"), Map.of()));
        assertTrue(negative.getMessage().contains("ops.compact-edits 应不小于 0"), negative.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("找不到配置文件 " + missing), e.getMessage());
        assertTrue(e.getMessage().contains("config file not found: " + missing), e.getMessage());
    }

    @Test
    void otherMistakesInTheFileAreRefusedToo() throws IOException {
        Path noEquals = file("server.port 8080\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(noEquals, Map.of(), Map.of())).getMessage()
                .contains("expected key = value"));
        Path twice = file("server.port = 1\nserver.port = 2\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(twice, Map.of(), Map.of())).getMessage()
                .contains("server.port given twice"));
        Path badBool = file("ops.access-log = maybe\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(badBool, Map.of(), Map.of())).getMessage()
                .contains("ops.access-log must be on or off"));
        Path badDb = file("server.db = postgres://h/db?password=hunter2\n");
        String m = assertThrows(ConfigException.class, () -> ConfigLoader.load(badDb, Map.of(), Map.of())).getMessage();
        assertTrue(m.contains("must be a jdbc:postgresql:// URL"), m);
        assertFalse(m.contains("hunter2"), "the password is not echoed: " + m);
    }

    @Test
    void unknownEcozoneVariablesAreWarnedAboutNotFatal() {
        ConfigLoader.Loaded l = ConfigLoader.load(null, Map.of("ECOZONE_PROT", "1", "PATH", "/bin"), Map.of());
        assertEquals(1, l.warnings().size(), l.warnings().toString());
        assertTrue(l.warnings().get(0).contains("ECOZONE_PROT"));
    }

    @Test
    void printingMasksTokensTheDatabasePasswordAndTheTiandituKey() {
        Map<String, String> env = Map.of("ECOZONE_TOKENS", "secret-token-1234:admin:管理员,other-token-56789:forester:林业员",
                "ECOZONE_DB", "jdbc:postgresql://db.example:5432/eco?user=eco&password=hunter2&ssl=true",
                "ECOZONE_TIANDITU_KEY", "tdt-key-9f8e7d");
        ConfigLoader.Loaded l = ConfigLoader.load(null, env, Map.of("port", "9000"));
        String printed = l.describe();
        for (String secret : new String[]{"secret-token-1234", "other-token-56789", "hunter2", "tdt-key-9f8e7d"}) {
            assertFalse(printed.contains(secret), secret + " printed:\n" + printed);
        }
        assertTrue(printed.contains("access.tokens = **** (2 项 entries)"), printed);
        assertTrue(printed.contains("server.db = jdbc:postgresql://db.example:5432/eco?user=eco&password=****&ssl=true"), printed);
        assertTrue(printed.contains("map.tianditu-key = ****"), printed);
        assertTrue(printed.contains("mode = postgis"), printed);
        assertTrue(printed.matches("(?s).*server\\.port = 9000 +# 参数 flag --port\n.*"), printed);
        assertTrue(printed.matches("(?s).*limits\\.max-vertices = 100000 +# 默认 default\n.*"), printed);
        assertTrue(printed.matches("(?s).*access\\.tokens = .*# 环境变量 env ECOZONE_TOKENS\n.*"), printed);
        // a password in the user-info part too
        assertEquals("jdbc:postgresql://eco:****@db/eco", ConfigLoader.masked(Setting.DB, "jdbc:postgresql://eco:pw@db/eco"));
        // one line per setting plus mode and two comment lines
        assertEquals(Setting.values().length + 3, printed.lines().count(), printed);
    }

    @Test
    void theMapAndStylesAreFoundBesideTheProgramWhenStartedFromAnotherFolder() throws IOException {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Path target = Files.createDirectories(checkout.resolve("target"));
        Files.writeString(Files.createDirectories(checkout.resolve("web")).resolve("index.html"), "<html>");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        var dflt = ConfigLoader.Source.DEFAULT;
        // started in the checkout: the relative default, as before
        assertEquals(Path.of("web"), ConfigLoader.programAsset(Path.of("web"), dflt, checkout, target, "index.html"));
        // started elsewhere: the folder beside the jar's folder (target/..)
        assertEquals(checkout.resolve("web"), ConfigLoader.programAsset(Path.of("web"), dflt, elsewhere, target, "index.html"));
        // an install keeps the folders beside the jar itself
        Path opt = Files.createDirectories(dir.resolve("opt"));
        Files.writeString(Files.createDirectories(opt.resolve("styles")).resolve("control_unit.json"), "{}");
        assertEquals(opt.resolve("styles"), ConfigLoader.programAsset(Path.of("styles"), dflt, elsewhere, opt, "control_unit.json"));
        // a folder of the same name that is not EcoZone's (e.g. another build's web/ in /tmp) is not taken
        Files.createDirectories(opt.resolve("web"));
        assertEquals(Path.of("web"), ConfigLoader.programAsset(Path.of("web"), dflt, elsewhere, opt, "index.html"));
        // nowhere: the default stays (and serve warns), never a folder further up
        Files.writeString(Files.createDirectories(dir.resolve("web")).resolve("index.html"), "<html>");
        assertEquals(Path.of("web"), ConfigLoader.programAsset(Path.of("web"), dflt, elsewhere, opt.resolve("lib"), "index.html"));
        // a configured value is taken as given, even when missing
        var flag = new ConfigLoader.Source(ConfigLoader.Source.Kind.FLAG, "web");
        assertEquals(Path.of("web"), ConfigLoader.programAsset(Path.of("web"), flag, elsewhere, target, "index.html"));
    }

    @Test
    void aMissingWebFolderIsAWarningNamingTheFlag() {
        var loaded = ConfigLoader.load(null, Map.of(), Map.of("web", dir.resolve("no-such-web").toString()));
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.contains("--web") && w.contains("no-such-web")), loaded.warnings().toString());
        var fine = ConfigLoader.load(null, Map.of(), Map.of());
        assertTrue(fine.warnings().isEmpty(), fine.warnings().toString());
    }
}
