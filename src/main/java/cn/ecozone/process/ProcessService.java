package cn.ecozone.process;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The processes EcoZone offers (OGC API – Processes Part 1) and their jobs, without HTTP: {@code site-check} (one site,
 * the result of {@code POST /analysis/site-check}) and {@code batch-check} (a project list: table, summary, per-project
 * PDF reports, and the changes against an earlier job's results).
 */
public final class ProcessService implements AutoCloseable {
    public static final String SITE_CHECK = "site-check";
    public static final String BATCH_CHECK = "batch-check";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A synchronous batch-check is refused beyond this many projects: use {@code Prefer: respond-async}. */
    public static final int MAX_SYNC_PROJECTS = 1000;
    static final Set<String> BATCH_INPUTS = Set.of("projects", "industry", "nearbyM", "crs", "nameField", "industryField", "wktField",
            "layer", "reports", "baselineJob", "againstVersion");
    static final Set<String> SITE_INPUTS = Set.of("site", "industry", "nearbyM", "crs", "name");

    /** How an interactive site check is run (the server: cost routing, the bounded pool, its 413/503). */
    @FunctionalInterface
    public interface SiteChecker {
        SiteCheckResult check(LayerSet layers, AccessList list, SiteInput site, String industry, double nearbyM);
    }

    /**
     * @param maxVertices per site, as for a single check
     * @param maxCandidates zones a site's search box may meet
     * @param lanes projects of a batch job in flight at once (each parsed and checked through {@link Background}, which
     *              in the server admits a job's analysis only while no interactive one is in flight)
     */
    public record Settings(int maxVertices, AnalysisCaps caps, long maxCandidates, long maxZoneVertices, int lanes) {
        /** One lane per processor, at most 4. */
        public Settings(int maxVertices, AnalysisCaps caps, long maxCandidates, long maxZoneVertices) {
            this(maxVertices, caps, maxCandidates, maxZoneVertices, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        }

        public Settings {
            if (lanes < 1) throw new IllegalArgumentException("lanes must be ≥ 1");
        }
    }

    /**
     * The other stored data versions the server can reach by name (PostGIS mode: the schemas {@code import --schema}
     * filled), for the {@code againstVersion} input of {@code batch-check}.
     */
    @FunctionalInterface
    public interface StoredVersions {
        /** @throws ProcessException ({@code BAD_INPUT}, bilingual) when {@code name} is no stored version */
        Data open(String name);

        record Data(LayerSet layers, AccessList list) {}
    }

    private volatile StoredVersions storedVersions;
    private final Supplier<LayerSet> layers;
    private final Supplier<AccessList> accessList;
    private final Settings settings;
    private final SiteChecker interactive;
    private final Background background;
    private final Jobs jobs;
    /** The threads that hand a job's projects to {@link #background}, {@link Settings#lanes} of them. */
    private final ExecutorService lanes;

    public ProcessService(Supplier<LayerSet> layers, Supplier<AccessList> accessList, Settings settings, SiteChecker interactive,
                          Background background, Path jobsDir) {
        this.layers = layers;
        this.accessList = accessList;
        this.settings = settings;
        this.interactive = interactive;
        this.background = background;
        this.lanes = Executors.newFixedThreadPool(settings.lanes(), r -> {
            Thread t = new Thread(r, "ecozone-job-lane");
            t.setDaemon(true);
            return t;
        });
        this.jobs = new Jobs(jobsDir, Map.of(BATCH_CHECK, this::runBatch, SITE_CHECK, this::runSiteCheck));
    }

    public Jobs jobs() {
        return jobs;
    }

    /** Lets {@code batch-check} take {@code againstVersion} (PostGIS mode); without, that input is refused. */
    public ProcessService withStoredVersions(StoredVersions versions) {
        this.storedVersions = versions;
        return this;
    }

    // ---- descriptions

    public List<String> ids() {
        return List.of(SITE_CHECK, BATCH_CHECK);
    }

    /** The process summary (id, title, description, version, job control options) without links. */
    public Map<String, Object> summary(String id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("version", "1.0.0");
        if (id.equals(SITE_CHECK)) {
            p.put("title", "选址研判 Site check");
            p.put("description", "一个项目地块（国土界址点 TXT、GeoJSON 或 WKT）与所有图层叠加：压占区域及面积、周边区域、准入清单条款与研判结论；"
                    + "结果与 POST /analysis/site-check 相同。 / One project site against every zone: hits, areas, nearby zones, clauses and verdict "
                    + "(the result of POST /analysis/site-check).");
        } else if (id.equals(BATCH_CHECK)) {
            p.put("title", "批量选址研判 Batch site check");
            p.put("description", "项目清单（GeoJSON、含 WKT 列的 CSV、压缩的 Shapefile、国土 TXT 的 ZIP）逐个研判：结果表（CSV）、按结论和区县的汇总、"
                    + "可选的逐项目 PDF 报告 ZIP；给出 baselineJob（此前的任务）或 againstVersion（PostGIS 模式下另一个已存数据版本）时只列出结论、压占区域或面积"
                    + "有变化的项目（动态更新复核）。 / A project list checked project by project: a table, a summary per verdict and district, "
                    + "optional per-project PDF reports, and with baselineJob (an earlier job) or againstVersion (another stored data version, "
                    + "PostGIS mode) the projects whose verdict, hits or areas changed (the 动态更新 review).");
        } else {
            throw new ProcessException(ProcessException.Kind.NO_SUCH_PROCESS, "没有该处理过程 / no process " + id + "; 现有 available: " + ids());
        }
        p.put("jobControlOptions", List.of("sync-execute", "async-execute", "dismiss"));
        p.put("outputTransmission", List.of("value", "reference"));
        return p;
    }

    /** The full description: summary plus inputs and outputs with JSON schemas (ogc-process-description). */
    public Map<String, Object> description(String id) {
        Map<String, Object> p = summary(id);
        Map<String, Object> in = new LinkedHashMap<>(), out = new LinkedHashMap<>();
        Map<String, Object> industry = input("行业 Industry", "准入清单中的行业编号或名称（如 光伏）；批量时为没有行业列的项目的默认行业 / industry id or name "
                + "from the access list; for a batch, the default for rows without an industry", Map.of("type", "string"), 0);
        Map<String, Object> nearby = input("周边距离 Nearby distance (m)", "周边搜索距离（米），默认 1000 / search distance in metres",
                Map.of("type", "number", "minimum", 0, "maximum", SiteCheck.MAX_NEARBY_M, "default", SiteCheck.DEFAULT_NEARBY_M), 0);
        Map<String, Object> crs = input("坐标系 CRS", "GeoJSON/WKT/CSV 坐标的坐标系（默认 CRS84 经纬度；如 EPSG:4526）/ CRS of GeoJSON, WKT and CSV "
                + "coordinates (default CRS84)", Map.of("type", "string"), 0);
        if (id.equals(SITE_CHECK)) {
            in.put("site", input("项目地块 Site", "国土界址点 TXT 或 WKT 文本、GeoJSON 对象，或 {value, mediaType[, encoding: base64]} / a boundary-point TXT or "
                    + "WKT text, a GeoJSON object, or a qualified value", Map.of("oneOf", List.of(Map.of("type", "string"),
                    Map.of("type", "object"), Map.of("type", "string", "contentEncoding", "base64", "contentMediaType", "text/plain"))), 1));
            in.put("industry", industry);
            in.put("name", input("项目名称 Name", "项目名称 / the project's name", Map.of("type", "string"), 0));
            in.put("nearbyM", nearby);
            in.put("crs", crs);
            out.put("result", output("研判结果 Site-check result", "与 POST /analysis/site-check 相同的 JSON / the JSON of POST /analysis/site-check",
                    Map.of("type", "object", "contentMediaType", "application/json")));
        } else {
            in.put("projects", input("项目清单 Project list", "GeoJSON FeatureCollection（对象或文本）、含 WKT 列的 CSV 文本，或 base64 编码的 xlsx、GeoPackage 或 ZIP（Shapefile 或国土 TXT）"
                    + "：{value, encoding: base64, mediaType: application/zip}；每个要素、行或文件一个项目 / a GeoJSON FeatureCollection, a CSV with a WKT "
                    + "column, or a base64 xlsx, GeoPackage or ZIP of a shapefile or of 国土 TXT files; one project per feature, row or file",
                    Map.of("oneOf", List.of(Map.of("type", "object"), Map.of("type", "string"),
                            Map.of("type", "string", "contentEncoding", "base64", "contentMediaType", "application/zip"))), 1));
            in.put("industry", industry);
            in.put("nearbyM", nearby);
            in.put("crs", crs);
            in.put("nameField", input("名称列 Name column", "项目名称所在的列或属性（默认 name/项目名称/名称）/ column or property with the project name",
                    Map.of("type", "string"), 0));
            in.put("industryField", input("行业列 Industry column", "行业所在的列或属性（默认 industry/行业）/ column or property with the industry",
                    Map.of("type", "string"), 0));
            in.put("wktField", input("WKT 列 WKT column", "CSV 中 WKT 所在的列（默认 wkt/geometry/geom）/ the CSV column with WKT", Map.of("type", "string"), 0));
            in.put("layer", input("GeoPackage 图层 Layer", "GeoPackage 中要读取的要素表（默认第一个）/ the GeoPackage feature table to read (default: the first)",
                    Map.of("type", "string"), 0));
            in.put("reports", input("生成报告 Reports", "为每个项目生成 PDF 报告并打包为 ZIP / make a PDF report per project, zipped",
                    Map.of("type", "boolean", "default", false), 0));
            in.put("baselineJob", input("对比任务 Baseline job", "此前一个 batch-check 任务的编号：只列出结论、压占区域或面积与之不同的项目 / an earlier batch-check job: "
                    + "list the projects whose verdict, hits or areas differ from it", Map.of("type", "string"), 0));
            in.put("againstVersion", input("对比数据版本 Against version", "仅 PostGIS 模式：另一个已存数据版本（import --schema 导入的模式名）。先按服务当前的数据研判（原），"
                    + "再按该版本研判（新），只列出结论、压占区域或面积有变化的项目；不能与 baselineJob 同时给出 / PostGIS mode only: another stored data "
                    + "version (a schema filled by import --schema). The list is checked against the served data (before) and against this version "
                    + "(after); changes lists the projects whose verdict, hits or areas differ. Not together with baselineJob",
                    Map.of("type", "string", "pattern", "^[a-z_][a-z0-9_]{0,62}$"), 0));
            out.put("summary", output("汇总 Summary", "按结论、区县计数；错误行及原因 / counts per verdict and district; bad rows with reasons",
                    Map.of("type", "object")));
            out.put("table", output("结果表 Table (CSV)", "UTF-8 带 BOM 的 CSV / CSV with BOM", Map.of("type", "string", "contentMediaType", "text/csv")));
            out.put("tableXlsx", output("结果表 Table (xlsx)", "同一结果表的 Excel 工作簿 / the same table as an xlsx workbook",
                    Map.of("type", "string", "contentEncoding", "binary", "contentMediaType", XLSX)));
            out.put("projects", output("逐项目结果 Projects", "每个项目一项 / one entry per project", Map.of("type", "array",
                    "contentMediaType", "application/json")));
            out.put("reports", output("报告 Reports (ZIP)", "逐项目 PDF 报告 / per-project PDF reports", Map.of("type", "string",
                    "contentEncoding", "binary", "contentMediaType", "application/zip")));
            out.put("changes", output("变化 Changes", "与 baselineJob 或 againstVersion 相比有变化的项目（前后对比）/ projects that changed "
                    + "between baselineJob or the served data and againstVersion, before and after", Map.of("type", "array")));
            out.put("changesTable", output("变化表 Changes table (CSV)", "变化的 CSV 表（与 check --batch --against 相同的列）/ the changes as CSV "
                    + "(the columns of check --batch --against)", Map.of("type", "string", "contentMediaType", "text/csv")));
        }
        p.put("inputs", in);
        p.put("outputs", out);
        return p;
    }

    private static Map<String, Object> input(String title, String description, Map<String, Object> schema, int minOccurs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("description", description);
        m.put("schema", schema);
        m.put("minOccurs", minOccurs);
        m.put("maxOccurs", 1);
        return m;
    }

    private static Map<String, Object> output(String title, String description, Map<String, Object> schema) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("description", description);
        m.put("schema", schema);
        return m;
    }

    // ---- execution

    /** A synchronous site check: the result and the site read (the routes add the site's shape as for /analysis/site-check). */
    public record SiteCheckRun(SiteCheckResult result, SiteInput site) {}

    public SiteCheckRun siteCheck(JsonNode request) {
        JsonNode inputs = inputs(request, SITE_INPUTS, "site");
        LayerSet set = layers.get();
        SiteInput site = readSite(inputs, settings.maxVertices());
        return new SiteCheckRun(interactive.check(set, accessList.get(), site, text(inputs, "industry"), number(inputs, "nearbyM")), site);
    }

    /** Validates the request (400 for unknown or missing inputs, an unreadable list) and queues a job. */
    public JobState submit(String processId, JsonNode request) {
        summary(processId);
        JsonNode inputs = processId.equals(SITE_CHECK) ? inputs(request, SITE_INPUTS, "site") : inputs(request, BATCH_INPUTS, "projects");
        if (processId.equals(BATCH_CHECK)) {
            // an unreadable list or an unknown default industry is refused now, not as a failed job (the sites are
            // parsed by the job, project by project: a bad site is its row's error, never the request's)
            BatchInputReader.Projects projects = projects(inputs);
            batch(inputs, layers.get(), accessList.get());
            String baseline = text(inputs, "baselineJob");
            if (baseline != null) {
                JobState b = jobs.get(baseline).orElseThrow(() -> new ProcessException(ProcessException.Kind.BAD_INPUT,
                        "baselineJob 不存在 / no job " + baseline));
                if (!BATCH_CHECK.equals(b.processID) || !"successful".equals(b.status)) {
                    throw new ProcessException(ProcessException.Kind.BAD_INPUT, "baselineJob 应为已完成的 batch-check 任务 / baselineJob must be a successful batch-check job");
                }
            }
            String against = text(inputs, "againstVersion");
            if (against != null) {
                if (baseline != null) {
                    throw new ProcessException(ProcessException.Kind.BAD_INPUT, "baselineJob 与 againstVersion 只能给出一个 / give baselineJob or againstVersion, not both");
                }
                StoredVersions.Data other = stored(against);
                batch(inputs, other.layers(), other.list()); // the default industry must exist in that version's access list too
            }
            if (projects.size() == 0) throw new ProcessException(ProcessException.Kind.BAD_INPUT, "没有项目 / no project");
            opened = new Opened(inputs, projects);
        } else {
            readSite(inputs, settings.maxVertices());
        }
        return jobs.submit(processId, inputs);
    }

    /**
     * The list opened (and its rows counted) when the last batch job was submitted: its run takes it instead of
     * scanning the same text again (a 10,000-project CSV is 105 MB), when it runs the very inputs submitted (not a job
     * resumed from its inputs.json).
     */
    private record Opened(JsonNode inputs, BatchInputReader.Projects projects) {}

    private volatile Opened opened;

    /** How many projects a batch request holds (for refusing a large synchronous one). */
    public int projectCount(JsonNode request) {
        return projects(inputs(request, BATCH_INPUTS, "projects")).size();
    }

    /** The results document of a finished job: inline values and references to the stored files. */
    public Map<String, Object> results(String jobId, String base) {
        JobState j = jobs.get(jobId).orElseThrow(() -> new ProcessException(ProcessException.Kind.NO_SUCH_JOB, "没有该任务 / no job " + jobId));
        if ("failed".equals(j.status)) throw new ProcessException(ProcessException.Kind.JOB_FAILED, j.message);
        if (!"successful".equals(j.status)) {
            throw new ProcessException(ProcessException.Kind.RESULT_NOT_READY, "任务尚未完成（" + j.status + "）/ the job has not finished: " + j.status);
        }
        Map<String, Object> doc = new LinkedHashMap<>(j.inline);
        j.outputs.forEach((id, type) -> {
            if (doc.containsKey(id)) return;
            doc.put(id, Map.of("href", base + "/jobs/" + jobId + "/results/" + id, "type", type));
        });
        return doc;
    }

    /** A stored result file and its media type. */
    public record ResultFile(Path file, String mediaType) {}

    public ResultFile resultFile(String jobId, String output) {
        JobState j = jobs.get(jobId).orElseThrow(() -> new ProcessException(ProcessException.Kind.NO_SUCH_JOB, "没有该任务 / no job " + jobId));
        if (!"successful".equals(j.status)) {
            throw new ProcessException(ProcessException.Kind.RESULT_NOT_READY, "任务尚未完成（" + j.status + "）/ the job has not finished: " + j.status);
        }
        String type = j.outputs.get(output);
        if (type == null) throw new ProcessException(ProcessException.Kind.NO_SUCH_OUTPUT, "该任务没有输出 " + output + " / no output " + output
                + "; 现有 available: " + j.outputs.keySet());
        return new ResultFile(jobs.resultFile(jobId, output), type);
    }

    // ---- the runners

    private void runSiteCheck(Jobs.Handle h) throws InterruptedException {
        JsonNode inputs = h.inputs();
        LayerSet set = layers.get();
        AccessList list = accessList.get();
        SiteInput site = readSite(inputs, settings.maxVertices());
        h.start(1, DataVersion.of(set, list).id());
        SiteCheckResult r = background.run(() -> new SiteCheck(set, list, settings.caps()).run(site, text(inputs, "industry"), number(inputs, "nearbyM")));
        try {
            h.result("result", "application/json", Jobs.MAPPER.writeValueAsBytes(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        h.row(ProjectOutcome.of(new ProjectRow(1, null, site.name(), null, site, null), r, set));
    }

    private BatchCheck batch(JsonNode inputs, LayerSet set, AccessList list) {
        try {
            return new BatchCheck(set, list, settings.caps(), settings.maxCandidates(), settings.maxZoneVertices(), text(inputs, "industry"),
                    number(inputs, "nearbyM"));
        } catch (BatchInputException e) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, e.getMessage());
        }
    }

    private BatchInputReader.Projects projects(JsonNode inputs) {
        BatchInputReader.Options o = new BatchInputReader.Options(text(inputs, "nameField"), text(inputs, "industryField"),
                text(inputs, "wktField"), text(inputs, "crs"), text(inputs, "layer"));
        try {
            BatchInputReader reader = new BatchInputReader(o, settings.maxVertices());
            String text = text(inputs.get("projects"));
            return text != null ? reader.open(text) : reader.open(bytes(inputs.get("projects"), "projects"));
        } catch (BatchInputException e) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, e.getMessage());
        }
    }

    private void runBatch(Jobs.Handle h) throws InterruptedException {
        JsonNode inputs = h.inputs();
        LayerSet set = layers.get();
        AccessList list = accessList.get();
        String version = DataVersion.of(set, list).id();
        if (h.resumed() > 0 && h.dataVersion() != null && !h.dataVersion().equals(version)) {
            throw new ProcessException(ProcessException.Kind.JOB_FAILED, "服务重启期间数据已更新（" + h.dataVersion() + " → " + version
                    + "），任务不能在新数据上继续，请重新提交 / the data changed across the restart; resubmit the job");
        }
        Opened submitted = opened;
        BatchInputReader.Projects projects;
        if (submitted != null && submitted.inputs() == inputs) {
            opened = null;
            projects = submitted.projects();
        } else {
            projects = projects(inputs);
        }
        BatchCheck check = batch(inputs, set, list);
        boolean reports = inputs.path("reports").asBoolean(false);
        h.start(projects.size(), version);
        List<ProjectOutcome> outcomes = new ArrayList<>(h.storedRows());
        Path reportDir = h.dir().resolve("reports");
        if (reports) {
            try {
                Files.createDirectories(reportDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String baseline = text(inputs, "baselineJob"), against = text(inputs, "againstVersion");
        // the summary and the reports need a row's table fields only; the changes (baselineJob, againstVersion) show the
        // whole rows, the site's shape included, so only then are the shapes kept (10,000 shapes are ≈ 180 MB)
        boolean keepShapes = baseline != null || against != null;
        try (BatchOutput out = BatchOutput.open(h.dir().resolve("results"))) {
            for (ProjectOutcome o : outcomes) out.add(BatchOutput.Row.of(o)); // the rows stored before a restart, as stored
            if (!keepShapes) outcomes.replaceAll(ProjectOutcome::withoutSiteGeometry);
            // read and check at once: the job thread splits the list row by row and hands each project to a lane, which
            // parses its site, checks it and makes its row ready (JSON, table cells, CSV line); at most `window` projects
            // are in flight, and the job thread stores and writes them in their order
            BatchInputReader.Cursor cursor = projects.cursor(outcomes.size());
            ArrayDeque<Future<BatchOutput.Row>> inFlight = new ArrayDeque<>();
            int window = 16 * settings.lanes(), next = outcomes.size();
            try {
                while (true) {
                    while (inFlight.size() < window && !h.dismissed()) {
                        BatchInputReader.Pending p = cursor.next();
                        if (p == null) break;
                        int index = next++;
                        inFlight.add(lanes.submit(() -> project(check, p, reports ? reportDir.resolve(String.format("%06d.pdf", index)) : null)));
                    }
                    Future<BatchOutput.Row> head = inFlight.poll();
                    if (head == null || h.dismissed()) break;
                    BatchOutput.Row r = take(head);
                    h.row(r.outcome(), r.json());
                    if (h.dismissed()) break;
                    out.add(r);
                    outcomes.add(keepShapes ? r.outcome() : r.outcome().withoutSiteGeometry());
                }
            } finally {
                for (Future<?> f : inFlight) f.cancel(true);
            }
            if (h.dismissed()) return;
            out.finish(h);
        }
        finishBatch(h, outcomes, version, reports, baseline);
        if (against != null) againstVersion(h, inputs, projects, outcomes, against);
    }

    private StoredVersions.Data stored(String name) {
        StoredVersions v = storedVersions;
        if (v == null) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "againstVersion 仅用于 PostGIS 模式（serve --db）；内嵌模式请用 baselineJob 或 "
                    + "check --batch --against / againstVersion needs PostGIS mode (serve --db); embedded, use baselineJob or check --batch --against");
        }
        return v.open(name);
    }

    /**
     * The 动态更新 review against another stored version: the list checked again on that version's data (a second
     * pass, after the table; it runs in full again after a restart), and the projects that changed, before = the served
     * data, after = that version — the rows of {@code check --batch --against}.
     */
    private void againstVersion(Jobs.Handle h, JsonNode inputs, BatchInputReader.Projects projects, List<ProjectOutcome> before, String name)
            throws InterruptedException {
        StoredVersions.Data other = stored(name);
        BatchCheck check = batch(inputs, other.layers(), other.list());
        List<ProjectOutcome> after = new ArrayList<>();
        BatchInputReader.Cursor cursor = projects.cursor(0);
        for (BatchInputReader.Pending next = cursor.next(); next != null; next = cursor.next()) {
            if (h.dismissed()) return;
            BatchInputReader.Pending p = next;
            after.add(background.run(() -> check.check(p.read())).outcome());
        }
        List<VersionDiff.Change> changes = VersionDiff.changes(before, after);
        h.inline("changes", changes);
        h.result("changesTable", "text/csv; charset=utf-8", VersionDiff.csv(changes));
    }

    /**
     * One project on a lane: its site parsed, checked and its row made ready by the background runner, then its PDF
     * report if asked for.
     */
    private BatchOutput.Row project(BatchCheck check, BatchInputReader.Pending pending, Path pdf) throws InterruptedException {
        ProjectRow[] row = new ProjectRow[1];
        BatchCheck.Checked[] checked = new BatchCheck.Checked[1];
        BatchOutput.Row r = background.run(() -> {
            row[0] = pending.read();
            checked[0] = check.check(row[0]);
            return BatchOutput.Row.of(checked[0].outcome());
        });
        SiteCheckResult result = checked[0].result();
        if (pdf != null && result != null) {
            byte[] bytes = background.run(() -> check.pdf(row[0], result));
            Jobs.writeAtomically(pdf, bytes);
        }
        return r;
    }

    /** The lane's result; its failure is the job's (an interruption stops the job, to resume after a restart). */
    private static BatchOutput.Row take(Future<BatchOutput.Row> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof InterruptedException) throw new InterruptedException("stopped");
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error err) throw err;
            throw new IllegalStateException(t);
        }
    }

    private void finishBatch(Jobs.Handle h, List<ProjectOutcome> outcomes, String version, boolean reports, String baseline) {
        h.inline("summary", BatchTable.summary(outcomes, version));
        try {
            if (reports) h.result("reports", "application/zip", zipReports(h.dir().resolve("reports"), outcomes));
            if (baseline != null) {
                List<VersionDiff.Change> changes = VersionDiff.changes(jobs.rows(baseline), outcomes);
                h.inline("changes", changes);
                h.result("changesTable", "text/csv; charset=utf-8", VersionDiff.csv(changes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zipReports(Path reportDir, List<ProjectOutcome> outcomes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (int i = 0; i < outcomes.size(); i++) {
                Path pdf = reportDir.resolve(String.format("%06d.pdf", i));
                if (!Files.isRegularFile(pdf)) continue;
                ProjectOutcome o = outcomes.get(i);
                zip.putNextEntry(new ZipEntry(reportName(i, o)));
                Files.copy(pdf, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** {@code 0001-<name>-<verdict>.pdf}, without characters file systems refuse. */
    public static String reportName(int index, ProjectOutcome o) {
        String name = (o.name() == null ? "项目" : o.name()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (name.length() > 60) name = name.substring(0, 60);
        return String.format("%04d-%s-%s.pdf", index + 1, name, o.verdictZh());
    }

    // ---- inputs

    private static JsonNode inputs(JsonNode request, Set<String> known, String required) {
        if (request == null || !request.isObject()) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "请求体应为 JSON 对象 {\"inputs\": {...}} / the body must be a JSON object with \"inputs\"");
        }
        JsonNode inputs = request.path("inputs");
        if (!inputs.isObject()) throw new ProcessException(ProcessException.Kind.BAD_INPUT, "缺少 inputs / \"inputs\" is missing");
        inputs.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) {
                throw new ProcessException(ProcessException.Kind.BAD_INPUT, "未知输入 " + n + "；可用 " + known.stream().sorted().toList()
                        + " / unknown input " + n);
            }
        });
        if (!inputs.hasNonNull(required)) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "缺少输入 " + required + " / the input " + required + " is required");
        }
        return inputs;
    }

    /**
     * A complex input's bytes: a string (text), a JSON object (GeoJSON), or a qualified value {@code {"value": …,
     * "mediaType": …, "encoding": "base64"}}. References ({@code href}) are not fetched.
     */
    static byte[] bytes(JsonNode v, String name) {
        if (v.isTextual()) return v.asText().getBytes(StandardCharsets.UTF_8);
        if (v.isObject() && v.has("href")) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "输入 " + name + " 不支持引用（href），请直接提交内容 / " + name
                    + " by reference (href) is not supported; send the value");
        }
        if (v.isObject() && v.has("value")) {
            JsonNode value = v.get("value");
            if (value.isTextual()) {
                if ("base64".equalsIgnoreCase(v.path("encoding").asText()) || "base64".equalsIgnoreCase(v.path("contentEncoding").asText())) {
                    try {
                        return Base64.getMimeDecoder().decode(value.asText());
                    } catch (IllegalArgumentException e) {
                        throw new ProcessException(ProcessException.Kind.BAD_INPUT, "输入 " + name + " 的 base64 有误 / " + name + " is not valid base64");
                    }
                }
                return value.asText().getBytes(StandardCharsets.UTF_8);
            }
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (v.isObject()) return v.toString().getBytes(StandardCharsets.UTF_8);
        throw new ProcessException(ProcessException.Kind.BAD_INPUT, "输入 " + name + " 应为文本或对象 / " + name + " must be text or an object");
    }

    /** A complex input that is plain text (a string, or a qualified value without base64), else null. */
    private static String text(JsonNode v) {
        if (v.isTextual()) return v.asText();
        if (v.isObject() && !v.has("href") && v.path("value").isTextual() && !"base64".equalsIgnoreCase(v.path("encoding").asText())
                && !"base64".equalsIgnoreCase(v.path("contentEncoding").asText())) {
            return v.get("value").asText();
        }
        return null;
    }

    private static SiteInput readSite(JsonNode inputs, int maxVertices) {
        try {
            return new SiteInputReader(maxVertices).read(bytes(inputs.get("site"), "site"), text(inputs, "crs"), text(inputs, "name"));
        } catch (SiteInputException e) {
            throw new ProcessException(e.tooLarge() ? ProcessException.Kind.TOO_LARGE : ProcessException.Kind.BAD_INPUT, e.getMessage());
        }
    }

    private static String text(JsonNode inputs, String name) {
        JsonNode v = inputs.get(name);
        if (v == null || v.isNull()) return null;
        if (v.isObject() && v.has("value")) v = v.get("value");
        if (!v.isValueNode()) throw new ProcessException(ProcessException.Kind.BAD_INPUT, "输入 " + name + " 应为文本 / " + name + " must be text");
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static double number(JsonNode inputs, String name) {
        JsonNode v = inputs.get(name);
        if (v == null || v.isNull()) return SiteCheck.DEFAULT_NEARBY_M;
        if (v.isObject() && v.has("value")) v = v.get("value");
        if (v.isNumber()) return v.asDouble();
        try {
            return Double.parseDouble(v.asText().strip());
        } catch (NumberFormatException e) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "输入 " + name + " 应为数字 / " + name + " must be a number");
        }
    }

    @Override
    public void close() {
        jobs.close();
        lanes.shutdownNow();
    }

    static ObjectNode object() {
        return Jobs.MAPPER.createObjectNode();
    }
}
