package cn.ecozone.app;

import cn.ecozone.analysis.Plot;
import cn.ecozone.analysis.PlotAnalysis;
import cn.ecozone.analysis.PlotContext;
import cn.ecozone.analysis.PlotMeasure;
import cn.ecozone.analysis.PlotReport;
import cn.ecozone.analysis.PlotSchema;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * 图斑量算 — the restoration measurement table, for {@code POST /analysis/measure}, {@code GET /analysis/measure/{id}}
 * and {@code ecozone measure}: plots from an upload (GeoJSON or 国土 TXT, see {@link PlotsReader}) or a layer,
 * measured and checked against the protected zones and districts of the layers (when there are layers), written by
 * the {@link #FORMATS} (json, csv, geojson).
 */
public final class MeasureUseCase {
    /** Most plots one upload may hold on the server. */
    public static final int MAX_UPLOADED_PLOTS = 10_000;

    /** json (default: the full report), csv (a table, UTF-8 with BOM), geojson (the plots with their measures). */
    public static final Formats<Measurement> FORMATS = Formats.of(new MeasureJson(), new MeasureCsv(), new MeasureGeoJson());

    /**
     * @param groupBy the attribute to summarise by, or null
     * @param thresholdPct declared-vs-measured differences beyond this percentage are flagged
     * @param table for csv: {@code plots} (null: the default), {@code summary} (by groupBy) or {@code progress} (per mine)
     */
    public record Options(String groupBy, double thresholdPct, String table) {
        public static Options of(String groupBy, String threshold, String table) {
            return new Options(groupBy == null || groupBy.isBlank() ? null : groupBy, threshold(threshold), table);
        }

        /** Percent 0–100, {@code %} allowed; the default (1) when not given. */
        public static double threshold(String t) {
            if (t == null || t.isBlank()) return PlotMeasure.DEFAULT_THRESHOLD_PCT;
            try {
                double v = Double.parseDouble(t.strip().replace("%", ""));
                if (v >= 0 && v <= 100) return v;
            } catch (NumberFormatException ignored) {
                // answered below
            }
            throw UseCaseException.badOption("threshold 应为 0–100 之间的百分数（如 1 表示 1%）/ threshold must be a percentage 0–100, got " + t);
        }
    }

    /**
     * A measurement: the report, the plots it measured (in its order), the attribute titles for table headers, and the
     * names of what was measured for file names ({@code name} ASCII-ish id, {@code title} Chinese).
     */
    public record Measurement(PlotReport report, List<Plot> plots, Map<String, String> titles, String name, String title, Options options) {}

    /** Where the measuring runs: the server's analysis pool within its budget, or the calling thread. */
    public interface Work {
        <T> T run(Supplier<T> task);
    }

    private final Work work;

    public MeasureUseCase(Work work) {
        this.work = work;
    }

    /** Measures on the calling thread (the command line). */
    public static MeasureUseCase direct() {
        return new MeasureUseCase(Supplier::get);
    }

    /**
     * Uploaded plots (GeoJSON or 国土 TXT).
     *
     * @param layers the zones and districts to check the plots against, or null for none
     */
    public Measurement upload(Upload upload, int maxPlots, LayerSet layers, Options options) {
        List<Plot> plots = PlotsReader.read(upload, maxPlots);
        Set<String> names = new LinkedHashSet<>();
        plots.forEach(p -> names.addAll(p.attributes().keySet()));
        checkGroupBy(options.groupBy(), names);
        PlotContext context = layers == null ? PlotContext.none() : PlotContext.from(layers);
        PlotReport report = work.run(() -> PlotAnalysis.run(plots, PlotSchema.detect(names), context, options.groupBy(), options.thresholdPct()));
        return new Measurement(report, plots, Map.of(), "measure", "量算", options);
    }

    /** The plots of a polygon layer of {@code layers}. */
    public Measurement collection(LayerSet layers, FeatureSource source, Options options) {
        if (!source.layer().isPolygon()) {
            throw UseCaseException.badInput("图层 " + source.layer().id() + " 是点图层，无法量算面积 / not a polygon layer");
        }
        List<String> names = source.layer().attributes().stream().map(AttributeDef::name).toList();
        checkGroupBy(options.groupBy(), names);
        record Measured(List<Plot> plots, PlotReport report) {}
        Measured m = work.run(() -> {
            List<Plot> all = Plot.of(source);
            return new Measured(all, PlotAnalysis.run(all, PlotSchema.detect(names), PlotContext.from(layers), options.groupBy(), options.thresholdPct()));
        });
        Map<String, String> titles = new LinkedHashMap<>();
        for (AttributeDef a : source.layer().attributes()) {
            if (a.title() != null && !a.title().zh().isBlank()) titles.put(a.name(), a.title().zh());
        }
        return new Measurement(m.report(), m.plots(), titles, source.layer().id(), source.layer().title().zh(), options);
    }

    private static void checkGroupBy(String groupBy, Collection<String> attributes) {
        if (groupBy != null && !attributes.contains(groupBy)) {
            throw UseCaseException.badOption("没有名为 \"" + groupBy + "\" 的属性，无法分组 / no attribute \"" + groupBy + "\" to group by; 可用 available: "
                    + attributes);
        }
    }
}
