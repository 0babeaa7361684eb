package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.Unit;
import cn.ecozone.api.ogc.CacheValidation;
import cn.ecozone.api.ogc.Format;
import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.ItemsRequest;
import cn.ecozone.api.ogc.Link;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.OgcCrs;
import cn.ecozone.api.ogc.Queryables;
import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.geotools.api.feature.simple.SimpleFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code GET /collections/{collectionId}/items} and {@code .../items/{featureId}}: features as streamed GeoJSON
 * (or an HTML table), read only through {@link FeatureSource#query} and {@link FeatureSource#count}, so the
 * in-memory and PostGIS modes answer alike. Pages have {@code next} whenever more features match.
 */
public final class ItemsRoutes implements RouteModule {
    private final LiveLayers layers;
    private final int maxPageSize;
    private final LiveAccessList accessList;

    public ItemsRoutes(LiveLayers layers, int maxPageSize, LiveAccessList accessList) {
        this.layers = layers;
        this.maxPageSize = maxPageSize;
        this.accessList = accessList;
    }

    @Override
    public void register(Javalin app) {
        app.get("/collections/{collectionId}/items", this::items);
        app.get("/collections/{collectionId}/items/{featureId}", this::item);
    }

    private void items(Context ctx) throws IOException {
        FeatureSource source = layers.require(ctx.pathParam("collectionId"));
        ItemsRequest r = ItemsRequest.of(ctx, source, maxPageSize);
        Format format = Format.of(ctx);
        if (CacheValidation.answeredNotModified(ctx, source.version(), format)) return;
        long matched = source.count(r.query());
        ctx.header("Content-Crs", "<" + r.crs().uri() + ">");
        if (format == Format.HTML) {
            List<SimpleFeature> page;
            try (Stream<SimpleFeature> s = source.query(r.query())) {
                page = s.toList();
            }
            ctx.contentType("text/html; charset=utf-8").result(html(ctx, source.layer(), page, matched, r).render());
            return;
        }
        ctx.contentType(MediaTypes.GEOJSON);
        FeatureCollectionWriter writer = new FeatureCollectionWriter(source.layer(), r.crs(), r.properties(), r.skipGeometry(), r.simplifyM());
        try (Stream<SimpleFeature> s = source.query(r.query())) {
            writer.writeCollection(ctx.outputStream(), s, matched, n -> links(ctx, source.layer(), r, n, matched));
        }
    }

    private void item(Context ctx) throws IOException {
        FeatureSource source = layers.require(ctx.pathParam("collectionId"));
        OgcResponses.onlyParameters(ctx, Set.of("f", "crs"));
        OgcCrs crs = ItemsRequest.crs(ctx, "crs", OgcCrs.forExtent(source.extent()));
        String id = ctx.pathParam("featureId");
        Format format = Format.of(ctx);
        SimpleFeature f = source.get(id).orElseThrow(() -> ApiProblem.notFound("图层 " + source.layer().id()
                + " 中没有编号为 \"" + id + "\" 的要素 / no feature \"" + id + "\" in collection " + source.layer().id()));
        // a control unit's page and links also show its 准入清单: the answer changes with the list too
        AccessList list = accessList == null ? AccessList.EMPTY : accessList.current();
        Unit unit = "control_unit".equals(source.layer().kind()) ? list.unit(unitCode(source.layer(), f, id)).orElse(null) : null;
        String version = unit == null ? source.version() : source.version() + "|" + AccessListRoutes.version(list);
        if (CacheValidation.answeredNotModified(ctx, version, format)) return;
        ctx.header("Content-Crs", "<" + crs.uri() + ">");
        String base = RequestUrls.base(ctx);
        String self = base + "/collections/" + source.layer().id() + "/items/" + RequestUrls.encode(id);
        List<Link> links = new ArrayList<>(List.of(
                new Link(self + "?f=json", "self", MediaTypes.GEOJSON, "本要素 / this feature"),
                new Link(self + "?f=html", "alternate", MediaTypes.HTML, "本要素 HTML / this feature as HTML"),
                new Link(base + "/collections/" + source.layer().id(), "collection", MediaTypes.JSON, source.layer().title().zh())));
        if (unit != null) {
            String list_ = base + "/access-list/units/" + RequestUrls.encode(unit.code());
            links.add(new Link(list_ + "?f=json", "describedby", MediaTypes.JSON, "管控要求（生态环境准入清单）/ the unit's access list"));
            links.add(new Link(list_ + "?f=html", "describedby", MediaTypes.HTML, "管控要求 HTML / the unit's access list as HTML"));
        }
        if (format == Format.HTML) {
            LayerDef l = source.layer();
            List<List<String>> rows = new ArrayList<>();
            for (AttributeDef a : l.attributes()) rows.add(List.of(attributeHeader(a), cell(f.getAttribute(a.name()))));
            HtmlPage page = new HtmlPage(l.title().zh() + " " + id)
                    .heading(l.title().zh() + " " + id)
                    .table(List.of("属性 Property", "值 Value"), rows);
            if (unit != null) {
                page.raw(AccessListRoutes.htmlSections(list, unit))
                        .link("/access-list/units/" + RequestUrls.encode(unit.code()) + "?f=html", "管控要求单页（可打印）Printable access list");
            }
            ctx.contentType("text/html; charset=utf-8").result(page
                    .link("/map/", "在地图上查看 See it on the map")
                    .links(links).render());
            return;
        }
        ctx.contentType(MediaTypes.GEOJSON);
        new FeatureCollectionWriter(source.layer(), crs, null, false).writeFeature(ctx.outputStream(), f, links);
    }

    /** A column heading: the attribute's title (Chinese and English) and its name, e.g. "修复年度 Year (year)". */
    static String attributeHeader(AttributeDef a) {
        String title = Queryables.title(a);
        return title.equals(a.name()) ? a.name() : title + " (" + a.name() + ")";
    }

    private static String cell(Object v) {
        return v == null ? "—" : String.valueOf(v);
    }

    /** The unit code of a control-unit feature: its id property, or the feature id. */
    private static String unitCode(LayerDef layer, SimpleFeature f, String id) {
        Object v = layer.idProperty() == null ? null : f.getAttribute(layer.idProperty());
        return v == null ? id : String.valueOf(v);
    }

    private static List<Link> links(Context ctx, LayerDef layer, ItemsRequest r, int returned, long matched) {
        List<Link> links = new ArrayList<>();
        links.add(new Link(RequestUrls.self(ctx, Map.of("f", "json")), "self", MediaTypes.GEOJSON, "本页 / this page"));
        links.add(new Link(RequestUrls.self(ctx, Map.of("f", "html")), "alternate", MediaTypes.HTML, "本页 HTML / this page as HTML"));
        if (returned == r.limit() && r.offset() + returned < matched) {
            links.add(new Link(page(ctx, r.offset() + r.limit(), "json"), "next", MediaTypes.GEOJSON, "下一页 / next page"));
        }
        if (r.offset() > 0) {
            links.add(new Link(page(ctx, Math.max(0, r.offset() - r.limit()), "json"), "prev", MediaTypes.GEOJSON, "上一页 / previous page"));
        }
        links.add(new Link(RequestUrls.url(ctx, "/collections/" + layer.id()), "collection", MediaTypes.JSON, layer.title().zh()));
        return links;
    }

    private static String page(Context ctx, long offset, String f) {
        Map<String, String> changes = new HashMap<>();
        changes.put("offset", String.valueOf(offset));
        changes.put("f", f);
        return RequestUrls.self(ctx, changes);
    }

    private static HtmlPage html(Context ctx, LayerDef layer, List<SimpleFeature> page, long matched, ItemsRequest r) {
        List<String> header = new ArrayList<>(List.of("编号 Id"));
        layer.attributes().forEach(a -> header.add(attributeHeader(a)));
        List<List<String>> rows = new ArrayList<>();
        for (SimpleFeature f : page) {
            List<String> row = new ArrayList<>();
            row.add(HtmlPage.anchor("/collections/" + layer.id() + "/items/" + RequestUrls.encode(f.getID()) + "?f=html", f.getID()));
            for (AttributeDef a : layer.attributes()) row.add(cell(f.getAttribute(a.name())));
            rows.add(row);
        }
        HtmlPage p = new HtmlPage(layer.title().zh() + " " + layer.title().en())
                .heading(layer.title().zh() + " " + layer.title().en())
                .paragraph("共 " + matched + " 个要素，本页 " + page.size() + " 个（第 " + (r.offset() + 1) + " 个起）/ "
                        + matched + " features match, " + page.size() + " shown from #" + (r.offset() + 1))
                .table(header, rows);
        if (r.offset() > 0) p.link(page(ctx, Math.max(0, r.offset() - r.limit()), "html"), "← 上一页 Previous");
        if (page.size() == r.limit() && r.offset() + page.size() < matched) p.link(page(ctx, r.offset() + r.limit(), "html"), "下一页 Next →");
        return p.link("/collections/" + layer.id() + "/items?f=json", "GeoJSON");
    }
}
