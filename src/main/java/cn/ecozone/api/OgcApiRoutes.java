package cn.ecozone.api;

import io.javalin.Javalin;

/** OGC API – Features Parts 1–3 (besides the collections): landing page, conformance, OpenAPI, items, queryables. */
public final class OgcApiRoutes implements RouteModule {
    private final LiveLayers layers;
    private final Limits limits;
    private final LiveAccessList accessList;

    public OgcApiRoutes(LiveLayers layers, Limits limits, LiveAccessList accessList) {
        this.layers = layers;
        this.limits = limits;
        this.accessList = accessList;
    }

    @Override
    public void register(Javalin app) {
        new LandingPage(layers).register(app);
        new ConformanceRoutes().register(app);
        new ApiRoutes(layers, limits.maxPageSize()).register(app);
        new ItemsRoutes(layers, limits.maxPageSize(), accessList).register(app);
        new QueryablesRoutes(layers).register(app);
    }
}
