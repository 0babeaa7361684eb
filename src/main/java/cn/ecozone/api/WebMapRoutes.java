package cn.ecozone.api;

import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.LayerStore;
import cn.ecozone.text.LocalizedText;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import cn.ecozone.layer.FeatureQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the web map needs beside the OGC API: the Leaflet WebJars ({@code /webjars/**} from the classpath), the
 * layer styles ({@code /styles}, {@code /styles/{layer}.json}), the catalog with attribute titles and the
 * access-list industries ({@code /map/catalog.json}), optional settings ({@code /map/config.js}: the 天地图 key
 * from {@code map.tianditu-key} / {@code ECOZONE_TIANDITU_KEY}, never stored in the repo) and {@code /map} → {@code /map/}.
 */
public final class WebMapRoutes implements RouteModule {
    static final String WEBJARS = "META-INF/resources/webjars/";
    /** Plain path segments only: no "..", no backslashes, no empty segments — nothing can climb out of the folder. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*(/[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*)*");
    private static final Pattern LAYER_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml", "map", "application/json", "json", "application/json", "gif", "image/gif");

    private final ServerConfig config;
    private final LiveLayers layers;
    private final LiveAccessList accessList;
    private final String tiandituKey;

    public WebMapRoutes(ServerConfig config, LiveLayers layers, LiveAccessList accessList) {
        this(config, layers, accessList, config.settings().server().tiandituKey());
    }

    WebMapRoutes(ServerConfig config, LiveLayers layers, LiveAccessList accessList, String tiandituKey) {
        this.config = config;
        this.layers = layers;
        this.accessList = accessList;
        this.tiandituKey = tiandituKey == null || tiandituKey.isBlank() ? null : tiandituKey.trim();
    }

    @Override
    public void register(Javalin app) {
        // a before-handler, because Javalin ignores trailing slashes: an endpoint on /map would also catch /map/
        app.before("/map", ctx -> {
            if (ctx.path().equals("/map")) {
                ctx.redirect("/map/", HttpStatus.MOVED_PERMANENTLY);
                ctx.skipRemainingHandlers();
            }
        });
        app.get("/webjars/<path>", this::webjar);
        // browsers ask every page for an icon; "no content" keeps a missing one out of the console
        app.get("/favicon.ico", ctx -> ctx.status(HttpStatus.NO_CONTENT));
        app.get("/styles", ctx -> ctx.header("Cache-Control", "no-cache").json(allStyles(layers.current())));
        app.get("/styles/{file}", this::style);
        app.get("/map/catalog.json", ctx -> ctx.header("Cache-Control", "no-cache").json(catalog(layers.current())));
        app.get("/map/config.js", this::configScript);
        app.get("/map/labels/{collectionId}", this::labels);
    }

    /**
     * Label points of a layer's features in a bounding box, for the map's context labels: {@code bbox=w,s,e,n}
     * (lon/lat) and {@code limit} (default 500, at most 5,000). When more features than the limit are in the box the
     * answer is {@code complete: false} with no labels (the map shows them once zoomed in), so it stays cheap at any
     * scale: the count is read from the index, and only the features that are labelled are read.
     */
    private void labels(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("bbox") && !name.equals("limit")) {
                throw ApiProblem.badRequest("未知参数 / unknown query parameter \"" + name + "\"; 可用 allowed: [bbox, limit]");
            }
        }
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        int limit = 500;
        String l = ctx.queryParam("limit");
        if (l != null) {
            if (!l.matches("\\d{1,6}") || Integer.parseInt(l) < 1 || Integer.parseInt(l) > 5000) {
                throw ApiProblem.badRequest("limit 应为 1–5000 的整数 / limit must be an integer 1–5000, got \"" + l + "\"");
            }
            limit = Integer.parseInt(l);
        }
        Envelope box = s.extent();
        String b = ctx.queryParam("bbox");
        if (b != null) {
            String[] parts = b.split(",");
            double[] v = new double[4];
            try {
                if (parts.length != 4) throw new NumberFormatException();
                for (int i = 0; i < 4; i++) v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("bbox 应为 w,s,e,n 四个数 / bbox must be four numbers w,s,e,n, got \"" + b + "\"");
            }
            if (!(v[0] <= v[2] && v[1] <= v[3]) || Double.isNaN(v[0] + v[1] + v[2] + v[3])) {
                throw ApiProblem.badRequest("bbox 西边应不大于东边、南边不大于北边 / bbox needs w <= e and s <= n: \"" + b + "\"");
            }
            box = new Envelope(v[0], v[2], v[1], v[3]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collection", s.layer().id());
        List<Map<String, Object>> out = new ArrayList<>();
        boolean complete = box.isNull() || s.footprint(box, limit, Long.MAX_VALUE).complete();
        if (complete && !box.isNull()) {
            LayerDef def = s.layer();
            try (var found = s.query(new FeatureQuery(box, null, null, 0, limit))) {
                found.forEach(f -> {
                    Object g = f.getDefaultGeometry();
                    if (!(g instanceof Geometry geom) || geom.isEmpty()) return;
                    Point p = geom.getInteriorPoint();
                    if (p == null || p.isEmpty()) return;
                    Object id = def.idProperty() == null ? null : f.getAttribute(def.idProperty());
                    Object name = def.nameProperty() == null ? null : f.getAttribute(def.nameProperty());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", id == null ? f.getID() : String.valueOf(id));
                    m.put("name", name == null ? (id == null ? f.getID() : String.valueOf(id)) : String.valueOf(name));
                    m.put("lon", Math.round(p.getX() * 1e6) / 1e6);
                    m.put("lat", Math.round(p.getY() * 1e6) / 1e6);
                    out.add(m);
                });
            }
        }
        body.put("complete", complete);
        body.put("labels", out);
        ctx.header("Cache-Control", "no-cache").json(body);
    }

    private void webjar(Context ctx) throws IOException {
        String path = ctx.pathParam("path");
        if (!SAFE_PATH.matcher(path).matches()) throw ApiProblem.notFound("没有这个文件 / no such file: " + path);
        InputStream in = WebMapRoutes.class.getClassLoader().getResourceAsStream(WEBJARS + path);
        if (in == null) throw ApiProblem.notFound("没有这个文件 / no such file: " + path);
        try (in) {
            String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            // versioned paths never change, so browsers may keep them
            ctx.header("Cache-Control", "public, max-age=604800")
                    .contentType(TYPES.getOrDefault(ext, "application/octet-stream"))
                    .result(in.readAllBytes());
        }
    }

    private void style(Context ctx) {
        String file = ctx.pathParam("file");
        String id = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
        if (!LAYER_ID.matcher(id).matches()) throw ApiProblem.notFound("没有这个样式 / no such style: " + file);
        LayerSet set = layers.current();
        LayerDef layer = set.catalog().layer(id).orElseThrow(() -> ApiProblem.notFound("没有名为 \"" + id
                + "\" 的图层样式 / no style for layer \"" + id + "\""));
        JsonNode style = json(layers.store().style(layer.id()));
        if (style == null) throw ApiProblem.notFound("图层 " + id + " 没有样式文件 / layer " + id + " has no style file");
        ctx.header("Cache-Control", "no-cache").json(style);
    }

    /** Every catalog layer's style keyed by layer id (as the store read them at start or the last reload); layers without a style file are left out. */
    Map<String, JsonNode> allStyles(LayerSet set) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (LayerDef l : set.catalog().layers()) {
            JsonNode s = json(layers.store().style(l.id()));
            if (s != null) out.put(l.id(), s);
        }
        return out;
    }

    /** The style's JSON, null when there is none, or a 500 problem when its file is broken. */
    private static JsonNode json(Optional<LayerStore.Style> style) {
        if (style.isEmpty()) return null;
        if (style.get().error() != null) throw new ApiProblem(500, "样式文件有误 Broken style file", style.get().error());
        return style.get().json();
    }

    /** The layer's style file in {@code stylesDir} read now, or null when it has none (the vector tiles' attributes). */
    static JsonNode readStyle(Path stylesDir, LayerDef layer) throws IOException {
        return json(LayerStore.readStyle(stylesDir, layer));
    }

    /** The catalog as the map needs it: layers in display order with attribute titles, and the industries to pick from. */
    Map<String, Object> catalog(LayerSet set) throws IOException {
        Catalog c = set.catalog();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", c.title());
        body.put("dataDate", c.dataDate());
        List<Map<String, Object>> out = new ArrayList<>();
        for (FeatureSource s : set.inOrder()) out.add(layer(s));
        body.put("layers", out);
        body.put("industries", accessList.current().industries());
        return body;
    }

    private static Map<String, Object> layer(FeatureSource s) {
        LayerDef l = s.layer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("kind", l.kind());
        m.put("title", l.title());
        m.put("geometryType", l.geometryType());
        m.put("idProperty", l.idProperty());
        m.put("nameProperty", l.nameProperty());
        m.put("featureCount", s.count());
        Envelope e = s.extent();
        if (!e.isNull()) m.put("bbox", List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        List<Map<String, Object>> attrs = new ArrayList<>();
        for (AttributeDef a : l.attributes()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("type", a.type());
            LocalizedText t = a.title();
            am.put("title", t == null || t.zh().isBlank() ? LocalizedText.of(a.name(), a.name()) : t);
            if (!a.values().isEmpty()) am.put("values", a.values());
            attrs.add(am);
        }
        m.put("attributes", attrs);
        return m;
    }

    private void configScript(Context ctx) throws IOException {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("tiandituKey", tiandituKey);
        // "<" escaped so the value can never close a script element
        String json = Json.MAPPER.writeValueAsString(cfg).replace("<", "\\u003c");
        ctx.header("Cache-Control", "no-store").contentType("text/javascript; charset=utf-8")
                .result("window.ECOZONE_CONFIG = " + json + ";\n");
    }
}
