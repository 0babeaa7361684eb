package cn.ecozone.api;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import io.javalin.Javalin;
import org.locationtech.jts.geom.Envelope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /collections}: every catalog layer with its title, feature count and extent. */
public final class CollectionsRoutes implements RouteModule {
    private final LiveLayers layers;

    public CollectionsRoutes(LiveLayers layers) {
        this.layers = layers;
    }

    @Override
    public void register(Javalin app) {
        app.get("/collections", ctx -> ctx.json(Map.of("collections",
                layers.current().inOrder().stream().map(CollectionsRoutes::describe).toList())));
    }

    static Map<String, Object> describe(FeatureSource s) {
        LayerDef l = s.layer();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", l.id());
        c.put("title", l.title().zh());
        c.put("titleEn", l.title().en());
        c.put("kind", l.kind());
        c.put("featureCount", s.count());
        Envelope e = s.extent();
        if (!e.isNull()) {
            c.put("extent", Map.of("spatial", Map.of(
                    "bbox", List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())),
                    "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")));
        }
        return c;
    }
}
