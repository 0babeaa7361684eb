package cn.ecozone.api;

import cn.ecozone.api.ogc.ItemsRequest;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.Queryables;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.tiles.MapTilePainter;
import cn.ecozone.tiles.WebMercatorQuad;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.Stream;

/**
 * The OpenAPI 3.0 description of the OGC API: every path we serve with every parameter it accepts. The items path
 * is also listed per collection with that layer's queryable attributes as parameters, which is where GDAL looks
 * for server-side property filters.
 */
public final class OpenApiDocument {
    private static final List<String> ITEMS_PARAMETERS = List.of("f", "limit", "offset", "bbox", "bbox-crs", "crs",
            "filter", "filter-lang", "filter-crs", "sortby", "properties", "skipGeometry", "simplify", "datetime");

    private OpenApiDocument() {}

    public static ObjectNode build(LayerSet set, String baseUrl, int maxPageSize) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", LandingPage.TITLE);
        info.put("version", "1.0.0");
        info.put("description", "OGC API – Features Part 1 (core, GeoJSON, HTML, OpenAPI 3.0), Part 2 (CRS by reference) and "
                + "Part 3 (CQL2 text filters, queryables), OGC API – Tiles Part 1 (Mapbox vector tiles and PNG map tiles in WebMercatorQuad) and OGC API – Processes Part 1 (site-check, batch-check) for the zoning layers. 生态环境分区管控图层的 OGC API – Features 服务。");
        doc.putArray("servers").addObject().put("url", baseUrl);
        ObjectNode paths = doc.putObject("paths");
        simple(paths, "/", "getLandingPage", "首页 Landing page", MediaTypes.JSON);
        simple(paths, "/conformance", "getConformanceDeclaration", "符合的标准 Conformance classes", MediaTypes.JSON);
        simple(paths, "/api", "getApiDescription", "本接口定义 This API definition", MediaTypes.OPENAPI);
        simple(paths, "/collections", "getCollections", "图层列表 The collections", MediaTypes.JSON);

        ObjectNode collection = operation(paths, "/collections/{collectionId}", "describeCollection", "图层说明 A collection",
                List.of("collectionId", "f"));
        responses(collection, MediaTypes.JSON, false);
        ObjectNode items = operation(paths, "/collections/{collectionId}/items", "getFeatures", "图层要素 Features of a collection",
                concat(List.of("collectionId"), ITEMS_PARAMETERS));
        responses(items, MediaTypes.GEOJSON, true);
        ObjectNode item = operation(paths, "/collections/{collectionId}/items/{featureId}", "getFeature", "单个要素 One feature",
                List.of("collectionId", "featureId", "f", "crs"));
        responses(item, MediaTypes.GEOJSON, true);
        ObjectNode queryables = operation(paths, "/collections/{collectionId}/queryables", "getQueryables",
                "可查询属性 Queryables (JSON Schema)", List.of("collectionId", "f"));
        responses(queryables, MediaTypes.JSON_SCHEMA, false);

