package cn.ecozone.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * An EcoZone server in its own JVM ({@code cn.ecozone.cli.Main serve} on the test class path), for the tests that
 * SIGKILL or SIGTERM it: its output goes to a log file, which failures quote.
 */
public final class ServerProcess {
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> removedEnv = new ArrayList<>();
    private final Path log;

    /** {@code serve --port PORT} plus {@code more}, logging to {@code log}. */
    public ServerProcess(int port, Path log, String... more) {
        this.log = log;
        args.addAll(List.of("serve", "--port", String.valueOf(port)));
        args.addAll(List.of(more));
        removedEnv.add("ECOZONE_TOKENS_FILE"); // the developer's own tokens never leak into a test server
    }

    public ServerProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ServerProcess args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    public Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "cn.ecozone.cli.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        removedEnv.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    /** Waits (up to 90 s) until {@code /health} answers 200; fails with the log if the process exits or never answers. */
    public static void waitUntilUp(int port, Process p, Path log) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) fail("server exited: " + readLog(log));
            try {
                if (c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("server did not start: " + readLog(log));
    }

    public static String readLog(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
