package cn.ecozone.cli;

import cn.ecozone.analysis.Plot;
import cn.ecozone.analysis.PlotAnalysis;
import cn.ecozone.analysis.PlotContext;
import cn.ecozone.analysis.PlotMeasure;
import cn.ecozone.analysis.PlotReport;
import cn.ecozone.analysis.PlotSchema;
import cn.ecozone.analysis.PlotTable;
import cn.ecozone.api.Json;
import cn.ecozone.io.CsvWriter;
import cn.ecozone.io.FeatureCollectionReader;
import cn.ecozone.io.GeoJsonException;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code measure FILE|--collection ID [--group-by ATTR] [--format json|csv]}: the restoration measurement table. */
public final class MeasureCommand implements Command {
    @Override public String name() { return "measure"; }

    @Override public String summary() { return "量算图斑 / measure plots: areas, declared vs measured, overlaps, summaries"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone measure FILE.geojson | --collection ID  [--group-by ATTR] [--format json|csv] [--threshold PCT] [--layers DIR]

                量算每个图斑的椭球面积（平方米/公顷/亩，CGCS2000）、所在高斯-克吕格3度带的平面面积、周长、几何有效性、
                申报面积与实测面积之差（超过阈值标记）、狭长碎片；检查图斑之间的重叠、与生态保护红线及饮用水水源保护区的重叠、
                落在所有行政区之外的图斑；按属性分组汇总，并给出每个矿山的修复进度。
                Measures every plot (ellipsoidal and GK area, perimeter, validity, declared vs measured, slivers), finds overlaps
                between plots and with protected zones, plots outside every district, summaries by an attribute and progress per mine.

                  FILE               GeoJSON FeatureCollection of plots (lon/lat, CGCS2000)
                  --collection ID    measure a catalog layer instead (e.g. restoration)
                  --group-by ATTR    summarise by this attribute (mine, status, year, method …)
                  --format F         json (default: the full report) or csv (UTF-8 with BOM, opens in Excel)
                  --threshold PCT    flag declared-vs-measured differences beyond PCT percent (default 1)
                  --layers DIR       图层目录 catalog folder with the zones to check against (default: layers)
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) throws IOException {
        Args args = new Args(words, Set.of("help"));
        args.allowOnly(Set.of("collection", "group-by", "format", "threshold", "layers"));
        String collection = args.get("collection");
        if ((collection == null) == args.positional().isEmpty() || args.positional().size() > 1) {
            throw new UsageException("请给出一个 GeoJSON 文件或 --collection ID（二选一）/ give one FILE or --collection ID");
        }
        String format = args.get("format", "json");
        if (!format.equals("json") && !format.equals("csv")) throw new UsageException("--format 应为 json 或 csv / must be json or csv");
        double threshold = threshold(args.get("threshold"));
        Path layersDir = Path.of(args.get("layers", "layers"));
        LayerSet layers = null;
        if (Files.exists(layersDir.resolve("catalog.json"))) {
            layers = LayerLoader.load(layersDir).layers();
        } else if (collection != null) {
            throw new UsageException("找不到图层目录 / no catalog in " + layersDir + " (use --layers DIR)");
        } else {
            err.println("提示 note: 未找到图层目录 " + layersDir + "，不检查与红线、水源地、行政区的关系 / no zones to check against");
        }
        List<Plot> plots;
        Collection<String> names;
        Map<String, String> titles = new LinkedHashMap<>();
        if (collection != null) {
            FeatureSource source = layers.source(collection).orElseThrow(() ->
                    new UsageException("没有图层 / no collection " + collection));
            plots = Plot.of(source);
            names = source.layer().attributes().stream().map(AttributeDef::name).toList();
            for (AttributeDef a : source.layer().attributes()) {
                if (a.title() != null && !a.title().zh().isBlank()) titles.put(a.name(), a.title().zh());
            }
        } else {
            Path file = Path.of(args.positional().get(0));
            try {
                plots = new FeatureCollectionReader().read(Json.MAPPER.readTree(file.toFile()), "code", Integer.MAX_VALUE).stream()
                        .map(f -> new Plot(f.id(), f.geometry(), f.properties())).toList();
            } catch (GeoJsonException | com.fasterxml.jackson.core.JsonProcessingException e) {
                err.println(file + ": " + e.getMessage());
                return 1;
            }
            Set<String> all = new LinkedHashSet<>();
            plots.forEach(p -> all.addAll(p.attributes().keySet()));
            names = all;
        }
        String groupBy = args.get("group-by");
        if (groupBy != null && !names.contains(groupBy)) {
            throw new UsageException("没有名为 " + groupBy + " 的属性 / no attribute " + groupBy + "; 可用 available: " + names);
        }
        PlotReport report = PlotAnalysis.run(plots, PlotSchema.detect(names),
                layers == null ? PlotContext.none() : PlotContext.from(layers), groupBy, threshold);
        if (format.equals("csv")) {
            PlotTable.Table t = PlotTable.of(report, titles);
            CsvWriter.write(out, t.header(), t.rows());
            out.flush();
        } else {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        }
        var totals = report.totals();
        err.printf("%d 个图斑 plots，合计 %.2f 亩 / %.4f 公顷；超差 %d，无效 %d，重叠 %d 对，碎片 %d%n", totals.plots(), totals.measured().mu(),
                totals.measured().ha(), totals.mismatched(), totals.invalid(), report.overlaps().size(), totals.withSlivers());
        return 0;
    }

    private static double threshold(String t) {
        if (t == null) return PlotMeasure.DEFAULT_THRESHOLD_PCT;
        try {
            double v = Double.parseDouble(t.replace("%", ""));
            if (v >= 0 && v <= 100) return v;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new UsageException("--threshold 应为 0–100 的百分数 / must be a percentage 0–100: " + t);
    }
}
