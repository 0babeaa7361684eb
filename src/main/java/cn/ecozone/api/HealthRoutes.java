package cn.ecozone.api;

import cn.ecozone.config.Mode;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import io.javalin.Javalin;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: is the server up, in which mode, with how many layers and features. */
public final class HealthRoutes implements RouteModule {
    private final LiveLayers layers;
    private final Mode mode;

    public HealthRoutes(LiveLayers layers, Mode mode) {
        this.layers = layers;
        this.mode = mode;
    }

    @Override
    public void register(Javalin app) {
        app.get("/health", ctx -> {
            LayerSet set = layers.current();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("mode", mode.id()); // "embedded" or "postgis"
            body.put("layers", set.sources().size());
            body.put("features", set.sources().values().stream().mapToLong(FeatureSource::count).sum());
            ctx.header("Cache-Control", "no-store").json(body);
        });
    }
}
