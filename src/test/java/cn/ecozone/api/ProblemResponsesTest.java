package cn.ecozone.api;

import cn.ecozone.accesslist.AccessListException;
import cn.ecozone.analysis.AnalysisLimitExceeded;
import cn.ecozone.api.ogc.InvalidParameter;
import cn.ecozone.error.EcoZoneException;
import cn.ecozone.error.EcoZoneException.Kind;
import cn.ecozone.io.GeoJsonException;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.layer.EditRejected;
import cn.ecozone.layer.SourceUnavailable;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors are mapped once, by their kind: each domain exception becomes the problem JSON of its kind with its own
 * message, and a bare IllegalArgumentException or IllegalStateException — a bug — becomes a 500 whose problem JSON
 * says nothing of it.
 */
class ProblemResponsesTest {
    private static final String SECRET = "at cn.ecozone.Secret.internal(/srv/ecozone/Secret.java:42) password=hunter2";
    private static final Map<String, Supplier<RuntimeException>> THROWN = new LinkedHashMap<>();

    static {
        THROWN.put("bad-input", () -> EcoZoneException.badInput("参数有误 / bad parameter"));
        THROWN.put("not-found", () -> EcoZoneException.notFound("没有这个要素 / no such feature"));
        THROWN.put("conflict", () -> new EditRejected(EditRejected.Reason.EXISTS, "编号已存在 / id exists"));
        THROWN.put("stale", () -> new EditRejected(EditRejected.Reason.STALE, "要素已被修改 / changed since"));
        THROWN.put("too-large", () -> EcoZoneException.tooLarge("地块过大 / site too large"));
        THROWN.put("unavailable", () -> new SourceUnavailable("数据库暂不可用 / database unavailable", new SQLException("refused")));
        THROWN.put("invalid-parameter", () -> new InvalidParameter("bbox 有误 / bad bbox"));
        THROWN.put("site-input", () -> new SiteInputException("地块无法读取 / unreadable site"));
        THROWN.put("site-too-large", () -> SiteInputException.tooLarge("顶点过多 / too many vertices"));
        THROWN.put("geojson", () -> new GeoJsonException("不是 GeoJSON / not GeoJSON"));
        THROWN.put("access-list", () -> new AccessListException("准入清单有误 / bad access list"));
        THROWN.put("analysis-limit", () -> new AnalysisLimitExceeded("区域", "zones", 9, 5));
        THROWN.put("bug-argument", () -> new IllegalArgumentException(SECRET));
        THROWN.put("bug-state", () -> new IllegalStateException(SECRET));
    }

    private static Javalin app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.defaultContentType = "application/json"; // as EcoZoneServer
        });
        new ProblemResponses().register(app);
        THROWN.forEach((path, thrown) -> app.get("/" + path, ctx -> {
            throw thrown.get();
        }));
        app.start(0);
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static JsonNode problem(String path, int status) {
        Http.Response r = http.get("/" + path);
        assertEquals(status, r.status(), path + ": " + r.body());
        assertTrue(r.contentType().startsWith(ProblemResponses.CONTENT_TYPE), path + ": " + r.contentType());
        JsonNode p = r.json();
        assertEquals(status, p.path("status").asInt(), path);
        assertEquals("/" + path, p.path("instance").asText(), path);
        return p;
    }

    @Test
    void eachKindHasItsStatusAndKeepsItsMessage() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("bad-input", 400);
        expected.put("not-found", 404);
        expected.put("conflict", 409);
        expected.put("stale", 412);
        expected.put("too-large", 413);
        expected.put("unavailable", 503);
        expected.put("invalid-parameter", 400);
        expected.put("site-input", 400);
        expected.put("site-too-large", 413);
        expected.put("geojson", 400);
        expected.put("access-list", 400);
        expected.put("analysis-limit", 413);
        expected.forEach((path, status) -> {
            JsonNode p = problem(path, status);
            String message = THROWN.get(path).get().getMessage();
            assertTrue(p.path("detail").asText().startsWith(message), path + ": " + p);
            assertFalse(p.path("title").asText().isBlank(), path);
        });
    }

    @Test
    void theStatusOfEveryKindIsDecidedInOnePlace() {
        for (Kind k : Kind.values()) {
            int s = ProblemResponses.status(k);
            assertTrue(s >= 400 && s < 600, k + " → " + s);
            assertTrue((k == Kind.UNAVAILABLE) == (s >= 500), k + " → " + s + ": only an unavailable store is the server's side");
        }
    }

    @Test
    void aBareIllegalArgumentOrStateIsABugAnswered500WithoutItsMessage() {
        for (String path : new String[] {"bug-argument", "bug-state"}) {
            JsonNode p = problem(path, 500);
            String body = p.toString();
            assertFalse(body.contains("Secret") || body.contains("hunter2") || body.contains("/srv/") || body.contains("Exception"), body);
            assertTrue(p.path("detail").asText().contains("服务器处理请求时出错"), body);
        }
    }
}
