package cn.ecozone.api;

import cn.ecozone.config.Mode;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: is the server up, in which mode, with how many layers and features —
 * {@code {"status":"ok","mode":…,"layers":…,"features":…}}. The load balancer's and the monitors' probe, so it is
 * the cheapest answer the server gives: the bytes before the feature count are encoded once per layer count, the
 * count (read at each request) appended, and the answer written straight into the response like the other JSON
 * answers ({@link SiteCheckRoutes#writeJson}) instead of through a map, Jackson and Javalin's result copy.
 */
public final class HealthRoutes implements RouteModule {
    private final LiveLayers layers;
    private final Mode mode;
    /** The encoded head for a layer count: {@code {"status":"ok","mode":"…","layers":n,"features":}. */
    private volatile Head head;

    private record Head(int layers, byte[] bytes) {}

    public HealthRoutes(LiveLayers layers, Mode mode) {
        this.layers = layers;
        this.mode = mode;
    }

    @Override
    public void register(Javalin app) {
        app.get("/health", this::health);
    }

    private void health(Context ctx) {
        LayerSet set = layers.current();
        long features = 0;
        for (FeatureSource s : set.sources().values()) features += s.count();
        ctx.header("Cache-Control", "no-store");
        SiteCheckRoutes.writeJson(ctx, body(set.sources().size(), features));
    }

    /** The answer's bytes: as Jackson writes the map {status, mode, layers, features}. */
    byte[] body(int layerCount, long features) {
        Head h = head;
        if (h == null || h.layers != layerCount) head = h = new Head(layerCount, head(mode, layerCount));
        byte[] count = Long.toString(features).getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.bytes.length + count.length + 1];
        System.arraycopy(h.bytes, 0, out, 0, h.bytes.length);
        System.arraycopy(count, 0, out, h.bytes.length, count.length);
        out[out.length - 1] = '}';
        return out;
    }

    /** The answer as a map, as Jackson writes it (what {@link #body} gives byte for byte; for tests). */
    static Map<String, Object> map(Mode mode, int layerCount, long features) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("mode", mode.id()); // "embedded" or "postgis"
        body.put("layers", layerCount);
        body.put("features", features);
        return body;
    }

    private static byte[] head(Mode mode, int layerCount) {
        try {
            String whole = Json.MAPPER.writeValueAsString(map(mode, layerCount, 0));
            String head = whole.substring(0, whole.length() - "0}".length());
            if (!head.endsWith("\"features\":")) throw new IllegalStateException("unexpected health JSON: " + whole);
            return head.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
