package cn.ecozone.ops;

import cn.ecozone.cli.Main;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** PostGIS mode: {@code backup --db} writes a pg_dump of EcoZone's tables that pg_restore loads into an empty database. */
class PostgisBackupTest {
    @TempDir Path tmp;

    @Test
    void backupDumpsTheEcozoneTablesAndPgRestoreLoadsThem() throws Exception {
        Path layers = RestorationFixture.write(Files.createDirectories(tmp.resolve("layers")));
        PostgisCluster cluster = PostgisCluster.shared();
        String db = cluster.createDatabase("backup");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[]{"import", "--db", db, "--layers", layers.toString()}, quiet, System.err));
        Path backup = tmp.resolve("backup");
        assertEquals(0, Main.run(new String[]{"backup", "--to", backup.toString(), "--db", db, "--layers", layers.toString()}, quiet, System.err));
        JsonNode manifest = new ObjectMapper().readTree(backup.resolve("manifest.json").toFile());
        assertEquals("postgis", manifest.get("mode").asText());
        List<String> paths = new ArrayList<>();
        manifest.get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertTrue(paths.contains("ecozone.dump") && paths.contains("layers/catalog.json"), paths.toString());
        Backup.verify(backup);

        String fresh = cluster.createDatabase("restored");
        pgRestore(cluster, backup, fresh);
        try (Connection a = DriverManager.getConnection(db); Connection b = DriverManager.getConnection(fresh)) {
            for (String q : List.of("SELECT count(*) FROM restoration", "SELECT count(*) FROM control_unit", "SELECT sum(revision) FROM ecozone_meta",
                    "SELECT string_agg(fid || ST_AsText(geom), ',' ORDER BY fid) FROM restoration")) {
                assertEquals(one(a, q), one(b, q), q);
            }
        }
    }

    @Test
    void aStoredVersionsSchemaIsBackedUpWholeAndPgRestoreRecreatesIt() throws Exception {
        Path layers = RestorationFixture.write(Files.createDirectories(tmp.resolve("layers")));
        PostgisCluster cluster = PostgisCluster.shared();
        String db = cluster.createDatabase("backupschema");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[]{"import", "--db", db, "--layers", layers.toString(), "--schema", "zoning_2023"}, quiet, System.err));
        Path backup = tmp.resolve("backup");
        assertEquals(2, Main.run(new String[]{"backup", "--to", backup.toString(), "--db", db, "--layers", layers.toString(),
                "--schema", "Bad-Name"}, quiet, quiet), "an invalid schema name is a usage error");
        assertEquals(0, Main.run(new String[]{"backup", "--to", backup.toString(), "--db", db, "--layers", layers.toString(),
                "--schema", "zoning_2023"}, quiet, System.err));
        Backup.verify(backup);

        String fresh = cluster.createDatabase("restoredschema");
        pgRestore(cluster, backup, fresh);
        try (Connection a = DriverManager.getConnection(db); Connection b = DriverManager.getConnection(fresh)) {
            for (String q : List.of("SELECT count(*) FROM zoning_2023.restoration", "SELECT count(*) FROM zoning_2023.control_unit",
                    "SELECT sum(revision) FROM zoning_2023.ecozone_meta",
                    "SELECT string_agg(fid || ST_AsText(geom), ',' ORDER BY fid) FROM zoning_2023.restoration")) {
                assertEquals(one(a, q), one(b, q), q);
            }
            assertEquals("0", one(b, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'restoration'"),
                    "only the stored version's schema is in the dump");
        }
    }

    /** pg_restore of the backup's dump into the (empty) database at the JDBC URL fresh. */
    private static void pgRestore(PostgisCluster cluster, Path backup, String fresh) throws Exception {
        Path pgRestore = Path.of("/usr/lib/postgresql").resolve(Files.list(Path.of("/usr/lib/postgresql")).map(p -> p.getFileName().toString())
                .max(String::compareTo).orElseThrow()).resolve("bin/pg_restore");
        ProcessBuilder pb = new ProcessBuilder(pgRestore.toString(), "--no-owner", "-d", fresh.substring(fresh.lastIndexOf('/') + 1, fresh.indexOf('?')),
                backup.resolve("ecozone.dump").toString()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(cluster.port()), "PGUSER", "postgres"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static String one(Connection c, String sql) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
