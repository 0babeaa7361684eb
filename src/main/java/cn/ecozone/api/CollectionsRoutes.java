package cn.ecozone.api;

import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.Link;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.OgcCrs;
import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Envelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /collections} and {@code GET /collections/{collectionId}}: every catalog layer with its titles,
 * feature count, extent (CRS84), the CRSs it can be served in (Part 2) and the OGC links to its items and queryables.
 */
public final class CollectionsRoutes implements RouteModule {
    static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    private final LiveLayers layers;

    public CollectionsRoutes(LiveLayers layers) {
        this.layers = layers;
    }

    @Override
    public void register(Javalin app) {
        app.get("/collections", this::list);
        app.get("/collections/{collectionId}", this::one);
    }

    private void list(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        LayerSet set = layers.current();
        String base = RequestUrls.base(ctx);
        OgcResponses.answer(ctx, OgcResponses.version(set), MediaTypes.JSON, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("links", List.of(
                    new Link(base + "/collections?f=json", "self", MediaTypes.JSON, "图层 JSON / collections"),
                    new Link(base + "/collections?f=html", "alternate", MediaTypes.HTML, "图层 HTML / collections as HTML")));
            body.put("collections", set.inOrder().stream().map(s -> describe(s, base)).toList());
            return body;
        }, () -> {
            List<List<String>> rows = new ArrayList<>();
            for (FeatureSource s : set.inOrder()) {
                LayerDef l = s.layer();
                rows.add(List.of(HtmlPage.anchor("/collections/" + l.id() + "?f=html", l.title().zh() + " " + l.title().en()),
                        l.id(), String.valueOf(s.count()), HtmlPage.anchor("/collections/" + l.id() + "/items?f=html", "要素 Items")));
            }
            return new HtmlPage("图层 Collections").heading("图层 Collections")
                    .table(List.of("名称 Title", "编号 Id", "要素数 Features", ""), rows);
        });
    }

    private void one(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        String base = RequestUrls.base(ctx);
        OgcResponses.answer(ctx, s.version(), MediaTypes.JSON, () -> describe(s, base), () -> {
            LayerDef l = s.layer();
            Map<String, Object> d = describe(s, base);
            @SuppressWarnings("unchecked") List<Link> links = (List<Link>) d.get("links");
            List<List<String>> attrs = l.attributes().stream()
                    .map(a -> List.of(a.name(), a.type(), cn.ecozone.api.ogc.Queryables.title(a),
                            String.join("、", a.values()))).toList();
            return new HtmlPage(l.title().zh() + " " + l.title().en())
                    .heading(l.title().zh() + " " + l.title().en())
                    .paragraph(l.description() == null ? "" : l.description().zh() + " / " + l.description().en())
                    .paragraph("要素数 Features: " + s.count() + "；范围 Extent (CRS84): " + d.getOrDefault("extent", "—"))
                    .link("/collections/" + l.id() + "/items?f=html", "浏览要素 Browse the features")
                    .subheading("属性 Attributes")
                    .table(List.of("名称 Name", "类型 Type", "说明 Title", "取值 Values"), attrs)
                    .subheading("坐标系 CRS")
                    .table(List.of("URI"), OgcCrs.forExtent(s.extent()).stream().map(c -> List.of(c.uri())).toList())
                    .subheading("链接 Links")
                    .links(links);
        });
    }

    static Map<String, Object> describe(FeatureSource s, String base) {
        LayerDef l = s.layer();
        String self = base + "/collections/" + l.id();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", l.id());
        c.put("title", l.title().zh());
        c.put("titleEn", l.title().en());
        if (l.description() != null && !l.description().zh().isBlank()) c.put("description", l.description().zh() + " / " + l.description().en());
        c.put("kind", l.kind());
        c.put("itemType", "feature");
        c.put("featureCount", s.count());
        Envelope e = s.extent();
        if (!e.isNull()) {
            c.put("extent", Map.of("spatial", Map.of(
                    "bbox", List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())),
                    "crs", OgcCrs.CRS84_URI)));
        }
        c.put("crs", OgcCrs.forExtent(e).stream().map(OgcCrs::uri).toList());
        c.put("storageCrs", OgcCrs.STORAGE_URI);
        c.put("links", List.of(
                new Link(self + "?f=json", "self", MediaTypes.JSON, l.title().zh() + " JSON"),
                new Link(self + "?f=html", "alternate", MediaTypes.HTML, l.title().zh() + " HTML"),
                // no query string: GDAL appends "/{featureId}" to this href to read one feature
                new Link(self + "/items", "items", MediaTypes.GEOJSON, "要素 / features"),
                new Link(self + "/items?f=html", "items", MediaTypes.HTML, "要素 HTML / features as HTML"),
                new Link(self + "/queryables", QUERYABLES_REL, MediaTypes.JSON_SCHEMA, "可查询属性 / queryables"),
                new Link(self + "/tiles", TilesRoutes.REL_TILESETS_VECTOR, MediaTypes.JSON, "矢量切片集 / vector tilesets")));
        return c;
    }
}
