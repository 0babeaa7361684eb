package cn.ecozone.process;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OGC API – Processes Part 1 over HTTP, following the abstract test suite of the declared classes: core (process
 * list, execution sync and async, job status, results), ogc-process-description, json, job-list and dismiss; and
 * interactive site checks keep their latency while a batch job of a few hundred projects runs.
 */
class ProcessesConformanceTest {
    static final String CONF = "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/";
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        Path layers = dir.resolve("layers");
        Files.createDirectories(layers);
        try (var files = Files.list(Path.of("layers"))) {
            for (Path f : files.toList()) if (Files.isRegularFile(f) && !f.toString().endsWith(".journal.jsonl")) Files.copy(f, layers.resolve(f.getFileName()));
        }
        server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(layers).layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(String path) {
        Http.Response r = http.get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return r.json();
    }

    static Http.Response execute(String process, String body, boolean async) {
        return async ? http.post("/processes/" + process + "/execution", "application/json", body, "Prefer", "respond-async")
                : http.post("/processes/" + process + "/execution", "application/json", body);
    }

    static String batchBody(byte[] csv, boolean reports) {
        ObjectNode r = Jobs.MAPPER.createObjectNode();
        ObjectNode in = r.putObject("inputs");
        in.put("projects", new String(csv, java.nio.charset.StandardCharsets.UTF_8));
        in.put("industry", "光伏");
        if (reports) in.put("reports", true);
        return r.toString();
    }

    static JsonNode awaitJob(String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode s = json("/jobs/" + id);
            if (Set.of("successful", "failed", "dismissed").contains(s.get("status").asText())) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("job did not finish");
    }

    @Test
    void conformanceDeclaresTheFiveProcessesClassesAndTheLandingPageLinksProcessesAndJobs() {
        Set<String> declared = new HashSet<>();
        json("/conformance").get("conformsTo").forEach(c -> declared.add(c.asText()));
        for (String c : List.of("core", "ogc-process-description", "json", "job-list", "dismiss")) assertTrue(declared.contains(CONF + c), c);
        Set<String> rels = new HashSet<>();
        json("/").get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertTrue(rels.contains("http://www.opengis.net/def/rel/ogc/1.0/processes"));
        assertTrue(rels.contains("http://www.opengis.net/def/rel/ogc/1.0/job-list"));
    }

    // /conf/core/process-list, /conf/ogc-process-description
    @Test
    void theProcessListLinksEachDescriptionWhichDescribesItsInputsAndOutputs() {
        JsonNode list = json("/processes");
        List<String> ids = new ArrayList<>();
        for (JsonNode p : list.get("processes")) {
            ids.add(p.get("id").asText());
            assertNotNull(p.get("version"));
            assertTrue(p.get("jobControlOptions").toString().contains("async-execute"));
            String self = p.get("links").get(0).get("href").asText();
            assertEquals(http.base() + "/processes/" + p.get("id").asText(), self);
            JsonNode d = json(self.substring(http.base().length()));
            assertEquals(p.get("id"), d.get("id"));
            assertTrue(d.get("inputs").size() > 0 && d.get("outputs").size() > 0);
            d.get("inputs").forEach(i -> {
                assertTrue(i.has("schema") && i.has("minOccurs") && i.has("maxOccurs"));
                assertTrue(i.has("title"));
            });
            d.get("outputs").forEach(o -> assertTrue(o.has("schema")));
        }
        assertEquals(List.of("site-check", "batch-check"), ids);
        assertEquals(1, json("/processes/batch-check").at("/inputs/projects/minOccurs").asInt());
        Http.Response missing = http.get("/processes/no-such");
        assertEquals(404, missing.status());
        assertEquals("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process", missing.json().get("type").asText());
    }

