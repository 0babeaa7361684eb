package cn.ecozone.bench;

import cn.ecozone.testsupport.RestorationFixture;
import cn.ecozone.testsupport.SyntheticLoad;
import cn.ecozone.testsupport.TileMath;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Soak (issue 13, item 4): a server JVM ({@code Main serve}, -Xmx1536m) on the national-scale synthetic load (44,604
 * units + 100,000 red lines) plus the editable restoration layer, under {@code -Dsoak.minutes} (default 20) of mixed
 * load: items pages, identify, vector tiles, small site checks (request thread) and large 4,996-vertex sites with
 * nearbyM=5000 (the pool path, which prepares zones), and edits (PUT with If-Match, compacting every 1000). Each
 * minute the server's heap after a full GC ({@code jcmd PID GC.run}, then {@code jvm_memory_used_bytes{area="heap"}}
 * from /metrics) and its RSS ({@code /proc/PID/status}) are sampled; the least-squares slope of each over the samples
 * after a warm-up minute must stay below a bound. Every request must succeed (large sites may be told 503 busy).
 * Run: {@code mvn -B -Pbench -DbuildDir=/tmp/soak test -Dtest=SoakBenchmark -Dsoak.minutes=20}
 */
@Tag("bench")
class SoakBenchmark {
    static final int MINUTES = Integer.getInteger("soak.minutes", 20);
    static final int SAMPLE_SECONDS = Integer.getInteger("soak.sampleSeconds", 60);
    static final int CLIENTS = Integer.getInteger("soak.clients", 4);
    /** Bounds on the slopes, MB per minute: a leak of a few MB a minute is 100 MB a day. */
    static final double HEAP_SLOPE_MB = Double.parseDouble(System.getProperty("soak.heapSlopeMb", "2"));
    static final double RSS_SLOPE_MB = Double.parseDouble(System.getProperty("soak.rssSlopeMb", "8"));
    /** Bounds on every sample from minute 1 on: heap after a full GC (the layers take ≈ 320 MB) and RSS (-Xmx1536m). */
    static final double HEAP_MAX_MB = Double.parseDouble(System.getProperty("soak.heapMaxMb", "1024"));
    static final double RSS_MAX_MB = Double.parseDouble(System.getProperty("soak.rssMaxMb", "2560"));
    static final String TOKEN = "soak-token-000000001";
    static final String[] KINDS = {"items", "identify", "tile", "site-small", "site-large", "edit"};

    @TempDir Path dir;

