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
            StringBuilder csv = new StringBuilder("name,wkt\n");
            for (int i = 0; i < PROJECTS; i++) {
                double cx = 105.1 + rnd.nextDouble() * 14.8, cy = 30.1 + rnd.nextDouble() * 11.8;
                Polygon p = star(rnd, cx, cy, RADII_KM[i % RADII_KM.length] / 111.0);
                projects.add(p);
                csv.append("项目").append(i + 1).append(",\"POLYGON((");
                Coordinate[] cs = p.getCoordinates();
                for (int k = 0; k < cs.length; k++) csv.append(k == 0 ? "" : ",").append(fmt("%.6f %.6f", cs[k].x, cs[k].y));
                csv.append("))\"\n");
            }
            loadProjects(c, projects);
            report.append(fmt("%,d projects, %d vertices each, radii %s km in turn; CSV %.0f MB%n", PROJECTS, VERTICES,
                    java.util.Arrays.toString(RADII_KM), csv.length() / 1e6));
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
            ServerConfig config = new ServerConfig(0, Path.of("layers"), Path.of("styles"), Path.of("web"), 1L << 30, "embedded");
            try (EcoZoneServer server = EcoZoneServer.start(config, n.layers)) {
                int port = server.port();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, 10); // warm-up
                ExternalLoad.Run idle = ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, WRK_SECONDS);
                report.append(fmt("%ninteractive site check idle (wrk, 1 client, %d s): p50 %.3f ms, p99 %.3f ms, %.0f req/s; load %s%n",
                        WRK_SECONDS, idle.p50(), idle.p99(), idle.perSecond(), ExternalLoad.loadavg()));
                ObjectNode body = M.createObjectNode();
                ObjectNode in = body.putObject("inputs");
                in.put("projects", csv.toString());
                in.put("industry", "光伏");
                long s0 = System.nanoTime();
                HttpResponse<String> sub = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/processes/batch-check/execution"))
                        .header("Content-Type", "application/json").header("Prefer", "respond-async")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                double submitS = (System.nanoTime() - s0) / 1e9;
                assertEquals(201, sub.statusCode(), sub.body());
                String id = M.readTree(sub.body()).get("jobID").asText();
                JsonNode st = job(http, port, id);
                while (st.get("processed").asInt() < 200 && !st.get("status").asText().matches("successful|failed|dismissed")) {
                    Thread.sleep(100);
                    st = job(http, port, id);
                }
                int p0 = st.get("processed").asInt();
                long w0 = System.nanoTime();
                ExternalLoad.Run busy = ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, WRK_SECONDS);
                double wrkS = (System.nanoTime() - w0) / 1e9;
                st = job(http, port, id);
                int p1 = st.get("processed").asInt();
                boolean ranThroughout = st.get("status").asText().equals("running");
                report.append(fmt("interactive site check while the job runs (wrk, 1 client, %d s): p50 %.3f ms, p99 %.3f ms, %.0f req/s "
                                + "(job %s throughout; it advanced %,d → %,d meanwhile); load %s%n", WRK_SECONDS, busy.p50(), busy.p99(), busy.perSecond(),
                        ranThroughout ? "running" : "NOT running", p0, p1, ExternalLoad.loadavg()));
                while (!st.get("status").asText().matches("successful|failed|dismissed")) {
                    Thread.sleep(200);
                    st = job(http, port, id);
                }
                assertEquals("successful", st.get("status").asText(), st.toString());
                assertEquals(PROJECTS, st.get("processed").asInt());
                double jobS = Duration.between(Instant.parse(st.get("started").asText()), Instant.parse(st.get("finished").asText())).toMillis() / 1000.0;
                JsonNode results = M.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/" + id + "/results")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                ExternalLoad.Run idle2 = ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", bodies, 1, WRK_SECONDS);
                report.append(fmt("interactive site check idle again: p50 %.3f ms, p99 %.3f ms, %.0f req/s; load %s%n", idle2.p50(), idle2.p99(), idle2.perSecond(),
                        ExternalLoad.loadavg()));
                double alone = (PROJECTS - (p1 - p0)) / (jobS - wrkS);
                report.append(fmt("%nEcoZone batch-check job (process API, async): submit %.1f s; %,d projects in %.1f s (started → finished) = **%.0f projects/s** "
                        + "(%.0f projects/s outside the %d s of interactive load, during which it did %.0f/s); failed rows %d; summary %s%n",
                        submitS, PROJECTS, jobS, PROJECTS / jobS, alone, WRK_SECONDS, (p1 - p0) / wrkS, st.path("failedRows").asInt(),
                        results.path("summary").toString().replaceAll("\\s+", " ").substring(0, Math.min(300, results.path("summary").toString().length()))));
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
                report.append(fmt("%n→ batch throughput EcoZone ÷ best PostGIS join = **%.2f×** (whole job), %.2f× (outside the interactive load); target ≥ 2×%n",
                        (PROJECTS / jobS) / (PROJECTS / bestPg), alone / (PROJECTS / bestPg)));
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
