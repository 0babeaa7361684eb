package cn.ecozone.api;

import cn.ecozone.app.SiteCheckUseCase;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /analysis/*} endpoints in the OpenAPI document: site check (选址研判) with its inputs and result,
 * identify, measure (by upload and per layer), district statistics and layer checks. Parameters are inline (their
 * names and values differ from the OGC ones of the same name, e.g. {@code crs} here also takes {@code EPSG:4526}).
 */
final class AnalysisPaths {
    private static final String PROBLEM = "#/components/schemas/Problem";

    private AnalysisPaths() {}

    static void add(ObjectNode paths) {
        ObjectNode site = op(paths, "/analysis/site-check", "post", "siteCheck",
                "选址研判：项目用地与各管控图层的叠加、准入清单条款与结论 / Site check: overlaps with every zoning layer, access-list clauses and verdict");
        ArrayNode sp = site.putArray("parameters");
        query(sp, "crs", "输入坐标系 / CRS of a GeoJSON or WKT body: CRS84 (default, lon/lat), EPSG:4490, EPSG:4326 or a CGCS2000 "
                + "Gauss-Krüger zone (EPSG:4513–4533 with zone prefix, 4534–4554 without, 6° 4491–4512; x = easting)", "string");
        query(sp, "industry", "行业（编号、中文或英文名称，见准入清单）/ industry id or name from the access list; omitted: every industry's verdict", "string");
        query(sp, "name", "项目名称 / project name (shown in the report)", "string");
        query(sp, "nearbyM", "周边范围（米，0–50000，默认 1000）/ distance in metres for nearby zones and points", "number");
        ObjectNode f = query(sp, "f", "结果格式（旧名 format 亦可）/ result format (format, its alias, is accepted too)", "string");
        ((ObjectNode) f.get("schema")).put("default", "json").putArray("enum").add("json").add("html").add("pdf");
        ObjectNode lang = query(sp, "lang", "报告语言（f=html 或 pdf 时）/ language of the html and pdf reports", "string");
        ((ObjectNode) lang.get("schema")).put("default", "zh").putArray("enum").add("zh").add("en");
        query(sp, "siteGeometry", "JSON 结果是否附带地块形状 siteGeometry（经纬度 GeoJSON）。缺省：经纬度 GeoJSON 单个地块不附带（客户端已有），"
                + "界址点 TXT、WKT、高斯投影坐标或多个地块附带；超过 " + SiteCheckUseCase.SMALL_SITE_VERTICES + " 个顶点的地块总不附带 / "
                + "whether the JSON answer carries the site's shape (siteGeometry, GeoJSON lon/lat). Default: not for a GeoJSON geometry or single "
                + "feature in lon/lat (the client has it), yes for a boundary-point TXT, WKT, Gauss-Krüger coordinates or several parcels; "
                + "never for a site over " + SiteCheckUseCase.SMALL_SITE_VERTICES + " vertices", "boolean");
        ObjectNode body = site.putObject("requestBody");
        body.put("required", true);
        body.put("description", "项目用地范围 / the site: a 国土 boundary-point TXT (界址点坐标文件, UTF-8 or GBK), a GeoJSON geometry, "
                + "Feature or FeatureCollection (each feature one parcel: name, declaredHa), or WKT/EWKT; ≤ 10 MB and ≤ 100,000 vertices");
        ObjectNode bc = body.putObject("content");
        bc.putObject("text/plain").putObject("schema").put("type", "string");
        bc.putObject("application/geo+json").putObject("schema").put("type", "object");
        bc.putObject("application/json").putObject("schema").put("type", "object");
        ObjectNode multipart = bc.putObject("multipart/form-data").putObject("schema").put("type", "object");
        multipart.putObject("properties").putObject("file").put("type", "string").put("format", "binary");
        ObjectNode sr = site.putObject("responses");
        ObjectNode ok = sr.putObject("200");
        ok.put("description", "研判结果 / the site check result (JSON), a printable report (HTML) or a PDF report");
        ObjectNode oc = ok.putObject("content");
        oc.putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/SiteCheckResult");
        oc.putObject("text/html").putObject("schema").put("type", "string");
        oc.putObject("application/pdf").putObject("schema").put("type", "string").put("format", "binary");
        problems(sr, "400", "输入有误（格式、坐标系、坐标顺序、不在中国、无效多边形、未知行业）/ bad input, naming the problem and its location");
        problems(sr, "413", "输入过大或分析代价超出上限 / input or analysis too large");
        problems(sr, "503", "分析繁忙或超时 / analyses busy or out of time; retry later (Retry-After)");

        ObjectNode identify = op(paths, "/analysis/identify", "get", "identify",
                "点查询：某点所在的各图层要素 / Identify: the zones of every layer at a point");
        ArrayNode ip = identify.putArray("parameters");
        query(ip, "lon", "经度（CGCS2000）/ longitude", "number").put("required", true);
        query(ip, "lat", "纬度（CGCS2000）/ latitude", "number").put("required", true);
        query(ip, "f", "格式 / format", "string");
        jsonResponses(identify, "#/components/schemas/IdentifyResult", "该点所在的要素（无则为空）/ the zones at the point (empty when none)");

        ObjectNode measure = op(paths, "/analysis/measure", "post", "measurePlots",
                "图斑量算与核查：面积（椭球、高斯平面）、周长、有效性、申报面积差、狭长碎片、相互重叠、与红线和水源保护区叠加 / "
                        + "Measure and check uploaded plots");
        measureParameters(measure.putArray("parameters"));
        ObjectNode mb = measure.putObject("requestBody");
        mb.put("required", true);
        mb.put("description", "面图斑：GeoJSON FeatureCollection 或 Feature（经纬度 CGCS2000），或国土界址点 TXT / polygon plots");
        mb.putObject("content").putObject("application/geo+json").putObject("schema").put("type", "object");
        ((ObjectNode) mb.get("content")).putObject("text/plain").putObject("schema").put("type", "string");
        measureResponses(measure);

        ObjectNode measureLayer = op(paths, "/analysis/measure/{collectionId}", "get", "measureCollection",
                "图层图斑量算与核查 / Measure and check a layer's plots (e.g. restoration)");
        ArrayNode mlp = measureLayer.putArray("parameters");
        mlp.addObject().put("$ref", "#/components/parameters/collectionId");
        measureParameters(mlp);
        measureResponses(measureLayer);

        ObjectNode stats = op(paths, "/analysis/stats", "get", "districtStats",
                "分区统计：各区县面积，红线、水源保护区（全部与分级）、各类管控单元、修复图斑的面积与占比 / District statistics");
        stats.putArray("parameters");
        jsonResponses(stats, null, "每个区县一项 / one entry per district");

        ObjectNode checks = op(paths, "/analysis/checks/{collectionId}", "get", "layerChecks",
                "图层质检：无效几何（原因与位置）、相互重叠（含包含）、分区拼接的缝隙与重叠 / Layer QA: invalid geometry, overlapping pairs, gaps and overlaps of tiled layers");
        checks.putArray("parameters").addObject().put("$ref", "#/components/parameters/collectionId");
        jsonResponses(checks, null, "质检结果 / the problems found");
    }