    // /conf/core/process-execute-sync-one: the same JSON as POST /analysis/site-check
    @Test
    void aSynchronousSiteCheckAnswersTheSameJsonAsTheAnalysisEndpoint() {
        BatchFixture.Square s = BatchFixture.GOOD.get(0);
        JsonNode direct = http.post("/analysis/site-check?industry=%E5%85%89%E4%BC%8F&name=" + java.net.URLEncoder.encode(s.name(),
                java.nio.charset.StandardCharsets.UTF_8), "text/plain", s.wkt()).json();
        Http.Response r = execute("site-check", "{\"inputs\": {\"site\": \"" + s.wkt() + "\", \"industry\": \"光伏\", \"name\": \"" + s.name() + "\"}}", false);
        assertEquals(200, r.status(), r.body());
        assertEquals(direct, r.json());
        assertEquals("prohibited", r.json().get("verdict").asText());
        assertTrue(r.json().at("/dataVersion/id").asText().startsWith("2025-12-31-"), "the result names its data version");
        Http.Response bad = execute("site-check", "{\"inputs\": {\"sight\": \"x\"}}", false);
        assertEquals(400, bad.status());
    }

    // /conf/core/job-creation-*, job-results, /conf/job-list, /conf/dismiss
    @Test
    void anAsyncBatchIsAJobWithLocationProgressResultsAndItCanBeListedAndDismissed() throws Exception {
        Http.Response created = execute("batch-check", batchBody(BatchFixture.csv(), true), true);
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("jobID").asText();
        assertEquals(http.base() + "/jobs/" + id, created.header("Location"));
        assertEquals("batch-check", created.json().get("processID").asText());
        assertEquals("process", created.json().get("type").asText());
        assertTrue(Set.of("accepted", "running", "successful").contains(created.json().get("status").asText()));

        JsonNode done = awaitJob(id);
        assertEquals("successful", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        assertEquals(5, done.get("processed").asInt());
        assertEquals(5, done.get("total").asInt());
        assertTrue(done.toString().contains("http://www.opengis.net/def/rel/ogc/1.0/results"));

        JsonNode results = json("/jobs/" + id + "/results");
        assertEquals(2, results.at("/summary/perVerdict/prohibited").asInt());
        assertEquals(6, results.at("/summary/errors/0/row").asInt());
        Http.Response table = http.get(results.at("/table/href").asText().substring(http.base().length()));
        assertEquals(200, table.status());
        assertTrue(table.contentType().startsWith("text/csv"));
        assertTrue(table.body().startsWith("\uFEFF"));
        assertEquals(200, http.get("/jobs/" + id + "/results/reports").status());
        JsonNode projects = json("/jobs/" + id + "/results/projects");
        assertEquals(done.get("dataVersion").asText(), projects.get(0).get("dataVersion").asText(), "each row names the data version");

        List<String> listed = new ArrayList<>();
        json("/jobs").get("jobs").forEach(j -> listed.add(j.get("jobID").asText()));
        assertTrue(listed.contains(id));

        Http.Response dismissed = http.send("DELETE", "/jobs/" + id, null, null);
        assertEquals(200, dismissed.status());
        assertEquals("dismissed", dismissed.json().get("status").asText());
        Http.Response gone = http.get("/jobs/" + id);
        assertEquals(404, gone.status());
        assertEquals("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job", gone.json().get("type").asText());
        assertEquals(404, http.send("DELETE", "/jobs/" + id, null, null).status());
    }

    @Test
    void resultsOfAJobStillRunningAreNotReady() {
        Http.Response created = execute("batch-check", batchBody(BatchJobTest.manyProjects(400), false), true);
        String id = created.json().get("jobID").asText();
        Http.Response r = http.get("/jobs/" + id + "/results");
        if (r.status() != 200) {
            assertEquals(404, r.status());
            assertEquals("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready", r.json().get("type").asText());
        }
        http.send("DELETE", "/jobs/" + id, null, null);
    }

    @Test
    void aSynchronousBatchAnswersItsResultsDocument() {
        Http.Response r = execute("batch-check", batchBody(BatchFixture.csv(), false), false);
        assertEquals(200, r.status(), r.body());
        assertEquals(5, r.json().at("/summary/projects").asInt());
        assertTrue(r.json().at("/table/href").asText().contains("/results/table"));
    }

    /** A site of n vertices: a circle of radius r metres around (x, y). */
    static String circle(double x, double y, double r, int n) {
        StringBuilder b = new StringBuilder("POLYGON((");
        double dy = r / 111_320.0, dx = dy / Math.cos(Math.toRadians(y));
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            if (i > 0) b.append(", ");
            b.append(String.format(Locale.ROOT, "%.7f %.7f", x + dx * Math.cos(a), y + dy * Math.sin(a)));
        }
        return b.append("))").toString();
    }

