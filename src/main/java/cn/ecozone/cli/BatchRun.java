package cn.ecozone.cli;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.app.LayerFolder;
import cn.ecozone.app.SiteCheckUseCase;
import cn.ecozone.app.UseCaseException;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.CatalogReader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.SourceUnavailable;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PgSchema;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.layer.postgis.PostgisLayers;
import cn.ecozone.process.BatchCheck;
import cn.ecozone.process.BatchInputException;
import cn.ecozone.process.BatchInputReader;
import cn.ecozone.process.BatchTable;
import cn.ecozone.process.ProcessService;
import cn.ecozone.process.ProjectOutcome;
import cn.ecozone.process.ProjectRow;
import cn.ecozone.process.VersionDiff;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code check --batch FILE}: the batch-check process from the terminal, with a progress bar on standard error;
 * {@code --against DIR} checks the list against a second layer folder and writes only the projects that changed;
 * {@code --db URL [--schema OLD] --against-schema NEW} does the same on two versions stored in PostGIS.
 */
final class BatchRun {
    private BatchRun() {}

    static int run(Args args, PrintStream out, PrintStream err) throws IOException {
        Path file = Path.of(args.get("batch"));
        if (!Files.isRegularFile(file)) {
            err.println("找不到文件 / file not found: " + file);
            return 1;
        }
        String target = args.get("out");
        boolean xlsx = target != null && target.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        if (target != null && !xlsx && !target.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new UsageException("--out 应为 .csv 或 .xlsx 文件 / --out must be a .csv or .xlsx file");
        }
        boolean review = args.get("against") != null || args.get("against-schema") != null;
        if (args.get("against") != null && args.get("against-schema") != null) {
            throw new UsageException("--against 与 --against-schema 只能给出一个 / give --against DIR or --against-schema NAME, not both");
        }
        if (args.get("against-schema") != null && args.get("db") == null) {
            throw new UsageException("--against-schema 需要 --db / --against-schema needs --db");
        }
        if (xlsx && review) throw new UsageException("变化表暂只输出 CSV / with --against the changes table is CSV only");
        double nearby = UseCaseErrors.option(() -> SiteCheckUseCase.Options.nearbyM(args.get("nearby"), "--nearby"));
        Path layersDir = Path.of(args.get("layers", "layers"));
        Loaded before = open(args, layersDir, args.get("schema"), err);
        if (before == null) return 1;
        Loaded after = null;
        if (args.get("against") != null) {
            after = load(Path.of(args.get("against")), err);
            if (after == null) return 1;
        } else if (args.get("against-schema") != null) {
            after = stored(layersDir, args.get("db"), ImportCommand.schemaNamed(args.get("against-schema"), "--against-schema"), err);
            if (after == null) return 1;
        }
        List<ProjectRow> rows;
        try {
            rows = new BatchInputReader(new BatchInputReader.Options(args.get("name-field"), args.get("industry-field"), args.get("wkt-field"),
                    args.get("crs"), args.get("gpkg-layer")), SiteInputReader.DEFAULT_MAX_VERTICES).read(Files.readAllBytes(file));
        } catch (BatchInputException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
        String reportsZip = args.get("reports");
        List<ProjectOutcome> first;
        try {
            first = check(rows, before, args.get("industry"), nearby, after == null ? reportsZip : null, err, after == null ? "" : "原数据 old ");
        } catch (BatchInputException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (after == null) {
            write(target, xlsx ? BatchTable.xlsx(first) : BatchTable.csv(first), out);
            Map<String, Object> summary = BatchTable.summary(first, before.version.id());
            err.println("汇总 summary: " + summary.get("perVerdict") + "，数据版本 data version " + before.version.id()
                    + (target == null ? "" : " → " + target));
            return 0;
        }
        List<ProjectOutcome> second = check(rows, after, args.get("industry"), nearby, reportsZip, err, "新数据 new ");
        List<VersionDiff.Change> changes = VersionDiff.changes(first, second);
        write(target, VersionDiff.csv(changes), out);
        err.println("有变化的项目 changed projects: " + changes.size() + " / " + rows.size() + "（" + before.version.id() + " → "
                + after.version.id() + "）" + (target == null ? "" : " → " + target));
        return 0;
    }

    private static void write(String target, byte[] bytes, PrintStream out) throws IOException {
        if (target == null) {
            out.write(bytes);
            out.flush();
        } else {
            Files.write(Path.of(target), bytes);
        }
    }

    record Loaded(LayerSet layers, AccessList list, DataVersion version) {}

    /**
     * The data {@code check} reads: with {@code --db}, the stored version in {@code --schema} (default: the unqualified
     * tables) with the catalog of {@code --layers}; else the layer folder. Null (after a message) when it cannot be read.
     */
    static Loaded open(Args args, Path layersDir, String schemaName, PrintStream err) {
        String db = args.get("db");
        if (db == null) {
            if (schemaName != null) throw new UsageException("--schema 需要 --db / --schema needs --db");
            return load(layersDir, err);
        }
        return stored(layersDir, db, ImportCommand.schemaNamed(schemaName, "--schema"), err);
    }

    /** A stored version (PostGIS) with the catalog of the folder; null, after the reason, when the database is unreachable. */
    static Loaded stored(Path layersDir, String db, PgSchema schema, PrintStream err) {
        Catalog catalog = CatalogReader.read(layersDir);
        var pool = Databases.pool(db);
        try {
            LayerSet layers = PostgisLayers.stored(catalog, pool, schema);
            AccessList list = new PostgisAccessListStore(pool, schema).load();
            return new Loaded(layers, list, DataVersion.of(layers, list));
        } catch (PostgisLayers.UnknownStoredVersion e) {
            throw new UsageException(e.getMessage()); // a name the user gave that is no stored version: exit 2
        } catch (SourceUnavailable e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /** The layer folder with its access list ({@link LayerFolder}, as {@code check} loads it), or null when it has errors. */
    static Loaded load(Path dir, PrintStream err) {
        try {
            LayerFolder folder = LayerFolder.load(dir);
            return new Loaded(folder.layers(), folder.accessList(), folder.version());
        } catch (UseCaseException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    private static List<ProjectOutcome> check(List<ProjectRow> rows, Loaded data, String industry, double nearby, String reportsZip,
                                              PrintStream err, String label) throws IOException {
        BatchCheck check = new BatchCheck(data.layers, data.list, AnalysisCaps.NONE, Long.MAX_VALUE, Long.MAX_VALUE, industry, nearby);
        List<ProjectOutcome> outcomes = new ArrayList<>();
        Progress bar = new Progress(err, rows.size(), label);
        try (ZipOutputStream zip = reportsZip == null ? null : new ZipOutputStream(Files.newOutputStream(Path.of(reportsZip)))) {
            for (int i = 0; i < rows.size(); i++) {
                ProjectRow row = rows.get(i);
                BatchCheck.Checked c = check.check(row);
                outcomes.add(c.outcome());
                if (zip != null && c.result() != null) {
                    zip.putNextEntry(new ZipEntry(ProcessService.reportName(i, c.outcome())));
                    zip.write(check.pdf(row, c.result()));
                    zip.closeEntry();
                }
                bar.update(i + 1);
            }
        }
        bar.done();
        return outcomes;
    }

    /** {@code [#########...........]  120/300  40%  ETA 3 s}, redrawn in place at most ten times a second. */
    static final class Progress {
        private final PrintStream err;
        private final int total;
        private final String label;
        private final long start = System.nanoTime();
        private long lastDraw;

        Progress(PrintStream err, int total, String label) {
            this.err = err;
            this.total = total;
            this.label = label;
        }

        void update(int done) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) return;
            lastDraw = now;
            int width = 30, filled = total == 0 ? width : (int) ((long) width * done / total);
            double elapsed = (now - start) / 1e9;
            double eta = done == 0 ? 0 : elapsed / done * (total - done);
            err.print(String.format(Locale.ROOT, "\r%s[%s%s] %d/%d %3d%% ETA %.0f s", label, "#".repeat(filled), ".".repeat(width - filled), done,
                    total, total == 0 ? 100 : 100L * done / total, eta));
            err.flush();
        }

        void done() {
            err.println(String.format(Locale.ROOT, "  用时 %.1f s", (System.nanoTime() - start) / 1e9));
        }
    }
}
