package cn.ecozone.api;

import cn.ecozone.analysis.DistrictStats;
import cn.ecozone.analysis.LayerChecks;
import cn.ecozone.app.MeasureUseCase;
import cn.ecozone.app.OutputFormat;
import cn.ecozone.app.Upload;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import io.javalin.Javalin;
import io.javalin.http.Context;


/**
 * Restoration measurement and layer QA over HTTP: {@code POST /analysis/measure} (uploaded GeoJSON plots or a 国土
 * boundary-point TXT), {@code GET /analysis/measure/{collectionId}} (a layer's plots; {@code f=json|csv|geojson},
 * {@code format} accepted as an alias), {@code GET /analysis/stats} (district indicators) and
 * {@code GET /analysis/checks/{collectionId}}. Query: {@code groupBy} (attribute to summarise by), {@code threshold}
 * (percent, default 1), {@code table} (for csv). The measuring is {@link MeasureUseCase}, shared with {@code ecozone measure}.
 */
public final class MeasureRoutes implements RouteModule {
    /** Most plots one upload may hold. */
    public static final int MAX_UPLOADED_PLOTS = MeasureUseCase.MAX_UPLOADED_PLOTS;

    private final LiveLayers layers;
    private final AnalysisBudget budget;
    private final MeasureUseCase useCase;

    public MeasureRoutes(LiveLayers layers) {
        this(layers, new AnalysisBudget(Limits.DEFAULTS));
    }

    /**
     * Measurements run on the analysis pool within its time budget; district statistics and layer checks, which
     * depend only on the layers, are computed once per layer version and kept ({@link AnalysisBudget#cached}).
     */
    MeasureRoutes(LiveLayers layers, AnalysisBudget budget) {
        this.layers = layers;
        this.budget = budget;
        this.useCase = new MeasureUseCase(budget::run);
    }

    @Override
    public void register(Javalin app) {
        app.post("/analysis/measure", this::measureUpload);
        app.get("/analysis/measure/{collectionId}", this::measureCollection);
        app.get("/analysis/stats", ctx -> {
            LayerSet set = layers.current();
            ctx.json(budget.cached("stats", versionOf(set), () -> DistrictStats.compute(set)));
        });
        app.get("/analysis/checks/{collectionId}", ctx -> {
            LayerSet set = layers.current();
            FeatureSource s = layers.require(ctx.pathParam("collectionId"));
            ctx.json(budget.cached("checks/" + s.layer().id(), versionOf(set), () -> LayerChecks.check(set, s)));
        });
    }

    /** Every layer's id and version: changes whenever any layer's data does. */
    static String versionOf(LayerSet set) {
        StringBuilder b = new StringBuilder();
        set.sources().forEach((id, s) -> b.append(id).append('@').append(s.version()).append(';'));
        return b.toString();
    }

    private void measureUpload(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes == null || bytes.length == 0) throw ApiProblem.badRequest("没有收到图斑数据 / the request body is empty");
        OutputFormat<MeasureUseCase.Measurement> format = UseCaseResponses.format(ctx, MeasureUseCase.FORMATS);
        MeasureUseCase.Options options = options(ctx);
        MeasureUseCase.Measurement m = UseCaseResponses.call(() -> useCase.upload(new Upload(bytes, null, ctx.contentType()), MAX_UPLOADED_PLOTS,
                layers.current(), options));
        UseCaseResponses.write(ctx, format, m);
    }

    private void measureCollection(Context ctx) {
        LayerSet set = layers.current();
        FeatureSource source = set.source(ctx.pathParam("collectionId")).orElseGet(() -> layers.require(ctx.pathParam("collectionId")));
        OutputFormat<MeasureUseCase.Measurement> format = UseCaseResponses.format(ctx, MeasureUseCase.FORMATS);
        MeasureUseCase.Options options = options(ctx);
        MeasureUseCase.Measurement m = UseCaseResponses.call(() -> useCase.collection(set, source, options));
        UseCaseResponses.write(ctx, format, m);
    }

    private static MeasureUseCase.Options options(Context ctx) {
        return UseCaseResponses.call(() -> MeasureUseCase.Options.of(ctx.queryParam("groupBy"), ctx.queryParam("threshold"), ctx.queryParam("table")));
    }
}
