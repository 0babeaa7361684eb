package cn.ecozone.api;

import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code GET /api}: the OpenAPI 3.0 document (JSON) or a readable list of its paths and parameters (HTML). */
public final class ApiRoutes implements RouteModule {
    private final LiveLayers layers;
    private final int maxPageSize;

    public ApiRoutes(LiveLayers layers, int maxPageSize) {
        this.layers = layers;
        this.maxPageSize = maxPageSize;
    }

    @Override
    public void register(Javalin app) {
        app.get("/api", ctx -> {
            OgcResponses.onlyParameters(ctx, Set.of("f"));
            LayerSet set = layers.current();
            ObjectNode doc = OpenApiDocument.build(set, RequestUrls.base(ctx), maxPageSize);
            OgcResponses.answer(ctx, OgcResponses.version(set), MediaTypes.OPENAPI, () -> doc, () -> html(doc));
        });
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static HtmlPage html(ObjectNode doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                List<String> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    params.add(p.has("$ref") ? p.get("$ref").asText().replace("#/components/parameters/", "") : p.get("name").asText());
                }
                if (op.has("requestBody")) params.add("body: " + String.join(" | ", iterable(op.at("/requestBody/content").fieldNames())));
                rows.add(List.of(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.get("summary").asText(),
                        String.join(", ", params)));
            }
        }
        return new HtmlPage("接口文档 API")
                .heading("接口文档 API (OpenAPI 3.0)")
                .link("/api?f=json", "OpenAPI JSON")
                .table(List.of("路径 Path", "说明 Summary", "参数 Parameters"), rows);
    }
}
