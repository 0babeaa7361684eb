package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Editing restoration plots (OGC API – Features Part 4): auth, validation, ETags, history, persistence. */
class ItemEditRoutesTest {
    static final String FORESTER = "forester-token-0001", ADMIN = "admin-token-00000001";
    static final AccessTokens TOKENS = AccessTokens.parse(List.of(FORESTER + ":forester:王林", ADMIN + ":admin:李管理"), "test");
    static final String ITEMS = "/collections/restoration/items";

    @TempDir Path dir;
    EcoZoneServer server;
    Http http;

    @BeforeEach
    void start() {
        RestorationFixture.write(dir);
        restart();
    }

    void restart() {
        if (server != null) server.close();
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), r.problems().toString());
        server = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(TOKENS), r.layers());
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String plot(String code, String status, double w, double s) {
        return RestorationFixture.plot(code, "天马泰山", status, 2025, 5.0, w, s, w + 0.001, s + 0.001);
    }

    Http.Response post(String body, String token) {
        return http.post(ITEMS, "application/geo+json", body, "Authorization", "Bearer " + token);
    }

    Http.Response put(String id, String body, String token, String etag) {
        return etag == null ? http.send("PUT", ITEMS + "/" + id, "application/geo+json", body, "Authorization", "Bearer " + token)
                : http.send("PUT", ITEMS + "/" + id, "application/geo+json", body, "Authorization", "Bearer " + token, "If-Match", etag);
    }

    long plotCount() {
        return server.layers().current().source("restoration").orElseThrow().count();
    }

    String etagOf(String id) {
        JsonNode versions = http.get(ITEMS + "/" + id + "/history").json().get("versions");
        return "\"" + versions.get(versions.size() - 1).get("etag").asText() + "\"";
    }

    @Test
    void writesNeedAValidTokenWithTheRightRole() {
        Http.Response none = http.post(ITEMS, "application/geo+json", plot("N-1", "待修复", 113.33, 40.03));
        assertEquals(401, none.status());
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));
        assertTrue(none.json().get("detail").asText().contains("Authorization: Bearer"));
        assertEquals(401, post(plot("N-1", "待修复", 113.33, 40.03), "wrong-token-000000").status());
        Http.Response forbidden = http.post("/admin/reload", "application/json", "", "Authorization", "Bearer " + FORESTER);
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.json().get("detail").asText().contains("admin"));
        assertEquals(200, http.post("/admin/reload", "application/json", "", "Authorization", "Bearer " + ADMIN).status());
        assertEquals(5, plotCount(), "nothing stored by refused requests");
        assertEquals(405, http.post("/collections/admin/items", "application/geo+json", plot("N-1", "待修复", 113.33, 40.03),
                "Authorization", "Bearer " + ADMIN).status(), "only editable layers take writes");
    }

    @Test
    void aValidPlotIsCreatedWithLocationEtagAndIsMeasuredAtOnce() {
        Http.Response r = post(plot("N-1", "待修复", 113.33, 40.03), FORESTER);
        assertEquals(201, r.status(), r.body());
        assertEquals(ITEMS + "/N-1", r.header("Location"));
        assertNotNull(r.header("ETag"));
        assertEquals(6, plotCount());
        assertTrue(http.get("/analysis/measure/restoration").body().contains("\"N-1\""));
        assertEquals(409, post(plot("N-1", "待修复", 113.33, 40.03), FORESTER).status(), "ids are unique");
    }

    @Test
    void invalidPlotsAreRefusedWith400AndNothingIsStored() throws Exception {
        String bowTie = plot("B-1", "待修复", 113.33, 40.03).replace("[[[113.33, 40.03], [113.331, 40.03], [113.331, 40.031], [113.33, 40.031]",
                "[[[113.33, 40.03], [113.331, 40.031], [113.331, 40.03], [113.33, 40.031]");
        record Case(String body, String says) {}
        for (Case c : List.of(new Case(bowTie, "自相交"),
                new Case(plot("B-2", "待修复", 40.03, 113.33), "纬度"),
                new Case(plot("B-3", "好了", 113.33, 40.03), "允许值"),
                new Case(plot("B-4", "待修复", 113.33, 40.03).replace("\"mine\": \"天马泰山\", ", ""), "mine"),
                new Case("{\"type\": \"Feature\"", "JSON"))) {
            Http.Response r = post(c.body(), FORESTER);
            assertEquals(400, r.status(), c.body());
            assertTrue(r.json().get("detail").asText().contains(c.says()), r.json().get("detail").asText());
        }
        assertEquals(5, plotCount());
        assertFalse(Files.exists(dir.resolve("restoration.journal.jsonl")), "a refused edit writes nothing");
    }

    @Test
    void replaceNeedsIfMatchAndAStaleEtagGets412() {
        String etag = etagOf("TM-01");
        String moved = RestorationFixture.plot("TM-01", "天马泰山", "已验收", 2019, 100.0, 113.31, 40.01, 113.3125, 40.0125);
        assertEquals(428, put("TM-01", moved, FORESTER, null).status());
        Http.Response ok = put("TM-01", moved, FORESTER, etag);
        assertEquals(200, ok.status(), ok.body());
        assertNotEquals(etag, ok.header("ETag"));
        // a colleague who read the plot before that change is told, and overwrites nothing
        Http.Response stale = put("TM-01", RestorationFixture.plot("TM-01", "天马泰山", "已验收", 2019, 100.0, 113.31, 40.01, 113.311, 40.011),
                ADMIN, etag);
        assertEquals(412, stale.status());
        assertTrue(stale.json().get("detail").asText().contains("王林"), "says who changed it");
        assertEquals(ok.header("ETag"), etagOf("TM-01"));
        assertEquals(400, put("TM-01", plot("TM-99", "待修复", 113.33, 40.03), FORESTER, ok.header("ETag")).status(), "id in body must match");
        Http.Response del = http.send("DELETE", ITEMS + "/TM-01", null, null, "Authorization", "Bearer " + FORESTER, "If-Match", etag);
        assertEquals(412, del.status());
    }

    @Test
    void historyKeepsEveryVersionWithWhoAndWhen() {
        String etag = etagOf("ZG-01");
        String surveyed = RestorationFixture.plot("ZG-01", "珍国花岗岩", "已修复", 2022, 372.2, 113.366, 40.075, 113.3745, 40.0795);
        assertEquals(200, put("ZG-01", surveyed, FORESTER, etag).status());
        assertEquals(204, http.send("DELETE", ITEMS + "/ZG-01", null, null, "Authorization", "Bearer " + ADMIN, "If-Match", etagOf("ZG-01")).status());
        JsonNode v = http.get(ITEMS + "/ZG-01/history").json().get("versions");
        assertEquals(3, v.size());
        assertEquals(List.of("loaded", "replace", "delete"), List.of(v.get(0).get("action").asText(), v.get(1).get("action").asText(), v.get(2).get("action").asText()));
        assertEquals(113.365, v.get(0).at("/feature/geometry/coordinates/0/0/0").asDouble(), 1e-12, "the old boundary is kept");
        assertEquals(113.366, v.get(1).at("/feature/geometry/coordinates/0/0/0").asDouble(), 1e-12);
        assertEquals("王林", v.get(1).get("editor").asText());
        assertEquals("李管理", v.get(2).get("editor").asText());
        assertFalse(v.get(1).get("at").asText().isEmpty());
        assertTrue(v.get(2).get("feature").isNull());
        assertEquals(4, plotCount());
        assertEquals(404, http.get(ITEMS + "/NOPE/history").status());
    }

    @Test
    void editsSurviveARestartAndATornLastJournalLineIsIgnored() throws Exception {
        assertEquals(201, post(plot("N-1", "待修复", 113.33, 40.03), FORESTER).status());
        assertEquals(200, put("TM-02", RestorationFixture.plot("TM-02", "天马泰山", "已验收", 2020, 98.85, 113.3115, 40.012, 113.3135, 40.0145),
                FORESTER, etagOf("TM-02")).status());
        String etagTm02 = etagOf("TM-02");
        // a crash in the middle of the next append leaves half a line
        Files.writeString(dir.resolve("restoration.journal.jsonl"), "{\"op\":\"insert\",\"id\":\"N-2\",\"by\":\"王", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        restart();
        assertEquals(6, plotCount());
        var tm02 = server.layers().current().source("restoration").orElseThrow().get("TM-02").orElseThrow();
        assertEquals("已验收", tm02.getAttribute("status"));
        assertEquals(etagTm02, etagOf("TM-02"), "ETags are stable across restarts");
        assertEquals(2, http.get(ITEMS + "/TM-02/history").json().get("versions").size(), "loaded + replace, replayed from the journal");
        // the torn tail was cut off, so the next edit appends a clean line and a second restart still loads
        assertEquals(201, post(plot("N-3", "待修复", 113.34, 40.03), FORESTER).status());
        restart();
        assertEquals(7, plotCount());
        assertTrue(server.layers().current().source("restoration").orElseThrow().get("N-2").isEmpty());
    }
}
