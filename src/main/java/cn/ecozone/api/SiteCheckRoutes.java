package cn.ecozone.api;

import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.AnalysisLimitExceeded;
import cn.ecozone.analysis.Identify;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.SiteCost;
import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.report.ReportLanguage;
import cn.ecozone.report.SiteFigure;
import cn.ecozone.report.SiteReportHtml;
import cn.ecozone.report.SiteReportPdf;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /analysis/site-check} (body: 国土 TXT, GeoJSON or WKT, or a multipart upload in field {@code file};
 * query: crs, industry, name, nearbyM, f=json|html|pdf, lang=zh|en for the html and pdf reports) and {@code GET /analysis/identify?lon=&lat=}.
 */
public final class SiteCheckRoutes implements RouteModule {
    /**
     * A site this small, searched this near, meeting few enough zones ({@link Limits#quickMaxCandidates()},
     * {@link Limits#quickMaxZoneVertices()}) is checked in milliseconds: on the request thread, not the analysis pool.
     */
    static final int QUICK_MAX_VERTICES = 5_000;
    static final double QUICK_MAX_NEARBY_M = 5_000;

    private final LiveLayers layers;
    private final LiveAccessList accessList;

    private final Limits limits;
    private final AnalysisBudget budget;

    public SiteCheckRoutes(LiveLayers layers, LiveAccessList accessList, Limits limits) {
        this(layers, accessList, limits, new AnalysisBudget(limits));
    }

    SiteCheckRoutes(LiveLayers layers, LiveAccessList accessList, Limits limits, AnalysisBudget budget) {
        this.layers = layers;
        this.accessList = accessList;
        this.limits = limits;
        this.budget = budget;
    }

    /** Where a site check of this cost runs. */
    enum Route { QUICK, POOL }

    /**
     * The request thread for a small cost, the pool for a larger one, 413 (with the numbers and what to do) beyond
     * the caps. A cost whose counting stopped at a cap is beyond it.
     */
    static Route route(SiteCost cost, Limits limits) {
        if (!cost.complete() || cost.candidates() > limits.maxCandidates() || cost.zoneVertices() > limits.maxZoneVertices()) {
            throw tooLarge(cost, limits);
        }
        boolean quick = cost.siteVertices() <= QUICK_MAX_VERTICES && cost.nearbyM() <= QUICK_MAX_NEARBY_M
                && cost.candidates() <= limits.quickMaxCandidates() && cost.zoneVertices() <= limits.quickMaxZoneVertices();
        return quick ? Route.QUICK : Route.POOL;
    }

    static ApiProblem tooLarge(SiteCost cost, Limits limits) {
        String atLeast = cost.complete() ? "" : "≥ ";
        String atLeastEn = cost.complete() ? "" : "at least ";
        return new ApiProblem(413, "分析范围过大 Analysis too large", String.format(java.util.Locale.ROOT,
                "地块外扩 nearbyM=%.0f 米的检索范围内有 %s%,d 个区域、共 %s%,d 个顶点，超过单次研判的上限（%,d 个区域、%,d 个顶点）。"
                        + "请提交较小的地块（或分块提交），或减小 nearbyM。"
                        + " / The search box of this site (its extent grown by nearbyM=%.0f m) meets %s%,d zones holding %s%,d vertices, "
                        + "more than one site check may read (%,d zones, %,d vertices). Submit a smaller site (or split it) or a smaller nearbyM.",
                cost.nearbyM(), atLeast, cost.candidates(), atLeast, cost.zoneVertices(), limits.maxCandidates(), limits.maxZoneVertices(),
                cost.nearbyM(), atLeastEn, cost.candidates(), atLeastEn, cost.zoneVertices(), limits.maxCandidates(), limits.maxZoneVertices()));
    }

    static ApiProblem tooLarge(AnalysisLimitExceeded e) {
        return new ApiProblem(413, "分析范围过大 Analysis too large", String.format(java.util.Locale.ROOT,
                "研判中途停止：%s 已达 %,d，超过上限 %,d。请提交较小的地块（或分块提交），或减小 nearbyM。"
                        + " / The site check stopped: %s reached %,d, over the limit of %,d. Submit a smaller site (or split it) or a smaller nearbyM.",
                e.whatZh(), e.value(), e.limit(), e.whatEn(), e.value(), e.limit()));
    }

    AnalysisCaps caps() {
        return new AnalysisCaps(limits.maxZoneVertices(), limits.maxResultEntries(), limits.maxOverlays());
    }

    @Override
    public void register(Javalin app) {
        app.post("/analysis/site-check", this::siteCheck);
        app.get("/analysis/identify", this::identify);
    }

