package cn.ecozone.ops;

import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.LayerDef;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostGIS mode backup: {@code pg_dump --format=custom} of EcoZone's tables ({@code ecozone_*}, each catalog layer's
 * table and its {@code _history}) into {@code ecozone.dump}. pg_dump reads one consistent snapshot (one transaction)
 * while servers keep serving. The connection comes from the JDBC URL (host, port, database, user, password passed in
 * libpq's environment, never on the command line); {@code ops.pg-dump} (env {@code ECOZONE_PG_DUMP}) names the pg_dump binary, else PATH or the
 * newest {@code /usr/lib/postgresql/<n>/bin/pg_dump}.
 */
public final class PgDump {
    public static final String DUMP_FILE = "ecozone.dump";

    private PgDump() {}

    /**
     * @param pgDump the pg_dump binary configured by {@code ops.pg-dump} ({@code ECOZONE_PG_DUMP}), or null to look for it
     * @param schema a stored version's schema (already validated), dumped whole with its {@code CREATE SCHEMA} so that
     *               pg_restore recreates it; null for the default schema's EcoZone tables
     */
    public static Path dump(String jdbcUrl, Catalog catalog, Path to, String pgDump, String schema) throws IOException, InterruptedException {
        Files.createDirectories(to);
        Path out = to.resolve(DUMP_FILE);
        List<String> cmd = new ArrayList<>(List.of(find(pgDump), "--format=custom", "--no-owner", "--file", out.toString()));
        if (schema != null) {
            cmd.addAll(List.of("--schema", schema));
        } else {
            cmd.addAll(List.of("--table", "ecozone_*"));
            for (LayerDef l : catalog.layers()) {
                cmd.addAll(List.of("--table", l.table(), "--table", l.table() + "_history"));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(libpqEnvironment(jdbcUrl));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IOException("pg_dump 失败 / failed (exit " + p.exitValue() + "): " + output.strip());
        }
        return out;
    }

    /** PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD from {@code jdbc:postgresql://host:port/db?user=…&password=…}. */
    static Map<String, String> libpqEnvironment(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) throw new IllegalArgumentException("--db 应为 jdbc:postgresql://… / must be a jdbc:postgresql:// URL");
        URI u = URI.create(jdbcUrl.substring(5));
        HashMap<String, String> env = new HashMap<>();
        env.put("PGHOST", u.getHost() == null ? "localhost" : u.getHost());
        if (u.getPort() > 0) env.put("PGPORT", String.valueOf(u.getPort()));
        String db = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
        if (!db.isEmpty()) env.put("PGDATABASE", db);
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                if (eq < 0) continue;
                String k = kv.substring(0, eq), v = URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                if (k.equals("user")) env.put("PGUSER", v);
                if (k.equals("password")) env.put("PGPASSWORD", v);
            }
        }
        return env;
    }

    /** The configured binary, else the newest {@code /usr/lib/postgresql/<n>/bin/pg_dump}, else {@code pg_dump} on PATH. */
    static String find(String configured) {
        if (configured != null && !configured.isBlank()) return configured;
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                var newest = versions.map(v -> v.resolve("bin/pg_dump")).filter(Files::isExecutable)
                        .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) return newest.get().toString();
            } catch (IOException ignored) {
                // fall back to PATH
            }
        }
        return "pg_dump";
    }
}
