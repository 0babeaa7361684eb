package cn.ecozone.ops;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.Limits;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** {@code GET /metrics} (Prometheus text), the JSON access-log line, and the request id in headers and problem JSON. */
class MetricsAndLogsTest {
    static final String ADMIN = "metrics-admin-token-1";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?$");

    @TempDir Path dir;
    private EcoZoneServer server;
    private Http http;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void start() {
        RestorationFixture.write(dir);
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, logged), true, StandardCharsets.UTF_8));
        server = EcoZoneServer.start(new ServerConfig(0, dir, dir.resolve("styles"), dir.resolve("web"), ServerConfig.DEFAULT_MAX_BODY_BYTES,
                "embedded", AccessTokens.parse(List.of(ADMIN + ":admin:运维"), "test")), LayerLoader.load(dir).layers());
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        System.setErr(originalErr);
    }

    @Test
    void metricsParseAsPrometheusTextAndCountRequestsByRouteAndStatus() throws Exception {
        for (int i = 0; i < 3; i++) assertEquals(200, http.get("/collections/restoration/items/TM-0" + (1 + i % 2)).status());
        assertEquals(404, http.get("/collections/restoration/items/NOPE").status());
        assertEquals(404, http.get("/no/such/path/" + System.nanoTime()).status());
        Map<String, Double> samples = null;
        for (int attempt = 0; attempt < 50; attempt++) { // the request log records a request just after its answer
            samples = parse(http.get("/metrics"));
            if (samples.getOrDefault(key("ecozone_http_requests_seconds_count", "/collections/{collectionId}/items/{featureId}", "200"), 0.0) >= 3
                    && samples.containsKey(key("ecozone_http_requests_seconds_count", "unmatched", "404"))) break;
            Thread.sleep(100);
        }
        assertEquals(3.0, samples.get(key("ecozone_http_requests_seconds_count", "/collections/{collectionId}/items/{featureId}", "200")),
                "3 item reads counted under the matched path, not the raw URL");
        assertEquals(1.0, samples.get(key("ecozone_http_requests_seconds_count", "/collections/{collectionId}/items/{featureId}", "404")));
        assertTrue(samples.keySet().stream().noneMatch(k -> k.contains("TM-01") || k.contains("/no/such")), "no raw URLs as labels");
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("ecozone_http_requests_seconds_bucket{") && k.contains("le=")), "latency histogram");
        assertEquals(5.0, samples.get("ecozone_layer_features{layer=\"restoration\"}"));
        assertTrue(samples.containsKey("ecozone_journal_size_bytes{layer=\"restoration\"}"), samples.keySet().toString());
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("ecozone_layer_version_info{layer=\"restoration\"")));
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")));
    }

    @Test
    void analysisDurationsAndRejectionsAreCounted() throws Exception {
        var measured = http.post("/analysis/measure", "application/geo+json", "{\"type\":\"FeatureCollection\",\"features\":[" + RestorationFixture.plot("M-1",
                "天马泰山", "待修复", 2025, 1.0, 113.32, 40.03, 113.321, 40.031) + "]}");
        assertEquals(200, measured.status(), measured.body());
        // a server allowing sites of at most 4 vertices: a hexagon is refused with 413 before any work
        try (EcoZoneServer small = EcoZoneServer.start(new ServerConfig(0, dir, dir.resolve("styles"), dir.resolve("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded", AccessTokens.none()).withLimits(new Limits(4, 100, Duration.ofSeconds(5), 2)),
                LayerLoader.load(dir).layers())) {
            Http h = new Http(small.port());
            var refused = h.post("/analysis/site-check", "text/plain",
                    "POLYGON((113.21 40.25,113.22 40.25,113.23 40.26,113.22 40.27,113.21 40.27,113.20 40.26,113.21 40.25))");
            assertEquals(413, refused.status(), refused.body());
            Map<String, Double> samples = null;
            for (int attempt = 0; attempt < 50; attempt++) {
                samples = parse(h.get("/metrics"));
                if (samples.containsKey("ecozone_analysis_rejections_total{route=\"/analysis/site-check\",status=\"413\"}")) break;
                Thread.sleep(100);
            }
            assertEquals(1.0, samples.get("ecozone_analysis_rejections_total{route=\"/analysis/site-check\",status=\"413\"}"), samples.keySet().toString());
        }
        Map<String, Double> samples = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            samples = parse(http.get("/metrics"));
            if (samples.containsKey("ecozone_analysis_duration_seconds_count{route=\"/analysis/measure\",status=\"200\"}")) break;
            Thread.sleep(100);
        }
        assertEquals(1.0, samples.get("ecozone_analysis_duration_seconds_count{route=\"/analysis/measure\",status=\"200\"}"), "analysis durations by route");
    }

    @Test
    void accessLogLineIsJsonAndRequestIdIsEchoedInHeaderAndProblem() throws Exception {
        var given = http.get("/collections/nope/items", "X-Request-Id", "abc-123.test");
        assertEquals(404, given.status());
        assertEquals("abc-123.test", given.header("X-Request-Id"));
        assertEquals("abc-123.test", given.json().get("requestId").asText(), "problem JSON carries the request id");
        var generated = http.get("/collections/restoration/items/NOPE", "X-Request-Id", "bad id with spaces <script>");
        String id = generated.header("X-Request-Id");
        assertNotNull(id);
        assertTrue(id.matches("[0-9a-f]{16,32}"), "an insane incoming id is replaced by a generated one: " + id);
        assertEquals(id, generated.json().get("requestId").asText());
        var ok = http.get("/health");
        assertNotNull(ok.header("X-Request-Id"));

        JsonNode line = null;
        for (int attempt = 0; attempt < 50 && line == null; attempt++) {
            for (String l : logged.toString(StandardCharsets.UTF_8).split("\n")) {
                if (l.contains("ecozone.access") && l.contains("\"abc-123.test\"")) line = new ObjectMapper().readTree(l.substring(l.indexOf('{')));
            }
            if (line == null) Thread.sleep(100);
        }
        assertNotNull(line, "access log line for the request: " + logged.toString(StandardCharsets.UTF_8));
        for (String f : List.of("time", "requestId", "route", "status", "durationMs", "bytes", "client", "method", "path")) {
            assertTrue(line.has(f), "field " + f + " in " + line);
        }
        assertEquals("/collections/{collectionId}/items", line.get("route").asText());
        assertEquals(404, line.get("status").asInt());
        assertTrue(line.get("bytes").asLong() > 0);
        assertTrue(line.get("durationMs").isNumber());
        assertEquals("127.0.0.1", line.get("client").asText());
    }

    private static String key(String name, String route, String status) {
        return name + "{method=\"GET\",route=\"" + route + "\",status=\"" + status + "\"}";
    }

    /** Parses Prometheus text format 0.0.4 strictly: every line a comment (# HELP / # TYPE) or a sample. */
    static Map<String, Double> parse(Http.Response r) {
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
        Map<String, Double> out = new java.util.HashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE "), line);
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a Prometheus sample: " + line);
            out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(4).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
        }
        return out;
    }

    private static final class TeeStream extends OutputStream {
        private final OutputStream a, b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
