package cn.ecozone.api;

import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.io.BoundaryPointTxtWriter;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.io.SiteParcel;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code POST /analysis/site-export?format=txt|geojson}: reads a site as {@code /analysis/site-check} does (GeoJSON,
 * WKT, 国土 TXT; {@code crs}, {@code name}) and writes it back as a 国土 boundary-point TXT (GK zone of the site) or
 * as GeoJSON (lon/lat, CGCS2000), so a site drawn on the map can be handed to surveyors' software.
 */
public final class SiteExportRoutes implements RouteModule {
    private final Limits limits;

    public SiteExportRoutes(Limits limits) {
        this.limits = limits;
    }

    @Override
    public void register(Javalin app) {
        app.post("/analysis/site-export", this::export);
    }

    private void export(Context ctx) throws IOException {
        OgcResponses.onlyParameters(ctx, Set.of("format", "f", "crs", "name"));
        String format = ctx.queryParam("format") != null ? ctx.queryParam("format") : ctx.queryParamAsClass("f", String.class).getOrDefault("geojson");
        if (!format.equals("txt") && !format.equals("geojson")) {
            throw ApiProblem.badRequest("format 应为 txt 或 geojson / format must be txt or geojson, got " + format);
        }
        SiteInput site;
        try {
            site = new SiteInputReader(limits.maxVertices()).read(ctx.bodyAsBytes(), ctx.queryParam("crs"), ctx.queryParam("name"));
        } catch (SiteInputException e) {
            throw e.tooLarge() ? new ApiProblem(413, "地块过大 Payload too large", e.getMessage()) : ApiProblem.badRequest(e.getMessage());
        }
        String name = site.name() == null || site.name().isBlank() ? "地块" : site.name();
        if (format.equals("txt")) {
            ctx.header("Content-Disposition", MeasureRoutes.contentDisposition("site.txt", name + "-界址点.txt"))
                    .contentType("text/plain; charset=utf-8").result(BoundaryPointTxtWriter.write(site).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", name);
            g.writeArrayFieldStart("features");
            for (SiteParcel p : site.parcels()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", p.name() == null || p.name().isBlank() ? name : p.name());
                double m2 = EllipsoidalMeasure.area(p.geometry());
                g.writeNumberField("area_m2", m2);
                g.writeNumberField("area_ha", m2 / 10_000);
                if (p.declaredHa() != null) g.writeNumberField("declared_ha", p.declaredHa());
                g.writeEndObject();
                g.writeFieldName("geometry");
                GeoJsonGeometryWriter.write(g, p.geometry());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        ctx.header("Content-Disposition", MeasureRoutes.contentDisposition("site.geojson", name + ".geojson"))
                .contentType("application/geo+json").result(out.toByteArray());
    }
}
