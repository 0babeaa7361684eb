package cn.ecozone.api;

import cn.ecozone.analysis.DistrictStats;
import cn.ecozone.analysis.LayerChecks;
import cn.ecozone.analysis.Plot;
import cn.ecozone.analysis.PlotAnalysis;
import cn.ecozone.analysis.PlotContext;
import cn.ecozone.analysis.PlotMeasure;
import cn.ecozone.analysis.PlotReport;
import cn.ecozone.analysis.PlotSchema;
import cn.ecozone.analysis.PlotTable;
import cn.ecozone.io.CsvWriter;
import cn.ecozone.io.FeatureCollectionReader;
import cn.ecozone.io.GeoJsonException;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Restoration measurement and layer QA over HTTP: {@code POST /analysis/measure} (uploaded GeoJSON plots),
 * {@code GET /analysis/measure/{collectionId}} (a layer's plots; {@code format=json|csv|geojson}),
 * {@code GET /analysis/stats} (district indicators) and {@code GET /analysis/checks/{collectionId}}.
 * Query: {@code groupBy} (attribute to summarise by), {@code threshold} (percent, default 1).
 */
public final class MeasureRoutes implements RouteModule {
    /** Most plots one upload may hold. */
    public static final int MAX_UPLOADED_PLOTS = 10_000;

    private final LiveLayers layers;
    private final AnalysisBudget budget;

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

    private void measureUpload(Context ctx) throws IOException {
        byte[] bytes = ctx.bodyAsBytes();
        List<Plot> plots = UploadedPlots.read(bytes);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        plots.forEach(p -> names.addAll(p.attributes().keySet()));
        String groupBy = groupBy(ctx, names);
        double threshold = threshold(ctx);
        LayerSet set = layers.current();
        PlotReport report = budget.run(() -> PlotAnalysis.run(plots, PlotSchema.detect(names), PlotContext.from(set), groupBy, threshold));
        respond(ctx, report, plots, Map.of(), "measure", "量算");
    }

    private void measureCollection(Context ctx) throws IOException {
        LayerSet set = layers.current();
        FeatureSource source = set.source(ctx.pathParam("collectionId")).orElseGet(() -> layers.require(ctx.pathParam("collectionId")));
        if (!source.layer().isPolygon()) {
            throw ApiProblem.badRequest("图层 " + source.layer().id() + " 是点图层，无法量算面积 / not a polygon layer");
        }
        List<String> names = source.layer().attributes().stream().map(AttributeDef::name).toList();
        String groupBy = groupBy(ctx, names);
        double threshold = threshold(ctx);
        record Measured(List<Plot> plots, PlotReport report) {}
        Measured m = budget.run(() -> {
            List<Plot> all = Plot.of(source);
            return new Measured(all, PlotAnalysis.run(all, PlotSchema.detect(names), PlotContext.from(set), groupBy, threshold));
        });
        List<Plot> plots = m.plots();
        PlotReport report = m.report();
        Map<String, String> titles = new LinkedHashMap<>();
        for (AttributeDef a : source.layer().attributes()) {
            if (a.title() != null && !a.title().zh().isBlank()) titles.put(a.name(), a.title().zh());
        }
        respond(ctx, report, plots, titles, source.layer().id(), source.layer().title().zh());
    }

    private static String groupBy(Context ctx, java.util.Collection<String> attributes) {
        String g = ctx.queryParam("groupBy");
        if (g == null || g.isBlank()) return null;
        if (!attributes.contains(g)) {
            throw ApiProblem.badRequest("没有名为 \"" + g + "\" 的属性，无法分组 / no attribute \"" + g + "\" to group by; 可用 available: " + attributes);
        }
        return g;
    }

    static double threshold(Context ctx) {
        String t = ctx.queryParam("threshold");
        if (t == null || t.isBlank()) return PlotMeasure.DEFAULT_THRESHOLD_PCT;
        try {
            double v = Double.parseDouble(t.trim().replace("%", ""));
            if (v >= 0 && v <= 100) return v;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiProblem.badRequest("threshold 应为 0–100 之间的百分数（如 1 表示 1%）/ threshold must be a percentage 0–100, got " + t);
    }

    /** CSV tables of a measurement: {@code table=plots} (default), {@code summary} (by groupBy), {@code progress} (per mine). */
    static PlotTable.Table csvTable(String table, PlotReport report, Map<String, String> titles) {
        return switch (table == null || table.isBlank() ? "plots" : table) {
            case "plots" -> PlotTable.of(report, titles);
            case "summary" -> {
                if (report.groupBy() == null) {
                    throw ApiProblem.badRequest("分组汇总需要 groupBy 参数（如 groupBy=mine）/ table=summary needs groupBy");
                }
                yield PlotTable.summary(report, titles.getOrDefault(report.groupBy(), report.groupBy()));
            }
            case "progress" -> PlotTable.progress(report);
            default -> throw ApiProblem.badRequest("table 应为 plots、summary 或 progress / table must be plots, summary or progress, got " + table);
        };
    }

    static String csvTitle(String table) {
        return switch (table == null || table.isBlank() ? "plots" : table) {
            case "summary" -> "分组汇总";
            case "progress" -> "矿山修复进度";
            default -> "图斑量算";
        };
    }

    /** {@code attachment} with an ASCII file name and the Chinese one as RFC 5987 {@code filename*}. */
    static String contentDisposition(String asciiName, String utf8Name) {
        StringBuilder enc = new StringBuilder();
        for (byte b : utf8Name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) enc.append((char) c);
            else enc.append('%').append(String.format(Locale.ROOT, "%02X", c));
        }
        return "attachment; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + enc;
    }

    private static void respond(Context ctx, PlotReport report, List<Plot> plots, Map<String, String> titles, String name, String title) throws IOException {
        String format = ctx.queryParam("format") != null ? ctx.queryParam("format") : ctx.queryParamAsClass("f", String.class).getOrDefault("json");
        switch (format) {
            case "json" -> ctx.json(report);
            case "csv" -> {
                String table = ctx.queryParam("table");
                PlotTable.Table t = csvTable(table, report, titles);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CsvWriter.write(out, t.header(), t.rows());
                String suffix = table == null || table.isBlank() ? "plots" : table;
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", contentDisposition(name + "-" + suffix + ".csv", title + "-" + csvTitle(table) + ".csv"))
                        .result(out.toByteArray());
            }
            case "geojson" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                    writeGeoJson(g, report, plots);
                }
                ctx.contentType("application/geo+json").result(out.toByteArray());
            }
            default -> throw ApiProblem.badRequest("format 应为 json、csv 或 geojson / format must be json, csv or geojson, got " + format);
        }
    }

    /** The plots with their measures as properties (areas m²/公顷/亩, perimeter m), lon/lat. */
    private static void writeGeoJson(JsonGenerator g, PlotReport report, List<Plot> plots) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
        for (int i = 0; i < plots.size(); i++) {
            PlotMeasure m = report.plots().get(i);
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", m.id());
            g.writeFieldName("geometry");
            GeoJsonGeometryWriter.write(g, plots.get(i).geometry());
            g.writeObjectFieldStart("properties");
            for (var a : m.attributes().entrySet()) {
                g.writeFieldName(a.getKey());
                Json.MAPPER.writeValue(g, a.getValue());
            }
            g.writeNumberField("area_m2", m.area().m2());
            g.writeNumberField("area_ha", m.area().ha());
            g.writeNumberField("area_mu", m.area().mu());
            if (m.gkZone() != null) {
                g.writeNumberField("gk_zone", m.gkZone());
                g.writeNumberField("gk_area_m2", m.gkArea().m2());
            }
            g.writeNumberField("perimeter_m", m.perimeterM());
            if (m.differenceMu() != null) g.writeNumberField("difference_mu", m.differenceMu());
            if (m.differencePct() != null) g.writeNumberField("difference_pct", m.differencePct());
            g.writeBooleanField("declared_mismatch", m.declaredMismatch());
            g.writeBooleanField("valid", m.valid());
            if (m.problem() != null) g.writeStringField("problem", m.problem());
            g.writeNumberField("slivers", m.slivers().size());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
