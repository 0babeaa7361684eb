package cn.ecozone.api;

import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.Link;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.layer.LayerSet;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /}: the OGC API landing page, linking to the API description, conformance, the layers and the web map. */
public final class LandingPage implements RouteModule {
    static final String TITLE = "生态环境分区管控 EcoZone";
    private final LiveLayers layers;

    public LandingPage(LiveLayers layers) {
        this.layers = layers;
    }

    @Override
    public void register(Javalin app) {
        app.get("/", this::landing);
    }

    private void landing(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        LayerSet set = layers.current();
        List<Link> links = links(ctx);
        OgcResponses.answer(ctx, OgcResponses.version(set), MediaTypes.JSON, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", TITLE);
            body.put("description", description(set));
            body.put("links", links);
            return body;
        }, () -> new HtmlPage(TITLE)
                .heading(TITLE)
                .paragraph(description(set))
                .raw("<p class=\"map\"><a href=\"/map/\">打开地图 Open the web map →</a></p>\n")
                .subheading("数据与接口 Data and API")
                .links(links));
    }

    private static String description(LayerSet set) {
        return set.catalog().title().zh() + "：生态保护红线、饮用水水源保护区、环境管控单元等图层，符合 OGC API – Features 标准，QGIS、ArcGIS、GDAL 可直接连接。"
                + " / " + set.catalog().title().en() + ": zoning layers served as OGC API – Features (QGIS, ArcGIS and GDAL connect directly).";
    }

    static List<Link> links(Context ctx) {
        String base = RequestUrls.base(ctx);
        return List.of(
                new Link(base + "/?f=json", "self", MediaTypes.JSON, "本页 JSON / this document"),
                new Link(base + "/?f=html", "alternate", MediaTypes.HTML, "本页 HTML / this document as HTML"),
                new Link(base + "/api", "service-desc", MediaTypes.OPENAPI, "接口定义 OpenAPI 3.0 / API definition"),
                new Link(base + "/api?f=html", "service-doc", MediaTypes.HTML, "接口文档 / API documentation"),
                new Link(base + "/conformance", "conformance", MediaTypes.JSON, "符合的标准类 / conformance classes"),
                new Link(base + "/collections", "data", MediaTypes.JSON, "图层 / collections"),
                new Link(base + "/tileMatrixSets", TilesRoutes.REL_TILING_SCHEMES, MediaTypes.JSON, "切片方案 / tile matrix sets"),
                new Link(base + "/processes", "http://www.opengis.net/def/rel/ogc/1.0/processes", MediaTypes.JSON, "处理过程 / processes"),
                new Link(base + "/jobs", "http://www.opengis.net/def/rel/ogc/1.0/job-list", MediaTypes.JSON, "任务 / jobs"),
                new Link(base + "/map/", "related", MediaTypes.HTML, "地图 / web map"));
    }
}
