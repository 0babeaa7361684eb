package cn.ecozone.bench;

import cn.ecozone.analysis.SiteCost;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.testsupport.PostgisCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where the site check's p99 comes from: each of the strongest-baseline benchmark's 2,000 sites timed alone, one
 * request at a time, {@value #REPS} times (the median kept) — EcoZone over HTTP (the in-JVM raw client) and PostgreSQL
 * with the plain site query over JDBC (simple protocol, the statement text as pgbench sends it) — and the two
 * distributions of per-site cost set side by side: if EcoZone's slowest 1 % of sites cost as much more than its median
 * as its wrk p99 does, the tail is in the sites (work), otherwise in the scheduling. Reports the slowest sites with
 * what they meet. {@code mvn -Pbench test -Dtest=SiteTailProbe -Dbaseline.load=DIR}; report in {@code $TMPDIR/site-tail-probe.txt}.
 */
@Tag("bench")
class SiteTailProbe {
    static final int REPS = Integer.getInteger("probe.reps", 5), WARM = Integer.getInteger("probe.warm", 6);
    @TempDir Path dir;

    @Test
    void perSiteCostOfEcoZoneAndPostgis() throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "load average at start: %s%n", ExternalLoad.loadavg()));
        PostgisCluster pg = PostgisCluster.shared();
        String url = pg.createDatabase("tail");
        try (Connection c = DriverManager.getConnection(url)) {
            NationalPostgis n = NationalPostgis.load(dir, c);
            List<Geometry> sites = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            Random rnd = new Random(7); // the benchmark's sites, in its order
            for (int i = 0; i < StrongestBaselineBenchmark.SITES; i++) {
                double cx = SiteCheckBenchmark.EXTENT.getMinX() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getWidth() - 0.1);
                double cy = SiteCheckBenchmark.EXTENT.getMinY() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getHeight() - 0.1);
                sites.add(SiteCheckBenchmark.site(rnd, cx, cy));
                points.add(new double[] {cx, cy});
            }
            StrongestBaselineBenchmark.loadSites(c, sites, points);
            String plain = StrongestBaselineBenchmark.scripts(n).get("site_plain");
            List<byte[]> bodies = sites.stream().map(s -> SiteCheckBenchmark.geoJson(s).getBytes(StandardCharsets.UTF_8)).toList();
            ServerConfig base = ServerConfig.defaults(0);
            ServerConfig config = base.withSettings(base.settings().withOps(base.settings().ops().withTileWarmUp(false)));
            var err = System.err;
            System.setErr(new java.io.PrintStream(Files.newOutputStream(dir.resolve("server-stderr.log")), true, StandardCharsets.UTF_8));
            double[] ez = new double[sites.size()], pq = new double[sites.size()];
            try (EcoZoneServer server = EcoZoneServer.start(config, n.layers); RawHttp http = new RawHttp(server.port());
                 Statement st = c.createStatement()) {
                ExternalLoad.tune(c);
                // warm-up: every site WARM times on both sides (with 2, the first sites measured were still the slowest: JIT)
                for (int w = 0; w < WARM; w++) {
                    for (int i = 0; i < sites.size(); i++) {
                        assertEquals(200, http.post("/analysis/site-check", "application/geo+json", bodies.get(i)).status());
                        try (ResultSet rs = st.executeQuery(StrongestBaselineBenchmark.sql(plain, i + 1))) {
                            while (rs.next()) rs.getDouble("a");
                        }
                    }
                }
                long[] a = new long[REPS], b = new long[REPS];
                for (int i = 0; i < sites.size(); i++) {
                    for (int r = 0; r < REPS; r++) { // the two sides take turns per repetition
                        long t0 = System.nanoTime();
                        assertEquals(200, http.post("/analysis/site-check", "application/geo+json", bodies.get(i)).status());
                        long t1 = System.nanoTime();
                        try (ResultSet rs = st.executeQuery(StrongestBaselineBenchmark.sql(plain, i + 1))) {
                            while (rs.next()) rs.getDouble("a");
                        }
                        long t2 = System.nanoTime();
                        a[r] = t1 - t0;
                        b[r] = t2 - t1;
                    }
                    Arrays.sort(a);
                    Arrays.sort(b);
                    ez[i] = a[REPS / 2] / 1e6;
                    pq[i] = b[REPS / 2] / 1e6;
                }
            } finally {
                System.setErr(err);
            }
            report.append(String.format(Locale.ROOT, "per-site median of %d after %d warm-up passes (ms), EcoZone over HTTP (raw client) and PostgreSQL's plain query over JDBC, taking turns:%n", REPS, WARM));
            report.append("| | p50 | p90 | p99 | max | p99 ÷ p50 |\n|---|---|---|---|---|---|\n");
            report.append(row("EcoZone", ez)).append(row("PostGIS plain", pq));
            double[] ratio = IntStream.range(0, ez.length).mapToDouble(i -> pq[i] / ez[i]).toArray();
            report.append(row("PostGIS ÷ EcoZone per site", ratio));
            Integer[] order = IntStream.range(0, ez.length).boxed().sorted(Comparator.comparingDouble(i -> -ez[i])).toArray(Integer[]::new);
            report.append("\nEcoZone's 25 slowest sites: id, EcoZone ms, PostGIS ms, ratio, candidates, zone vertices:\n");
            for (int k = 0; k < 25; k++) {
                int i = order[k];
                SiteCost cost = SiteCost.of(n.layers, sites.get(i), sites.get(i).getNumPoints(), 0, Long.MAX_VALUE, Long.MAX_VALUE);
                report.append(String.format(Locale.ROOT, "  %4d  %.3f  %.3f  %.2f×  %d  %,d%n", i + 1, ez[i], pq[i], pq[i] / ez[i], cost.candidates(), cost.zoneVertices()));
            }
            double[] cand = new double[ez.length], verts = new double[ez.length];
            for (int i = 0; i < ez.length; i++) {
                SiteCost cost = SiteCost.of(n.layers, sites.get(i), sites.get(i).getNumPoints(), 0, Long.MAX_VALUE, Long.MAX_VALUE);
                cand[i] = cost.candidates();
                verts[i] = cost.zoneVertices();
            }
            report.append(String.format(Locale.ROOT, "%ncorrelation of EcoZone's per-site time with candidates %.2f, with zone vertices %.2f; PostGIS's %.2f / %.2f%n",
                    corr(ez, cand), corr(ez, verts), corr(pq, cand), corr(pq, verts)));
        }
        report.append(String.format(Locale.ROOT, "load average at end: %s%n", ExternalLoad.loadavg()));
        System.out.println("\n===== SiteTailProbe =====\n" + report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "site-tail-probe.txt"), report.toString());
    }

    private static String row(String what, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double p50 = s[(int) Math.ceil(0.50 * s.length) - 1], p90 = s[(int) Math.ceil(0.90 * s.length) - 1], p99 = s[(int) Math.ceil(0.99 * s.length) - 1];
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.2f |%n", what, p50, p90, p99, s[s.length - 1], p99 / p50);
    }

    private static double corr(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0), my = Arrays.stream(y).average().orElse(0), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
