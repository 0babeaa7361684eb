package cn.ecozone.bench;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.io.Geometries;
import cn.ecozone.testsupport.PostgisCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static cn.ecozone.bench.ExternalLoad.fmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's benchmark: 10,000 generated projects (500-vertex star-shaped sites, radii 0.3–5 km in a fixed mix)
 * against the national-scale synthetic load, embedded, through the process API ({@code POST
 * /processes/batch-check/execution} with {@code Prefer: respond-async}, a CSV of name + WKT, industry 光伏, default
 * nearbyM) — projects/s from the job's own started/finished times — against PostGIS doing the same overlaps as one
 * set-based SQL join over GiST ({@code ST_Intersects} + {@code ST_Area(ST_Intersection(..)::geography)}, with the
 * containment short-cut; the plain join measured too, the faster one the baseline) on the same data in the same
 * run. Interactive site checks (wrk, 1 client, the 2,000 2-km sites of the strongest-baseline benchmark) are
 * measured idle, while the job runs, and idle again.
 * Run: {@code mvn -B -ntp -Pbench -DbuildDir=/tmp/bench test -Dtest=BatchBenchmark} (add {@code
 * -Dbaseline.load=DIR} to reuse a generated load).
 */
@Tag("bench")
class BatchBenchmark {
    static final int PROJECTS = Integer.getInteger("batch.projects", 10_000), VERTICES = 500, WRK_SECONDS = 15;
    /** Projects per job: by default the whole list as one job (one inline CSV string of ≈ 105 MB for 10,000). */
    static final int CHUNK = Integer.getInteger("batch.chunk", PROJECTS);
    /** Generated sites of a warm-up job before the first job (0: none). */
    static final int WARMUP = Integer.getInteger("batch.warmup", 0);
    /**
     * {@code -Dbatch.serverWarmUp=N}: the server's own job warm-up ({@code ops.job-warm-up}, what {@code ecozone serve}
     * runs by default with 2,000) — 0 by default here, as for every server started from code; its outcome is reported
     * and the first job waits for it.
     */
    static final int SERVER_WARMUP = Integer.getInteger("batch.serverWarmUp", 0);
    static final double[] RADII_KM = {0.3, 0.6, 1.0, 1.5, 2.0, 3.0, 5.0};
    static final ObjectMapper M = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void tenThousandProjectsAgainstOneSetBasedPostgisJoin() throws Exception {
        StringBuilder report = new StringBuilder(fmt("load average at start: %s%n", ExternalLoad.loadavg()));
        String url = PostgisCluster.shared().createDatabase("batch");
        try (Connection c = DriverManager.getConnection(url)) {
            NationalPostgis n = NationalPostgis.load(dir, c);
            report.append(fmt("national load: %,d features, %,d vertices (PostGIS load %.0f s)%n", n.features, n.vertices, n.postgisLoadS));
            Random rnd = new Random(15);
            List<Polygon> projects = new ArrayList<>();
            // the process API takes the list inline as one JSON string, as long as the body limit allows (Jackson's
            // default 20,000,000-character cap is raised to it); -Dbatch.chunk splits it into consecutive jobs
            List<StringBuilder> csvs = new ArrayList<>();
            List<String> wkts = new ArrayList<>();
            long csvBytes = 0;
            for (int i = 0; i < PROJECTS; i++) {
                double cx = 105.1 + rnd.nextDouble() * 14.8, cy = 30.1 + rnd.nextDouble() * 11.8;
                Polygon p = star(rnd, cx, cy, RADII_KM[i % RADII_KM.length] / 111.0);
                projects.add(p);
                if (i % CHUNK == 0) csvs.add(new StringBuilder("name,wkt\n"));
                StringBuilder csv = csvs.get(csvs.size() - 1);
                StringBuilder wkt = new StringBuilder("POLYGON((");
                Coordinate[] cs = p.getCoordinates();
                for (int k = 0; k < cs.length; k++) wkt.append(k == 0 ? "" : ",").append(fmt("%.6f %.6f", cs[k].x, cs[k].y));
                wkt.append("))");
                wkts.add(wkt.toString());
                csv.append("项目").append(i + 1).append(",\"").append(wkt).append("\"\n");
            }
            for (StringBuilder b : csvs) csvBytes += b.length();
            loadProjects(c, projects);
            report.append(fmt("%,d projects, %d vertices each, radii %s km in turn; CSV %.0f MB in %d jobs of ≤ %,d projects%n", PROJECTS, VERTICES,
                    java.util.Arrays.toString(RADII_KM), csvBytes / 1e6, csvs.size(), CHUNK));
            // the 2,000 interactive sites of the strongest-baseline benchmark
            Random srnd = new Random(7);
            List<String> sites = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                double cx = SiteCheckBenchmark.EXTENT.getMinX() + 0.05 + srnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getWidth() - 0.1);
                double cy = SiteCheckBenchmark.EXTENT.getMinY() + 0.05 + srnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getHeight() - 0.1);
                sites.add(SiteCheckBenchmark.geoJson(SiteCheckBenchmark.site(srnd, cx, cy)));
            }
            Path bodies = dir.resolve("sites.geojsonl");
            Files.write(bodies, sites, StandardCharsets.UTF_8);
            Path jobs = EcoZoneServer.jobsDir(n.layers);
            deleteTree(jobs); // a kept load must not resume an earlier run's job
            ServerConfig base = new ServerConfig(0, Path.of("layers"), Path.of("styles"), Path.of("web"), 1L << 30, "embedded");
            // steady state: the map's tile warm-up (a minute after start, ≈ 35 s of CPU on this load) would run in the
            // middle of the measurements and take a core from both the jobs and the interactive checks
            ServerConfig config = base.withSettings(base.settings().withOps(base.settings().ops().withTileWarmUp(false).withJobWarmUp(SERVER_WARMUP)));
            long started = System.nanoTime();
            try (EcoZoneServer server = EcoZoneServer.start(config, n.layers)) {
                int port = server.port();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // the first request computes the data version (a content hash of the layers, ≈ 25 s here): wait for it
                long f0 = System.nanoTime();
                HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/analysis/site-check"))
                        .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(sites.get(0))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, first.statusCode(), first.body());
                report.append(fmt("first site check after the start (computes the data version): %.1f s%n", (System.nanoTime() - f0) / 1e9));
                if (SERVER_WARMUP > 0) {
                    cn.ecozone.process.JobPathWarmUp.Outcome wo = server.jobWarmUp().get(10, java.util.concurrent.TimeUnit.MINUTES);
                    report.append(fmt("the server's job warm-up (ops.job-warm-up = %d; started after the data version): %s, %,d failed rows, "
                                    + "%.1f s from its start to done, %.1f s of process CPU; done %.1f s after the server's start; load %s%n",
                            SERVER_WARMUP, wo.status(), wo.failedRows(), wo.millis() / 1e3, wo.cpuMillis() / 1e3, (System.nanoTime() - started) / 1e9,
                            ExternalLoad.loadavg()));
                }
                ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, 10); // warm-up
                ExternalLoad.Run idle = ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, WRK_SECONDS);
                report.append(fmt("%ninteractive site check idle (wrk, 1 client, %d s): p50 %.3f ms, p99 %.3f ms, %.0f req/s; load %s%n",
                        WRK_SECONDS, idle.p50(), idle.p99(), idle.perSecond(), ExternalLoad.loadavg()));
                // 0. optional: a bounded warm-up before the first job (-Dbatch.warmup=N): N generated sites (another seed, each
                // industry of the access list in turn and none) as one job through the same API, waited for — what the server
                // could run by itself once ready (a proposal: EcoZoneServer is not this branch's); its cost is reported
                if (WARMUP > 0) {
                    cn.ecozone.accesslist.AccessList warmList = cn.ecozone.accesslist.AccessListJson.read(n.layers.catalog().resolve(n.layers.catalog().accessList()));
                    List<String> warmIndustries = new ArrayList<>();
                    warmIndustries.add("");
                    for (cn.ecozone.accesslist.Industry ind : warmList.industries()) warmIndustries.add(ind.id());
                    Random wrnd = new Random(99);
                    StringBuilder warmCsv = new StringBuilder("name,industry,wkt\n");
                    for (int i = 0; i < WARMUP; i++) {
                        double cx = 105.1 + wrnd.nextDouble() * 14.8, cy = 30.1 + wrnd.nextDouble() * 11.8;
                        Polygon p = star(wrnd, cx, cy, RADII_KM[wrnd.nextInt(RADII_KM.length)] / 111.0);
                        StringBuilder wkt = new StringBuilder("POLYGON((");
                        Coordinate[] cs = p.getCoordinates();
                        for (int k = 0; k < cs.length; k++) wkt.append(k == 0 ? "" : ",").append(fmt("%.6f %.6f", cs[k].x, cs[k].y));
                        warmCsv.append("warm").append(i).append(',').append(warmIndustries.get(i % warmIndustries.size())).append(",\"").append(wkt).append("))\"\n");
                    }
                    Cpu warmUp0 = Cpu.now();
                    long wu0 = System.nanoTime();
                    report.append(fmt("warm-up job (%,d generated sites, industries %s in turn) submitted at %s%n", WARMUP, warmIndustries, Instant.now()));
                    ObjectNode wbody = M.createObjectNode();
                    wbody.putObject("inputs").put("projects", warmCsv.toString());
                    HttpResponse<String> wsub = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/processes/batch-check/execution"))
                            .header("Content-Type", "application/json").header("Prefer", "respond-async")
                            .POST(HttpRequest.BodyPublishers.ofString(wbody.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(201, wsub.statusCode(), wsub.body());
                    double[] wu = awaitAll(http, port, List.of(M.readTree(wsub.body()).get("jobID").asText()), WARMUP);
                    double wuS = (System.nanoTime() - wu0) / 1e9;
                    Cpu warmUpCpu = Cpu.now().minus(warmUp0);
                    report.append(fmt("warm-up: %.1f s from submit to done (job %.1f s); CPU %.1f s of the process (%s); load %s%n", wuS, wu[0],
                            warmUpCpu.processNs / 1e9, warmUpCpu.per(WARMUP, wu[0]), ExternalLoad.loadavg()));
                }
                // 1. throughput: the list as a job with nothing else asked of the server
                long s0 = System.nanoTime();
                report.append(fmt("first job submitted at %s%n", Instant.now()));
                List<String> ids = submit(http, port, csvs);
                double submitS = (System.nanoTime() - s0) / 1e9;
                Cpu jobCpu0 = Cpu.now();
                // how long /jobs/{id} shows every project processed before the job is successful (writing the tables)
                String lastId = ids.get(ids.size() - 1);
                JsonNode last = job(http, port, lastId);
                while (last.get("processed").asInt() < last.get("total").asInt() || last.get("total").asInt() == 0) {
                    if (last.get("status").asText().matches("successful|failed|dismissed")) break;
                    Thread.sleep(20);
                    last = job(http, port, lastId);
                }
                long allRows = System.nanoTime();
                boolean sawLastRow = !last.get("status").asText().matches("successful|failed|dismissed");
                while (!last.get("status").asText().matches("successful|failed|dismissed")) {
                    Thread.sleep(20);
                    last = job(http, port, lastId);
                }
                double finishLagS = (System.nanoTime() - allRows) / 1e9;
                double[] run = awaitAll(http, port, ids, PROJECTS);
                Cpu jobCpu = Cpu.now().minus(jobCpu0);
                double jobS = run[0];
                JsonNode results = M.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/" + ids.get(0) + "/results")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                report.append(fmt("%nEcoZone batch-check (process API, async, %d job(s), nothing else running): submit %.1f s; %,d projects in %.1f s "
                                + "(first started → last finished) = **%.0f projects/s**; failed rows %.0f; load %s; first job's summary %s%n",
                        ids.size(), submitS, PROJECTS, jobS, PROJECTS / jobS, run[1], ExternalLoad.loadavg(),
                        results.path("summary").toString().replaceAll("\\s+", " ").substring(0, Math.min(300, results.path("summary").toString().length()))));
                report.append(sawLastRow ? fmt("the last job showed %d/%d processed for %.2f s before it was %s (polled every 20 ms)%n",
                        last.get("processed").asInt(), last.get("total").asInt(), finishLagS, last.get("status").asText())
                        : fmt("the last job was already %s when polled after its last row%n", last.get("status").asText()));
                report.append(fmt("  CPU during the job: %s%n", jobCpu.per(PROJECTS, jobS)));
                // 1b. the same list again as one job alone: the job path's code is compiled by now (the first job also pays
                // for the JIT compiling the reader, the row and the tables, which the direct measures below do not)
                report.append(fmt("warm job submitted at %s%n", Instant.now()));
                List<String> warmIds = submit(http, port, csvs);
                Cpu warmCpu0 = Cpu.now();
                double[] warm = awaitAll(http, port, warmIds, PROJECTS);
                Cpu warmCpu = Cpu.now().minus(warmCpu0);
                report.append(fmt("the same list again as one job alone (warm): %,d projects in %.1f s = **%.0f projects/s**; load %s%n  CPU: %s%n",
                        PROJECTS, warm[0], PROJECTS / warm[0], ExternalLoad.loadavg(), warmCpu.per(PROJECTS, warm[0])));
                // 2. interactive latency: the same list three times more (so a job runs throughout the wrk run: the jobs got faster,
                // and two of them ended before wrk did), wrk while they run
                List<String> ids2 = submit(http, port, csvs);
                ids2.addAll(submit(http, port, csvs));
                ids2.addAll(submit(http, port, csvs));
                int p0 = processed(http, port, ids2);
                while (p0 < 200) {
                    for (String id : ids2) assertTrue(!job(http, port, id).get("status").asText().matches("failed|dismissed"), job(http, port, id).toString());
                    Thread.sleep(50);
                    p0 = processed(http, port, ids2);
                }
                long w0 = System.nanoTime();
                ExternalLoad.Run busy = ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, WRK_SECONDS);
                double wrkS = (System.nanoTime() - w0) / 1e9;
                int p1 = processed(http, port, ids2);
                boolean ranThroughout = !job(http, port, ids2.get(ids2.size() - 1)).get("status").asText().matches("successful|failed|dismissed");
                report.append(fmt("interactive site check while the next jobs run (wrk, 1 client, %d s): p50 %.3f ms, p99 %.3f ms, %.0f req/s "
                                + "(jobs %s throughout; they advanced %,d → %,d projects meanwhile = %.0f projects/s under the interactive load); load %s%n",
                        WRK_SECONDS, busy.p50(), busy.p99(), busy.perSecond(), ranThroughout ? "running" : "NOT running", p0, p1, (p1 - p0) / wrkS,
                        ExternalLoad.loadavg()));
                int next = ids2.size() / csvs.size() * PROJECTS;
                double[] run2 = awaitAll(http, port, ids2, next);
                report.append(fmt("the next jobs: %,d projects in %.1f s = %.0f projects/s (%d s of it under the interactive load)%n", next, run2[0],
                        next / run2[0], WRK_SECONDS));
                ExternalLoad.Run idle2 = ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, WRK_SECONDS);
                report.append(fmt("interactive site check idle again: p50 %.3f ms, p99 %.3f ms, %.0f req/s; load %s%n", idle2.p50(), idle2.p99(), idle2.perSecond(),
                        ExternalLoad.loadavg()));
                double alone = PROJECTS / jobS;
                // the check alone: BatchCheck directly, in this JVM, one thread, no HTTP, no job files
                cn.ecozone.accesslist.AccessList access = cn.ecozone.accesslist.AccessListJson.read(n.layers.catalog().resolve(n.layers.catalog().accessList()));
                cn.ecozone.process.BatchCheck direct = new cn.ecozone.process.BatchCheck(n.layers, access, cn.ecozone.analysis.AnalysisCaps.NONE,
                        Long.MAX_VALUE, Long.MAX_VALUE, "光伏", cn.ecozone.analysis.SiteCheck.DEFAULT_NEARBY_M);
                long d0 = System.nanoTime();
                int errors = 0;
                for (int i = 0; i < PROJECTS; i++) {
                    var site = new cn.ecozone.io.SiteInput("项目" + (i + 1), "wkt", "CRS84", List.of(new cn.ecozone.io.SiteParcel("1", projects.get(i), null)), List.of());
                    var c2 = direct.check(new cn.ecozone.process.ProjectRow(i + 2, null, site.name(), null, site, null));
                    if (c2.result() == null) errors++;
                }
                double directS = (System.nanoTime() - d0) / 1e9;
                assertEquals(0, errors);
                report.append(fmt("EcoZone BatchCheck.check directly (one thread, in process, no HTTP/job files): %,d projects in %.1f s = **%.0f projects/s**; load %s%n",
                        PROJECTS, directS, PROJECTS / directS, ExternalLoad.loadavg()));
                // the same, each site read from the CSV as a job reads it (BatchInputReader: split, WKT, validity) and then checked
                long rc0 = System.nanoTime();
                int readErrors = 0;
                for (StringBuilder csv : csvs) {
                    cn.ecozone.process.BatchInputReader.Cursor cursor = new cn.ecozone.process.BatchInputReader(null,
                            cn.ecozone.io.SiteInputReader.DEFAULT_MAX_VERTICES).open(csv.toString()).cursor(0);
                    for (cn.ecozone.process.BatchInputReader.Pending p; (p = cursor.next()) != null; ) {
                        if (direct.check(p.read()).result() == null) readErrors++;
                    }
                }
                double readCheckS = (System.nanoTime() - rc0) / 1e9;
                assertEquals(0, readErrors);
                report.append(fmt("EcoZone read + check directly (one thread: each row split from the CSV, its WKT read and validated, then BatchCheck.check): "
                        + "%,d projects in %.1f s = **%.0f projects/s**; load %s%n", PROJECTS, readCheckS, PROJECTS / readCheckS, ExternalLoad.loadavg()));
                // the same on as many threads as the job has lanes (one shared cursor): what the cores give right now, without
                // the job's machinery (hand-offs, row JSON/CSV/xlsx, rows.jsonl) — the job's ceiling at this moment
                int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
                long pc0 = System.nanoTime();
                Cpu parallelCpu0 = Cpu.now();
                java.util.concurrent.atomic.AtomicInteger parallelErrors = new java.util.concurrent.atomic.AtomicInteger();
                for (StringBuilder csv : csvs) {
                    cn.ecozone.process.BatchInputReader.Cursor cursor = new cn.ecozone.process.BatchInputReader(null,
                            cn.ecozone.io.SiteInputReader.DEFAULT_MAX_VERTICES).open(csv.toString()).cursor(0);
                    List<Thread> ts = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        Thread th = new Thread(() -> {
                            while (true) {
                                cn.ecozone.process.BatchInputReader.Pending p;
                                synchronized (cursor) {
                                    p = cursor.next();
                                }
                                if (p == null) return;
                                if (direct.check(p.read()).result() == null) parallelErrors.incrementAndGet();
                            }
                        });
                        th.start();
                        ts.add(th);
                    }
                    for (Thread th : ts) th.join();
                }
                double parallelS = (System.nanoTime() - pc0) / 1e9;
                Cpu parallelCpu = Cpu.now().minus(parallelCpu0);
                assertEquals(0, parallelErrors.get());
                report.append(fmt("EcoZone read + check directly on %d threads (a shared cursor, no job): %,d projects in %.1f s = **%.0f projects/s**; load %s%n  CPU: %s%n",
                        threads, PROJECTS, parallelS, PROJECTS / parallelS, ExternalLoad.loadavg(), parallelCpu.per(PROJECTS, parallelS)));
                // reading the sites' WKT alone (one thread): JTS's WKTReader against io.WktReader, second round of each
                double[] parse = new double[2];
                for (int round = 0; round < 2; round++) {
                    long t0 = System.nanoTime();
                    long pts = 0;
                    for (String w : wkts) pts += new org.locationtech.jts.io.WKTReader(Geometries.FACTORY).read(w).getNumPoints();
                    parse[0] = (System.nanoTime() - t0) / 1e9;
                    t0 = System.nanoTime();
                    long pts2 = 0;
                    for (String w : wkts) pts2 += new cn.ecozone.io.WktReader(Geometries.FACTORY).read(w).getNumPoints();
                    parse[1] = (System.nanoTime() - t0) / 1e9;
                    assertEquals(pts, pts2);
                }
                report.append(fmt("reading the %,d WKT texts (one thread): JTS WKTReader %.2f s (%.0f µs each), io.WktReader %.2f s (%.0f µs each) = %.1f× faster; load %s%n",
                        PROJECTS, parse[0], parse[0] * 1e6 / PROJECTS, parse[1], parse[1] * 1e6 / PROJECTS, parse[0] / parse[1], ExternalLoad.loadavg()));
                // PostGIS: one set-based join, short-cut and plain, each timed with every row fetched
                double[] pg = new double[2];
                long[] rows = new long[2];
                String[] variants = {joinSql(n, true), joinSql(n, false)};
                for (int v = 0; v < 2; v++) {
                    long t0 = System.nanoTime();
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(variants[v])) {
                        while (rs.next()) {
                            rs.getInt(1);
                            rs.getString(3);
                            rs.getDouble(4);
                            rows[v]++;
                        }
                    }
                    pg[v] = (System.nanoTime() - t0) / 1e9;
                    report.append(fmt("PostGIS one set-based join (%s): %,d overlap rows in %.1f s = %.0f projects/s; load %s%n", v == 0 ? "containment short-cut" : "plain",
                            rows[v], pg[v], PROJECTS / pg[v], ExternalLoad.loadavg()));
                }
                assertEquals(rows[0], rows[1]);
                StringBuilder plan = new StringBuilder();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + variants[0])) {
                    while (rs.next()) plan.append("    ").append(rs.getString(1)).append('\n');
                }
                double bestPg = Math.min(pg[0], pg[1]);
                report.append(fmt("%n→ batch throughput EcoZone ÷ best PostGIS join = **%.2f×** (process API, the job alone), %.2f× (process API, under the interactive load), "
                                + "%.2f× (read + check directly), %.2f× (BatchCheck directly); target ≥ 2×%n",
                        alone / (PROJECTS / bestPg), ((p1 - p0) / wrkS) / (PROJECTS / bestPg), (PROJECTS / readCheckS) / (PROJECTS / bestPg),
                        (PROJECTS / directS) / (PROJECTS / bestPg)));
                report.append(fmt("→ interactive p99 during the job ÷ idle = **%.2f×** (vs the idle run before), %.2f× (vs after); p50 %.2f× / %.2f×; target p99 ≤ 2×%n",
                        busy.p99() / idle.p99(), busy.p99() / idle2.p99(), busy.p50() / idle.p50(), busy.p50() / idle2.p50()));
                report.append("\nPostGIS plan of the short-cut join:\n").append(plan);
                assertEquals(0, idle.failed() + busy.failed() + idle2.failed());
            }
        }
        report.append(fmt("load average at end: %s%n", ExternalLoad.loadavg()));
        System.out.println("\n===== BatchBenchmark =====\n" + report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "batch-benchmark.txt"), report.toString());
    }

    /**
     * CPU time so far: the whole process, the job's lanes, the job thread, the collectors' pause time and the JIT
     * compilers' time (from the JVM's own counters: less sensitive to what else runs on the machine than a rate).
     */
    record Cpu(long processNs, long lanesNs, long jobNs, long gcMs, long gcCount, long jitMs) {
        static Cpu now() {
            java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
            long lanes = 0, job = 0;
            for (Thread th : Thread.getAllStackTraces().keySet()) {
                long ns = t.getThreadCpuTime(th.getId());
                if (ns < 0) continue;
                if (th.getName().startsWith("ecozone-job-lane")) lanes += ns;
                else if (th.getName().equals("ecozone-jobs")) job += ns;
            }
            long gcMs = 0, gcCount = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                gcMs += Math.max(0, gc.getCollectionTime());
                gcCount += Math.max(0, gc.getCollectionCount());
            }
            long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long jitMs = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
            return new Cpu(process, lanes, job, gcMs, gcCount, jitMs);
        }

        Cpu minus(Cpu o) {
            return new Cpu(processNs - o.processNs, lanesNs - o.lanesNs, jobNs - o.jobNs, gcMs - o.gcMs, gcCount - o.gcCount, jitMs - o.jitMs);
        }

        String per(int projects, double wallS) {
            return fmt("process %.3f ms per project (%.2f cores busy of the run's %.1f s), lanes %.3f ms, job thread %.3f ms per project; "
                    + "GC %d collections, %d ms; JIT compilers %d ms", processNs / 1e6 / projects, processNs / 1e9 / wallS, wallS, lanesNs / 1e6 / projects,
                    jobNs / 1e6 / projects, gcCount, gcMs, jitMs);
        }
    }

    /** Submits each CSV as an async batch-check job; their ids. */
    private static List<String> submit(HttpClient http, int port, List<StringBuilder> csvs) throws Exception {
        List<String> ids = new ArrayList<>();
        for (StringBuilder csv : csvs) {
            ObjectNode body = M.createObjectNode();
            ObjectNode in = body.putObject("inputs");
            in.put("projects", csv.toString());
            in.put("industry", "光伏");
            HttpResponse<String> sub = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/processes/batch-check/execution"))
                    .header("Content-Type", "application/json").header("Prefer", "respond-async")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, sub.statusCode(), sub.body());
            ids.add(M.readTree(sub.body()).get("jobID").asText());
        }
        return ids;
    }

    /** Waits for the jobs: {seconds from the first started to the last finished, failed rows}; each must succeed. */
    private static double[] awaitAll(HttpClient http, int port, List<String> ids, int projects) throws Exception {
        Instant started = null, finished = null;
        int failedRows = 0;
        for (String id : ids) {
            JsonNode st = job(http, port, id);
            while (!st.get("status").asText().matches("successful|failed|dismissed")) {
                Thread.sleep(100);
                st = job(http, port, id);
            }
            assertEquals("successful", st.get("status").asText(), st.toString());
            Instant a = Instant.parse(st.get("started").asText()), b = Instant.parse(st.get("finished").asText());
            if (started == null || a.isBefore(started)) started = a;
            if (finished == null || b.isAfter(finished)) finished = b;
            failedRows += st.path("failedRows").asInt();
        }
        assertEquals(projects, processed(http, port, ids));
        System.out.println("BatchBenchmark jobs " + ids + ": started " + started + ", finished " + finished);
        return new double[] {Duration.between(started, finished).toMillis() / 1000.0, failedRows};
    }

    private static int processed(HttpClient http, int port, List<String> ids) throws Exception {
        int n = 0;
        for (String id : ids) n += job(http, port, id).get("processed").asInt();
        return n;
    }

    private static JsonNode job(HttpClient http, int port, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/" + id)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return M.readTree(r.body());
    }

    /** Every project × zone overlap of every polygon layer in one statement (UNION ALL of one join per layer). */
    static String joinSql(NationalPostgis n, boolean shortcut) {
        return String.join(" UNION ALL ", n.polygonLayers.stream().map(t -> "SELECT p.id, '" + t + "' l, z.fid, "
                + (shortcut ? "CASE WHEN ST_Contains(p.g, z.geom) THEN z.area_m2 WHEN ST_Within(p.g, z.geom) THEN ST_Area(p.gg) "
                + "ELSE ST_Area(ST_Intersection(z.geom, p.g)::geography) END" : "ST_Area(ST_Intersection(z.geom, p.g)::geography)")
                + " a FROM projects p JOIN " + t + " z ON ST_Intersects(z.geom, p.g)").toList());
    }

    private static void loadProjects(Connection c, List<Polygon> projects) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE projects (id int PRIMARY KEY, g geometry(Polygon, 4490) NOT NULL, gg geography(Polygon, 4490) NOT NULL)");
        }
        StringBuilder rows = new StringBuilder();
        WKBWriter w = new WKBWriter(2, true);
        for (int i = 0; i < projects.size(); i++) {
            Geometry g = projects.get(i);
            g.setSRID(4490);
            String hex = WKBWriter.toHex(w.write(g));
            rows.append(i + 1).append('\t').append(hex).append('\t').append(hex).append('\n');
        }
        new CopyManager(c.unwrap(BaseConnection.class)).copyIn("COPY projects FROM STDIN", new StringReader(rows.toString()));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON projects USING gist (g)");
            st.execute("VACUUM ANALYZE projects");
        }
    }

    /** A star-shaped 500-vertex site of radius r degrees of latitude (longitude scaled by the latitude). */
    static Polygon star(Random rnd, double cx, double cy, double r) {
        Coordinate[] cs = new Coordinate[VERTICES + 1];
        double phase = rnd.nextDouble() * Math.PI;
        for (int j = 0; j < VERTICES; j++) {
            double a = 2 * Math.PI * j / VERTICES;
            double rr = r * (0.8 + 0.2 * Math.sin(a * 7 + phase) + 0.02 * rnd.nextDouble());
            cs[j] = new Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
        }
        cs[VERTICES] = cs[0];
        return Geometries.FACTORY.createPolygon(cs);
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
