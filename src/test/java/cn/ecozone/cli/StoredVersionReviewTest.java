package cn.ecozone.cli;

import cn.ecozone.analysis.DataVersion;
import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.app.LayerFolder;
import cn.ecozone.config.EcoZoneConfig;
import cn.ecozone.config.Mode;
import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.CatalogReader;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PgSchema;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.layer.postgis.PostgisLayers;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.PostgisCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 动态更新 review on two versions stored in PostGIS (a schema each): two layer folders that differ in one control
 * unit's type and one red-line polygon, imported with {@code import --schema}; {@code check --batch --db --schema OLD
 * --against-schema NEW} and the process input {@code againstVersion} list exactly the touched projects, with the rows
 * of the embedded {@code --layers OLD --against NEW} run; each stored version has its folder's data version; unknown
 * and invalid schema names are refused; importing into one schema leaves the others untouched.
 */
class StoredVersionReviewTest {
    static final ObjectMapper M = new ObjectMapper();
    @TempDir static Path dir;
    static Path old, updated, csv;
    static String url;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The two folders (as BatchCommandTest builds them), the list, and both imported into their schemas. */
    @BeforeAll
    static void twoStoredVersions() throws Exception {
        old = BatchCommandTest.copyLayers(dir.resolve("old"));
        updated = BatchCommandTest.copyLayers(dir.resolve("new"));
        String redCode = "HX-140213-01";
        double[] inRed = BatchCommandTest.interior(old, "redline.geojson", redCode);
        double[] inUnit = BatchCommandTest.interior(old, "control_unit.geojson", "ZH14021530002");
        ObjectNode units = (ObjectNode) M.readTree(updated.resolve("control_unit.geojson").toFile());
        for (JsonNode f : units.get("features")) {
            if (f.at("/properties/code").asText().equals("ZH14021530002")) ((ObjectNode) f.get("properties")).put("type", "重点管控");
        }
        M.writeValue(updated.resolve("control_unit.geojson").toFile(), units);
        ObjectNode reds = (ObjectNode) M.readTree(updated.resolve("redline.geojson").toFile());
        for (JsonNode f : reds.get("features")) {
            if (!f.at("/properties/code").asText().equals(redCode)) continue;
            ArrayNode hole = ((ArrayNode) f.at("/geometry/coordinates")).addArray();
            double x = inRed[0], y = inRed[1], d = 0.001;
            for (double[] c : new double[][] {{x - d, y - d}, {x - d, y + d}, {x + d, y + d}, {x + d, y - d}, {x - d, y - d}}) hole.addArray().add(c[0]).add(c[1]);
        }
        M.writeValue(updated.resolve("redline.geojson").toFile(), reds);
        List<String> rows = new ArrayList<>();
        rows.add("name,wkt");
        rows.add("红线项目,\"" + BatchCommandTest.square(inRed[0], inRed[1], 0.0003) + "\"");
        rows.add("单元项目,\"" + BatchCommandTest.square(inUnit[0], inUnit[1], 0.0003) + "\"");
        rows.add("别处项目一,\"" + BatchCommandTest.square(inUnit[0] + 0.3, inUnit[1] - 0.2, 0.0003) + "\"");
        rows.add("别处项目二,\"" + BatchCommandTest.square(113.0, 40.3, 0.0005) + "\"");
        rows.add("数据范围外,\"" + BatchCommandTest.square(116.0, 40.0, 0.001) + "\"");
        csv = dir.resolve("list.csv");
        Files.write(csv, rows, StandardCharsets.UTF_8);

        url = PostgisCluster.shared().createDatabase("versions");
        Run a = run("import", "--db", url, "--layers", old.toString(), "--schema", "zoning_2023");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("已存于模式 stored in schema zoning_2023"), a.out());
        Run b = run("import", "--db", url, "--layers", updated.toString(), "--schema", "zoning_2025");
        assertEquals(0, b.code(), b.err());
    }

    static DataVersion stored(String schema) {
        Catalog catalog = CatalogReader.read(old);
        PgSchema s = PgSchema.of(schema);
        var pool = Databases.pool(url);
        return DataVersion.of(PostgisLayers.stored(catalog, pool, s), new PostgisAccessListStore(pool, s).load());
    }

    @Test
    void eachStoredVersionHasTheDataVersionOfItsFolder() {
        DataVersion v2023 = stored("zoning_2023"), v2025 = stored("zoning_2025");
        assertEquals(LayerFolder.load(old).version(), v2023);
        assertEquals(LayerFolder.load(updated).version(), v2025);
        assertNotEquals(v2023.layersHash(), v2025.layersHash());
        assertEquals(v2023.accessListHash(), v2025.accessListHash(), "the access list did not change");
    }

    @Test
    void theReviewOnTwoStoredVersionsListsTheTouchedProjectsWithTheRowsOfTheEmbeddedReview() throws Exception {
        Path embedded = dir.resolve("embedded-changes.csv"), postgis = dir.resolve("postgis-changes.csv");
        Run e = run("check", "--batch", csv.toString(), "--industry", "光伏", "--layers", old.toString(), "--against", updated.toString(),
                "--out", embedded.toString());
        assertEquals(0, e.code(), e.err());
        Run p = run("check", "--batch", csv.toString(), "--industry", "光伏", "--layers", old.toString(), "--db", url,
                "--schema", "zoning_2023", "--against-schema", "zoning_2025", "--out", postgis.toString());
        assertEquals(0, p.code(), p.err());
        List<String> changed = Files.readAllLines(postgis, StandardCharsets.UTF_8);
        assertEquals(3, changed.size(), "header + the two touched projects: " + changed);
        assertTrue(changed.get(1).startsWith("2,红线项目,verdict+hits,禁止准入,"), changed.get(1));
        assertTrue(changed.get(2).startsWith("3,单元项目,hits,"), changed.get(2));
        assertTrue(changed.get(1).contains(stored("zoning_2023").id()) && changed.get(1).contains(stored("zoning_2025").id()), changed.get(1));
        assertTrue(p.err().contains("有变化的项目 changed projects: 2 / 5"), p.err());
        assertArrayEquals(Files.readAllBytes(embedded), Files.readAllBytes(postgis), "the same rows as the embedded review");
        // the reverse direction lists the same two projects, before and after swapped
        Run r = run("check", "--batch", csv.toString(), "--industry", "光伏", "--layers", old.toString(), "--db", url,
                "--schema", "zoning_2025", "--against-schema", "zoning_2023");
        assertEquals(0, r.code(), r.err());
        List<String> reverse = r.out().lines().toList();
        assertEquals(3, reverse.size(), r.out());
        assertTrue(reverse.get(1).startsWith("2,红线项目,verdict+hits,") && reverse.get(1).split(",")[4].equals("禁止准入"), reverse.get(1));
    }

    @Test
    void aSingleCheckReadsTheStoredVersionItIsGiven() throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String wkt = lines.get(2).substring(lines.get(2).indexOf('"') + 1, lines.get(2).lastIndexOf('"')); // 单元项目
        Path site = dir.resolve("site.wkt");
        Files.writeString(site, wkt);
        Map<String, String> types = new TreeMap<>();
        for (String schema : List.of("zoning_2023", "zoning_2025")) {
            Run r = run("check", site.toString(), "--industry", "光伏", "--layers", old.toString(), "--db", url, "--schema", schema);
            assertEquals(0, r.code(), r.err());
            JsonNode result = M.readTree(r.out());
            assertEquals(stored(schema).id(), result.at("/dataVersion/id").asText());
            for (JsonNode h : result.get("hits")) {
                if (h.path("collection").asText().equals("control_unit")) types.put(schema, h.at("/properties/type").asText());
            }
        }
        assertEquals(2, types.size(), types.toString());
        assertNotEquals("重点管控", types.get("zoning_2023"), types.toString());
        assertEquals("重点管控", types.get("zoning_2025"), "the unit's type of the version read");
    }

    @Test
    void unknownAndInvalidSchemasAreRefusedWithBilingualMessages() {
        Run unknown = run("check", "--batch", csv.toString(), "--industry", "光伏", "--layers", old.toString(), "--db", url,
                "--schema", "zoning_2023", "--against-schema", "zoning_2030");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("没有数据版本") && unknown.err().contains("no stored version (schema) zoning_2030"), unknown.err());
        assertTrue(unknown.err().contains("zoning_2023, zoning_2025"), "names the stored versions: " + unknown.err());
        for (String bad : List.of("Zoning2023", "zoning-2023", "x\"; DROP TABLE control_unit; --", "pg_catalog", "1abc")) {
            Run r = run("check", "--batch", csv.toString(), "--layers", old.toString(), "--db", url, "--schema", bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("模式名") && r.err().contains("invalid schema name"), r.err());
            Run i = run("import", "--db", url, "--layers", old.toString(), "--schema", bad);
            assertEquals(2, i.code(), bad + ": " + i.err());
        }
        Run noDb = run("check", "--batch", csv.toString(), "--layers", old.toString(), "--schema", "zoning_2023");
        assertEquals(2, noDb.code(), noDb.err());
        Run serve = run("serve", "--port", "0", "--layers", old.toString(), "--db", url, "--schema", "zoning_2030");
        assertEquals(2, serve.code(), serve.err());
        assertTrue(serve.err().contains("no stored version (schema) zoning_2030"), serve.err());
        Run serveBad = run("serve", "--port", "0", "--layers", old.toString(), "--db", url, "--schema", "Bad-Name");
        assertEquals(2, serveBad.code(), serveBad.err());
        assertTrue(serveBad.err().contains("server.schema") && serveBad.err().contains("invalid schema name"), serveBad.err());
    }

    /** Revisions and row counts of every schema's layers: what an import may change. */
    static Map<String, String> state(String db) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT n.nspname FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relname = 'ecozone_meta'")) {
                while (rs.next()) schemas.add(rs.getString(1));
            }
            for (String s : schemas) {
                try (ResultSet rs = st.executeQuery("SELECT layer, revision FROM \"" + s + "\".ecozone_meta")) {
                    while (rs.next()) m.put(s + ".rev." + rs.getString(1), rs.getString(2));
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*), sum(ST_Area(geom::geography)) FROM \"" + s + "\".redline")) {
                    rs.next();
                    m.put(s + ".redline", rs.getLong(1) + " " + Math.round(rs.getDouble(2)));
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + s + "\".control_unit WHERE type = '重点管控'")) {
                    rs.next();
                    m.put(s + ".control_unit.重点管控", rs.getString(1));
                }
            }
        }
        return m;
    }

    @Test
    void importingIntoOneSchemaLeavesTheOthersUntouched() throws Exception {
        String db = PostgisCluster.shared().createDatabase("versions_iso");
        assertEquals(0, run("import", "--db", db, "--layers", old.toString()).code(), "the default schema, as before");
        assertEquals(0, run("import", "--db", db, "--layers", old.toString(), "--schema", "zoning_2023").code());
        Map<String, String> before = state(db);
        assertTrue(before.containsKey("public.rev.redline") && before.containsKey("zoning_2023.rev.redline"), before.toString());
        Run r = run("import", "--db", db, "--layers", updated.toString(), "--schema", "zoning_2025");
        assertEquals(0, r.code(), r.err());
        Run again = run("import", "--db", db, "--layers", updated.toString(), "--schema", "zoning_2025");
        assertEquals(0, again.code(), again.err());
        Map<String, String> after = state(db);
        for (Map.Entry<String, String> e : before.entrySet()) assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " untouched");
        assertEquals("2", after.get("zoning_2025.rev.redline"), "the re-import bumped only its own revision");
        assertNotEquals(after.get("zoning_2023.redline"), after.get("zoning_2025.redline"), "the red line with its hole");
        assertEquals(Integer.parseInt(after.get("zoning_2023.control_unit.重点管控")) + 1, Integer.parseInt(after.get("zoning_2025.control_unit.重点管控")));
    }

    @Test
    void theProcessApiReviewsAgainstAnotherStoredVersion() throws Exception {
        Catalog catalog = CatalogReader.read(old);
        var pool = Databases.pool(url);
        PgSchema served = PgSchema.of("zoning_2023");
        EcoZoneConfig settings = EcoZoneConfig.defaults().withServer(EcoZoneConfig.defaults().server().withPort(0).withMode(Mode.POSTGIS)
                .withJobsDir(dir.resolve("jobs")).withSchema("zoning_2023"));
        try (EcoZoneServer server = EcoZoneServer.start(new ServerConfig(settings, null), PostgisLayers.stored(catalog, pool, served),
                new PostgisAccessListStore(pool, served), new StoredSchemas(catalog, url))) {
            Http http = new Http(server.port());
            JsonNode description = http.get("/processes/batch-check").json();
            assertTrue(description.at("/inputs/againstVersion/description").asText().contains("PostGIS"), description.toString());
            String list = Files.readString(csv, StandardCharsets.UTF_8);
            ObjectNode request = M.createObjectNode();
            request.putObject("inputs").put("projects", list).put("industry", "光伏").put("againstVersion", "zoning_2025");
            Http.Response ok = http.post("/processes/batch-check/execution", "application/json", request.toString());
            assertEquals(200, ok.status(), ok.body());
            JsonNode changes = ok.json().get("changes");
            assertEquals(2, changes.size(), changes.toString());
            assertEquals("红线项目", changes.get(0).get("name").asText());
            assertEquals("[\"verdict\",\"hits\"]", changes.get(0).get("what").toString());
            assertEquals("单元项目", changes.get(1).get("name").asText());
            assertEquals("[\"hits\"]", changes.get(1).get("what").toString());
            String table = http.get(ok.json().at("/changesTable/href").asText().replaceFirst("^https?://[^/]+", "")).body();
            Path embedded = dir.resolve("embedded-for-api.csv");
            assertEquals(0, run("check", "--batch", csv.toString(), "--industry", "光伏", "--layers", old.toString(), "--against", updated.toString(),
                    "--out", embedded.toString()).code());
            assertEquals(Files.readString(embedded, StandardCharsets.UTF_8), table, "the rows of the embedded review");

            for (String bad : List.of("zoning_2030", "Bad-Name")) {
                request.with("inputs").put("againstVersion", bad);
                Http.Response refused = http.post("/processes/batch-check/execution", "application/json", request.toString());
                assertEquals(400, refused.status(), refused.body());
                assertTrue(refused.body().contains("againstVersion") && refused.body().contains("schema"), refused.body());
            }
            request.with("inputs").put("againstVersion", "zoning_2025").put("baselineJob", "whatever");
            assertEquals(400, http.post("/processes/batch-check/execution", "application/json", request.toString()).status());
        }
        // an embedded server has no stored versions: refused, not a 500
        try (EcoZoneServer embedded = EcoZoneServer.start(ServerConfig.defaults(0), LayerFolder.load(old).layers())) {
            ObjectNode request = M.createObjectNode();
            request.putObject("inputs").put("projects", Files.readString(csv, StandardCharsets.UTF_8)).put("againstVersion", "zoning_2025");
            Http.Response refused = new Http(embedded.port()).post("/processes/batch-check/execution", "application/json", request.toString());
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.body().contains("PostGIS"), refused.body());
        }
    }

    @Test
    void anEditThroughAServerOfOneStoredVersionStaysInThatSchema() throws Exception {
        String db = PostgisCluster.shared().createDatabase("versions_edit");
        assertEquals(0, run("import", "--db", db, "--layers", old.toString()).code());
        assertEquals(0, run("import", "--db", db, "--layers", old.toString(), "--schema", "zoning_2023").code());
        Catalog catalog = CatalogReader.read(old);
        PgSchema schema = PgSchema.of("zoning_2023");
        var pool = Databases.pool(db);
        String token = "forester-versions-token";
        EcoZoneConfig settings = EcoZoneConfig.defaults().withServer(EcoZoneConfig.defaults().server().withPort(0).withMode(Mode.POSTGIS)
                .withJobsDir(dir.resolve("jobs-edit")).withSchema("zoning_2023"));
        try (EcoZoneServer server = EcoZoneServer.start(new ServerConfig(settings, AccessTokens.parse(List.of(token + ":forester:甲"), "test")),
                PostgisLayers.stored(catalog, pool, schema), new PostgisAccessListStore(pool, schema), new StoredSchemas(catalog, db))) {
            Http http = new Http(server.port());
            String item = "/collections/restoration/items/XR-GJY-04";
            Http.Response read = http.get(item);
            assertEquals(200, read.status(), read.body());
            ObjectNode edited = (ObjectNode) read.json().deepCopy();
            ((ObjectNode) edited.get("properties")).put("status", "已验收");
            Http.Response put = http.send("PUT", item, "application/geo+json", edited.toString(), "Authorization", "Bearer " + token,
                    "If-Match", read.header("ETag"));
            assertEquals(200, put.status(), put.body());
        }
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            assertEquals("已验收", one(st, "SELECT status FROM zoning_2023.restoration WHERE fid = 'XR-GJY-04'"));
            assertNotEquals("已验收", one(st, "SELECT status FROM public.restoration WHERE fid = 'XR-GJY-04'"), "the default schema is untouched");
            assertEquals("2", one(st, "SELECT count(*) FROM zoning_2023.restoration_history WHERE fid = 'XR-GJY-04'"), "loaded + the edit");
            assertEquals(null, one(st, "SELECT to_regclass('public.restoration_history')"), "no history outside the schema");
            assertEquals("2", one(st, "SELECT revision FROM zoning_2023.ecozone_meta WHERE layer = 'restoration'"));
            assertEquals("1", one(st, "SELECT revision FROM public.ecozone_meta WHERE layer = 'restoration'"));
        }
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
