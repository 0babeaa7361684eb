package cn.ecozone.layer.postgis;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.cli.Main;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.PostgisCluster;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several stateless servers on one database, and the database going away and coming back. */
class PostgisFaultsTest {
    @TempDir Path dir;

    static int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    }

    Path copyOfLayers() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("layers"))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().contains("journal")).toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        return dir;
    }

    @Test
    void twoServersOnOneDatabaseServeTheSameDataAndAChangeThroughItShowsInBoth() throws Exception {
        String url = PostgisCluster.shared().createDatabase("twoservers");
        Path layers = copyOfLayers();
        assertEquals(0, run("import", "--db", url, "--layers", layers.toString()));
        LayerSet catalogOnly = LayerLoader.load(layers).layers();
        try (EcoZoneServer a = EcoZoneServer.start(ServerConfig.defaults(0), PostgisLayers.of(catalogOnly.catalog(), Databases.pool(url)));
             EcoZoneServer b = EcoZoneServer.start(ServerConfig.defaults(0), PostgisLayers.of(catalogOnly.catalog(), Databases.pool(url)))) {
            Http ha = new Http(a.port()), hb = new Http(b.port());
            int before = hb.get("/collections/monitoring/items").json().get("numberMatched").asInt();
            String etagBefore = hb.get("/collections/monitoring/items").header("ETag");
            addStation(layers.resolve("monitoring.geojson"));
            assertEquals(0, run("import", "--db", url, "--layers", layers.toString()), "a data manager re-imports the layers");
            assertEquals(before + 1, ha.get("/collections/monitoring/items").json().get("numberMatched").asInt());
            assertEquals(before + 1, hb.get("/collections/monitoring/items").json().get("numberMatched").asInt(), "no stale cache in the other server");
            assertTrue(!hb.get("/collections/monitoring/items").header("ETag").equals(etagBefore), "the ETag follows the data");
            assertEquals(200, hb.get("/collections/monitoring/items/JC-TWO-SERVERS").status());
        }
    }

    @Test
    void theDatabaseGoingAwayGives503WithinSecondsAndTheServerRecoversByItself() throws Exception {
        PostgisCluster cluster = PostgisCluster.startNew();
        try {
            String url = cluster.createDatabase("faults");
            assertEquals(0, run("import", "--db", url, "--layers", "layers"));
            LayerSet catalogOnly = LayerLoader.load(Path.of("layers")).layers();
            try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), PostgisLayers.of(catalogOnly.catalog(), Databases.pool(url)))) {
                Http http = new Http(server.port());
                java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
                // the same load while the database is up first, so the server's and clients' thread pools reach their size
                List<java.util.concurrent.CompletableFuture<Integer>> warm = new java.util.ArrayList<>();
                for (int i = 0; i < 48; i++) warm.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> http.get("/collections/control_unit/items?limit=5").status(), clients));
                for (var f : warm) assertEquals(200, f.get().intValue());
                int threadsBefore = Thread.activeCount();
                cluster.stop();
                long t0 = System.nanoTime();
                Http.Response down = http.get("/collections/redline/items");
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(503, down.status(), down.body());
                assertTrue(down.contentType().startsWith("application/problem+json"));
                assertTrue(down.json().get("detail").asText().contains("数据库暂不可用"), down.body());
                assertTrue(seconds < 5, "answered in " + seconds + " s");
                assertEquals(503, http.post("/analysis/site-check", "application/json",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[113.25,40.05],[113.26,40.05],[113.26,40.06],[113.25,40.06],[113.25,40.05]]]}").status());
                assertEquals(503, http.get("/health").status(), "health tells a load balancer this server cannot answer now");
                assertEquals(200, http.get("/map/").status(), "the server itself is alive");

                // a load while the database is down: every answer a quick 503, nothing piles up
                List<java.util.concurrent.CompletableFuture<Integer>> load = new java.util.ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    load.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> http.get("/collections/control_unit/items?limit=5").status(), clients));
                }
                for (var f : load) assertEquals(503, f.get().intValue());
                clients.shutdown();

                cluster.start();
                int status = 0;
                for (int i = 0; i < 40 && status != 200; i++) {
                    status = http.get("/collections/redline/items").status();
                    if (status != 200) Thread.sleep(250);
                }
                assertEquals(200, status, "recovered without a restart");
                assertEquals(catalogOnly.source("redline").orElseThrow().count(), http.get("/collections/redline/items").json().get("numberMatched").asInt());
                // no leak: every connection back in the pool, no threads left behind by the outage
                assertEquals(0, Databases.pool(url).getHikariPoolMXBean().getActiveConnections(), "connections leaked");
                Thread.sleep(500);
                assertTrue(Thread.activeCount() <= threadsBefore + 4, "threads " + threadsBefore + " → " + Thread.activeCount());
            }
        } finally {
            cluster.destroy();
        }
    }

    private static void addStation(Path monitoring) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(monitoring.toFile());
        ObjectNode extra = root.get("features").get(0).deepCopy();
        extra.put("id", "JC-TWO-SERVERS");
        ((ObjectNode) extra.get("properties")).put("code", "JC-TWO-SERVERS").put("name", "共享数据库测试点");
        ((ArrayNode) root.get("features")).add(extra);
        Files.writeString(monitoring, m.writeValueAsString(root));
    }
}
