package cn.ecozone.hardening;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends ≥ 10 000 generated bad requests across every endpoint of a server on the sample layers: every answer
 * must be a 4xx problem JSON (never a 5xx, never a 2xx), and the server must be healthy afterwards.
 */
class FuzzTest {
    static final int REQUESTS = 10_000;

    @Test
    void tenThousandBadRequestsAllGetA4xxProblemAndTheServerStaysHealthy() throws Exception {
        LayerLoader.Result loaded = LayerLoader.load(Path.of("layers"));
        assertTrue(loaded.ok(), "sample layers must load");
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), loaded.layers())) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + server.port();
            BadRequestGenerator gen = new BadRequestGenerator(20261122L);
            List<BadRequestGenerator.BadRequest> requests = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) requests.add(gen.next());
            for (int i = 0; i < 3; i++) requests.add(gen.oversize());

            Map<String, AtomicInteger> perCategory = new ConcurrentHashMap<>();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (BadRequestGenerator.BadRequest r : requests) {
                futures.add(pool.submit(() -> {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(30));
                    if (r.contentType() != null) b.header("Content-Type", r.contentType());
                    b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
                    try {
                        HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        String type = resp.headers().firstValue("Content-Type").orElse("");
                        boolean ok = resp.statusCode() >= 400 && resp.statusCode() < 500 && type.startsWith("application/problem+json")
                                && resp.body().contains("\"detail\"");
                        if (!ok) failures.add(resp.statusCode() + " " + type + " [" + r.category() + "] " + r.method() + " " + r.path()
                                + (r.body() != null && r.body().length < 300 ? " body=" + new String(r.body()) : "") + " → "
                                + resp.body().substring(0, Math.min(200, resp.body().length())));
                    } catch (java.io.IOException e) {
                        // the server may close the connection on an oversize body after answering 413: that is a refusal too
                        if (!r.category().equals("oversize")) failures.add("I/O error [" + r.category() + "] " + r.path() + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    perCategory.computeIfAbsent(r.category(), k -> new AtomicInteger()).incrementAndGet();
                }));
            }
            for (Future<?> f : futures) f.get();
            pool.shutdown();
            System.out.println("Fuzz: " + requests.size() + " bad requests, " + failures.size() + " not answered with a 4xx problem; per category "
                    + new TreeMap<>(perCategory));
            assertTrue(failures.isEmpty(), failures.size() + " bad requests not answered with 4xx problem JSON, e.g.:\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
            // a well-quoted injection attempt is a valid filter: it must match nothing and change nothing
            String injection = java.net.URLEncoder.encode("name = 'x''; DROP TABLE redline; --'", java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> inj = client.send(HttpRequest.newBuilder(URI.create(base + "/collections/redline/items?filter=" + injection)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inj.statusCode(), inj.body());
            assertTrue(inj.body().contains("\"numberMatched\":0"), inj.body());
            assertEquals(loaded.layers().source("redline").orElseThrow().count(), server.layers().current().source("redline").orElseThrow().count());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
        }
    }
}
