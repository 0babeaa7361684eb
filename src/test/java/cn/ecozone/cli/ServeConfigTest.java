package cn.ecozone.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve --config FILE … --print-config}: the effective configuration through the command line. */
class ServeConfigTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    private static Run serve(Map<String, String> env, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new ServeCommand(env).run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path conf(String text) throws Exception {
        Path f = dir.resolve("ecozone.conf");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void printConfigShowsEachValueWithItsSourceAndExitsZero() throws Exception {
        Path f = conf("[server]\nport = 7000\nlayers = /srv/eco/layers\n[limits]\nmax-vertices = 500\nmax-page-size = 40\n"
                + "[access]\ntokens = file-token-abcdef:admin:文件管理员\n");
        Run r = serve(Map.of("ECOZONE_MAX_VERTICES", "600", "ECOZONE_PORT", "7100"), "--config", f.toString(), "--port", "7200", "--print-config");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*server\\.port = 7200 +# 参数 flag --port\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*limits\\.max-vertices = 600 +# 环境变量 env ECOZONE_MAX_VERTICES\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*limits\\.max-page-size = 40 +# 文件 file " + java.util.regex.Pattern.quote(f + ":6") + "\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*server\\.layers = /srv/eco/layers +# 文件 file .*"), r.out());
        assertTrue(r.out().matches("(?s).*limits\\.max-overlays = 500 +# 默认 default\n.*"), r.out());
        assertTrue(r.out().contains("mode = embedded"), r.out());
        assertFalse(r.out().contains("file-token-abcdef"), r.out());
        assertTrue(r.out().contains("access.tokens = **** (1 项 entries)"), r.out());
        assertFalse(r.out().contains("已启动"), "it printed and stopped, serving nothing: " + r.out());
    }

    @Test
    void smokeTestAnswersAVisitorsAndAPlannersFirstRequestsThenStopsAndFailsWhenOneFails() throws Exception {
        Path layers = Files.createDirectories(dir.resolve("smoke-layers"));
        try (var files = Files.list(Path.of("layers"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jsonl")).toList()) {
                Files.copy(f, layers.resolve(f.getFileName()));
            }
        }
        CliTest.Run ok = CliTest.run("serve", "--port", "0", "--layers", layers.toString(), "--smoke-test");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("POST /analysis/site-check → 200"), ok.out());
        assertTrue(ok.out().contains("GET /map/ → 200"), ok.out());
        assertTrue(ok.out().contains("smoke test passed"), ok.out());
        // without the web map's folder the map page cannot answer: the smoke test says so and exits 1
        CliTest.Run broken = CliTest.run("serve", "--port", "0", "--layers", layers.toString(), "--web", dir.resolve("no-web").toString(),
                "--smoke-test");
        assertEquals(1, broken.code(), broken.out() + broken.err());
        assertTrue(broken.out().contains("smoke test failed"), broken.out());
    }

    @Test
    void printConfigThroughMainNeedsNoLayersFolder() {
        CliTest.Run r = CliTest.run("serve", "--layers", dir.resolve("missing").toString(), "--db",
                "jdbc:postgresql://localhost/eco?user=eco&password=s3cret-pw", "--print-config");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("mode = postgis"), r.out());
        assertTrue(r.out().contains("password=****"), r.out());
        assertFalse(r.out().contains("s3cret-pw"), r.out());
    }

    @Test
    void wrongConfigurationExitsTwoNamingTheKeyAndItsSource() throws Exception {
        Run port = serve(Map.of(), "--port", "70000", "--print-config");
        assertEquals(2, port.code());
        assertTrue(port.err().contains("server.port") && port.err().contains("--port") && port.err().contains("65535"), port.err());

        Run number = serve(Map.of("ECOZONE_ANALYSIS_WORKERS", "many"), "--print-config");
        assertEquals(2, number.code());
        assertTrue(number.err().contains("limits.analysis-workers 应为整数") && number.err().contains("ECOZONE_ANALYSIS_WORKERS"), number.err());

        Path f = conf("[server]\nprot = 1\n");
        Run unknown = serve(Map.of(), "--config", f.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown key \"server.prot\"") && unknown.err().contains(f + ":2"), unknown.err());

        Run missing = serve(Map.of(), "--config", dir.resolve("absent.conf").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("config file not found: " + dir.resolve("absent.conf")), missing.err());

        Run token = serve(Map.of("ECOZONE_TOKENS", "short:admin:x"), "--print-config");
        assertEquals(2, token.code());
        assertTrue(token.err().contains("access.tokens") && token.err().contains("ECOZONE_TOKENS"), token.err());
        assertFalse(token.err().contains("short:admin"), "the token itself is not echoed: " + token.err());

        Run tokensFile = serve(Map.of(), "--tokens", dir.resolve("no-tokens.txt").toString(), "--print-config");
        assertEquals(2, tokensFile.code());
        assertTrue(tokensFile.err().contains("access.tokens-file") && tokensFile.err().contains("--tokens"), tokensFile.err());
    }

    @Test
    void aWrongFlagThroughMainIsAUsageError() {
        CliTest.Run r = CliTest.run("serve", "--prot", "1", "--print-config");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown option --prot"), r.err());
    }

    /** The production path reads the real environment of the process (here a child JVM's). */
    @Test
    void serveReadsTheProcessEnvironment() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "cn.ecozone.cli.Main",
                "serve", "--print-config"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ECOZONE_"));
        pb.environment().put("ECOZONE_MAX_PAGE_SIZE", "77");
        pb.environment().put("ECOZONE_TIANDITU_KEY", "child-tdt-secret");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("(?s).*limits\\.max-page-size = 77 +# 环境变量 env ECOZONE_MAX_PAGE_SIZE\n.*"), out);
        assertTrue(out.contains("map.tianditu-key = ****"), out);
        assertFalse(out.contains("child-tdt-secret"), out);
    }
}
