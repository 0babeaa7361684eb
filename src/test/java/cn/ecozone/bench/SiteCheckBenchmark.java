package cn.ecozone.bench;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.io.Geometries;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Site check and identify latency: EcoZone through HTTP (embedded layers) against the equivalent PostGIS query
 * over JDBC, same data, same machine, same run, both over loopback. (a) the sample layers ({@code layers/} when
 * present, else the site-test fixture); (b) a synthetic load of 44,604 Voronoi control units (densified to about
 * 200 vertices each) and 100,000 buffered red-line polygons, generated into a temp catalog. Phase 1 measures the
 * targets (site check, identify) with EcoZone and PostGIS taking turns at going first; phase 2, apart, the slow
 * PostGIS query that also finds nearby zones and EcoZone through the JDK HttpClient.
 * Run: {@code mvn -B -Pbench -DbuildDir=/tmp/build-site test -Dtest=SiteCheckBenchmark}
 */
@Tag("bench")
class SiteCheckBenchmark {
    static final int UNITS = 44_604, REDLINES = 100_000, SITE_VERTICES = 500, NEARBY_RUNS = 200;
    static final Envelope EXTENT = new Envelope(105, 120, 30, 42);
    @TempDir Path dir;

    @Test
    void siteCheckAndIdentifyAgainstPostgis() throws Exception {
        StringBuilder report = new StringBuilder();
        Path sample = Path.of("layers", "catalog.json");
        Path a = Files.isRegularFile(sample) ? Path.of("layers") : SiteFixtureLayers.write(Files.createDirectories(dir.resolve("a")));
        report.append(run("(a) " + (a.equals(Path.of("layers")) ? "sample layers" : "site-test fixture layers (sample not present)"), a,
                new Envelope(112.2, 113.45, 39.2, 40.5), 300, 1000));
        Path b = synthetic(Files.createDirectories(dir.resolve("b")));
        report.append(run("(b) synthetic: " + UNITS + " Voronoi units + " + REDLINES + " buffers", b, EXTENT, 300, 1000));
        System.out.println("\n===== SiteCheckBenchmark =====\n" + report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "site-check-benchmark.txt"), report.toString());
    }

    private String run(String label, Path catalogDir, Envelope where, int warmup, int measured) throws Exception {
        long t0 = System.nanoTime();
        LayerLoader.Result loaded = LayerLoader.load(catalogDir);
        assertTrue(loaded.ok(), loaded.problems().stream().limit(5).toList().toString());
        LayerSet layers = loaded.layers();
        long vertices = 0, features = 0;
        for (FeatureSource s : layers.inOrder()) {
            try (var st = s.query(FeatureQuery.all())) {
                for (SimpleFeature f : (Iterable<SimpleFeature>) st::iterator) {
                    vertices += ((Geometry) f.getDefaultGeometry()).getNumPoints();
                    features++;
                }
            }
        }
        double loadS = (System.nanoTime() - t0) / 1e9;
        String url = PostgisCluster.shared().createDatabase("bench");
        t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            for (FeatureSource s : layers.inOrder()) load(c, s);
        }
        double pgLoadS = (System.nanoTime() - t0) / 1e9;

        Random rnd = new Random(7);
        List<Geometry> sites = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double cx = where.getMinX() + 0.05 + rnd.nextDouble() * (where.getWidth() - 0.1);
            double cy = where.getMinY() + 0.05 + rnd.nextDouble() * (where.getHeight() - 0.1);
            sites.add(site(rnd, cx, cy));
            points.add(new double[] {cx, cy});
        }
        List<String> bodies = sites.stream().map(SiteCheckBenchmark::geoJson).toList();
        List<byte[]> wkbs = sites.stream().map(g -> new WKBWriter().write(g)).toList();

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s%n  %,d features, %,d vertices; embedded load %.1f s, PostGIS load %.1f s%n", label, features, vertices, loadS, pgLoadS));
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers);
             Connection c = DriverManager.getConnection(url)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port();
            RawHttp raw = new RawHttp(server.port());
            double[] oursJdk = new double[NEARBY_RUNS], oursIdJdk = new double[NEARBY_RUNS], oursCold = new double[NEARBY_RUNS], pgCold = new double[NEARBY_RUNS];
            List<String> tables = layers.inOrder().stream().filter(s -> s.layer().isPolygon()).map(s -> "bench_" + s.layer().id()).toList();
            String hitsSql = String.join(" UNION ALL ", tables.stream().map(t -> "SELECT '" + t + "' l, fid, ST_Area(ST_Intersection(geom, s)::geography) a FROM "
                    + t + ", q WHERE ST_Intersects(geom, s)").toList());
            String siteSql = "WITH q AS (SELECT ST_GeomFromWKB(?, 4490) s) " + hitsSql;
            String nearSql = "WITH q AS (SELECT ST_GeomFromWKB(?, 4490) s) " + String.join(" UNION ALL ", tables.stream().map(t ->
                    "SELECT '" + t + "' l, fid, CASE WHEN ST_Intersects(geom, s) THEN ST_Area(ST_Intersection(geom, s)::geography) END a, "
                            + "ST_Distance(geom::geography, s::geography) d FROM " + t + ", q WHERE geom && ST_Expand(s, 0.02) "
                            + "AND ST_DWithin(geom::geography, s::geography, 1000)").toList());
            // the same answer as /analysis/identify: each zone's id and its attributes (as JSON), not just ids
            String idSql = String.join(" UNION ALL ", tables.stream().map(t -> "SELECT '" + t + "' l, fid, (to_jsonb(x) - 'geom')::text p FROM " + t
                    + " x WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(?, ?), 4490))").toList());
            int hitsSeen = 0;
            double[] ours = new double[measured], pg = new double[measured], pgNear = new double[NEARBY_RUNS], oursId = new double[measured], pgId = new double[measured];
            try (PreparedStatement site = c.prepareStatement(siteSql); PreparedStatement near = c.prepareStatement(nearSql);
                 PreparedStatement id = c.prepareStatement(idSql)) {
                // phase 1: the two target comparisons, EcoZone and PostGIS taking turns at going first
                for (int i = 0; i < warmup + measured; i++) {
                    int k = i % sites.size();
                    boolean oursFirst = i % 2 == 0;
                    long ourSite = 0, pgSite = 0, ourId = 0, pgIdNs = 0;
                    int rows = 0;
                    double[] p = points.get(k);
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == oursFirst) {
                            long s0 = System.nanoTime();
                            RawHttp.Response r = raw.post("/analysis/site-check", "application/geo+json", bodies.get(k).getBytes(StandardCharsets.UTF_8));
                            ourSite = System.nanoTime() - s0;
                            assertEquals(200, r.status(), r.text());
                            long s1 = System.nanoTime();
                            RawHttp.Response ir = raw.get("/analysis/identify?lon=" + p[0] + "&lat=" + p[1]);
                            ourId = System.nanoTime() - s1;
                            assertEquals(200, ir.status(), ir.text());
                        } else {
                            site.setBytes(1, wkbs.get(k));
                            long s0 = System.nanoTime();
                            rows = count(site);
                            pgSite = System.nanoTime() - s0;
                            for (int j = 0; j < tables.size(); j++) {
                                id.setDouble(2 * j + 1, p[0]);
                                id.setDouble(2 * j + 2, p[1]);
                            }
                            long s1 = System.nanoTime();
                            count(id);
                            pgIdNs = System.nanoTime() - s1;
                        }
                    }
                    if (i >= warmup) {
                        int m = i - warmup;
                        ours[m] = ourSite / 1e6;
                        pg[m] = pgSite / 1e6;
                        oursId[m] = ourId / 1e6;
                        pgId[m] = pgIdNs / 1e6;
                        hitsSeen += rows;
                    }
                }
                // phase 2, apart so its 120 ms queries leave the targets alone: PostGIS with nearby zones, EcoZone through the JDK client
                for (int i = 0; i < NEARBY_RUNS; i++) {
                    int k = i % sites.size();
                    near.setBytes(1, wkbs.get(k));
                    long n0 = System.nanoTime();
                    count(near);
                    pgNear[i] = (System.nanoTime() - n0) / 1e6;
                    // right after that long query both sides start cold: take turns again
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == (i % 2 == 0)) {
                            long c0 = System.nanoTime();
                            RawHttp.Response r = raw.post("/analysis/site-check", "application/geo+json", bodies.get(k).getBytes(StandardCharsets.UTF_8));
                            oursCold[i] = (System.nanoTime() - c0) / 1e6;
                            assertEquals(200, r.status(), r.text());
                        } else {
                            site.setBytes(1, wkbs.get(k));
                            long c0 = System.nanoTime();
                            count(site);
                            pgCold[i] = (System.nanoTime() - c0) / 1e6;
                        }
                    }
                    long j0 = System.nanoTime();
                    HttpResponse<String> jr = http.send(HttpRequest.newBuilder(URI.create(base + "/analysis/site-check"))
                            .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(bodies.get(k))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    oursJdk[i] = (System.nanoTime() - j0) / 1e6;
                    assertEquals(200, jr.statusCode(), jr.body());
                    double[] pj = points.get(k);
                    long j2 = System.nanoTime();
                    HttpResponse<String> jir = http.send(HttpRequest.newBuilder(URI.create(base + "/analysis/identify?lon=" + pj[0] + "&lat=" + pj[1])).build(),
                            HttpResponse.BodyHandlers.ofString());
                    oursIdJdk[i] = (System.nanoTime() - j2) / 1e6;
                    assertEquals(200, jir.statusCode());
                }
            }
            out.append(String.format(Locale.ROOT, "  %d-vertex sites, %d measured requests after %d warm-up, avg %.1f PostGIS hit rows per site%n",
                    SITE_VERTICES, measured, warmup, hitsSeen / (double) measured));
            raw.close();
            out.append(line("site check  EcoZone HTTP, keep-alive socket client (hits+areas+nearby+clauses, JSON)", ours));
            out.append(line("site check  EcoZone HTTP, JDK HttpClient (phase 2, same sites)", oursJdk));
            out.append(line("site check  PostGIS JDBC (indexed ST_Intersects + geography areas)", pg));
            out.append(line("site check  PostGIS JDBC (same + nearby 1000 m via ST_DWithin geography; phase 2)", pgNear));
            out.append(String.format(Locale.ROOT, "  → site check p50 ratio PostGIS/EcoZone = %.2f× (vs hits+areas), %.2f× (vs hits+areas+nearby)%n",
                    p(pg, 50) / p(ours, 50), p(pgNear, 50) / p(ours, 50)));
            out.append(line("site check  EcoZone HTTP, keep-alive socket client, just after PostGIS's 120 ms query (phase 2)", oursCold));
            out.append(line("site check  PostGIS JDBC, hits+areas, just after its 120 ms query (phase 2)", pgCold));
            out.append(String.format(Locale.ROOT, "  → cold site check p50 ratio PostGIS/EcoZone = %.2f×%n", p(pgCold, 50) / p(oursCold, 50)));
            out.append(line("identify    EcoZone HTTP GET /analysis/identify, keep-alive socket client", oursId));
            out.append(line("identify    EcoZone HTTP GET /analysis/identify, JDK HttpClient (phase 2)", oursIdJdk));
            out.append(line("identify    PostGIS JDBC (indexed ST_Intersects point)", pgId));
            out.append(String.format(Locale.ROOT, "  → identify p50 ratio PostGIS/EcoZone = %.2f×%n%n", p(pgId, 50) / p(oursId, 50)));
        }
        System.out.print(out);
        return out.toString();
    }

    private static String line(String what, double[] ms) {
        return String.format(Locale.ROOT, "  %-96s p50 %7.3f ms   p99 %7.3f ms%n", what, p(ms, 50), p(ms, 99));
    }

    private static double p(double[] ms, int pct) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1)];
    }

    private static int count(PreparedStatement ps) throws SQLException {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                // read every value, as the HTTP client reads the whole answer
                for (int k = 1; k <= columns; k++) rs.getString(k);
                n++;
            }
        }
        return n;
    }

    private static void load(Connection c, FeatureSource s) throws SQLException {
        String table = "bench_" + s.layer().id();
        String geomType = s.layer().isPolygon() ? "Geometry" : "Point";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (fid text PRIMARY KEY, geom geometry(" + geomType + ", 4490) NOT NULL)");
        }
        c.setAutoCommit(false);
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ST_GeomFromWKB(?, 4490))");
             var features = s.query(FeatureQuery.all())) {
            int n = 0;
            for (SimpleFeature f : (Iterable<SimpleFeature>) features::iterator) {
                ps.setString(1, f.getID());
                ps.setBytes(2, wkb.write((Geometry) f.getDefaultGeometry()));
                ps.addBatch();
                if (++n % 2000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON " + table + " USING gist (geom)");
            st.execute("VACUUM ANALYZE " + table);
        }
    }

    /** A 500-vertex star-shaped site of about 2 km radius (lon/lat). */
    static Geometry site(Random rnd, double cx, double cy) {
        Coordinate[] cs = new Coordinate[SITE_VERTICES + 1];
        double r = 0.018;
        for (int j = 0; j < SITE_VERTICES; j++) {
            double a = 2 * Math.PI * j / SITE_VERTICES;
            double rr = r * (0.8 + 0.2 * Math.sin(a * 7) + 0.02 * rnd.nextDouble());
            cs[j] = new Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
        }
        cs[SITE_VERTICES] = cs[0];
        return Geometries.FACTORY.createPolygon(cs);
    }

    static String geoJson(Geometry g) {
        try {
            StringWriter w = new StringWriter();
            try (JsonGenerator gen = new JsonFactory().createGenerator(w)) {
                GeoJsonGeometryWriter.write(gen, g);
            }
            return w.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The synthetic catalog: Voronoi control units densified to ~200 vertices, buffered red lines, and an access list. */
    static Path synthetic(Path d) throws IOException {
        return cn.ecozone.testsupport.SyntheticLoad.write(d, UNITS, REDLINES);
    }
}
