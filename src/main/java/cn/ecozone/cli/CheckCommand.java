package cn.ecozone.cli;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListCheck;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.api.Json;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.Problem;
import cn.ecozone.report.ReportLanguage;
import cn.ecozone.report.SiteFigure;
import cn.ecozone.report.SiteReportHtml;
import cn.ecozone.report.SiteReportPdf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code check FILE}: the site check of the server, from the terminal (same reader, analysis and reports). */
public final class CheckCommand implements Command {
    @Override public String name() { return "check"; }

    @Override public String summary() { return "选址研判 / check a project site (TXT, GeoJSON, WKT) against every zone"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone check FILE [--industry X] [--crs EPSG:xxxx] [--name 名称] [--nearby 1000]
                                          [--format json|html|pdf] [--lang zh|en] [--out FILE] [--layers DIR]

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

                批量 Batch: ecozone check --batch FILE [--industry X] [--out results.csv|xlsx] [--reports reports.zip]
                                           [--layers DIR] [--against DIR] [--name-field F] [--industry-field F] [--wkt-field F] [--gpkg-layer T]
                  FILE 为 GeoJSON FeatureCollection、含 WKT 列的 CSV/xlsx、GeoPackage（--gpkg-layer 选表）、压缩的 Shapefile 或国土 TXT 的 ZIP，每个要素/行/文件一个项目；
                  结果表为 UTF-8 带 BOM 的 CSV，错误行注明原因但不中断；标准错误输出显示进度条。
                  --against DIR  用第二个图层目录再查一遍，只输出结论、压占区域或面积有变化的项目（动态更新复核）
                  A project list, one project per feature/row/file: a CSV table (with BOM), bad rows reported, a progress bar;
                  --against DIR checks the list against a second layer folder and writes only the projects that changed.

                退出码 Exit code: 0 完成 done; 1 地块或图层有误 bad site or layers; 2 用法错误 usage error.
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) throws IOException {
        Args args = new Args(words, Set.of("help"));
        if (args.get("batch") != null) {
            args.allowOnly(Set.of("batch", "industry", "crs", "nearby", "out", "reports", "layers", "against", "name-field", "industry-field", "wkt-field", "gpkg-layer"));
            if (!args.positional().isEmpty()) throw new UsageException("--batch 与单个地块文件不能同时给出 / give either --batch FILE or one site FILE");
            return BatchRun.run(args, out, err);
        }
        args.allowOnly(Set.of("industry", "crs", "name", "nearby", "format", "lang", "out", "layers"));
        List<String> files = args.positional();
        if (files.size() != 1) throw new UsageException("需要一个地块文件 / give exactly one site FILE");
        String format = args.get("format", "json");
        if (!List.of("json", "html", "pdf").contains(format)) throw new UsageException("--format 应为 json、html 或 pdf / --format must be json, html or pdf");
        if (format.equals("pdf") && args.get("out") == null) throw new UsageException("PDF 需要 --out 文件 / --format pdf needs --out FILE");
        ReportLanguage lang;
        try {
            lang = ReportLanguage.of(args.get("lang"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lang 应为 zh 或 en / --lang must be zh or en");
        }
        double nearby;
        try {
            nearby = Double.parseDouble(args.get("nearby", String.valueOf(SiteCheck.DEFAULT_NEARBY_M)));
        } catch (NumberFormatException e) {
            throw new UsageException("--nearby 应为米数 / --nearby must be metres");
        }
        Path file = Path.of(files.get(0));
        if (!Files.isRegularFile(file)) {
            err.println("找不到文件 / file not found: " + file);
            return 1;
        }
        LayerLoader.Result loaded = LayerLoader.load(Path.of(args.get("layers", "layers")));
        if (!loaded.ok()) {
            err.println("图层有错误，先运行 validate 查看 / the layers have errors (run validate):");
            loaded.problems().stream().filter(Problem::isError).limit(10).forEach(p -> err.println("  " + p.describe()));
            return 1;
        }
        LayerSet layers = loaded.layers();
        SiteInput input;
        SiteCheckResult result;
        try {
            input = new SiteInputReader().read(Files.readAllBytes(file), args.get("crs"), args.get("name"));
            String accessFile = layers.catalog().accessList();
            AccessList access = AccessListCheck.requireValid(AccessListJson.read(accessFile == null ? null : layers.catalog().resolve(accessFile)));
            result = new SiteCheck(layers, access).run(input, args.get("industry"), nearby);
        } catch (SiteInputException | IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
        byte[] bytes = switch (format) {
            case "html" -> SiteReportHtml.render(result.forReport(), new SiteFigure(result, input.geometry(), layers, 720, 480), input.parcels(), lang).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> SiteReportPdf.render(result.forReport(), new SiteFigure(result, input.geometry(), layers, 720, 480), input.parcels(), lang);
            default -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(result);
        };
        String target = args.get("out");
        if (target == null) {
            out.write(bytes);
            out.println();
        } else {
            Files.write(Path.of(target), bytes);
            err.println(result.name() + "：" + result.verdictZh() + "（" + result.verdict() + "），重叠 " + result.hits().size() + " 处，条款 "
                    + result.clauses().size() + " 条 → " + target);
        }
        return 0;
    }
}
