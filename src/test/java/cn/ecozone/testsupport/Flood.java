package cn.ecozone.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.locationtech.jts.geom.Envelope;

/**
 * A flood of site checks sent all at once, each on its own connection, while one other client keeps asking for
 * identify and items pages over the same server: what each flooding request got (status, time) and how the other
 * client fared. A request unanswered within {@code wait} counts as status 0 (a hang).
 */
public final class Flood {
    /** One flooding request's answer: HTTP status (0 = no answer in time), milliseconds, the body's start. */
    public record Answer(int status, double ms, String body) {}

    /** The flood's answers and the concurrent client's latencies (ms) and failures. */
    public record Result(List<Answer> answers, double[] identifyMs, double[] itemsMs, List<String> clientErrors, double wallS) {
        public Map<Integer, Integer> byStatus() {
            Map<Integer, Integer> m = new TreeMap<>();
            for (Answer a : answers) m.merge(a.status(), 1, Integer::sum);
            return m;
        }

        public double[] clientMs() {
            double[] all = Arrays.copyOf(identifyMs, identifyMs.length + itemsMs.length);
            System.arraycopy(itemsMs, 0, all, identifyMs.length, itemsMs.length);
            return all;
        }

        public double maxAnswerMs() {
            return answers.stream().mapToDouble(Answer::ms).max().orElse(0);
        }

        public String summary() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "  flood: %d requests in %.1f s, by status %s%n", answers.size(), wallS, byStatus()));
            Map<Integer, List<Double>> ms = new TreeMap<>();
            for (Answer a : answers) ms.computeIfAbsent(a.status(), k -> new ArrayList<>()).add(a.ms());
            ms.forEach((s, l) -> {
                double[] a = l.stream().mapToDouble(Double::doubleValue).toArray();
                b.append(String.format(Locale.ROOT, "    %d: n=%d, answered in min %.0f / p50 %.0f / max %.0f ms%n", s, a.length,
                        Arrays.stream(a).min().orElse(0), p(a, 50), Arrays.stream(a).max().orElse(0)));
            });
            b.append(String.format(Locale.ROOT, "  concurrent client: identify n=%d p50 %.1f / p99 %.1f ms; items n=%d p50 %.1f / p99 %.1f ms; "
                            + "all p50 %.1f / p99 %.1f / max %.1f ms; %d errors%n",
                    identifyMs.length, p(identifyMs, 50), p(identifyMs, 99), itemsMs.length, p(itemsMs, 50), p(itemsMs, 99),
                    p(clientMs(), 50), p(clientMs(), 99), Arrays.stream(clientMs()).max().orElse(0), clientErrors.size()));
            return b.toString();
        }
    }

    private Flood() {}

    /**
     * @param base the server, e.g. http://127.0.0.1:8080
     * @param path the site-check path with query, e.g. /analysis/site-check?nearbyM=5000
     * @param sites the bodies, one request each, all sent at once
     * @param area where the concurrent client's identify points and items boxes fall
     * @param itemsLayer the layer the concurrent client pages through
     */
    public static Result run(String base, String path, List<String> sites, Envelope area, String itemsLayer, Duration wait)
            throws InterruptedException {
        return run(base, path, sites, area, itemsLayer, wait, Duration.ofMillis(200));
    }

    /** @param warmup how long the concurrent client runs, unrecorded, before the flood starts (JIT, connections) */
    public static Result run(String base, String path, List<String> sites, Envelope area, String itemsLayer, Duration wait, Duration warmup)
            throws InterruptedException {
        AtomicBoolean recording = new AtomicBoolean();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<Double> identify = Collections.synchronizedList(new ArrayList<>()), items = Collections.synchronizedList(new ArrayList<>());
        List<String> clientErrors = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean flooding = new AtomicBoolean(true);
        CountDownLatch clientStarted = new CountDownLatch(1);
        Thread client = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            Random rnd = new Random(5);
            clientStarted.countDown();
            for (int i = 0; flooding.get(); i++) {
                double x = area.getMinX() + rnd.nextDouble() * (area.getWidth() - 0.1), y = area.getMinY() + rnd.nextDouble() * (area.getHeight() - 0.1);
                boolean id = i % 2 == 0;
                String url = id ? String.format(Locale.ROOT, "%s/analysis/identify?lon=%.5f&lat=%.5f", base, x, y)
                        : String.format(Locale.ROOT, "%s/collections/%s/items?limit=100&bbox=%.4f,%.4f,%.4f,%.4f", base, itemsLayer, x, y, x + 0.1, y + 0.08);
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(wait).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) clientErrors.add(r.statusCode() + " " + url + " " + r.body());
                } catch (Exception e) {
                    clientErrors.add(e + " " + url);
                }
                if (recording.get()) (id ? identify : items).add((System.nanoTime() - t0) / 1e6);
            }
        }, "flood-client");
        client.setDaemon(true);
        client.start();
        clientStarted.await();
        Thread.sleep(warmup.toMillis());
        recording.set(true);

        CountDownLatch go = new CountDownLatch(1), done = new CountDownLatch(sites.size());
        long start = System.nanoTime();
        for (int i = 0; i < sites.size(); i++) {
            String body = sites.get(i);
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                try {
                    go.await();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(wait)
                                .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        String head = r.body().length() > 600 ? r.body().substring(0, 600) : r.body();
                        String retry = r.headers().firstValue("Retry-After").map(v -> " [Retry-After " + v + "]").orElse("");
                        answers.add(new Answer(r.statusCode(), (System.nanoTime() - t0) / 1e6, head + retry));
                    } catch (HttpTimeoutException e) {
                        answers.add(new Answer(0, (System.nanoTime() - t0) / 1e6, "no answer: " + e));
                    } catch (Exception e) {
                        answers.add(new Answer(-1, (System.nanoTime() - t0) / 1e6, e.toString()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "flood-" + i);
            t.setDaemon(true);
            t.start();
        }
        go.countDown();
        done.await();
        double wall = (System.nanoTime() - start) / 1e9;
        // the client keeps going a moment after the flood, then stops
        Thread.sleep(200);
        flooding.set(false);
        client.join(wait.toMillis() + 5000);
        return new Result(List.copyOf(answers), toArray(identify), toArray(items), List.copyOf(clientErrors), wall);
    }

    private static double[] toArray(List<Double> l) {
        synchronized (l) {
            return l.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    public static double p(double[] ms, int pct) {
        if (ms.length == 0) return Double.NaN;
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, Math.max(0, (int) Math.ceil(pct / 100.0 * s.length) - 1))];
    }
}
