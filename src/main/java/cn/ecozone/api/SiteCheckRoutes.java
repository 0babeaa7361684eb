package cn.ecozone.api;

import cn.ecozone.analysis.Identify;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerSet;
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
 * query: crs, industry, name, nearbyM, f=json|html|pdf) and {@code GET /analysis/identify?lon=&lat=}.
 */
public final class SiteCheckRoutes implements RouteModule {
    /** A site this small, searched this near, is checked in milliseconds: on the request thread, not the analysis pool. */
    static final int QUICK_MAX_VERTICES = 5_000;
    static final double QUICK_MAX_NEARBY_M = 5_000;

    private final LiveLayers layers;
    private final LiveAccessList accessList;

    private final Limits limits;
    private final AnalysisBudget budget;

    public SiteCheckRoutes(LiveLayers layers, LiveAccessList accessList, Limits limits) {
        this.layers = layers;
        this.accessList = accessList;
        this.limits = limits;
        this.budget = new AnalysisBudget(limits);
    }

    @Override
    public void register(Javalin app) {
        app.post("/analysis/site-check", this::siteCheck);
        app.get("/analysis/identify", this::identify);
    }

    private void siteCheck(Context ctx) {
        OgcResponses.onlyParameters(ctx, java.util.Set.of("f", "crs", "industry", "name", "nearbyM"));
        LayerSet set = layers.current();
        String format = ctx.queryParamAsClass("f", String.class).getOrDefault("json");
        if (!List.of("json", "html", "pdf").contains(format)) {
            throw ApiProblem.badRequest("f 应为 json、html 或 pdf / f must be json, html or pdf, got " + format);
        }
        double nearbyM = number(ctx.queryParam("nearbyM"), SiteCheck.DEFAULT_NEARBY_M, "nearbyM");
        SiteInput input;
        try {
            input = new SiteInputReader(limits.maxVertices()).read(body(ctx), ctx.queryParam("crs"), ctx.queryParam("name"));
        } catch (SiteInputException e) {
            throw e.tooLarge() ? new ApiProblem(413, "地块过大 Payload too large", e.getMessage()) : ApiProblem.badRequest(e.getMessage());
        }
        SiteCheckResult result;
        var list = accessList.current();
        try {
            SiteInput site = input;
            String industry = ctx.queryParam("industry");
            boolean quick = input.vertexCount() <= QUICK_MAX_VERTICES && nearbyM <= QUICK_MAX_NEARBY_M;
            result = budget.run(quick, () -> new SiteCheck(set, list).run(site, industry, nearbyM));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        switch (format) {
            case "html" -> ctx.contentType("text/html; charset=utf-8")
                    .result(SiteReportHtml.render(result, new SiteFigure(result, input.geometry(), set, 720, 480)));
            case "pdf" -> {
                byte[] pdf;
                try {
                    pdf = SiteReportPdf.render(result, new SiteFigure(result, input.geometry(), set, 720, 480));
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
        List<Identify.ZoneAtPoint> zones = Identify.at(layers.current(), lon, lat);
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