        ObjectNode unitList = operation(paths, "/access-list/units/{unitCode}", "getUnitAccessList",
                "管控单元的生态环境准入清单（按四个维度，本单元要求在前，其后为区县、市、省总体准入要求）/ A control unit's access list by dimension",
                List.of("unitCode", "f"));
        unitList.replace("tags", Json.MAPPER.createArrayNode().add("Access list"));
        responses(unitList, MediaTypes.JSON, false);
        ObjectNode search = operation(paths, "/access-list/search", "searchAccessList",
                "按文字、编号或依据搜索准入清单要求 / Search requirements by text, id or basis", List.of("q", "searchLimit"));
        search.replace("tags", Json.MAPPER.createArrayNode().add("Access list"));
        responses(search, MediaTypes.JSON, false);
        simple(paths, "/tileMatrixSets", "getTileMatrixSetsList", "切片方案列表 Tile matrix sets", MediaTypes.JSON);
        responses(operation(paths, "/tileMatrixSets/{tileMatrixSetId}", "getTileMatrixSet", "切片方案 A tile matrix set (OGC TMS 2.0 JSON)",
                List.of("tileMatrixSetId", "f")), MediaTypes.JSON, false);
        responses(operation(paths, "/collections/{collectionId}/tiles", "getCollectionVectorTilesetsList",
                "图层的矢量切片集 Vector tilesets of a collection", List.of("collectionId", "f")), MediaTypes.JSON, false);
        responses(operation(paths, "/collections/{collectionId}/tiles/{tileMatrixSetId}", "getCollectionVectorTileSet",
                "切片集说明 Tileset metadata (tile URL template, layers and their properties)", List.of("collectionId", "tileMatrixSetId", "f")),
                MediaTypes.JSON, false);
        tileResponses(operation(paths, "/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                "getCollectionVectorTile", "矢量切片 A Mapbox vector tile of a collection",
                List.of("collectionId", "tileMatrixSetId", "tileMatrix", "tileRow", "tileCol")));
        responses(operation(paths, "/collections/{collectionId}/map/tiles", "getCollectionMapTilesetsList",
                "图层的地图切片集 Map tilesets of a collection (PNG)", List.of("collectionId", "f")), MediaTypes.JSON, false);
        responses(operation(paths, "/collections/{collectionId}/map/tiles/{tileMatrixSetId}", "getCollectionMapTileSet",
                "地图切片集说明 Map tileset metadata (tile URL template, style)", List.of("collectionId", "tileMatrixSetId", "f")),
                MediaTypes.JSON, false);
        ObjectNode mapTile = operation(paths, "/collections/{collectionId}/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                "getCollectionMapTile", "地图切片 A map tile of a collection (PNG, the layer's style, transparent)",
                List.of("collectionId", "tileMatrixSetId", "tileMatrix", "tileRow", "tileCol", "scale"));
        tileResponses(mapTile);
        ObjectNode mapOk = (ObjectNode) mapTile.get("responses").get("200");
        mapOk.put("description", "地图切片 / map tile (PNG)");
        mapOk.putObject("content").putObject(MapTilePainter.PNG).putObject("schema").put("type", "string").put("format", "binary");

        processes(paths);
        AnalysisPaths.add(paths);

        for (FeatureSource s : set.inOrder()) {
            String id = s.layer().id();
            ObjectNode op = paths.putObject("/collections/" + id + "/items").putObject("get");
            op.put("operationId", "getFeatures_" + id);
            op.put("summary", s.layer().title().zh() + " " + s.layer().title().en());
            op.putArray("tags").add("Features");
            ArrayNode params = op.putArray("parameters");
            for (String p : ITEMS_PARAMETERS) params.addObject().put("$ref", "#/components/parameters/" + p);
            for (AttributeDef a : Queryables.attributes(s.layer())) {
                ObjectNode p = params.addObject();
                p.put("name", a.name());
                p.put("in", "query");
                p.put("required", false);
                p.put("description", Queryables.title(a) + " 等于此值 / equals this value");
                p.put("style", "form");
                p.put("explode", false);
                ObjectNode schema = p.putObject("schema");
                schema.put("type", a.type().schemaType());
                if (!a.values().isEmpty()) a.values().forEach(schema.withArray("enum")::add);
            }
            responses(op, MediaTypes.GEOJSON, true);
        }
        ObjectNode components = doc.putObject("components");
        components(components, set, maxPageSize);
        AnalysisPaths.schemas((ObjectNode) components.get("schemas"));
        return doc;
    }

    private static void simple(ObjectNode paths, String path, String id, String summary, String jsonType) {
        responses(operation(paths, path, id, summary, List.of("f")), jsonType, false);
    }

