package cn.ecozone.cli;

import cn.ecozone.analysis.PlotReport;
import cn.ecozone.app.MeasureUseCase;
import cn.ecozone.app.OutputFormat;
import cn.ecozone.app.Upload;
import cn.ecozone.app.UseCaseException;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code measure FILE|--collection ID [--group-by ATTR] [--format json|csv|geojson]}: the restoration measurement
 * table — the same {@link MeasureUseCase} (readers, analysis, formats) as {@code POST /analysis/measure}.
 */
public final class MeasureCommand implements Command {
    @Override public String name() { return "measure"; }

    @Override public String summary() { return "量算图斑 / measure plots: areas, declared vs measured, overlaps, summaries"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone measure FILE.geojson|FILE.txt | --collection ID  [--group-by ATTR] [--format json|csv|geojson] [--threshold PCT] [--layers DIR]

                量算每个图斑的椭球面积（平方米/公顷/亩，CGCS2000）、所在高斯-克吕格3度带的平面面积、周长、几何有效性、
                申报面积与实测面积之差（超过阈值标记）、狭长碎片；检查图斑之间的重叠、与生态保护红线及饮用水水源保护区的重叠、
                落在所有行政区之外的图斑；按属性分组汇总，并给出每个矿山的修复进度。
                Measures every plot (ellipsoidal and GK area, perimeter, validity, declared vs measured, slivers), finds overlaps
                between plots and with protected zones, plots outside every district, summaries by an attribute and progress per mine.

                  FILE               GeoJSON FeatureCollection of plots (lon/lat, CGCS2000), or a 国土 boundary-point
                                     TXT (each plot one plot; its declared 公顷 compared as 亩), as POST /analysis/measure
                  --collection ID    measure a catalog layer instead (e.g. restoration)
                  --group-by ATTR    summarise by this attribute (mine, status, year, method …)
                  --format F         json (default: the full report), csv (UTF-8 with BOM, opens in Excel) or geojson
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
            throw new UsageException("请给出一个 GeoJSON 或国土 TXT 文件，或 --collection ID（二选一）/ give one FILE or --collection ID");
        }
        OutputFormat<MeasureUseCase.Measurement> format = UseCaseErrors.option(() -> MeasureUseCase.FORMATS.require(args.get("format"), "--format"));
        MeasureUseCase.Options options = UseCaseErrors.option(() -> MeasureUseCase.Options.of(args.get("group-by"), args.get("threshold"), null));
        Path layersDir = Path.of(args.get("layers", "layers"));
        LayerSet layers = null;
        if (Files.exists(layersDir.resolve("catalog.json"))) {
            layers = LayerLoader.load(layersDir).layers();
        } else if (collection != null) {
            throw new UsageException("找不到图层目录 / no catalog in " + layersDir + " (use --layers DIR)");
        } else {
            err.println("提示 note: 未找到图层目录 " + layersDir + "，不检查与红线、水源地、行政区的关系 / no zones to check against");
        }
        MeasureUseCase useCase = MeasureUseCase.direct();
        MeasureUseCase.Measurement m;
        Path file = collection == null ? Path.of(args.positional().get(0)) : null;
        try {
            if (collection != null) {
                FeatureSource source = layers.source(collection).orElseThrow(() -> new UsageException("没有图层 / no collection " + collection));
                m = useCase.collection(layers, source, options);
            } else {
                if (!Files.isRegularFile(file)) {
                    err.println("找不到文件 / file not found: " + file);
                    return 1;
                }
                m = useCase.upload(Upload.of(file), Integer.MAX_VALUE, layers, options);
            }
        } catch (UseCaseException e) {
            if (e.badOption()) throw new UsageException(e.getMessage());
            err.println((file == null ? collection : file) + ": " + e.getMessage());
            return 1;
        }
        out.write(UseCaseErrors.option(() -> {
            try {
                return format.render(m, true).bytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        if (!format.name().equals("csv")) out.println();
        out.flush();
        PlotReport report = m.report();
        var totals = report.totals();
        err.printf("%d 个图斑 plots，合计 %.2f 亩 / %.4f 公顷；超差 %d，无效 %d，重叠 %d 对，碎片 %d%n", totals.plots(), totals.measured().mu(),
                totals.measured().ha(), totals.mismatched(), totals.invalid(), report.overlaps().size(), totals.withSlivers());
        return 0;
    }
}
