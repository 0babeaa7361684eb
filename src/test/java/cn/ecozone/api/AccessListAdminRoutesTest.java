package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListCsv;
import cn.ecozone.accesslist.AccessListFixtures;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.accesslist.AccessListXlsx;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code GET /access-list} in three formats and {@code PUT /admin/access-list}: auth, refusal with located errors, and the swap. */
class AccessListAdminRoutesTest {
    static final String FORESTER = "forester-token-0001", ADMIN = "admin-token-00000001";
    static final AccessTokens TOKENS = AccessTokens.parse(List.of(FORESTER + ":forester:王林", ADMIN + ":admin:李管理"), "test");
    static final AccessList FIXTURE = AccessListJson.parse(SiteFixtureLayers.ACCESS_LIST.getBytes(StandardCharsets.UTF_8));
    static final String SITE = "{\"type\":\"Polygon\",\"coordinates\":[[[113.30,40.22],[113.31,40.22],[113.31,40.23],[113.30,40.23],[113.30,40.22]]]}";

    @TempDir Path dir;
    EcoZoneServer server;
    Http http;

    @BeforeEach
    void start() {
        LayerLoader.Result r = LayerLoader.load(SiteFixtureLayers.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        server = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(TOKENS), r.layers());
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return HttpClient.newHttpClient().send(http.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    Http.Response put(byte[] body, String contentType, String token) {
        HttpRequest.Builder b = http.request("/admin/access-list").header("Content-Type", contentType);
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    List<String> clauseIds() {
        Http.Response r = http.post("/analysis/site-check", "application/json", SITE);
        assertEquals(200, r.status(), r.body());
        List<String> ids = new ArrayList<>();
        r.json().get("clauses").forEach(c -> ids.add(c.get("clauseId").asText()));
        return ids;
    }

    @Test
    void theListDownloadsAsJsonXlsxAndCsvEachHoldingTheWholeList() {
        Http.Response json = http.get("/access-list");
        assertEquals(200, json.status());
        assertEquals(AccessListJson.tree(FIXTURE), json.json());
        HttpResponse<byte[]> xlsx = bytes("/access-list?f=xlsx");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("access-list.xlsx"));
        assertEquals(FIXTURE, AccessListXlsx.read(xlsx.body(), null).list());
        HttpResponse<byte[]> csv = bytes("/access-list?f=csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(FIXTURE, AccessListCsv.read(csv.body(), null).list());
        assertEquals(400, http.get("/access-list?f=pdf").status());
    }

    @Test
    void uploadingNeedsAnAdminToken() throws IOException {
        byte[] xlsx = AccessListXlsx.bytes(FIXTURE);
        Http.Response none = put(xlsx, "application/octet-stream", null);
        assertEquals(401, none.status());
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(401, put(xlsx, "application/octet-stream", "wrong-token-000000").status());
        Http.Response forester = put(xlsx, "application/octet-stream", FORESTER);
        assertEquals(403, forester.status());
        assertTrue(forester.json().get("detail").asText().contains("admin"));
        assertEquals(SiteFixtureLayers.ACCESS_LIST, Files.readString(dir.resolve("access-list.json")));
    }

    @Test
    void aWorkbookWithAnUnknownCodeADuplicateCodeAndAnEmptyDimensionIsRefusedWith400AndNothingChanges() throws IOException {
        String before = http.get("/access-list").body();
        List<String> clausesBefore = clauseIds();
        byte[] bad = AccessListFixtures.threeErrors(AccessListXlsx.bytes(FIXTURE));
        Http.Response r = put(bad, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ADMIN);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonNode errors = r.json().get("errors");
        assertEquals(3, errors.size(), errors.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(errors.get(i).asText().startsWith(AccessListFixtures.THREE_ERRORS_AT.get(i)), errors.get(i).asText());
            assertTrue(errors.get(i).asText().contains(AccessListFixtures.THREE_ERRORS_SAY.get(i)), errors.get(i).asText());
        }
        assertEquals(before, http.get("/access-list").body());
        assertEquals(clausesBefore, clauseIds());
        assertEquals(SiteFixtureLayers.ACCESS_LIST, Files.readString(dir.resolve("access-list.json")), "the file is untouched");
    }

    @Test
    void anAcceptedUploadIsStoredAndTheNextSiteCheckUsesIt() {
        List<String> before = clauseIds();
        String old = before.stream().filter(id -> id.endsWith("-E")).findFirst().orElseThrow(() -> new AssertionError(before.toString()));
        ObjectNode tree = AccessListJson.tree(FIXTURE);
        for (JsonNode q : tree.get("requirements")) {
            if (q.get("id").asText().equals(old)) ((ObjectNode) q).put("id", "NEW-E-01").put("effect", "限制");
        }
        AccessList changed = AccessListJson.parse(tree);
        for (byte[] body : List.of(AccessListCsv.bytes(changed), AccessListXlsx.bytes(changed))) {
            Http.Response r = put(body, "application/octet-stream", ADMIN);
            assertEquals(200, r.status(), r.body());
            assertEquals(16, r.json().get("units").asInt());
            assertEquals(changed.requirements().size(), r.json().get("requirements").asInt());
        }
        List<String> after = clauseIds();
        assertTrue(after.contains("NEW-E-01") && !after.contains(old), after.toString());
        assertEquals(changed, AccessListJson.read(dir.resolve("access-list.json")), "stored in the catalog's file");
        assertEquals(AccessListJson.tree(changed), http.get("/access-list").json());
    }
}
