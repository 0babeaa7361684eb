package cn.ecozone.api;

import cn.ecozone.accesslist.AccessListException;
import cn.ecozone.layer.EditRejected;
import cn.ecozone.layer.FeatureBuilder;
import cn.ecozone.layer.FeatureJson;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.FeatureVersion;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.LayerStore;
import cn.ecozone.layer.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.geotools.api.feature.simple.SimpleFeature;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * OGC API – Features Part 4 (create, replace, delete) for the catalog's {@code editable} layers, plus the history of
 * a feature and the admin reload:
 * {@code POST /collections/{id}/items}, {@code PUT|DELETE /collections/{id}/items/{featureId}} (Bearer token with
 * role forester or admin; PUT/DELETE need {@code If-Match} with the ETag last read), {@code GET
 * /collections/{id}/items/{featureId}/history} (public), {@code POST /admin/reload} (admin). Every GET of an item of
 * an editable layer carries its {@code ETag}. Bodies are validated with {@link FeatureBuilder} before anything is
 * stored; a refused edit stores nothing.
 */
public final class ItemEditRoutes implements RouteModule {
    private final LayerStore<?> store;
    private final LiveLayers layers;
    private final AccessTokens tokens;

    /** Edits go to the store behind {@code layers}. */
    public ItemEditRoutes(ServerConfig config, LiveLayers layers) {
        this.store = layers.store();
        this.layers = layers;
        this.tokens = config.tokens() == null ? AccessTokens.none() : config.tokens();
    }

    @Override
    public void register(Javalin app) {
        app.before("/collections/{collectionId}/items/{featureId}", this::etagOnRead);
        app.post("/collections/{collectionId}/items", this::create);
        app.put("/collections/{collectionId}/items/{featureId}", this::replace);
        app.delete("/collections/{collectionId}/items/{featureId}", this::delete);
        app.get("/collections/{collectionId}/items/{featureId}/history", this::history);
        app.post("/admin/reload", this::reload);
        app.post("/admin/compact", this::compact);
    }

