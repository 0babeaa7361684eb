package cn.ecozone.cli;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.app.OutputFormat;
import cn.ecozone.app.Rendered;
import cn.ecozone.app.SiteCheckUseCase;
import cn.ecozone.app.Upload;
import cn.ecozone.app.UseCaseException;
import cn.ecozone.config.ConfigLoader;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.report.SiteReportPdf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code check FILE}: the site check of the server, from the terminal — the same {@link SiteCheckUseCase} (reader,
 * analysis, formats) as {@code POST /analysis/site-check}.
 */
public final class CheckCommand implements Command {
    @Override public String name() { return "check"; }

    @Override public String summary() { return "选址研判 / check a project site (TXT, GeoJSON, WKT) against every zone"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone check FILE [--industry X] [--crs EPSG:xxxx] [--name 名称] [--nearby 1000]
                                          [--format json|html|pdf] [--lang zh|en] [--out FILE] [--layers DIR]
                                          [--db URL [--schema NAME]]

                把项目地块（国土界址点 TXT、GeoJSON 或 WKT）与所有图层叠加：重叠区域及面积（平方米/公顷/亩）、周边区域、
                适用的准入清单条款与研判结论；输出 JSON、HTML 或 PDF 报告。与 POST /analysis/site-check 结果相同。
                Overlays a project site with every layer and prints the hits, nearby zones, access-list clauses and verdict.

                  --industry X   行业（如 光伏）industry id or name from the access list
                  --crs CODE     GeoJSON/WKT 的坐标系（默认 CRS84 经纬度；如 EPSG:4526）; TXT files carry their own
                  --name NAME    项目名称 site name (default: from the file)
                  --nearby M     周边搜索距离（米）search distance for nearby zones, default 1000
                  --format F     json (default), html or pdf
                  --lang L       报告语言 report language: zh (default) or en
                  --out FILE     写入文件 write to FILE (default: standard output; pdf needs --out)
                  --layers DIR   图层目录 catalog folder (default: layers)
                  --db URL       从 PostGIS 读取要素与准入清单（目录仍取自 --layers）/ read the features and the access list
                                 from PostGIS (the catalog still comes from --layers)
                  --schema NAME  与 --db 一起：已存数据版本所在的模式（import --schema 导入）/ with --db: the schema of a stored
                                 data version (filled by import --schema); default: the unqualified tables

                批量 Batch: ecozone check --batch FILE [--industry X] [--out results.csv|xlsx] [--reports reports.zip]
                                           [--layers DIR] [--against DIR] [--name-field F] [--industry-field F] [--wkt-field F] [--gpkg-layer T]
                                           [--db URL [--schema OLD] [--against-schema NEW]]
                  FILE 为 GeoJSON FeatureCollection、含 WKT 列的 CSV/xlsx、GeoPackage（--gpkg-layer 选表）、压缩的 Shapefile 或国土 TXT 的 ZIP，每个要素/行/文件一个项目；
                  结果表为 UTF-8 带 BOM 的 CSV，错误行注明原因但不中断；标准错误输出显示进度条。
                  --against DIR  用第二个图层目录再查一遍，只输出结论、压占区域或面积有变化的项目（动态更新复核）
                  --against-schema NEW  同上，第二个数据版本为 PostGIS 中已存的模式 NEW（需 --db；第一个为 --schema 或 --layers）
                  A project list, one project per feature/row/file: a CSV table (with BOM), bad rows reported, a progress bar;
                  --against DIR checks the list against a second layer folder and writes only the projects that changed;
                  --against-schema NEW does the same against the version stored in schema NEW (with --db; the first is --schema).

                退出码 Exit code: 0 完成 done; 1 地块或图层有误 bad site or layers; 2 用法错误 usage error.
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) throws IOException {
        Args args = new Args(words, Set.of("help"));
        if (args.get("batch") != null) {
            args.allowOnly(Set.of("batch", "industry", "crs", "nearby", "out", "reports", "layers", "against", "name-field", "industry-field", "wkt-field", "gpkg-layer",
                    "db", "schema", "against-schema"));
            if (!args.positional().isEmpty()) throw new UsageException("--batch 与单个地块文件不能同时给出 / give either --batch FILE or one site FILE");
            return BatchRun.run(args, out, err);
        }
        args.allowOnly(Set.of("industry", "crs", "name", "nearby", "format", "lang", "out", "layers", "db", "schema"));
        List<String> files = args.positional();
        if (files.size() != 1) throw new UsageException("需要一个地块文件 / give exactly one site FILE");
        OutputFormat<SiteCheckUseCase.Outcome> format = UseCaseErrors.option(() -> SiteCheckUseCase.FORMATS.require(args.get("format"), "--format"));
        // the report font from the configuration's environment (ECOZONE_CJK_FONT), as serve reads it
        SiteReportPdf.useFont(ConfigLoader.load(null, System.getenv(), Map.of()).config().ops().cjkFont());
        if (format.binary() && args.get("out") == null) {
            throw new UsageException(format.name().toUpperCase(Locale.ROOT) + " 需要 --out 文件 / --format " + format.name() + " needs --out FILE");
        }
        SiteCheckUseCase.Options options = UseCaseErrors.option(() -> new SiteCheckUseCase.Options(args.get("crs"), args.get("name"), args.get("industry"),
                SiteCheckUseCase.Options.nearbyM(args.get("nearby"), "--nearby"),
                SiteCheckUseCase.Options.language(args.get("lang"), "--lang")));
        Path file = Path.of(files.get(0));
        if (!Files.isRegularFile(file)) {
            err.println("找不到文件 / file not found: " + file);
            return 1;
        }
        BatchRun.Loaded folder = BatchRun.open(args, Path.of(args.get("layers", "layers")), args.get("schema"), err);
        if (folder == null) return 1;
        Rendered rendered;
        SiteCheckUseCase.Outcome outcome;
        try {
            outcome = SiteCheckUseCase.direct(SiteInputReader.DEFAULT_MAX_VERTICES).run(folder.layers(), folder.list(), Upload.of(file), options);
            rendered = format.render(outcome, true);
        } catch (UseCaseException e) {
            if (e.badOption()) throw new UsageException(e.getMessage());
            err.println(file + ": " + e.getMessage());
            return 1;
        }
        SiteCheckResult result = outcome.result();
        String target = args.get("out");
        if (target == null) {
            out.write(rendered.bytes());
            out.println();
        } else {
            Files.write(Path.of(target), rendered.bytes());
            err.println(result.name() + "：" + result.verdictZh() + "（" + result.verdict() + "），重叠 " + result.hits().size() + " 处，条款 "
                    + result.clauses().size() + " 条 → " + target);
        }
        return 0;
    }
}
