package cn.ecozone.cli;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import org.locationtech.jts.geom.Envelope;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code serve --smoke-test}: once the server answers, the requests a first visitor and a planner make — health, the
 * landing page, the map page, the collections, a page of items, a vector tile, a map tile, identify and a small site check in the
 * middle of the layers — each must answer 2xx; then the server stops. A system administrator's check of a deployment,
 * and the training run the build uses to make the start-up class archive ({@code ecozone.jsa}, AppCDS): the classes
 * these requests load are the ones a real start loads.
 */
final class SmokeStart {
    private SmokeStart() {}

    /** @return how many requests failed (0 = all answered 2xx) */
    static int run(int port, LayerSet layers, PrintStream out) throws InterruptedException {
        Envelope all = new Envelope();
        String firstLayer = null;
        for (FeatureSource s : layers.inOrder()) {
            Envelope e = s.extent();
            if (e == null || e.isNull()) continue;
            all.expandToInclude(e);
            if (firstLayer == null) firstLayer = s.layer().id();
        }
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int failed = 0;
        failed += get(client, out, base + "/health");
        failed += get(client, out, base + "/");
        failed += get(client, out, base + "/map/");
        failed += get(client, out, base + "/collections");
        if (firstLayer != null) {
            double x = all.centre().x, y = all.centre().y, d = 0.002;
            failed += get(client, out, base + "/collections/" + firstLayer + "/items?limit=10");
            failed += get(client, out, base + "/collections/" + firstLayer + "/tiles/WebMercatorQuad/0/0/0");
            // a map tile (PNG) too: in the packaged jar ImageIO's registry failed, every map tile was a 500
            failed += get(client, out, base + "/collections/" + firstLayer + "/map/tiles/WebMercatorQuad/0/0/0?scale=2");
            failed += get(client, out, String.format(Locale.ROOT, "%s/analysis/identify?lon=%.6f&lat=%.6f", base, x, y));
            String site = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%1$.6f,%2$.6f],[%3$.6f,%2$.6f],[%3$.6f,%4$.6f],[%1$.6f,%4$.6f],[%1$.6f,%2$.6f]]]}",
                    x - d, y - d, x + d, y + d);
            failed += send(client, out, HttpRequest.newBuilder(URI.create(base + "/analysis/site-check"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(site)));
        }
        out.println(failed == 0 ? "自检通过 smoke test passed" : "自检失败 smoke test failed: " + failed + " 个请求 requests");
        return failed;
    }

    private static int get(HttpClient client, PrintStream out, String url) throws InterruptedException {
        return send(client, out, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static int send(HttpClient client, PrintStream out, HttpRequest.Builder request) throws InterruptedException {
        HttpRequest r = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<byte[]> response = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            boolean ok = response.statusCode() / 100 == 2;
            out.printf("  %s %s → %d (%d bytes)%n", r.method(), r.uri().getPath(), response.statusCode(), response.body().length);
            return ok ? 0 : 1;
        } catch (IOException e) {
            out.printf("  %s %s → %s%n", r.method(), r.uri().getPath(), e);
            return 1;
        }
    }
}