    static void schemas(ObjectNode schemas) {
        ObjectNode zone = object(schemas, "ZoneAtPoint");
        ObjectNode zp = zone.putObject("properties");
        for (String s : new String[]{"collection", "collectionTitle", "featureId", "name"}) zp.putObject(s).put("type", "string");
        zp.putObject("properties").put("type", "object");
        ObjectNode id = object(schemas, "IdentifyResult");
        ObjectNode ipr = id.putObject("properties");
        ipr.putObject("lon").put("type", "number");
        ipr.putObject("lat").put("type", "number");
        ipr.putObject("zones").put("type", "array").putObject("items").put("$ref", "#/components/schemas/ZoneAtPoint");

        ObjectNode hit = object(schemas, "SiteHit");
        ObjectNode hp = hit.putObject("properties");
        for (String s : new String[]{"collection", "collectionTitle", "featureId", "name"}) hp.putObject(s).put("type", "string");
        hp.putObject("properties").put("type", "object");
        for (String s : new String[]{"overlapM2", "overlapHa", "overlapMu", "siteShare", "zoneShare", "zoneAreaM2"}) hp.putObject(s).put("type", "number");
        for (String s : new String[]{"overlap", "zoneArea"}) hp.set(s, areaObject());
        ObjectNode near = object(schemas, "SiteNearby");
        ObjectNode np = near.putObject("properties");
        for (String s : new String[]{"collection", "collectionTitle", "featureId", "name"}) np.putObject(s).put("type", "string");
        np.putObject("distanceM").put("type", "number");
        ObjectNode clause = object(schemas, "SiteClause");
        ObjectNode cp = clause.putObject("properties");
        for (String s : new String[]{"clauseId", "severity", "severityZh", "effect", "dimension", "level", "scope", "text", "textEn",
                "collection", "featureId", "featureName"}) cp.putObject(s).put("type", "string");
        cp.putObject("basis").put("type", "object");
        cp.putObject("industries").put("type", "array").putObject("items").put("type", "string");

        ObjectNode result = object(schemas, "SiteCheckResult");
        result.put("description", "选址研判结果 / site check result; areas on the CGCS2000 ellipsoid, shares 0–1");
        ObjectNode rp = result.putObject("properties");
        ObjectNode siteP = rp.putObject("site").put("type", "object")
                .put("description", "用地：面积（平方米、公顷、亩）、高斯投影带与面积、地块、顶点数、输入格式与坐标系、范围 / the site").putObject("properties");
        for (String s : new String[]{"areaM2", "areaHa", "areaMu", "gkAreaM2"}) siteP.putObject(s).put("type", "number");
        for (String s : new String[]{"area", "gkArea"}) siteP.set(s, areaObject());
        for (String s : new String[]{"gkZone", "gkEpsg", "parcelCount", "vertices"}) siteP.putObject(s).put("type", "integer");
        for (String s : new String[]{"format", "sourceCrs"}) siteP.putObject(s).put("type", "string");
        siteP.putObject("parcels").put("type", "array").putObject("items").put("type", "object");
        siteP.putObject("bbox").put("type", "array").putObject("items").put("type", "number");
        rp.putObject("verdict").put("type", "string").put("description", "prohibited | restricted | conditional | allowed | outside")
                .putArray("enum").add("prohibited").add("restricted").add("conditional").add("allowed").add("outside");
        rp.putObject("verdictZh").put("type", "string").put("description", "禁止准入 / 限制准入 / 有条件准入 / 准入 / 不在数据范围内");
        rp.putObject("hits").put("type", "array").put("description", "叠加的要素（所有图层）/ overlapped zones of every layer")
                .putObject("items").put("$ref", "#/components/schemas/SiteHit");
        rp.putObject("nearby").put("type", "array").put("description", "周边 nearbyM 米内未叠加的要素 / zones and points within nearbyM not overlapped")
                .putObject("items").put("$ref", "#/components/schemas/SiteNearby");
        rp.putObject("clauses").put("type", "array").put("description", "适用的准入清单条款，最严者在前 / applicable requirements, strongest first")
                .putObject("items").put("$ref", "#/components/schemas/SiteClause");
        rp.putObject("dimensions").put("type", "object").put("description", "逐维度研判 / verdict per dimension");
        rp.putObject("industryVerdicts").put("type", "array").put("description", "未给行业时各行业的结论 / each industry's verdict when no industry is given")
                .putObject("items").put("type", "object");
        rp.putObject("coverage").put("type", "object").put("description", "部分在数据范围外时 / covered and uncovered area when partly outside the data");
        rp.putObject("warnings").put("type", "array").put("description", "提示，每条为“中文 / English”（兼容保留）/ notices as \"中文 / English\" strings (kept for compatibility)")
                .putObject("items").put("type", "string");
        ObjectNode notice = rp.putObject("notices").put("type", "array")
                .put("description", "提示（与 warnings 一一对应、顺序相同），中英文分列 / the warnings written for people, one per warning, same order")
                .putObject("items").put("type", "object");
        notice.putArray("required").add("code").add("zh").add("en");
        ObjectNode noticeP = notice.putObject("properties");
        noticeP.putObject("code").put("type", "string").put("description", "稳定的编码 / stable code, e.g. parcel.declared-area-differs");
        noticeP.putObject("zh").put("type", "string");
        noticeP.putObject("en").put("type", "string");
        rp.putObject("industry").put("type", "string");
        rp.putObject("nearbyM").put("type", "number");
        rp.putObject("dataDate").put("type", "string");
        rp.putObject("siteGeometry").put("type", "object").put("description", "地块形状（GeoJSON 经纬度，度 7 位小数、投影输入 9 位），见参数 siteGeometry / "
                + "the site's shape (GeoJSON lon/lat; 7 decimals for a site given in degrees, 9 for one given in metres), see the siteGeometry parameter");
    }