    private void siteCheck(Context ctx) {
        OgcResponses.onlyParameters(ctx, java.util.Set.of("f", "crs", "industry", "name", "nearbyM", "lang"));
        LayerSet set = layers.current();
        String format = ctx.queryParamAsClass("f", String.class).getOrDefault("json");
        if (!List.of("json", "html", "pdf").contains(format)) {
            throw ApiProblem.badRequest("f 应为 json、html 或 pdf / f must be json, html or pdf, got " + format);
        }
        double nearbyM = number(ctx.queryParam("nearbyM"), SiteCheck.DEFAULT_NEARBY_M, "nearbyM");
        ReportLanguage lang;
        try {
            lang = ReportLanguage.of(ctx.queryParam("lang"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        SiteInput input;
        try {
            input = new SiteInputReader(limits.maxVertices()).read(body(ctx), ctx.queryParam("crs"), ctx.queryParam("name"));
        } catch (SiteInputException e) {
            throw e.tooLarge() ? new ApiProblem(413, "地块过大 Payload too large", e.getMessage()) : ApiProblem.badRequest(e.getMessage());
        }
        SiteCheckResult result = check(set, accessList.current(), input, ctx.queryParam("industry"), nearbyM);
        switch (format) {
            case "html" -> ctx.contentType("text/html; charset=utf-8")
                    .result(SiteReportHtml.render(result.forReport(), new SiteFigure(result, input.geometry(), set, 720, 480), input.parcels(), lang));
            case "pdf" -> {
                byte[] pdf;
                try {
                    pdf = SiteReportPdf.render(result.forReport(), new SiteFigure(result, input.geometry(), set, 720, 480), input.parcels(), lang);
                } catch (IllegalStateException fontMissing) {
                    throw new ApiProblem(503, "服务暂不可用 Service unavailable", fontMissing.getMessage());
                }
                String file = URLEncoder.encode("选址研判-" + result.name() + ".pdf", StandardCharsets.UTF_8).replace("+", "%20");
                ctx.header("Content-Disposition", "inline; filename=\"site-check.pdf\"; filename*=UTF-8''" + file).result(pdf);
                // binary: no charset parameter (Jetty adds one to any type set while an encoding is set)
                ctx.res().setCharacterEncoding(null);
                ctx.res().setContentType("application/pdf");
            }
            default -> ctx.json(withSiteGeometry(result, input));
        }
    }

    /**
     * One interactive site check, routed by its cost: on the request thread, on the pool within the budget, or 413.
     * The {@code site-check} process runs through here too, so both give the same result and the same limits.
     */
    SiteCheckResult check(LayerSet set, cn.ecozone.accesslist.AccessList list, SiteInput site, String industry, double nearbyM) {
        try {
            // an out-of-range nearbyM is refused by the check itself (400), before any counting
            boolean quick = !(nearbyM >= 0 && nearbyM <= SiteCheck.MAX_NEARBY_M) || route(SiteCost.of(set, site.geometry(), site.vertexCount(),
                    nearbyM, limits.maxCandidates(), limits.maxZoneVertices()), limits) == Route.QUICK;
            return budget.run(quick, () -> new SiteCheck(set, list, caps()).run(site, industry, nearbyM));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        } catch (AnalysisLimitExceeded e) {
            throw tooLarge(e);
        }
    }

    /**
     * The JSON answer with the site's own shape ({@code siteGeometry}, GeoJSON lon/lat) when it is small, so the map
     * draws an uploaded 国土 TXT or WKT plot as it is (the browser cannot read GK coordinates itself). Large sites
     * (over {@link #QUICK_MAX_VERTICES} vertices) leave it out: the map then shows its bounding box.
     */
    static Object withSiteGeometry(SiteCheckResult result, SiteInput input) {
        if (input.vertexCount() > QUICK_MAX_VERTICES) return result;
        com.fasterxml.jackson.databind.node.ObjectNode node = Json.MAPPER.valueToTree(result);
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                cn.ecozone.io.GeoJsonGeometryWriter.write(g, input.geometry());
            }
            node.set("siteGeometry", Json.MAPPER.readTree(out.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node;
    }

    /** The uploaded bytes: a multipart file field {@code file}, or the raw body. Bodies over the limit are a 413. */
    private static byte[] body(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.startsWith("multipart/form-data")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) throw ApiProblem.badRequest("multipart 上传需要字段 file / a multipart upload needs the field \"file\"");
            try (InputStream in = f.content()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ctx.bodyAsBytes();
    }

    private void identify(Context ctx) {
        OgcResponses.onlyParameters(ctx, java.util.Set.of("lon", "lat", "f"));
        double lon = number(ctx.queryParam("lon"), Double.NaN, "lon");
        double lat = number(ctx.queryParam("lat"), Double.NaN, "lat");
        if (Double.isNaN(lon) || Double.isNaN(lat)) throw ApiProblem.badRequest("需要参数 lon 和 lat（经度、纬度，CGCS2000）/ lon and lat are required");
        if (!Cgcs2000.inChina(lon, lat)) {
            throw ApiProblem.badRequest(Cgcs2000.looksSwapped(lon, lat)
                    ? "经纬度疑似写反：lon 应为经度（73–136），lat 为纬度（3–54）/ lon and lat look swapped"
                    : "坐标不在中国范围内 / the point is outside China: lon " + lon + ", lat " + lat);
        }
        LayerSet set = layers.current();
        // a point meets few zones; one where many overlap is identified on the pool, within the budget
        Footprint f = Footprint.NONE;
        org.locationtech.jts.geom.Envelope at = new org.locationtech.jts.geom.Envelope(lon, lon, lat, lat);
        for (var s : set.inOrder()) {
            if (!s.layer().isPolygon()) continue;
            f = f.plus(s.footprint(at, limits.quickMaxCandidates() - f.candidates(), limits.quickMaxZoneVertices() - f.vertices()));
            if (!f.complete()) break;
        }
        List<Identify.ZoneAtPoint> zones = budget.run(f.complete(), () -> Identify.at(set, lon, lat));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lon", lon);
        body.put("lat", lat);
        body.put("zones", zones);
        ctx.json(body);
    }

    private static double number(String value, double fallback, String name) {
        if (value == null || value.isBlank()) return fallback;
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.badRequest("参数 " + name + " 应为数字 / " + name + " must be a number, got " + value);
    }
}
