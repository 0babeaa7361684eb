package cn.ecozone.cli;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListImport;
import cn.ecozone.accesslist.AccessListImport.Format;
import cn.ecozone.accesslist.AccessListStore;
import cn.ecozone.accesslist.FileAccessListStore;
import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.CatalogReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PgSchema;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.layer.postgis.PostgisLayers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * {@code access-list export|import}: the 准入清单 as the spreadsheet 生态环境局 exchange (xlsx), as CSV or as JSON, to and
 * from the catalog's list file (embedded mode) or the {@code ecozone_access_*} tables (PostGIS mode).
 */
public final class AccessListCommand implements Command {
    @Override public String name() { return "access-list"; }

    @Override public String summary() { return "准入清单导入导出 / import or export the access list (xlsx, csv, json)"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone access-list export --format xlsx|csv|json --out FILE [--layers DIR] [--db URL [--schema S]]
                           ecozone access-list import FILE [--layers DIR] [--db URL [--schema S]]

                export  把当前准入清单写成 xlsx（生态环境局交换的表格格式）、CSV 或 JSON。
                        writes the current access list as xlsx (the official table layout), CSV or JSON.
                import  读入 xlsx / CSV / JSON 文件（按扩展名或内容识别），全部校验（包括单元编码须在 control_unit 图层中）；
                        有任何错误则逐条列出“工作表、行、列”并以状态 1 退出，不作任何修改；通过则整体替换清单
                        （目录中的 accessList 文件原子写入，或 PostGIS 模式下在一个事务中替换 ecozone_access_* 表）。
                        reads the file, validates everything (unit codes must exist in the control_unit layer); on any error
                        prints each with its sheet, row and column and exits 1 with nothing changed; otherwise replaces the
                        list whole (the catalog's accessList file, written atomically; or the tables, in one transaction).

                  --format F     xlsx | csv | json（导出；缺省按 --out 的扩展名）/ export format (default: from --out)
                  --out FILE     导出文件 / file to write
                  --layers DIR   图层目录 catalog folder (default: layers)
                  --db URL       PostGIS 模式：清单在数据库中 / PostGIS mode: the list lives in the database
                  --schema S     存于模式 S 的数据版本 / the data version stored in schema S (default: the default schema)
                表格格式见 docs/access-list.md「Spreadsheet interchange」/ layout: docs/access-list.md.
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(words, Set.of("help"));
        args.allowOnly(Set.of("format", "out", "layers", "db", "schema"));
        if (args.positional().isEmpty()) throw new UsageException("需要子命令 export 或 import / subcommand export or import required");
        return switch (args.positional().get(0)) {
            case "export" -> export(args, out);
            case "import" -> importFile(args, out, err);
            default -> throw new UsageException("未知子命令 / unknown subcommand: " + args.positional().get(0));
        };
    }

    private static Path layersDir(Args args) {
        return Path.of(args.get("layers", "layers"));
    }

    static AccessListStore store(Catalog catalog, String db, PgSchema schema) {
        if (db != null) return new PostgisAccessListStore(Databases.pool(db), schema);
        String file = catalog.accessList();
        return new FileAccessListStore(catalog.resolve(file == null || file.isBlank() ? "access-list.json" : file));
    }

    private int export(Args args, PrintStream out) throws Exception {
        if (args.positional().size() > 1) throw new UsageException("export 不接受文件参数，请用 --out / use --out FILE");
        String target = args.get("out");
        if (target == null) throw new UsageException("需要 --out FILE / --out FILE is required");
        Format format = args.get("format") != null ? Format.of(args.get("format")) : Format.ofFileName(target);
        if (format == null) throw new UsageException("需要 --format xlsx|csv|json / --format is required (the --out name does not say)");
        Catalog catalog = CatalogReader.read(layersDir(args));
        long t0 = System.nanoTime();
        AccessList list = store(catalog, args.get("db"), ImportCommand.schema(args)).load();
        byte[] bytes = AccessListImport.write(list, format);
        Path to = Path.of(target).toAbsolutePath();
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.printf("已导出 exported %s: %d 个行业 industries, %d 个单元 units, %d 条要求 requirements, %.1f KB in %.2f s%n", to.getFileName(),
                list.industries().size(), list.units().size(), list.requirements().size(), bytes.length / 1024.0, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private int importFile(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.positional().size() != 2) throw new UsageException("用法 usage: access-list import FILE");
        Path file = Path.of(args.positional().get(1));
        if (!Files.isRegularFile(file)) {
            err.println("文件不存在 / no such file: " + file);
            return 1;
        }
        String db = args.get("db");
        PgSchema schema = ImportCommand.schema(args);
        long t0 = System.nanoTime();
        LayerLoader.Result loaded = LayerLoader.load(layersDir(args));
        if (!loaded.ok()) {
            err.println("图层有错误，先运行 validate / the layers have errors (run validate); nothing imported:");
            ValidationReport.print(loaded, err);
            return 1;
        }
        LayerSet layers = db == null ? loaded.layers() : PostgisLayers.of(loaded.layers().catalog(), Databases.pool(db), schema);
        byte[] bytes = Files.readAllBytes(file);
        Format format = Format.detect(null, bytes); // by content: a zip is xlsx, '{' is JSON, other text CSV
        AccessListImport.Result r = AccessListImport.read(bytes, format, layers.unitCodes());
        if (!r.ok()) {
            err.println(file + "：准入清单有 " + r.errors().size() + " 处错误，未作任何修改 / " + r.errors().size() + " errors, nothing changed:");
            r.errors().forEach(e -> err.println("  " + e));
            return 1;
        }
        double read = (System.nanoTime() - t0) / 1e9;
        AccessListStore store = store(layers.catalog(), db, schema);
        store.store(r.list());
        AccessList list = r.list();
        out.printf("已导入 imported %s → %s: %d 个行业 industries, %d 个单元 units, %d 条要求 requirements (%d 条区域规则 zone rules); "
                        + "读取校验 read+validated %.2f s, 写入 stored %.2f s%n", file.getFileName(), store.describe(), list.industries().size(),
                list.units().size(), list.requirements().size(), list.zoneRules().size(), read, (System.nanoTime() - t0) / 1e9 - read);
        return 0;
    }
}
