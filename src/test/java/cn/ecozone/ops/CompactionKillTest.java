package cn.ecozone.ops;

import cn.ecozone.testsupport.ServerProcess;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * As {@code KillDuringEditsTest}, with automatic compaction every 5 edits: the server JVM edits and compacts
 * continuously and is SIGKILLed at a random moment, three times over on the same folder. After each restart every
 * acknowledged insert is there exactly once, TM-01's history has every acknowledged version once (revisions 0, 1, 2 …
 * without gap or repeat), compaction really happened, and the layers load clean.
 */
class CompactionKillTest {
    static final String TOKEN = "compact-kill-token-01";

    @TempDir Path dir;

    @Test
    void sigkillAtRandomMomentsOfEditingAndCompactingLosesNothing() throws Exception {
        RestorationFixture.write(dir);
        int port = ServerProcess.freePort();
        Random random = new Random(Long.getLong("seed", System.nanoTime()));
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicInteger replaces = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        for (int round = 0; round < 3; round++) {
            Process server = startServer(port);
            int before = acknowledged.size();
            Thread editor;
            try {
                waitUntilUp(port, server);
                if (round > 0) check(port, acknowledged, replaces.get());
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                editor = new Thread(() -> {
                    try {
                        String etag = etagOf(client, port);
                        while (true) {
                            int i = next.getAndIncrement();
                            String id = "C-" + i;
                            var r = send(client, port, "POST", "/collections/restoration/items", null,
                                    RestorationFixture.plot(id, "天马泰山", "待修复", 2025, 1.0, 113.32 + (i % 50) * 0.0015, 40.03 + (i / 50) * 0.0015 % 0.06,
                                            113.321 + (i % 50) * 0.0015, 40.031 + (i / 50) * 0.0015 % 0.06));
                            if (r.statusCode() != 201) throw new AssertionError("insert refused: " + r.statusCode() + " " + r.body());
                            acknowledged.add(id);
                            var p = send(client, port, "PUT", "/collections/restoration/items/TM-01", etag,
                                    RestorationFixture.plot("TM-01", "天马泰山", "已验收", 2000 + i % 25, 100.0, 113.31, 40.01, 113.312, 40.0125));
                            if (p.statusCode() != 200) throw new AssertionError("replace refused: " + p.statusCode() + " " + p.body());
                            etag = p.headers().firstValue("ETag").orElseThrow();
                            replaces.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the server is gone
                    }
                });
                editor.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (acknowledged.size() < before + 12 && System.nanoTime() < deadline && editor.isAlive()) Thread.sleep(5);
                Thread.sleep(random.nextInt(1500)); // a random moment: mid-append, mid-compaction, between them
            } finally {
                server.destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
            }
            editor.join(30_000);
            assertTrue(acknowledged.size() >= before + 12, "edits acknowledged in round " + round + ": " + (acknowledged.size() - before));
        }
        Process again = startServer(port);
        try {
            waitUntilUp(port, again);
            check(port, acknowledged, replaces.get());
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.readString(dir.resolve("restoration.geojson")).contains("\"ecozone:journalSeq\""), "compaction ran");
        assertTrue(Files.size(dir.resolve("restoration.history.jsonl")) > 0, "folded edits are in the history");
        assertTrue(cn.ecozone.layer.LayerLoader.load(dir).ok());
    }

    /** Every acknowledged insert once (at most one unacknowledged extra per kill), TM-01's versions without gap or repeat. */
    private void check(int port, List<String> acknowledged, int acknowledgedReplaces) {
        Http http = new Http(port);
        JsonNode plots = http.get("/analysis/measure/restoration").json().get("plots");
        List<String> ids = new ArrayList<>();
        plots.forEach(p -> ids.add(p.get("id").asText()));
        for (String id : acknowledged) assertEquals(1, ids.stream().filter(id::equals).count(), "acknowledged insert present once: " + id);
        assertEquals(ids.size(), ids.stream().distinct().count(), "no feature twice");
        int extra = ids.size() - 5 - acknowledged.size();
        assertTrue(extra >= 0 && extra <= 3, "only edits in flight at a kill may be extra: " + extra);
        JsonNode versions = http.get("/collections/restoration/items/TM-01/history").json().get("versions");
        for (int i = 0; i < versions.size(); i++) assertEquals(i, versions.get(i).get("revision").asInt(), "revision " + i);
        int replaced = versions.size() - 1;
        assertTrue(replaced >= acknowledgedReplaces && replaced <= acknowledgedReplaces + 3,
                "TM-01 versions " + replaced + ", acknowledged replaces " + acknowledgedReplaces);
        assertEquals(2019, versions.get(0).at("/feature/properties/year").asInt(), "the loaded version stays in the history");
    }

    private Process startServer(int port) throws IOException {
        return new ServerProcess(port, dir.resolve("server.log"), "--layers", dir.toString(), "--web", dir.resolve("no-web").toString())
                .env("ECOZONE_TOKENS", TOKEN + ":forester:压缩测试").env("ECOZONE_COMPACT_EDITS", "5").start();
    }

    private void waitUntilUp(int port, Process p) throws Exception {
        ServerProcess.waitUntilUp(port, p, dir.resolve("server.log"));
    }

    private static HttpResponse<String> send(HttpClient c, int port, String method, String path, String ifMatch, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/geo+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String etagOf(HttpClient c, int port) throws IOException, InterruptedException {
        var r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/collections/restoration/items/TM-01/history")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("versions");
        return "\"" + v.get(v.size() - 1).get("etag").asText() + "\"";
    }
}
