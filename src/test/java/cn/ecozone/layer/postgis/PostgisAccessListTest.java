package cn.ecozone.layer.postgis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListFixtures;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.accesslist.AccessListXlsx;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.cli.Main;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.SiteFixtureLayers;
import cn.ecozone.testsupport.WebMapFixture;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The access list in PostGIS mode on a real PostGIS (fails, never skips, without one): {@code import --db} fills the
 * ecozone_access_* tables, and an embedded server and a PostGIS-mode server give the same JSON for the list and the
 * site check; {@code access-list import --db} refuses a bad workbook leaving the tables as they were.
 */
class PostgisAccessListTest {
    static final AccessList FIXTURE = AccessListJson.parse(SiteFixtureLayers.ACCESS_LIST.getBytes(StandardCharsets.UTF_8));
    static final String SITE = "{\"type\":\"Polygon\",\"coordinates\":[[[113.22,40.33],[113.25,40.33],[113.25,40.37],[113.22,40.37],[113.22,40.33]]]}";
    static Path dir;
    static String url;
    static EcoZoneServer embedded, postgis;
    static Http mem, db;

    @BeforeAll
    static void importAndStart() throws Exception {
        dir = Files.createTempDirectory("ecozone-al-pg-");
        SiteFixtureLayers.write(dir);
        url = PostgisCluster.shared().createDatabase("alpg");
        assertEquals(0, run("import", "--db", url, "--layers", dir.toString()));
        LayerSet memory = LayerLoader.load(dir).layers();
        embedded = EcoZoneServer.start(ServerConfig.defaults(0), memory);
        postgis = EcoZoneServer.start(ServerConfig.defaults(0), PostgisLayers.of(memory.catalog(), Databases.pool(url)),
                new PostgisAccessListStore(Databases.pool(url)));
        mem = new Http(embedded.port());
        db = new Http(postgis.port());
    }

    @AfterAll
    static void stop() {
        if (embedded != null) embedded.close();
        if (postgis != null) postgis.close();
    }

    static int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    }

    @Test
    void bothModesGiveTheSameJsonForTheListAndTheSiteCheck() {
        Http.Response a = mem.get("/access-list"), b = db.get("/access-list");
        assertEquals(200, b.status(), b.body());
        assertEquals(a.body(), b.body());
        assertEquals(AccessListJson.tree(FIXTURE), b.json());
        Http.Response x = mem.post("/analysis/site-check?industry=pv", "application/json", SITE);
        Http.Response y = db.post("/analysis/site-check?industry=pv", "application/json", SITE);
        assertEquals(200, y.status(), y.body());
        assertEquals(x.json(), y.json());
    }

    @Test
    void theTablesHoldTheListInItsOrderAndAStoreReplacesItWhole() throws Exception {
        PostgisAccessListStore store = new PostgisAccessListStore(Databases.pool(url));
        assertEquals(FIXTURE, store.load());
        AccessList other = AccessListJson.parse(WebMapFixture.ACCESS_LIST.getBytes(StandardCharsets.UTF_8));
        String scratch = PostgisCluster.shared().createDatabase("alpg_store");
        PostgisAccessListStore s2 = new PostgisAccessListStore(Databases.pool(scratch));
        assertEquals(AccessList.EMPTY, s2.load(), "no tables yet: an empty list");
        s2.store(FIXTURE);
        s2.store(other);
        assertEquals(other, s2.load());
        long[] counts = s2.counts();
        assertArrayEquals(new long[]{other.industries().size(), other.units().size(), other.requirements().size()}, counts);
    }

    @Test
    void accessListImportIntoTheDatabaseRefusesABadWorkbookAndAcceptsAGoodOne() throws Exception {
        String own = PostgisCluster.shared().createDatabase("alpg_cli");
        assertEquals(0, run("import", "--db", own, "--layers", dir.toString()));
        PostgisAccessListStore store = new PostgisAccessListStore(Databases.pool(own));
        Path bad = dir.resolve("bad.xlsx");
        Files.write(bad, AccessListFixtures.threeErrors(AccessListXlsx.bytes(FIXTURE)));
        assertEquals(1, run("access-list", "import", bad.toString(), "--layers", dir.toString(), "--db", own));
        assertEquals(FIXTURE, store.load(), "the tables are unchanged");
        ObjectNode tree = AccessListJson.tree(FIXTURE);
        ((ObjectNode) tree.get("requirements").get(1)).put("effect", "限制");
        AccessList changed = AccessListJson.parse(tree);
        Path good = dir.resolve("good.xlsx");
        Files.write(good, AccessListXlsx.bytes(changed));
        assertEquals(0, run("access-list", "import", good.toString(), "--layers", dir.toString(), "--db", own));
        assertEquals(changed, store.load());
        assertEquals(SiteFixtureLayers.ACCESS_LIST, Files.readString(dir.resolve("access-list.json")), "PostGIS mode leaves the file alone");
    }

    @Test
    void accessListImportWithASchemaChangesThatStoredVersionOnly() throws Exception {
        String own = PostgisCluster.shared().createDatabase("alpg_schema");
        assertEquals(0, run("import", "--db", own, "--layers", dir.toString()));
        assertEquals(0, run("import", "--db", own, "--layers", dir.toString(), "--schema", "zoning_2025"));
        PostgisAccessListStore byDefault = new PostgisAccessListStore(Databases.pool(own));
        PostgisAccessListStore stored = new PostgisAccessListStore(Databases.pool(own), PgSchema.of("zoning_2025"));
        assertEquals(FIXTURE, stored.load());
        ObjectNode tree = AccessListJson.tree(FIXTURE);
        ((ObjectNode) tree.get("requirements").get(1)).put("effect", "限制");
        AccessList changed = AccessListJson.parse(tree);
        Path file = dir.resolve("schema.xlsx");
        Files.write(file, AccessListXlsx.bytes(changed));
        assertEquals(2, run("access-list", "import", file.toString(), "--layers", dir.toString(), "--db", own, "--schema", "Zoning"));
        assertEquals(0, run("access-list", "import", file.toString(), "--layers", dir.toString(), "--db", own, "--schema", "zoning_2025"));
        assertEquals(changed, stored.load(), "the stored version has the new list");
        assertEquals(FIXTURE, byDefault.load(), "the default schema's list is untouched");
    }
}
