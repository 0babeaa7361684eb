package cn.ecozone.api;

import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.Queryables;
import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.layer.FeatureSource;
import io.javalin.Javalin;

import java.util.List;
import java.util.Set;

/** {@code GET /collections/{collectionId}/queryables}: the properties filters may use, as JSON Schema (Part 3). */
public final class QueryablesRoutes implements RouteModule {
    private final LiveLayers layers;

    public QueryablesRoutes(LiveLayers layers) {
        this.layers = layers;
    }

    @Override
    public void register(Javalin app) {
        app.get("/collections/{collectionId}/queryables", ctx -> {
            OgcResponses.onlyParameters(ctx, Set.of("f"));
            FeatureSource s = layers.require(ctx.pathParam("collectionId"));
            String self = RequestUrls.url(ctx, "/collections/" + s.layer().id() + "/queryables");
            OgcResponses.answer(ctx, s.version(), MediaTypes.JSON_SCHEMA, () -> Queryables.schema(s.layer(), self),
                    () -> new HtmlPage("可查询属性 Queryables")
                            .heading(s.layer().title().zh() + " 可查询属性 Queryables")
                            .paragraph("用于 filter（CQL2 文本）和 ?属性=值 / usable in filter (CQL2 text) and as ?name=value")
                            .table(List.of("名称 Name", "类型 Type", "取值 Values"), Queryables.attributes(s.layer()).stream()
                                    .map(a -> List.of(a.name(), a.type().id(), String.join("、", a.values()))).toList()));
        });
    }
}
