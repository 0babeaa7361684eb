package cn.ecozone.api;

import cn.ecozone.app.OutputFormat;
import cn.ecozone.app.SiteExportUseCase;
import cn.ecozone.app.Upload;
import cn.ecozone.io.SiteInput;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.Set;

/**
 * {@code POST /analysis/site-export?f=txt|geojson} ({@code format} accepted as an alias): reads a site as
 * {@code /analysis/site-check} does (GeoJSON, WKT, 国土 TXT; {@code crs}, {@code name}) and writes it back as a 国土
 * boundary-point TXT (GK zone of the site) or as GeoJSON (lon/lat, CGCS2000), so a site drawn on the map can be
 * handed to surveyors' software. The reading and the formats are {@link SiteExportUseCase}.
 */
public final class SiteExportRoutes implements RouteModule {
    private final SiteExportUseCase useCase;

    public SiteExportRoutes(Limits limits) {
        this.useCase = new SiteExportUseCase(limits.maxVertices());
    }

    @Override
    public void register(Javalin app) {
        app.post("/analysis/site-export", this::export);
    }

    private void export(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("format", "f", "crs", "name"));
        OutputFormat<SiteInput> format = UseCaseResponses.format(ctx, SiteExportUseCase.FORMATS);
        SiteInput site = UseCaseResponses.call(() -> useCase.read(new Upload(ctx.bodyAsBytes(), null, ctx.contentType()), ctx.queryParam("crs"),
                ctx.queryParam("name")));
        UseCaseResponses.write(ctx, format, site);
    }
}
