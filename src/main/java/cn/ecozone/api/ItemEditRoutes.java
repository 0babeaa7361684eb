package cn.ecozone.api;

import cn.ecozone.accesslist.AccessListException;
import cn.ecozone.layer.EditRejected;
import cn.ecozone.layer.FeatureBuilder;
import cn.ecozone.layer.FeatureEditor;
import cn.ecozone.layer.CompactionPolicy;
import cn.ecozone.layer.FeatureJson;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.FeatureVersion;
import cn.ecozone.layer.JournaledFeatureEditor;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.MemoryFeatureSource;
import cn.ecozone.layer.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final LiveLayers layers;
    private final LiveAccessList accessList;
    private final AccessTokens tokens;
    private final Clock clock;
    private final boolean fromDatabase;
    private final CompactionPolicy compaction = CompactionPolicy.fromEnvironment();
    private volatile Map<String, FeatureEditor> editors;

    public ItemEditRoutes(ServerConfig config, LiveLayers layers, LiveAccessList accessList) {
        this(config, layers, accessList, Clock.systemUTC());
    }

    ItemEditRoutes(ServerConfig config, LiveLayers layers, LiveAccessList accessList, Clock clock) {
        this.layers = layers;
        this.accessList = accessList;
        this.tokens = config.tokens() == null ? AccessTokens.none() : config.tokens();
        this.fromDatabase = "postgis".equals(config.mode());
        this.clock = clock;
        this.editors = open(layers.current());
    }

    /** Opens an editor per editable layer (replaying embedded journals), then swaps the edited layers in at once. */
    private synchronized Map<String, FeatureEditor> open(LayerSet loaded) {
        Staging staging = new Staging(loaded);
        Map<String, FeatureEditor> out = new LinkedHashMap<>();
        for (FeatureSource s : loaded.inOrder()) {
            if (!s.layer().editable()) continue;
            if (s instanceof FeatureEditor e) {
                out.put(s.layer().id(), e); // a database source edits itself, in transactions
            } else if (s instanceof MemoryFeatureSource m) {
                out.put(s.layer().id(), JournaledFeatureEditor.open(loaded.catalog(), m, staging::publish, clock, compaction));
            }
        }
        staging.goLive();
        return Map.copyOf(out);
    }

    /** Collects the replayed layers until all are ready, then forwards every later version to the live layers. */
    private final class Staging {
        private LayerSet staged;
        private boolean live;

        Staging(LayerSet loaded) {
            this.staged = loaded;
        }

        synchronized void publish(FeatureSource s) {
            if (live) layers.update(set -> set.with(s));
            else staged = staged.with(s);
        }

        synchronized void goLive() {
            live = true;
            layers.replace(staged);
        }
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

    /** The embedded editors (journals), for metrics and for the fsync at shutdown. */
    List<JournaledFeatureEditor> journaledEditors() {
        return editors.values().stream().filter(e -> e instanceof JournaledFeatureEditor).map(e -> (JournaledFeatureEditor) e).toList();
    }

    /** {@code POST /admin/compact} (admin): folds every editable layer's journal into its file now. */
    private void compact(Context ctx) {
        authorize(ctx, "admin");
        List<Map<String, Object>> out = journaledEditors().stream().map(e -> {
            var c = e.compact();
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
        FeatureEditor e = editors.get(ctx.pathParam("collectionId"));
        if (e != null) e.current(ctx.pathParam("featureId")).ifPresent(v -> ctx.header("ETag", quoted(v.etag())));
    }

    private void create(Context ctx) throws IOException {
        AccessTokens.Principal who = authorize(ctx, "forester");
        FeatureEditor editor = editorOf(ctx);
        JsonNode body = featureBody(ctx);
        var feature = validated(editor, body);
        FeatureVersion v;
        synchronized (this) {
            v = rejectionsAsProblems(() -> editor.insert(feature, who.name()));
        }
        ctx.status(201).header("Location", "/collections/" + editor.layer().id() + "/items/" + v.id());
        writeFeature(ctx, editor, v);
    }

    private void replace(Context ctx) throws IOException {
        AccessTokens.Principal who = authorize(ctx, "forester");
        FeatureEditor editor = editorOf(ctx);
        String id = ctx.pathParam("featureId");
        String expected = ifMatch(ctx, editor, id);
        JsonNode body = featureBody(ctx);
        String idProperty = editor.layer().idProperty();
        JsonNode given = body.path("properties").get(idProperty);
        if (given != null && !given.isNull() && !given.asText().equals(id)) {
            throw ApiProblem.badRequest("请求体中的编号 " + given.asText() + " 与地址中的 " + id + " 不一致 / id in body differs from the path");
        }
        if (body.path("properties").isObject()) ((ObjectNode) body.get("properties")).put(idProperty, id);
        else ((ObjectNode) body).putObject("properties").put(idProperty, id);
        ((ObjectNode) body).put("id", id);
        var feature = validated(editor, body);
        FeatureVersion v;
        synchronized (this) {
            v = rejectionsAsProblems(() -> editor.replace(feature, expected, who.name()));
        }
        writeFeature(ctx, editor, v);
    }

    private void delete(Context ctx) {
        AccessTokens.Principal who = authorize(ctx, "forester");
        FeatureEditor editor = editorOf(ctx);
        String id = ctx.pathParam("featureId");
        String expected = ifMatch(ctx, editor, id);
        synchronized (this) {
            rejectionsAsProblems(() -> editor.delete(id, expected, who.name()));
        }
        ctx.status(204);
    }

    private void history(Context ctx) {
        FeatureEditor editor = editorOf(ctx);
        String id = ctx.pathParam("featureId");
        List<FeatureVersion> versions = editor.history(id);
        if (versions.isEmpty()) throw ApiProblem.notFound("没有编号为 " + id + " 的要素 / no feature " + id);
        List<Map<String, Object>> out = versions.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("revision", v.revision());
            m.put("action", v.action());
            m.put("editor", v.editor());
            m.put("at", v.at() == null ? null : v.at().toString());
            m.put("etag", v.etag());
            m.put("feature", v.feature() == null ? null : FeatureJson.of(v.feature(), editor.layer()));
            return m;
        }).toList();
        ctx.json(Map.of("id", id, "collection", editor.layer().id(), "versions", out));
    }

    private void reload(Context ctx) {
        authorize(ctx, "admin");
        if (fromDatabase) {
            // reloading the files would replace the database's layers with the files' contents
            throw new ApiProblem(409, "无需重新加载 Nothing to reload", "PostGIS 模式下数据由 import 更新，所有服务器立即可见 / "
                    + "in PostGIS mode the data changes through import and every server sees it at once");
        }
        synchronized (this) {
            try {
                accessList.reload();
            } catch (AccessListException e) {
                throw new ApiProblem(422, "准入清单有错误，未重新加载 Access list has errors, not reloaded", e.getMessage());
            }
            // no compaction may rewrite a layer file while it is read (and the old editors are replaced)
            List<JournaledFeatureEditor> old = journaledEditors();
            old.forEach(JournaledFeatureEditor::suspendCompaction);
            LayerLoader.Result r = LayerLoader.load(layers.current().catalog().dir());
            if (!r.ok()) {
                old.forEach(JournaledFeatureEditor::resumeCompaction);
                throw new ApiProblem(422, "图层有错误，未重新加载 Layers have errors, not reloaded", r.problems().stream()
                        .filter(Problem::isError).map(Problem::describe).collect(Collectors.joining("\n")));
            }
            editors.values().forEach(e -> {
                if (e instanceof JournaledFeatureEditor j) j.close();
            });
            editors = open(r.layers());
        }
        ctx.json(Map.of("status", "reloaded", "layers", layers.current().sources().size()));
    }

    private AccessTokens.Principal authorize(Context ctx, String role) {
        return tokens.authorize(ctx, role);
    }

    private FeatureEditor editorOf(Context ctx) {
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        FeatureEditor e = editors.get(s.layer().id());
        if (e == null) {
            throw new ApiProblem(405, "方法不允许 Method not allowed", "图层 " + s.layer().id() + " 不可编辑 / collection is read-only");
        }
        return e;
    }

    private static String ifMatch(Context ctx, FeatureEditor editor, String id) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            throw new ApiProblem(428, "需要 If-Match Precondition required", "修改或删除前请先读取要素，并在 If-Match 请求头中带上它的 ETag，"
                    + "以免覆盖他人的修改 / send If-Match with the ETag you read, so nobody's change is overwritten");
        }
        String t = h.strip();
        if (t.equals("*")) return editor.current(id).map(FeatureVersion::etag).orElse("*");
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

    private static org.geotools.api.feature.simple.SimpleFeature validated(FeatureEditor editor, JsonNode body) {
        var def = editor.layer();
        FeatureBuilder.Result r = new FeatureBuilder(def, cn.ecozone.layer.FeatureTypes.of(def)).build(body, 0);
        if (r.hasErrors() || r.feature() == null) {
            throw ApiProblem.badRequest("要素未通过校验，未保存 / feature rejected, nothing stored: " + r.problems().stream()
                    .filter(Problem::isError).map(p -> p.message() + (p.location() == null ? ""
                            : String.format(Locale.ROOT, " 位置 at (%.7f, %.7f)", p.location().x, p.location().y)))
                    .collect(Collectors.joining("; ")));
        }
        return r.feature();
    }

    private static FeatureVersion rejectionsAsProblems(java.util.function.Supplier<FeatureVersion> edit) {
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

    private static void writeFeature(Context ctx, FeatureEditor editor, FeatureVersion v) throws IOException {
        ctx.header("ETag", quoted(v.etag())).contentType("application/geo+json")
                .result(Json.MAPPER.writeValueAsBytes(FeatureJson.of(v.feature(), editor.layer())));
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
