package cn.ecozone.api;

import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.Link;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.OgcCrs;
import cn.ecozone.api.ogc.Queryables;
import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.geo.Transforms;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Envelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
                    .map(a -> List.of(a.name(), a.type().id(), Queryables.title(a),
                            String.join("、", a.values()))).toList();
            return new HtmlPage(l.title().zh() + " " + l.title().en())
                    .heading(l.title().zh() + " " + l.title().en())
                    .paragraph(l.description() == null ? "" : l.description().zh() + " / " + l.description().en())
                    .paragraph("要素数 Features: " + s.count())
                    .subheading("范围 Extent")
                    .paragraph(extentText(s.extent()))
                    .raw(extentSvg(s.extent()))
                    .link("/collections/" + l.id() + "/items?f=html", "浏览要素 Browse the features")
                    .link("/map/", "在地图上查看 See it on the map")
                    .subheading("属性 Attributes")
                    .table(List.of("名称 Name", "类型 Type", "说明 Title", "取值 Values"), attrs)
                    .subheading("坐标系 CRS")
                    .paragraph("存储坐标系 Storage CRS: " + crsText(OgcCrs.of(OgcCrs.STORAGE_EPSG)) + " — " + OgcCrs.STORAGE_URI)
                    .table(List.of("坐标系 CRS", "坐标轴顺序 Axis order", "URI"), OgcCrs.forExtent(s.extent()).stream()
                            .map(c -> List.of(crsText(c), axisText(c), c.uri())).toList())
                    .subheading("链接 Links")
                    .links(links);
        });
    }

    /** The extent as words: west, south, east and north edges in degrees. */
    static String extentText(Envelope e) {
        if (e.isNull()) return "无要素，无范围 / no features, no extent";
        return String.format(Locale.ROOT, "西 W %.4f°E，南 S %.4f°N，东 E %.4f°E，北 N %.4f°N（CRS84，经度/纬度 longitude/latitude；"
                + "约 about %.0f km × %.0f km）", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(),
                e.getWidth() * 111.32 * Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2)), e.getHeight() * 110.57);
    }

    /** A CRS's name as the EPSG database gives it, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547)". */
    static String crsText(OgcCrs c) {
        if (c.uri().equals(OgcCrs.CRS84_URI)) return "WGS 84 经纬度 longitude/latitude (OGC CRS84)";
        String name;
        try {
            name = Transforms.crs(c.epsg()).getName().getCode();
        } catch (RuntimeException e) {
            name = "EPSG";
        }
        return name + " (EPSG:" + c.epsg() + ")";
    }

    static String axisText(OgcCrs c) {
        if (c.isProjected()) return "北坐标, 东坐标 northing, easting (米 metres)";
        return c.northFirst() ? "纬度, 经度 latitude, longitude (度 degrees)" : "经度, 纬度 longitude, latitude (度 degrees)";
    }

    /**
     * A small map of where the layer lies: China's frame (73–136°E, 17–54°N) with a 10° graticule and the layer's
     * extent as a filled box (at least a few pixels, so a small layer still shows), in inline SVG.
     */
    static String extentSvg(Envelope e) {
        if (e.isNull()) return "";
        double w0 = 73, e0 = 136, s0 = 17, n0 = 54, k = 6; // 6 px per degree: 378 × 222
        double minX = Math.max(w0, Math.min(e0, e.getMinX())), maxX = Math.max(w0, Math.min(e0, e.getMaxX()));
        double minY = Math.max(s0, Math.min(n0, e.getMinY())), maxY = Math.max(s0, Math.min(n0, e.getMaxY()));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<figure class=\"extent\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"范围示意 extent preview\" style=\"background:#eef4f8;border:1px solid #9ab\">",
                (e0 - w0) * k, (n0 - s0) * k, (e0 - w0) * k, (n0 - s0) * k));
        b.append("<g stroke=\"#bcd\" stroke-width=\"0.6\" font-size=\"9\" fill=\"#789\">");
        for (int lon = 80; lon < e0; lon += 10) {
            double x = (lon - w0) * k;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.0f\"/><text x=\"%.1f\" y=\"%.0f\" stroke=\"none\">%d°E</text>",
                    x, x, (n0 - s0) * k, x + 2, (n0 - s0) * k - 3, lon));
        }
        for (int lat = 20; lat < n0; lat += 10) {
            double y = (n0 - lat) * k;
            b.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/><text x=\"2\" y=\"%.1f\" stroke=\"none\">%d°N</text>",
                    y, (e0 - w0) * k, y, y - 2, lat));
        }
        b.append("</g>");
        double x = (minX - w0) * k, y = (n0 - maxY) * k, w = Math.max(4, (maxX - minX) * k), h = Math.max(4, (maxY - minY) * k);
        b.append(String.format(Locale.ROOT, "<rect class=\"layer-extent\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"#d62728\" fill-opacity=\"0.35\" stroke=\"#d62728\" stroke-width=\"1.5\"/>", x - (w - (maxX - minX) * k) / 2,
                y - (h - (maxY - minY) * k) / 2, w, h));
        b.append("</svg><figcaption>范围示意（红框）/ extent preview (red box) within 73–136°E, 17–54°N</figcaption></figure>\n");
        return b.toString();
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
                new Link(self + "/tiles", TilesRoutes.REL_TILESETS_VECTOR, MediaTypes.JSON, "矢量切片集 / vector tilesets"),
                new Link(self + "/map/tiles", TilesRoutes.REL_TILESETS_MAP, MediaTypes.JSON, "地图切片集 / map tilesets")));
        return c;
    }
}