    @Test
    void mixedLoadForMinutesLeavesNoUpwardTrendInHeapOrRss() throws Exception {
        long g0 = System.nanoTime();
        Path layers = SyntheticLoad.write(Files.createDirectories(dir.resolve("layers")), SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES);
        addRestorationLayer(layers);
        System.out.printf(Locale.ROOT, "soak: national load written in %.0f s%n", (System.nanoTime() - g0) / 1e9);
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1536m", "-cp", System.getProperty("java.class.path"), "cn.ecozone.cli.Main",
                "serve", "--port", String.valueOf(port), "--layers", layers.toString(), "--web", dir.resolve("no-web").toString());
        pb.environment().put("ECOZONE_TOKENS", TOKEN + ":forester:浸泡测试");
        pb.environment().put("ECOZONE_ACCESS_LOG", "off");
        pb.environment().remove("ECOZONE_TOKENS_FILE");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitUntilUp(base, server);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, Integer> statuses = new ConcurrentHashMap<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            String loadAtStart = ExternalLoad.loadavg();
            long start = System.nanoTime(), end = start + TimeUnit.MINUTES.toNanos(MINUTES);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random rnd = new Random(c);
                threads.add(thread(() -> {
                    while (System.nanoTime() < end) {
                        int kind = rnd.nextInt(4);
                        timed(client, KINDS[kind], request(base, kind, rnd), latencies, statuses, errors);
                    }
                }));
            }
            Random large = new Random(77);
            threads.add(thread(() -> { // large sites, one at a time, a second apart
                for (int i = 0; System.nanoTime() < end; i++) {
                    String site = SyntheticLoad.star(106.5 + (i % 5) * 3, 31.5 + (i / 5 % 4) * 3, 0.5, 0.4, 4_996, large.nextInt());
                    timed(client, "site-large", HttpRequest.newBuilder(URI.create(base + "/analysis/site-check?nearbyM=5000"))
                            .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(site)).build(), latencies, statuses, errors);
                    sleep(1000);
                }
            }));
            threads.add(thread(() -> { // an editor: read TM-01, PUT it with If-Match, five times a second
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        long s = System.nanoTime();
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/collections/restoration/items/TM-01"))
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                        ObjectNode f = (ObjectNode) new ObjectMapper().readTree(r.body());
                        ((ObjectNode) f.get("properties")).put("year", 2000 + i % 25);
                        f.remove("links");
                        HttpResponse<String> p = client.send(HttpRequest.newBuilder(URI.create(base + "/collections/restoration/items/TM-01"))
                                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/geo+json")
                                .header("If-Match", r.headers().firstValue("ETag").orElseThrow())
                                .PUT(HttpRequest.BodyPublishers.ofString(f.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                        record("edit", System.nanoTime() - s, p.statusCode(), p.body(), latencies, statuses, errors);
                    } catch (Exception e) {
                        errors.add("edit " + e);
                    }
                    sleep(200);
                }
            }));
            threads.forEach(Thread::start);

            List<double[]> samples = new ArrayList<>(); // minute, heap MB, RSS MB
            StringBuilder table = new StringBuilder("  minute   heap after GC MB   RSS MB   requests so far\n");
            for (int m = 0; m <= MINUTES; m++) {
                long at = start + TimeUnit.SECONDS.toNanos((long) m * SAMPLE_SECONDS);
                long wait = at - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                if (!server.isAlive()) fail("server died: " + tail());
                double heap = heapAfterGcMb(client, base, server.pid()), rss = rssMb(server.pid());
                double minute = (System.nanoTime() - start) / 60e9;
                samples.add(new double[]{minute, heap, rss});
                int n = statuses.values().stream().mapToInt(Integer::intValue).sum();
                String line = String.format(Locale.ROOT, "  %6.1f   %16.1f   %6.0f   %,d%n", minute, heap, rss, n);
                table.append(line);
                System.out.print(line);
            }
            for (Thread t : threads) t.join(180_000);

            // the first minute is warm-up (JIT, pools, caches filling): the trend is fitted from minute 1 on
            List<double[]> fitted = samples.size() > 3 ? samples.subList(1, samples.size()) : samples;
            double heapSlope = slope(fitted, 1), rssSlope = slope(fitted, 2);
            Map<String, String> summary = new TreeMap<>();
            latencies.forEach((k, v) -> summary.put(k, summary(v)));
            String report = String.format(Locale.ROOT,
                    "%n===== SoakBenchmark: %d min, %d clients + large sites + editor, national load (b) =====%n%s"
                            + "  heap slope %.2f MB/min (bound %.1f), RSS slope %.2f MB/min (bound %.1f), fitted from minute %.1f; every sample bounded by heap %.0f MB, RSS %.0f MB%n"
                            + "  load average at start: %s, at end: %s%n"
                            + "  statuses %s%n  latency %s%n  errors %d %s%n",
                    MINUTES, CLIENTS, table, heapSlope, HEAP_SLOPE_MB, rssSlope, RSS_SLOPE_MB, fitted.get(0)[0], HEAP_MAX_MB, RSS_MAX_MB,
                    loadAtStart, ExternalLoad.loadavg(), new TreeMap<>(statuses), summary,
                    errors.size(), errors.subList(0, Math.min(10, errors.size())));
            System.out.print(report);
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "soak-benchmark.txt"), report);
            assertEquals(List.of(), errors.subList(0, Math.min(10, errors.size())), errors.size() + " failed requests");
            assertTrue(latencies.getOrDefault("site-large", List.of()).size() > 0 && latencies.getOrDefault("edit", List.of()).size() > 0, report);
            assertTrue(heapSlope < HEAP_SLOPE_MB, "heap after GC trends upward: " + report);
            assertTrue(rssSlope < RSS_SLOPE_MB, "RSS trends upward: " + report);
            for (double[] f : fitted) {
                assertTrue(f[1] <= HEAP_MAX_MB, "heap after GC " + f[1] + " MB at minute " + f[0] + " over the bound " + HEAP_MAX_MB + " MB: " + report);
                assertTrue(f[2] <= RSS_MAX_MB, "RSS " + f[2] + " MB at minute " + f[0] + " over the bound " + RSS_MAX_MB + " MB: " + report);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    /** The restoration layer (editable) of RestorationFixture, added to the synthetic catalog. */
    private void addRestorationLayer(Path layers) throws IOException {
        Path fixture = RestorationFixture.write(Files.createDirectories(dir.resolve("fixture")));
        ObjectMapper json = new ObjectMapper();
        ObjectNode catalog = (ObjectNode) json.readTree(layers.resolve("catalog.json").toFile());
        for (var layer : json.readTree(fixture.resolve("catalog.json").toFile()).get("layers")) {
            if (layer.get("id").asText().equals("restoration")) ((ArrayNode) catalog.get("layers")).add(layer);
        }
        Files.writeString(layers.resolve("catalog.json"), catalog.toString());
        Files.copy(fixture.resolve("restoration.geojson"), layers.resolve("restoration.geojson"));
    }

    /** items, identify, tile or small site anywhere over the national extent. */
    static HttpRequest request(String base, int kind, Random r) {
        var ex = SyntheticLoad.EXTENT;
        double lon = ex.getMinX() + 0.2 + r.nextDouble() * (ex.getWidth() - 0.4), lat = ex.getMinY() + 0.2 + r.nextDouble() * (ex.getHeight() - 0.4);
        HttpRequest.Builder b = switch (kind) {
            case 0 -> HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, "%s/collections/%s/items?limit=100&bbox=%.4f,%.4f,%.4f,%.4f",
                    base, r.nextBoolean() ? "control_unit" : "redline", lon, lat, lon + 0.1, lat + 0.08)));
            case 1 -> HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, "%s/analysis/identify?lon=%.5f&lat=%.5f", base, lon, lat)));
            case 2 -> {
                int z = 6 + r.nextInt(6);
                yield HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, "%s/collections/%s/tiles/WebMercatorQuad/%d/%d/%d", base,
                        r.nextBoolean() ? "control_unit" : "redline", z, TileMath.row(lat, z), TileMath.column(lon, z))));
            }
            default -> HttpRequest.newBuilder(URI.create(base + "/analysis/site-check?nearbyM=1000")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SyntheticLoad.star(lon, lat, 0.02, 0.02, 200, r.nextInt())));
        };
        return b.timeout(Duration.ofSeconds(60)).build();
    }

    private static void timed(HttpClient client, String kind, HttpRequest req, Map<String, List<Long>> latencies, Map<String, Integer> statuses,
                              List<String> errors) {
        long s = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            record(kind, System.nanoTime() - s, r.statusCode(), r.body(), latencies, statuses, errors);
        } catch (Exception e) {
            errors.add(kind + " " + e + " " + req.uri());
        }
    }

    private static void record(String kind, long nanos, int status, String body, Map<String, List<Long>> latencies, Map<String, Integer> statuses,
                               List<String> errors) {
        statuses.merge(kind + " " + status, 1, Integer::sum);
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        boolean ok = status == 200 || status == 204 || (kind.equals("site-large") && status == 503);
        if (!ok) errors.add(kind + " " + status + " " + body.substring(0, Math.min(300, body.length())));
    }

    /** A full GC in the server (jcmd GC.run), then the heap in use from /metrics, in MB. */
    private static double heapAfterGcMb(HttpClient client, String base, long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (int i = 0; i < 2; i++) {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("jcmd GC.run failed");
        }
        String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double bytes = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        if (bytes <= 0) throw new IllegalStateException("no jvm_memory_used_bytes{area=heap} in /metrics");
        return bytes / (1 << 20);
    }

    private static double rssMb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
        }
        throw new IllegalStateException("no VmRSS");
    }

    /** Least-squares slope of column y against column 0 (minutes). */
    static double slope(List<double[]> s, int y) {
        double n = s.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : s) {
            sx += p[0];
            sy += p[y];
            sxx += p[0] * p[0];
            sxy += p[0] * p[y];
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static String summary(List<Long> nanos) {
        long[] a;
        synchronized (nanos) {
            a = nanos.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(a);
        return String.format(Locale.ROOT, "n=%d p50=%.1fms p99=%.1fms", a.length, a[a.length / 2] / 1e6, a[Math.min(a.length - 1, (int) (a.length * 0.99))] / 1e6);
    }

    private static Thread thread(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() throws IOException {
        String log = Files.readString(dir.resolve("server.log"));
        return log.substring(Math.max(0, log.length() - 3000));
    }

    private void waitUntilUp(String base, Process p) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("soak.startSeconds", 900)); // loading (b) on a busy box
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) fail("server exited: " + tail());
            try {
                if (c.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        fail("server did not start: " + tail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
