package cn.ecozone.hardening;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100 concurrent clients send a mix of items, identify and site-check requests to a server on the sample
 * layers, on loopback, for a bounded time ({@code -Dload.seconds}, 10 s in the normal suite, 60 s for the
 * README figures): every request must succeed, and the heap after the run (after GC) stays within 20 % of
 * before. Latencies and throughput are printed, not asserted.
 */
class LoadTest {
    static final int CLIENTS = Integer.getInteger("load.clients", 100);
    static final int SECONDS = Integer.getInteger("load.seconds", 10);

    @Test
    void hundredConcurrentClientsGetNoErrorsAndMemoryStaysBounded() throws Exception {
        LayerLoader.Result loaded = LayerLoader.load(Path.of("layers"));
        assertTrue(loaded.ok(), "sample layers must load");
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), loaded.layers())) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // warm-up at full concurrency: JIT, EPSG database, connection and buffer pools reach their working size,
            // so what is compared afterwards is growth with time, not the pools filling up
            runFor(client, base, 3, CLIENTS);
            long heapBefore = heapAfterGc();

            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            AtomicLong total = new AtomicLong();
            long t0 = System.nanoTime();
            runFor(client, base, SECONDS, CLIENTS, latencies, errors, total);
            double elapsed = (System.nanoTime() - t0) / 1e9;

            Map<String, String> report = new TreeMap<>();
            latencies.forEach((k, v) -> report.put(k, summary(v)));
            // the clients' own latency records (one per request, hundreds of thousands) share this heap: drop them first
            latencies.clear();
            long heapAfter = heapAfterGc();
            System.out.printf(Locale.ROOT, "Load: %d clients, %.0f s, %d requests, %.0f req/s, %d errors; heap %d MB → %d MB; %s%n",
                    CLIENTS, elapsed, total.get(), total.get() / elapsed, errors.size(), heapBefore >> 20, heapAfter >> 20, report);
            assertEquals(List.of(), errors.subList(0, Math.min(errors.size(), 20)), errors.size() + " failed requests");
            assertTrue(total.get() > CLIENTS, "the clients ran");
            assertTrue(heapAfter <= heapBefore * 1.2 + (8L << 20),
                    "heap grew from " + (heapBefore >> 20) + " MB to " + (heapAfter >> 20) + " MB");
        }
    }

    private static void runFor(HttpClient client, String base, int seconds, int clients) throws InterruptedException {
        runFor(client, base, seconds, clients, new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>(), new AtomicLong());
    }

    private static void runFor(HttpClient client, String base, int seconds, int clients, Map<String, List<Long>> latencies,
                               List<String> errors, AtomicLong total) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Random random = new Random(c);
            Thread t = new Thread(() -> {
                List<long[]> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        int kind = random.nextInt(3);
                        HttpRequest req = request(base, kind, random);
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) errors.add(r.statusCode() + " " + req.uri() + " " + r.body());
                        } catch (Exception e) {
                            errors.add(e + " " + req.uri());
                        }
                        mine.add(new long[]{kind, System.nanoTime() - s});
                        total.incrementAndGet();
                    }
                } finally {
                    for (long[] m : mine) {
                        latencies.computeIfAbsent(KINDS[(int) m[0]], k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(m[1]);
                    }
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
    }

    static final String[] KINDS = {"items", "identify", "site-check"};

    /** A random request of a kind, inside the sample area (大同 113.0–113.8°E, 39.8–40.5°N). */
    static HttpRequest request(String base, int kind, Random r) {
        double lon = 113.05 + r.nextDouble() * 0.7, lat = 39.85 + r.nextDouble() * 0.6;
        return switch (kind) {
            case 0 -> {
                String[] layers = {"control_unit", "redline", "water_source", "restoration", "monitoring"};
                String bbox = String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 0.1, lat + 0.08);
                yield HttpRequest.newBuilder(URI.create(base + "/collections/" + layers[r.nextInt(layers.length)] + "/items?limit=100&bbox=" + bbox)).build();
            }
            case 1 -> HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, "%s/analysis/identify?lon=%.5f&lat=%.5f", base, lon, lat))).build();
            default -> {
                double d = 0.002 + r.nextDouble() * 0.01;
                String site = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}",
                        lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
                yield HttpRequest.newBuilder(URI.create(base + "/analysis/site-check")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(site)).build();
            }
        };
    }

    private static String summary(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return String.format(Locale.ROOT, "n=%d p50=%.1fms p99=%.1fms", a.length, a[a.length / 2] / 1e6, a[(int) (a.length * 0.99)] / 1e6);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