    static double percentile(List<Double> ms, double p) {
        List<Double> s = new ArrayList<>(ms);
        s.sort(null);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p * s.size()) - 1));
    }

    @Test
    void interactiveSiteChecksKeepTheirLatencyWhileABatchOfSeveralHundredProjectsRuns() throws Exception {
        String site = BatchFixture.GOOD.get(2).wkt();
        // warm-up, then idle latency
        for (int i = 0; i < 100; i++) http.post("/analysis/site-check?industry=%E5%85%89%E4%BC%8F", "text/plain", site);
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < 300; i++) idle.add(timed(site));
        // 400 projects of 500 vertices, 0.5–2.5 km radius, across the sample districts
        StringBuilder csv = new StringBuilder("name,wkt\n");
        for (int i = 0; i < 400; i++) {
            double x = 112.3 + (i % 20) * 0.07, y = 39.5 + (i / 20) * 0.05;
            csv.append("项目").append(i).append(",\"").append(circle(x, y, 500 + (i % 5) * 500, 500)).append("\"\n");
        }
        String id = execute("batch-check", batchBody(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), false), true)
                .json().get("jobID").asText();
        while (json("/jobs/" + id).get("processed").asInt() < 5) Thread.sleep(5);
        long t0 = System.nanoTime();
        List<Double> busy = new ArrayList<>();
        int processedBefore = json("/jobs/" + id).get("processed").asInt();
        while (busy.size() < 300 && !json("/jobs/" + id).get("status").asText().equals("successful")) {
            for (int i = 0; i < 10; i++) busy.add(timed(site));
        }
        double busySeconds = (System.nanoTime() - t0) / 1e9;
        JsonNode during = json("/jobs/" + id);
        int processedDuring = during.get("processed").asInt() - processedBefore;
        JsonNode done = awaitJob(id);
        assertEquals("successful", done.get("status").asText());
        double jobSeconds = java.time.Duration.between(java.time.Instant.parse(done.get("started").asText()),
                java.time.Instant.parse(done.get("finished").asText())).toMillis() / 1000.0;
        String figures = String.format(Locale.ROOT, "interactive site check idle p50 %.2f ms p99 %.2f ms (n=%d); during the batch job p50 %.2f ms p99 %.2f ms "
                        + "(n=%d over %.1f s, job advanced %d projects meanwhile); job: 400 projects × 500 vertices in %.1f s = %.0f projects/s",
                percentile(idle, 0.5), percentile(idle, 0.99), idle.size(), percentile(busy, 0.5), percentile(busy, 0.99), busy.size(), busySeconds,
                processedDuring, jobSeconds, 400 / jobSeconds);
        System.out.println("[batch latency] " + figures);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "batch-latency.txt"), figures + "\n");
        assertTrue(busy.size() >= 50, "measured while the job ran: " + figures);
        // loose bound for a shared 2-core machine: the job never makes interactive checks wait for it
        assertTrue(percentile(busy, 0.5) <= 3 * percentile(idle, 0.5) + 5, figures);
    }

    static double timed(String site) {
        long t = System.nanoTime();
        Http.Response r = http.post("/analysis/site-check?industry=%E5%85%89%E4%BC%8F", "text/plain", site);
        double ms = (System.nanoTime() - t) / 1e6;
        if (r.status() != 200) throw new UncheckedIOException(new IOException(r.body()));
        return ms;
    }

    @Test
    void unknownJobsAndOutputsAre404() {
        assertEquals(404, http.get("/jobs/nope").status());
        assertEquals(404, http.get("/jobs/nope/results").status());
        assertFalse(http.get("/jobs").body().contains("nope"));
    }
}