    /** {@code POST /admin/compact} (admin): folds every editable layer's journal into its file now. */
    private void compact(Context ctx) {
        authorize(ctx, "admin");
        List<Map<String, Object>> out = store.compact().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", c.layer());
            m.put("entries", c.entries());
            m.put("seq", c.seq());
            return m;
        }).toList();
        ctx.json(Map.of("status", "compacted", "layers", out));
    }

    private void etagOnRead(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) return;
        store.current(ctx.pathParam("collectionId"), ctx.pathParam("featureId")).ifPresent(v -> ctx.header("ETag", quoted(v.etag())));
    }

    private void create(Context ctx) throws IOException {
        AccessTokens.Principal who = authorize(ctx, "forester");
        LayerDef layer = editableLayer(ctx);
        JsonNode body = featureBody(ctx);
        var feature = validated(layer, body);
        FeatureVersion v = rejectionsAsProblems(() -> store.insert(layer.id(), feature, who.name()));
        ctx.status(201).header("Location", "/collections/" + layer.id() + "/items/" + v.id());
        writeFeature(ctx, layer, v);
    }

    private void replace(Context ctx) throws IOException {
        AccessTokens.Principal who = authorize(ctx, "forester");
        LayerDef layer = editableLayer(ctx);
        String id = ctx.pathParam("featureId");
        String expected = ifMatch(ctx, layer, id);
        JsonNode body = featureBody(ctx);
        String idProperty = layer.idProperty();
        JsonNode given = body.path("properties").get(idProperty);
        if (given != null && !given.isNull() && !given.asText().equals(id)) {
            throw ApiProblem.badRequest("请求体中的编号 " + given.asText() + " 与地址中的 " + id + " 不一致 / id in body differs from the path");
        }
        if (body.path("properties").isObject()) ((ObjectNode) body.get("properties")).put(idProperty, id);
        else ((ObjectNode) body).putObject("properties").put(idProperty, id);
        ((ObjectNode) body).put("id", id);
        var feature = validated(layer, body);
        FeatureVersion v = rejectionsAsProblems(() -> store.replace(layer.id(), feature, expected, who.name()));
        writeFeature(ctx, layer, v);
    }

    private void delete(Context ctx) {
        AccessTokens.Principal who = authorize(ctx, "forester");
        LayerDef layer = editableLayer(ctx);
        String id = ctx.pathParam("featureId");
        String expected = ifMatch(ctx, layer, id);
        rejectionsAsProblems(() -> store.delete(layer.id(), id, expected, who.name()));
        ctx.status(204);
    }

    private void history(Context ctx) {
        LayerDef layer = editableLayer(ctx);
        String id = ctx.pathParam("featureId");
        List<FeatureVersion> versions = store.history(layer.id(), id);
        if (versions.isEmpty()) throw ApiProblem.notFound("没有编号为 " + id + " 的要素 / no feature " + id);
        List<Map<String, Object>> out = versions.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("revision", v.revision());
            m.put("action", v.action());
            m.put("editor", v.editor());
            m.put("at", v.at() == null ? null : v.at().toString());
            m.put("etag", v.etag());
            m.put("feature", v.feature() == null ? null : FeatureJson.of(v.feature(), layer));
            return m;
        }).toList();
        ctx.json(Map.of("id", id, "collection", layer.id(), "versions", out));
    }

    private void reload(Context ctx) {
        authorize(ctx, "admin");
        LayerSet reloaded;
        try {
            reloaded = store.reload();
        } catch (LayerStore.ReloadRefused e) {
            // reloading the files in PostGIS mode would replace the database's layers with the files' contents
            throw switch (e.reason()) {
                case NOT_FROM_FILES -> new ApiProblem(409, "无需重新加载 Nothing to reload", e.getMessage());
                case ACCESS_LIST -> new ApiProblem(422, "准入清单有错误，未重新加载 Access list has errors, not reloaded", e.getMessage());
                case LAYERS -> new ApiProblem(422, "图层有错误，未重新加载 Layers have errors, not reloaded", e.getMessage());
            };
        }
        ctx.json(Map.of("status", "reloaded", "layers", reloaded.sources().size()));
    }

    private AccessTokens.Principal authorize(Context ctx, String role) {
        return tokens.authorize(ctx, role);
    }

    /** The layer of the path if it is editable: else 404 (no such layer) or 405 (read-only). */
    private LayerDef editableLayer(Context ctx) {
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        return store.editable(s.layer().id()).orElseThrow(() -> new ApiProblem(405, "方法不允许 Method not allowed", "图层 " + s.layer().id()
                + " 不可编辑 / collection is read-only"));
    }

    private String ifMatch(Context ctx, LayerDef layer, String id) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            throw new ApiProblem(428, "需要 If-Match Precondition required", "修改或删除前请先读取要素，并在 If-Match 请求头中带上它的 ETag，"
                    + "以免覆盖他人的修改 / send If-Match with the ETag you read, so nobody's change is overwritten");
        }
        String t = h.strip();
        if (t.equals("*")) return store.current(layer.id(), id).map(FeatureVersion::etag).orElse("*");
        if (t.startsWith("W/")) t = t.substring(2);
        return t.replace("\"", "");
    }

    private static JsonNode featureBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/geo+json") && !type.startsWith("application/json")) {
            throw new ApiProblem(415, "不支持的格式 Unsupported media type", "请以 application/geo+json 提交一个 GeoJSON Feature / send one GeoJSON Feature as application/geo+json");
        }
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.bodyAsBytes());
            if (n == null || !n.isObject()) throw ApiProblem.badRequest("请求体应为一个 GeoJSON Feature 对象 / body must be a GeoJSON Feature");
            return n;
        } catch (IOException e) {
            throw ApiProblem.badRequest("请求体不是有效的 JSON / body is not valid JSON: " + e.getMessage());
        }
    }

    private static SimpleFeature validated(LayerDef def, JsonNode body) {
        FeatureBuilder.Result r = new FeatureBuilder(def, FeatureTypes.of(def)).build(body, 0);
        if (r.hasErrors() || r.feature() == null) {
            throw ApiProblem.badRequest("要素未通过校验，未保存 / feature rejected, nothing stored: " + r.problems().stream()
                    .filter(Problem::isError).map(p -> p.message() + (p.location() == null ? ""
                            : String.format(Locale.ROOT, " 位置 at (%.7f, %.7f)", p.location().x, p.location().y)))
                    .collect(Collectors.joining("; ")));
        }
        return r.feature();
    }

    private static FeatureVersion rejectionsAsProblems(Supplier<FeatureVersion> edit) {
        try {
            return edit.get();
        } catch (EditRejected e) {
            throw switch (e.reason()) {
                case EXISTS -> new ApiProblem(409, "编号已存在 Conflict", e.getMessage());
                case NOT_FOUND -> ApiProblem.notFound(e.getMessage());
                case STALE -> new ApiProblem(412, "数据已被修改 Precondition failed", e.getMessage());
            };
        }
    }

    private static void writeFeature(Context ctx, LayerDef layer, FeatureVersion v) throws IOException {
        ctx.header("ETag", quoted(v.etag())).contentType("application/geo+json")
                .result(Json.MAPPER.writeValueAsBytes(FeatureJson.of(v.feature(), layer)));
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
