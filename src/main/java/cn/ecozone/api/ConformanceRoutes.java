package cn.ecozone.api;

import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.MediaTypes;
import io.javalin.Javalin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /conformance}: the classes of {@link Conformance}, nothing more. */
public final class ConformanceRoutes implements RouteModule {
    @Override
    public void register(Javalin app) {
        app.get("/conformance", ctx -> {
            OgcResponses.onlyParameters(ctx, Set.of("f"));
            OgcResponses.answer(ctx, "conformance-" + Conformance.uris().hashCode(), MediaTypes.JSON,
                    () -> Map.of("conformsTo", Conformance.uris()),
                    () -> new HtmlPage("符合的标准 Conformance")
                            .heading("符合的标准 Conformance classes")
                            .table(List.of("URI"), Conformance.uris().stream().map(List::of).toList()));
        });
    }
}
