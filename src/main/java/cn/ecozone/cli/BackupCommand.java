package cn.ecozone.cli;

import cn.ecozone.config.ConfigLoader;
import cn.ecozone.layer.CatalogReader;
import cn.ecozone.ops.Backup;
import cn.ecozone.ops.PgDump;
import cn.ecozone.ops.Restore;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code backup --to DIR [--layers DIR | --db URL]} and {@code restore --from DIR --layers DIR}. */
final class BackupCommand {
    private BackupCommand() {}

    static Command backup() {
        return new Command() {
            @Override public String name() { return "backup"; }

            @Override public String summary() { return "备份数据 / consistent backup with manifest and checksums"; }

            @Override
            public String help() {
                return """
                        用法 Usage: ecozone backup --to DIR [--layers DIR] [--styles DIR] [--db URL [--schema S]]

                        服务运行时也可备份：复制图层目录（目录、图层文件、编辑日志、历史、准入清单）与样式，得到一致的快照，
                        并写 manifest.json（每个文件的大小与 SHA-256、数据日期、EcoZone 版本）。加 --db 时另用 pg_dump 导出
                        EcoZone 的表（ecozone_*、各图层表及其 _history）到 ecozone.dump。
                        Takes a consistent snapshot while the server runs: the layers folder (catalog, layer files, journals,
                        histories, access list) and the styles, plus manifest.json (size and SHA-256 of every file, data date,
                        EcoZone version). With --db, also pg_dump of EcoZone's tables into ecozone.dump (restore: see README).

                          --to DIR       备份目录（须为空或不存在）/ backup folder (new or empty)
                          --layers DIR   图层目录 catalog folder (default: layers)
                          --styles DIR   样式目录 styles folder (default: styles)
                          --db URL       PostGIS 模式的数据库 / the PostGIS database (jdbc:postgresql://…)
                          --schema S     备份存于模式 S 的数据版本（整个模式，含 CREATE SCHEMA）/ back up the version
                                         stored in schema S (the whole schema, pg_restore recreates it)
                        """;
            }

            @Override
            public int run(String[] words, PrintStream out, PrintStream err) throws Exception {
                Args args = new Args(words, Set.of("help"));
                args.allowOnly(Set.of("to", "layers", "styles", "db", "schema"));
                if (args.get("to") == null) throw new UsageException("需要 --to DIR / --to DIR is required");
                Path to = Path.of(args.get("to"));
                Path layers = Path.of(args.get("layers", "layers"));
                Path styles = Path.of(args.get("styles", "styles"));
                try {
                    JsonNode manifest;
                    if (args.get("db") != null) {
                        if (Files.exists(to.resolve(Backup.MANIFEST))) throw new Backup.Refused(to + " 已有备份 / already holds a backup");
                        // ops.pg-dump / ECOZONE_PG_DUMP names the binary
                        PgDump.dump(args.get("db"), CatalogReader.read(layers), to,
                                ConfigLoader.load(null, System.getenv(), Map.of()).config().ops().pgDump(), ImportCommand.schema(args).name());
                        manifest = Backup.ofFilesWithDump(layers, styles, to);
                    } else {
                        manifest = Backup.ofFiles(layers, Files.isDirectory(styles) ? styles : null, to);
                    }
                    out.printf("备份完成 backup written: %s (%d 个文件 files, 数据日期 data date %s)%n", to, manifest.get("files").size(),
                            manifest.path("dataDate").asText());
                    return 0;
                } catch (Backup.Refused e) {
                    err.println("未备份 / not backed up: " + e.getMessage());
                    return 1;
                }
            }
        };
    }

    static Command restore() {
        return new Command() {
            @Override public String name() { return "restore"; }

            @Override public String summary() { return "从备份恢复 / restore a checked backup into a layers folder"; }

            @Override
            public String help() {
                return """
                        用法 Usage: ecozone restore --from DIR --layers DIR [--styles DIR] [--force]

                        先校验备份（manifest 中每个文件的大小和 SHA-256、目录中的图层文件齐全、图层可加载），任何不符都拒绝并
                        不做任何更改；通过后把原图层目录移到 <图层目录>.before-restore-<时间> 再换上备份。请在服务停止时运行。
                        Verifies the backup (size and SHA-256 of every file, the catalog's files present, layers load and journals
                        replay) and refuses a corrupt or mismatched one, changing nothing; then moves the old folder aside to
                        <layers>.before-restore-<time> and puts the backup in its place. Run it while the server is stopped.

                          --from DIR     备份目录 backup folder
                          --layers DIR   要恢复到的图层目录 layers folder to restore (default: layers)
                          --styles DIR   同时恢复样式 also restore the styles here
                          --force        目标目录的图层与备份不同时仍然恢复 / restore even when the target has other layers
                        PostGIS 备份（ecozone.dump）用 pg_restore 恢复，见 README / PostGIS backups: pg_restore, see README.
                        """;
            }

            @Override
            public int run(String[] words, PrintStream out, PrintStream err) {
                Args args = new Args(words, Set.of("help", "force"));
                args.allowOnly(Set.of("from", "layers", "styles"));
                if (args.get("from") == null) throw new UsageException("需要 --from DIR / --from DIR is required");
                try {
                    Path aside = Restore.files(Path.of(args.get("from")), Path.of(args.get("layers", "layers")),
                            args.get("styles") == null ? null : Path.of(args.get("styles")), args.flag("force"));
                    out.println("已恢复 restored into " + args.get("layers", "layers") + (aside == null ? "" : "；原目录已移到 previous folder moved to " + aside));
                    return 0;
                } catch (Backup.Refused e) {
                    err.println("拒绝恢复，未做任何更改 / restore refused, nothing changed: " + e.getMessage());
                    return 1;
                }
            }
        };
    }
}
