package cn.ecozone.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL + PostGIS cluster on loopback, on a free port, in a temp folder, started from
 * Debian's binaries and removed when the JVM exits. One per test JVM ({@link #shared()}); each test class
 * takes its own database. Throws (so the test fails, never skips) when PostGIS is not installed.
 */
public final class PostgisCluster {
    private static PostgisCluster shared;
    private static final AtomicInteger DB_COUNTER = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    private PostgisCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = "root".equals(System.getProperty("user.name"));
    }

    public static synchronized PostgisCluster shared() {
        if (shared == null) {
            shared = startNew();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy));
        }
        return shared;
    }

    /** A separate cluster that the caller stops with {@link #destroy()} (for tests that stop the database). */
    public static PostgisCluster startNew() {
        Path bin = findBin();
        try {
            Path dir = Files.createTempDirectory("ecozone-pg-");
            PostgisCluster c = new PostgisCluster(bin, dir, freePort());
            c.init();
            c.start();
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("无法启动测试用 PostgreSQL / cannot start a test PostgreSQL cluster", e);
        }
    }

    private static Path findBin() {
        Path base = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(base) ? Files.list(base) : Stream.empty()) {
            Path bin = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL 未安装：运行 .ci/test 安装 / PostgreSQL server not installed (run .ci/test, which installs postgresql-15-postgis-3)"));
            Path control = Path.of("/usr/share/postgresql", bin.getParent().getFileName().toString(), "extension", "postgis.control");
            if (!Files.exists(control)) {
                throw new IllegalStateException("PostGIS 未安装 / PostGIS extension not installed: " + control + " missing (run .ci/test)");
            }
            return bin;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void init() {
        if (root) exec("chown", "-R", "postgres:postgres", dir.toString());
        execAsPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-locale");
    }

    public void start() {
        execAsPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "-w", "start");
    }

    /** Stops the server at once (as a crash would), keeping the data for {@link #start()}. */
    public void stop() {
        execAsPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    public void destroy() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp folder; best effort
        }
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** A new empty database with PostGIS enabled; returns its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + DB_COUNTER.incrementAndGet()).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(url(name)); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION postgis");
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE EXTENSION postgis 失败", e);
        }
        return url(name);
    }

    private void execAsPostgres(String... cmd) {
        List<String> full = new ArrayList<>();
        if (root) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(cmd));
        exec(full.toArray(String[]::new));
    }

    private void exec(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("命令失败 / command failed: " + String.join(" ", cmd) + "\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
