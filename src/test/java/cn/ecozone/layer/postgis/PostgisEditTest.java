package cn.ecozone.layer.postgis;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.cli.Main;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.PostgisCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing restoration plots in PostGIS mode: transactions, one winner among concurrent edits, history, two servers. */
class PostgisEditTest {
    static final String A_TOKEN = "forester-pg-token-a", B_TOKEN = "forester-pg-token-b";
    static final String ITEMS = "/collections/restoration/items";

    @Test
    void concurrentEditsOfOnePlotThroughTwoServersHaveExactlyOneWinner() throws Exception {
        String url = PostgisCluster.shared().createDatabase("pgedit");
        assertEquals(0, Main.run(new String[]{"import", "--db", url, "--layers", "layers"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        LayerSet catalogOnly = LayerLoader.load(Path.of("layers")).layers();
        AccessTokens tokens = AccessTokens.parse(List.of(A_TOKEN + ":forester:甲", B_TOKEN + ":forester:乙"), "test");
        try (EcoZoneServer a = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(tokens), PostgisLayers.of(catalogOnly.catalog(), Databases.pool(url)));
             EcoZoneServer b = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(tokens), PostgisLayers.of(catalogOnly.catalog(), Databases.pool(url)))) {
            Http ha = new Http(a.port()), hb = new Http(b.port());
            String id = "XR-GJY-04";
            Http.Response read = ha.get(ITEMS + "/" + id);
            assertEquals(200, read.status());
            String etag = read.header("ETag");
            assertEquals(etag, hb.get(ITEMS + "/" + id).header("ETag"), "both servers compute the same ETag");

            String bodyA = withStatus(read.json(), "已修复"), bodyB = withStatus(read.json(), "已验收");
            CompletableFuture<Http.Response> pa = CompletableFuture.supplyAsync(() -> ha.send("PUT", ITEMS + "/" + id, "application/geo+json", bodyA,
                    "Authorization", "Bearer " + A_TOKEN, "If-Match", etag));
            CompletableFuture<Http.Response> pb = CompletableFuture.supplyAsync(() -> hb.send("PUT", ITEMS + "/" + id, "application/geo+json", bodyB,
                    "Authorization", "Bearer " + B_TOKEN, "If-Match", etag));
            List<Integer> statuses = List.of(pa.get().status(), pb.get().status());
            assertTrue(statuses.contains(200) && statuses.contains(412), "one wins, the other is told the plot changed: " + statuses
                    + " " + pa.get().body() + " " + pb.get().body());
            String winner = pa.get().status() == 200 ? "已修复" : "已验收";
            assertEquals(winner, ha.get(ITEMS + "/" + id).json().at("/properties/status").asText());
            assertEquals(winner, hb.get(ITEMS + "/" + id).json().at("/properties/status").asText(), "visible through the other server");
            assertNotEquals(etag, hb.get(ITEMS + "/" + id).header("ETag"));

            JsonNode versions = hb.get(ITEMS + "/" + id + "/history").json().get("versions");
            assertEquals(2, versions.size(), versions.toString());
            assertEquals("loaded", versions.get(0).get("action").asText());
            assertEquals(winner.equals("已修复") ? "甲" : "乙", versions.get(1).get("editor").asText());

            ObjectNode fresh = (ObjectNode) read.json().deepCopy();
            fresh.put("id", "XR-NEW-PG");
            ((ObjectNode) fresh.get("properties")).put("plot_id", "XR-NEW-PG");
            Http.Response created = hb.post(ITEMS, "application/geo+json", fresh.toString(), "Authorization", "Bearer " + B_TOKEN);
            assertEquals(201, created.status(), created.body());
            assertEquals(200, ha.get(ITEMS + "/XR-NEW-PG").status());
            assertEquals(409, ha.post(ITEMS, "application/geo+json", fresh.toString(), "Authorization", "Bearer " + A_TOKEN).status());
            Http.Response del = ha.send("DELETE", ITEMS + "/XR-NEW-PG", null, null, "Authorization", "Bearer " + A_TOKEN,
                    "If-Match", ha.get(ITEMS + "/XR-NEW-PG").header("ETag"));
            assertTrue(del.status() == 200 || del.status() == 204, del.body());
            assertEquals(404, hb.get(ITEMS + "/XR-NEW-PG").status());
        }
    }

    private static String withStatus(JsonNode feature, String status) {
        ObjectNode f = (ObjectNode) feature.deepCopy();
        ((ObjectNode) f.get("properties")).put("status", status);
        f.remove("links");
        return f.toString();
    }
}