    private static ObjectNode operation(ObjectNode paths, String path, String id, String summary, List<String> params) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("operationId", id);
        op.put("summary", summary);
        op.putArray("tags").add(path.contains("items") ? "Features" : "Capabilities");
        ArrayNode ps = op.putArray("parameters");
        for (String p : params) ps.addObject().put("$ref", "#/components/parameters/" + p);
        return op;
    }

    private static void responses(ObjectNode op, String jsonType, boolean features) {
        ObjectNode r = op.putObject("responses");
        ObjectNode ok = r.putObject("200");
        ok.put("description", "成功 / success (JSON，或 f=html 时为 HTML)");
        ObjectNode headers = ok.putObject("headers");
        headers.putObject("ETag").put("description", "数据版本 / version of the answer").putObject("schema").put("type", "string");
        if (features) {
            headers.putObject("Content-Crs").put("description", "坐标系 URI / CRS of the coordinates, in angle brackets")
                    .putObject("schema").put("type", "string");
        }
        ObjectNode content = ok.putObject("content");
        content.putObject(jsonType).putObject("schema").put("type", "object");
        content.putObject(MediaTypes.HTML).putObject("schema").put("type", "string");
        r.putObject("304").put("description", "未修改 / not modified (If-None-Match)");
        for (String code : List.of("400", "404")) {
            ObjectNode e = r.putObject(code);
            e.put("description", code.equals("400") ? "请求有误 / bad request" : "未找到 / not found");
            e.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        }
    }

    private static void tileResponses(ObjectNode op) {
        op.withArray("tags").removeAll().add("Tiles");
        ObjectNode r = op.putObject("responses");
        ObjectNode ok = r.putObject("200");
        ok.put("description", "矢量切片 / Mapbox vector tile");
        ok.putObject("headers").putObject("ETag").put("description", "数据版本与切片地址 / data version and tile address")
                .putObject("schema").put("type", "string");
        ok.putObject("content").putObject(TilesRoutes.MVT).putObject("schema").put("type", "string").put("format", "binary");
        r.putObject("204").put("description", "切片内无要素 / no feature in this tile (empty tile)");
        r.putObject("304").put("description", "未修改 / not modified (If-None-Match)");
        for (String code : List.of("400", "404")) {
            ObjectNode e = r.putObject(code);
            e.put("description", code.equals("400") ? "请求有误（非整数）/ bad request (not an integer)"
                    : "未找到（超出切片矩阵范围）/ not found (outside the tile matrix limits)");
            e.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        }
    }

    private static void components(ObjectNode c, LayerSet set, int maxPageSize) {
        ObjectNode problem = c.putObject("schemas").putObject("Problem");
        problem.put("type", "object");
        ObjectNode pp = problem.putObject("properties");
        for (String s : List.of("type", "title", "detail", "instance")) pp.putObject(s).put("type", "string");
        pp.putObject("status").put("type", "integer");

        ObjectNode ps = c.putObject("parameters");
        ObjectNode cid = param(ps, "collectionId", "path", "图层编号 / collection id");
        cid.put("required", true);
        ArrayNode ids = cid.putObject("schema").put("type", "string").putArray("enum");
        set.inOrder().forEach(s -> ids.add(s.layer().id()));
        param(ps, "featureId", "path", "要素编号 / feature id").put("required", true).putObject("schema").put("type", "string");
        param(ps, "unitCode", "path", "环境管控单元编码 / control unit code (e.g. ZH14021210001)").put("required", true)
                .putObject("schema").put("type", "string");
        ObjectNode q = param(ps, "q", "query", "搜索文字（中文或英文，不区分大小写，最长 " + AccessListRoutes.MAX_QUERY_CHARS
                + " 字）/ text to find in a requirement's text, id or basis (case-insensitive)");
        q.put("required", true);
        q.putObject("schema").put("type", "string").put("minLength", 1).put("maxLength", AccessListRoutes.MAX_QUERY_CHARS);
        ObjectNode searchLimit = param(ps, "searchLimit", "query", "最多返回的要求数 / requirements to return (1–" + AccessListRoutes.MAX_LIMIT + ")");
        searchLimit.put("name", "limit");
        searchLimit.putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", AccessListRoutes.MAX_LIMIT)
                .put("default", AccessListRoutes.DEFAULT_LIMIT);
        param(ps, "tileMatrixSetId", "path", "切片方案 / tile matrix set").put("required", true).putObject("schema").put("type", "string")
                .putArray("enum").add(WebMercatorQuad.ID);
        for (String[] t : new String[][] {{"tileMatrix", "切片级别 / zoom level (tile matrix) 0–" + WebMercatorQuad.MAX_ZOOM},
                {"tileRow", "切片行号（自北向南）/ tile row from the north, 0 … 2^tileMatrix − 1"},
                {"tileCol", "切片列号（自西向东）/ tile column from the west, 0 … 2^tileMatrix − 1"}}) {
            param(ps, t[0], "path", t[1]).put("required", true).putObject("schema").put("type", "integer").put("minimum", 0);
        }
        param(ps, "scale", "query", "EcoZone 扩展：地图切片像素倍数，1 = 256 × 256（默认），2 = 512 × 512 / EcoZone extension: map tile pixels, "
                + "1 = 256 × 256 (default), 2 = 512 × 512").putObject("schema").put("type", "integer").put("minimum", MapTilePainter.MIN_SCALE)
                .put("maximum", MapTilePainter.MAX_SCALE).put("default", 1);
        param(ps, "processId", "path", "处理过程 / process: site-check or batch-check").put("required", true).putObject("schema").put("type", "string");
        param(ps, "jobId", "path", "任务编号 / job id").put("required", true).putObject("schema").put("type", "string");
        param(ps, "outputId", "path", "输出 / output: table, projects, reports, changesTable, result").put("required", true)
                .putObject("schema").put("type", "string");
        ObjectNode f = param(ps, "f", "query", "格式 / format: json (默认 default) or html");
        f.putObject("schema").put("type", "string").putArray("enum").add("json").add("html");
        ObjectNode limit = param(ps, "limit", "query", "每页要素数 / features per page (1–" + maxPageSize + ")");
        limit.put("style", "form").put("explode", false);
        limit.putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", maxPageSize)
                .put("default", ItemsRequest.DEFAULT_LIMIT);
        ObjectNode offset = param(ps, "offset", "query", "跳过的要素数 / features to skip");
        offset.putObject("schema").put("type", "integer").put("minimum", 0).put("default", 0);
        ObjectNode bbox = param(ps, "bbox", "query", "范围 / bounding box: minx,miny,maxx,maxy (axis order of bbox-crs; default CRS84 lon/lat); "
                + "a west edge greater than the east edge crosses the antimeridian");
        bbox.put("style", "form").put("explode", false);
        bbox.putObject("schema").put("type", "array").put("minItems", 4).put("maxItems", 6).putObject("items").put("type", "number");
        for (String name : List.of("crs", "bbox-crs", "filter-crs")) {
            param(ps, name, "query", "坐标系 URI / CRS URI (see the collection's crs list); default CRS84")
                    .putObject("schema").put("type", "string").put("format", "uri");
        }
        param(ps, "filter", "query", "CQL2 text 过滤条件 / filter, e.g. type = '优先保护' AND S_INTERSECTS(geometry, POINT(113.3 40.1))")
                .putObject("schema").put("type", "string");
        param(ps, "filter-lang", "query", "过滤语言 / filter language").putObject("schema").put("type", "string")
                .put("default", "cql2-text").putArray("enum").add("cql2-text");
        for (String name : List.of("sortby", "properties")) {
            ObjectNode p = param(ps, name, "query", name.equals("sortby")
                    ? "排序 / sort keys, comma separated, '-' for descending (e.g. -code)"
                    : "返回的属性 / properties to return, comma separated");
            p.put("style", "form").put("explode", false);
            p.putObject("schema").put("type", "array").putObject("items").put("type", "string");
        }
        param(ps, "datetime", "query", "时间 / RFC 3339 instant or interval (e.g. 2021-06-01T00:00:00Z, 2019-01-01/2021-12-31, ../2020-12-31). "
                + "Layers with a year attribute (修复年度) match features whose calendar year (UTC+08:00) the instant or interval touches; "
                + "layers without temporal data return every feature").put("style", "form").put("explode", false)
                .putObject("schema").put("type", "string");
        param(ps, "skipGeometry", "query", "不返回几何 / omit geometries").putObject("schema").put("type", "boolean").put("default", false);
        param(ps, "simplify", "query", "按比例尺简化几何的容差（米），供小比例尺绘图 / simplification tolerance in metres for drawing at small scales "
                + "(topology-preserving; 0 = exact)").putObject("schema").put("type", "number").put("minimum", 0).put("maximum", 10_000).put("default", 0);
    }

    /** OGC API – Processes Part 1: processes, execution (sync/async), jobs, results, dismiss. */
    private static void processes(ObjectNode paths) {
        responses(tag(operation(paths, "/processes", "getProcesses", "处理过程列表 Process list", List.of("f"))), MediaTypes.JSON, false);
        responses(tag(operation(paths, "/processes/{processId}", "getProcessDescription", "处理过程说明（输入与输出）Process description",
                List.of("processId", "f"))), MediaTypes.JSON, false);
        ObjectNode exec = paths.putObject("/processes/{processId}/execution").putObject("post");
        exec.put("operationId", "execute");
        exec.put("summary", "执行处理过程：同步，或加 Prefer: respond-async 异步（201 + Location）/ Execute a process: synchronously, or asynchronously with Prefer: respond-async");
        exec.putArray("tags").add("Processes");
        ArrayNode ps = exec.putArray("parameters");
        ps.addObject().put("$ref", "#/components/parameters/processId");
        ObjectNode prefer = ps.addObject();
        prefer.put("name", "Prefer").put("in", "header").put("required", false).put("description", "respond-async：异步执行 / run as a job");
        prefer.putObject("schema").put("type", "string");
        ObjectNode body = exec.putObject("requestBody");
        body.put("required", true);
        ObjectNode schema = body.putObject("content").putObject(MediaTypes.JSON).putObject("schema");
        schema.put("type", "object");
        schema.putArray("required").add("inputs");
        ObjectNode props = schema.putObject("properties");
        props.putObject("inputs").put("type", "object");
        props.putObject("outputs").put("type", "object");
        props.putObject("response").put("type", "string").putArray("enum").add("raw").add("document");
        ObjectNode r = exec.putObject("responses");
        r.putObject("200").put("description", "同步执行结果 / synchronous results").putObject("content").putObject(MediaTypes.JSON)
                .putObject("schema").put("type", "object");
        ObjectNode created = r.putObject("201");
        created.put("description", "已创建任务（异步）/ job created (asynchronous); Location names the job");
        created.putObject("headers").putObject("Location").put("description", "任务地址 / the job's URL").putObject("schema").put("type", "string");
        created.putObject("content").putObject(MediaTypes.JSON).putObject("schema").put("type", "object");
        problems(r, "400", "404", "413");

        responses(tag(operation(paths, "/jobs", "getJobs", "任务列表 Job list", List.of("f"))), MediaTypes.JSON, false);
        ObjectNode job = operation(paths, "/jobs/{jobId}", "getStatus", "任务状态与进度 Job status and progress", List.of("jobId", "f"));
        responses(tag(job), MediaTypes.JSON, false);
        ObjectNode dismiss = ((ObjectNode) paths.get("/jobs/{jobId}")).putObject("delete");
        dismiss.put("operationId", "dismiss");
        dismiss.put("summary", "撤销任务 Dismiss a job");
        dismiss.putArray("tags").add("Processes");
        dismiss.putArray("parameters").addObject().put("$ref", "#/components/parameters/jobId");
        ObjectNode dr = dismiss.putObject("responses");
        dr.putObject("200").put("description", "已撤销 / dismissed").putObject("content").putObject(MediaTypes.JSON).putObject("schema").put("type", "object");
        problems(dr, "404");
        responses(tag(operation(paths, "/jobs/{jobId}/results", "getResult", "任务结果 Job results", List.of("jobId", "f"))), MediaTypes.JSON, false);
        ObjectNode file = operation(paths, "/jobs/{jobId}/results/{outputId}", "getResultOutput", "单个输出文件（CSV、ZIP、JSON）One output",
                List.of("jobId", "outputId"));
        tag(file);
        ObjectNode fr = file.putObject("responses");
        ObjectNode content = fr.putObject("200").put("description", "输出 / the output").putObject("content");
        content.putObject("text/csv").putObject("schema").put("type", "string");
        content.putObject("application/zip").putObject("schema").put("type", "string").put("format", "binary");
        content.putObject(MediaTypes.JSON).putObject("schema").put("type", "array").putObject("items").put("type", "object");
        problems(fr, "404");
    }

    private static ObjectNode tag(ObjectNode op) {
        op.withArray("tags").removeAll().add("Processes");
        return op;
    }

    private static void problems(ObjectNode r, String... codes) {
        for (String code : codes) {
            ObjectNode e = r.putObject(code);
            e.put("description", switch (code) {
                case "400" -> "请求有误 / bad request";
                case "413" -> "过大 / too large";
                default -> "未找到（处理过程、任务或结果未就绪）/ not found (process, job, or result not ready)";
            });
            e.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        }
    }

    private static ObjectNode param(ObjectNode ps, String name, String in, String description) {
        ObjectNode p = ps.putObject(name);
        p.put("name", name);
        p.put("in", in);
        p.put("description", description);
        if (in.equals("query")) p.put("required", false);
        return p;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
