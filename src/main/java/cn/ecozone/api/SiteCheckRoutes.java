package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.AnalysisLimitExceeded;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.SiteCost;
import cn.ecozone.app.OutputFormat;
import cn.ecozone.app.Rendered;
import cn.ecozone.app.SiteCheckJson;
import cn.ecozone.app.SiteCheckUseCase;
import cn.ecozone.app.Upload;
import cn.ecozone.error.EcoZoneException;
import cn.ecozone.io.SiteInput;
import cn.ecozone.layer.LayerSet;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.http.servlet.MaxRequestSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /analysis/site-check} (body: 国土 TXT, GeoJSON or WKT, or a multipart upload in field {@code file};
 * query: crs, industry, name, nearbyM, f=json|html|pdf, lang=zh|en for the html and pdf reports, siteGeometry=true|false — {@code format} is
 * accepted as an alias of {@code f}); identify is {@link IdentifyRoutes}. The site check itself is {@link SiteCheckUseCase}, shared with
 * {@code ecozone check}; this class parses the request, routes the check by its cost and writes the answer.
 */
public final class SiteCheckRoutes implements RouteModule {
    /**
     * A site this small, searched this near, meeting few enough zones ({@link Limits#quickMaxCandidates()},
     * {@link Limits#quickMaxZoneVertices()}) is checked in milliseconds: on the request thread, not the analysis pool.
     */
    static final int QUICK_MAX_VERTICES = SiteCheckUseCase.SMALL_SITE_VERTICES;
    static final double QUICK_MAX_NEARBY_M = 5_000;

    private final LiveLayers layers;
    private final LiveAccessList accessList;

    private final Limits limits;
    private final AnalysisBudget budget;
    private final SiteCheckUseCase useCase;

    public SiteCheckRoutes(LiveLayers layers, LiveAccessList accessList, Limits limits) {
        this(layers, accessList, limits, new AnalysisBudget(limits));
    }

    SiteCheckRoutes(LiveLayers layers, LiveAccessList accessList, Limits limits, AnalysisBudget budget) {
        this.layers = layers;
        this.accessList = accessList;
        this.limits = limits;
        this.budget = budget;
        this.useCase = new SiteCheckUseCase(limits.maxVertices(), this::check);
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
        return new ApiProblem(413, "分析范围过大 Analysis too large", String.format(Locale.ROOT,
                "地块外扩 nearbyM=%.0f 米的检索范围内有 %s%,d 个区域、共 %s%,d 个顶点，超过单次研判的上限（%,d 个区域、%,d 个顶点）。"
                        + "请提交较小的地块（或分块提交），或减小 nearbyM。"
                        + " / The search box of this site (its extent grown by nearbyM=%.0f m) meets %s%,d zones holding %s%,d vertices, "
                        + "more than one site check may read (%,d zones, %,d vertices). Submit a smaller site (or split it) or a smaller nearbyM.",
                cost.nearbyM(), atLeast, cost.candidates(), atLeast, cost.zoneVertices(), limits.maxCandidates(), limits.maxZoneVertices(),
                cost.nearbyM(), atLeastEn, cost.candidates(), atLeastEn, cost.zoneVertices(), limits.maxCandidates(), limits.maxZoneVertices()));
    }

