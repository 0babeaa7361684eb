package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SCENARIOS §3, end to end over HTTP: a forester reviews the restored quarries of 云州区. Runs on a copy of the
 * shipped sample layers ({@code layers/}) when they are in the checkout, otherwise on the restoration fixture, which
 * mirrors the scenario's figures (天马泰山 198.85 亩, 珍国花岗岩 372.2 亩 declared).
 */
class Scenario3RestorationTest {
    static final String FORESTER = "scenario3-forester-1", COLLEAGUE = "scenario3-forester-2";

    @TempDir Path dir;
    EcoZoneServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    Http start() throws Exception {
        Path sample = Path.of("layers");
        if (Files.exists(sample.resolve("catalog.json"))) {
            try (Stream<Path> files = Files.list(sample)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".journal.jsonl")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        } else {
            RestorationFixture.write(dir);
        }
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), r.problems().toString());
        server = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(AccessTokens.parse(
                List.of(FORESTER + ":forester:林业员甲", COLLEAGUE + ":forester:林业员乙"), "test")), r.layers());
        return new Http(server.port());
    }

    static JsonNode find(JsonNode array, String field, String value) {
        // the plans name the quarries briefly (天马泰山); the layer carries the full company name
        for (JsonNode n : array) if (n.path(field).asText().contains(value)) return n;
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    @Test
    void foresterMeasuresChecksEditsAndExportsTheRestoredQuarries() throws Exception {
        Http http = start();
        JsonNode report = http.get("/analysis/measure/restoration?groupBy=mine").json();

        // every mine's plots with declared vs measured; the plan's declared figures appear as the mines' totals
        assertEquals(198.85, find(report.get("groups"), "key", "天马泰山").get("declaredMu").asDouble(), 1e-6);
        assertEquals(372.2, find(report.get("groups"), "key", "珍国花岗岩").get("declaredMu").asDouble(), 1e-6);
        assertTrue(report.at("/totals/mismatched").asInt() >= 1, "differences over 1 % are flagged");
        JsonNode tm = find(report.get("progress"), "mine", "天马泰山");
        assertTrue(tm.get("restoredShare").asDouble() > 0 && tm.get("restoredShare").asDouble() <= 1);

        // two plots that overlap each other, and one crossing into a water-source 二级 zone, each with its area
        assertTrue(report.get("overlaps").size() >= 1);
        assertTrue(report.at("/overlaps/0/overlap/m2").asDouble() > 1);
        JsonNode water = null;
        for (JsonNode z : report.get("zones")) if (z.get("layer").asText().equals("water_source") && z.path("level").asText().startsWith("二级")) water = z;
        assertNotNull(water, "a plot crossing a water-source 二级 zone: " + report.get("zones"));
        assertTrue(water.at("/overlap/m2").asDouble() > 1);

        // a field-surveyed boundary replaces a plot; the old boundary stays in the history
        String plotId = water.get("plotId").asText();
        String items = "/collections/restoration/items/" + plotId;
        JsonNode history = http.get(items + "/history").json().get("versions");
        String etag = "\"" + history.get(history.size() - 1).get("etag").asText() + "\"";
        ObjectNode feature = (ObjectNode) history.get(history.size() - 1).get("feature").deepCopy();
        JsonNode oldFirst = feature.at("/geometry/coordinates/0/0").deepCopy();
        shrinkTowardsFirstVertex(feature);
        Http.Response put = http.send("PUT", items, "application/geo+json", feature.toString(),
                "Authorization", "Bearer " + FORESTER, "If-Match", etag);
        assertEquals(200, put.status(), put.body());
        // the colleague editing the same plot at the same time is told it changed
        Http.Response stale = http.send("PUT", items, "application/geo+json", feature.toString(),
                "Authorization", "Bearer " + COLLEAGUE, "If-Match", etag);
        assertEquals(412, stale.status());
        JsonNode after = http.get(items + "/history").json().get("versions");
        assertEquals(history.size() + 1, after.size());
        assertEquals(oldFirst, after.get(after.size() - 2).at("/feature/geometry/coordinates/0/0"));
        assertEquals("林业员甲", after.get(after.size() - 1).get("editor").asText());

        // the table goes to Excel with the Chinese intact
        Http.Response csv = http.get("/analysis/measure/restoration?format=csv");
        assertTrue(csv.body().startsWith("\uFEFF图斑编号"));
        assertTrue(csv.body().contains("天马泰山") && csv.body().contains("珍国花岗岩"));
    }

    /** Moves every vertex 10 % towards the first one: a smaller, still valid boundary. */
    private static void shrinkTowardsFirstVertex(ObjectNode feature) {
        JsonNode geometry = feature.get("geometry");
        ArrayNode rings = (ArrayNode) (geometry.get("type").asText().equals("MultiPolygon")
                ? geometry.get("coordinates").get(0) : geometry.get("coordinates"));
        ArrayNode outer = (ArrayNode) rings.get(0);
        double x0 = outer.get(0).get(0).asDouble(), y0 = outer.get(0).get(1).asDouble();
        for (JsonNode p : outer) {
            ((ArrayNode) p).set(0, x0 + (p.get(0).asDouble() - x0) * 0.9);
            ((ArrayNode) p).set(1, y0 + (p.get(1).asDouble() - y0) * 0.9);
        }
        while (rings.size() > 1) rings.remove(1);
    }
}