    /** An area as measure and stats write it, and as the site check writes it beside its flat fields. */
    private static ObjectNode areaObject() {
        ObjectNode a = JsonNodeFactory.instance.objectNode().put("type", "object")
                .put("description", "面积 / area: 平方米 m², 公顷 ha, 亩 mu (CGCS2000 ellipsoid)");
        ObjectNode p = a.putObject("properties");
        for (String s : new String[]{"m2", "ha", "mu"}) p.putObject(s).put("type", "number");
        return a;
    }

    private static ObjectNode object(ObjectNode schemas, String name) {
        return schemas.putObject(name).put("type", "object");
    }

    private static ObjectNode op(ObjectNode paths, String path, String method, String id, String summary) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode op = item.putObject(method);
        op.put("operationId", id);
        op.put("summary", summary);
        op.putArray("tags").add("Analysis");
        return op;
    }

    private static ObjectNode query(ArrayNode params, String name, String description, String type) {
        ObjectNode p = params.addObject();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.putObject("schema").put("type", type);
        return p;
    }

    private static void measureParameters(ArrayNode p) {
        query(p, "groupBy", "汇总的属性（如 mine）/ attribute to summarise by (e.g. mine: progress per mine)", "string");
        query(p, "threshold", "申报与量算面积差的容差（%，默认 1）/ tolerance for declared vs measured area, percent", "number");
        ObjectNode format = query(p, "f", "结果格式（旧名 format 亦可）/ result format (format, its old name, is accepted too)", "string");
        ((ObjectNode) format.get("schema")).put("default", "json").putArray("enum").add("json").add("csv").add("geojson");
    }

    private static void measureResponses(ObjectNode op) {
        ObjectNode r = op.putObject("responses");
        ObjectNode ok = r.putObject("200");
        ok.put("description", "每个图斑的量算与核查、跨图斑核查与汇总 / per-plot measures and checks, cross-plot checks and summaries");
        ObjectNode c = ok.putObject("content");
        c.putObject("application/json").putObject("schema").put("type", "object");
        c.putObject("text/csv").putObject("schema").put("type", "string");
        c.putObject("application/geo+json").putObject("schema").put("type", "object");
        problems(r, "400", "请求有误 / bad request");
        problems(r, "404", "未找到 / not found");
        problems(r, "413", "输入过大 / too large");
        problems(r, "503", "分析繁忙或超时 / analyses busy or out of time");
    }

    private static void jsonResponses(ObjectNode op, String ref, String description) {
        ObjectNode r = op.putObject("responses");
        ObjectNode ok = r.putObject("200");
        ok.put("description", description);
        ObjectNode schema = ok.putObject("content").putObject("application/json").putObject("schema");
        if (ref != null) schema.put("$ref", ref);
        else schema.put("type", "object");
        problems(r, "400", "请求有误 / bad request");
        problems(r, "404", "未找到 / not found");
        problems(r, "503", "分析繁忙或超时 / analyses busy or out of time");
    }

    private static void problems(ObjectNode responses, String code, String description) {
        ObjectNode e = responses.putObject(code);
        e.put("description", description);
        e.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
    }
}