    static ApiProblem tooLarge(AnalysisLimitExceeded e) {
        return new ApiProblem(413, "分析范围过大 Analysis too large", String.format(Locale.ROOT,
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
    }

    /** Parse the request → the site-check use case → the format asked for → write. */
    private void siteCheck(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f", "format", "crs", "industry", "name", "nearbyM", "lang", "siteGeometry"));
        OutputFormat<SiteCheckUseCase.Outcome> format = UseCaseResponses.format(ctx, SiteCheckUseCase.FORMATS);
        SiteCheckUseCase.Options options = UseCaseResponses.call(() -> SiteCheckUseCase.Options.of(ctx.queryParam("crs"), ctx.queryParam("name"),
                ctx.queryParam("industry"), ctx.queryParam("nearbyM"), ctx.queryParam("lang"), ctx.queryParam("siteGeometry")));
        Upload upload = upload(ctx);
        SiteCheckUseCase.Outcome outcome = UseCaseResponses.call(() -> useCase.run(layers.current(), accessList.current(), upload, options));
        if (format instanceof SiteCheckJson) {
            Rendered r = UseCaseResponses.call(() -> {
                try {
                    return format.render(outcome, false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writeJson(ctx, r.bytes());
        } else {
            UseCaseResponses.write(ctx, format, outcome);
        }
    }

    /**
     * A JSON answer's bytes, as {@code ctx.contentType("application/json").result(bytes)} would send them — but, when
     * the client takes no compression (no {@code Accept-Encoding}), written here straight into the servlet response
     * with its length: Javalin's own path copies every result through a new 8 KB buffer and tests the content type for
     * compressibility, which was half of the bytes the request threads allocated in the benchmark (JFR allocation
     * samples: 51 %, docs/benchmarks/strongest-baseline.md) and ≈ 8 % of their CPU. With {@code Accept-Encoding}
     * (browsers) Javalin writes it as before, compressing it. Nothing after the route changes a JSON answer's headers
     * ({@code SecurityHeaders} adds its CSP to HTML only; {@code Operations} reads the bytes written from Jetty).
     */
    static void writeJson(Context ctx, byte[] body) {
        ctx.contentType("application/json");
        String encodings = ctx.header("Accept-Encoding");
        if (encodings != null && !encodings.isBlank()) {
            ctx.result(body);
            return;
        }
        try {
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One interactive site check, routed by its cost: on the request thread, on the pool within the budget, or 413.
     * The {@code site-check} process runs through here too, so both give the same result and the same limits.
     */
    SiteCheckResult check(LayerSet set, AccessList list, SiteInput site, String industry, double nearbyM) {
        try {
            // an out-of-range nearbyM is refused by the check itself (400), before any counting
            boolean quick = !(nearbyM >= 0 && nearbyM <= SiteCheck.MAX_NEARBY_M) || route(SiteCost.of(set, site.geometry(), site.vertexCount(),
                    nearbyM, limits.maxCandidates(), limits.maxZoneVertices()), limits) == Route.QUICK;
            return budget.run(quick, () -> new SiteCheck(set, list, caps()).run(site, industry, nearbyM));
        } catch (AnalysisLimitExceeded e) {
            throw tooLarge(e);
        } catch (EcoZoneException e) {
            // an unknown industry, nearbyM out of range; anything else keeps its own kind
            if (e.kind() != EcoZoneException.Kind.BAD_INPUT) throw e;
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    /**
     * The JSON answer with the site's own shape when it is small ({@link SiteCheckJson#withSiteGeometry}), for the
     * {@code site-check} process.
     */
    static Object withSiteGeometry(SiteCheckResult result, SiteInput input) {
        return SiteCheckJson.withSiteGeometry(result, input);
    }

    /** The uploaded bytes: a multipart file field {@code file}, or the raw body. Bodies over the limit are a 413. */
    private static Upload upload(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.startsWith("multipart/form-data")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) throw ApiProblem.badRequest("multipart 上传需要字段 file / a multipart upload needs the field \"file\"");
            try (InputStream in = f.content()) {
                return new Upload(in.readAllBytes(), f.filename(), f.contentType());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Upload(body(ctx), null, type);
    }

    /**
     * The raw body, as {@code ctx.bodyAsBytes()} gives it (the same 413 past the server's {@code maxRequestSize}, checked
     * on {@code Content-Length} by Javalin's own check), but read into one array of exactly {@code Content-Length}
     * bytes: Javalin reads into a growing buffer and copies it out, ≈ 5× the body's size allocated per request (a 20 KB
     * site: ≈ 100 KB, 28 % of the request threads' allocation in the benchmark's JFR). A body without a length
     * (chunked) is read by Javalin as before.
     */
    static byte[] body(Context ctx) {
        int length = ctx.req().getContentLength();
        if (length < 0) return ctx.bodyAsBytes();
        MaxRequestSize.INSTANCE.throwContentTooLargeIfContentTooLarge(ctx);
        try {
            // InputStream.readNBytes(int) would read 8 KB pieces and copy them together; this reads in place. Jetty ends the
            // body at Content-Length (a client that stops early gets Jetty's EofException, as before); a shorter body, as Javalin, is what came
            byte[] body = new byte[length];
            int read = ctx.req().getInputStream().readNBytes(body, 0, length);
            return read == length ? body : Arrays.copyOf(body, read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
