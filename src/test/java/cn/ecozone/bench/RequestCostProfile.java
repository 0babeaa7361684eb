package cn.ecozone.bench;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.Json;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SyntheticLoad;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static cn.ecozone.bench.ExternalLoad.fmt;
import static cn.ecozone.bench.ExternalLoad.percentile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a site check's time goes outside the geometry, on the national load with the 2,000 sites of {@link
 * StrongestBaselineBenchmark}, in process (no PostGIS running): reading the site, {@code SiteCheck.run}, and the JSON
 * answer built as {@code SiteCheckRoutes.withSiteGeometry} builds it today (result → Jackson tree, the site geometry
 * written to a string and parsed back into the tree, the tree serialized) against the same bytes written straight
 * (the result serialized, the geometry appended as raw GeoJSON: no tree, asserted to give an equal JSON document);
 * then the whole request through HTTP (raw socket). Also the first {@code DataVersion.of} (the layers' content
 * hash, computed on the first request after a start). For finding what to speed up, not a comparison.
 * Run: {@code mvn -B -ntp -Pbench -DbuildDir=/tmp/bench test -Dtest=RequestCostProfile [-Dbaseline.load=DIR]}
 */
@Tag("bench")
class RequestCostProfile {
    @TempDir Path dir;

    @Test
    void requestCostOutsideTheGeometry() throws Exception {
        StringBuilder out = new StringBuilder(fmt("load average at start: %s%n", ExternalLoad.loadavg()));
        String keep = System.getProperty("baseline.load");
        Path d = keep == null || keep.isBlank() ? Files.createDirectories(dir.resolve("national")) : Files.createDirectories(Path.of(keep));
        if (!Files.exists(d.resolve("catalog.json"))) SyntheticLoad.write(d, SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES);
        LayerSet layers = LayerLoader.load(d).layers();
        AccessList access = AccessListJson.read(layers.catalog().resolve(layers.catalog().accessList()));
        long t0 = System.nanoTime();
        String version = DataVersion.of(layers, access).id();
        double firstVersionMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        DataVersion.of(layers, access);
        double againVersionMs = (System.nanoTime() - t0) / 1e6;
        out.append(fmt("DataVersion.of (content hash of 144,604 features): first %.0f ms, again %.3f ms (%s)%n", firstVersionMs, againVersionMs, version));

        Random rnd = new Random(7);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double cx = SiteCheckBenchmark.EXTENT.getMinX() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getWidth() - 0.1);
            double cy = SiteCheckBenchmark.EXTENT.getMinY() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getHeight() - 0.1);
            bodies.add(SiteCheckBenchmark.geoJson(SiteCheckBenchmark.site(rnd, cx, cy)).getBytes(StandardCharsets.UTF_8));
        }
        SiteCheck check = new SiteCheck(layers, access);
        // reading the site: the tree reader (before) and the streaming one (now), alternately, time and bytes allocated
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        int m = 4 * bodies.size();
        double[] readTree = new double[m], readStream = new double[m], validity = new double[m];
        long treeAlloc = 0, streamAlloc = 0;
        SiteInputReader treeReader = new SiteInputReader(100_000, false), streamReader = new SiteInputReader(100_000, true);
        for (int i = 0; i < m; i++) {
            byte[] body = bodies.get(i % bodies.size());
            boolean treeFirst = (i & 1) == 0;
            for (int k = 0; k < 2; k++) {
                boolean tree = treeFirst == (k == 0);
                long a0 = threads.getThreadAllocatedBytes(self);
                long a = System.nanoTime();
                SiteInput in = (tree ? treeReader : streamReader).read(body, null, null);
                long b = System.nanoTime();
                long a1 = threads.getThreadAllocatedBytes(self);
                if (tree) readTree[i] = (b - a) / 1e6; else readStream[i] = (b - a) / 1e6;
                if (i >= m / 2) {
                    if (tree) treeAlloc += a1 - a0; else streamAlloc += a1 - a0;
                }
                assertEquals(1, in.parcels().size());
                if (!tree) {
                    long c0 = System.nanoTime();
                    cn.ecozone.geo.GeometryChecks.check(in.geometry());
                    validity[i] = (System.nanoTime() - c0) / 1e6;
                }
            }
        }
        int half = m / 2;
        out.append(row("read site, tree reader (readTree + GeoJsonGeometryReader, as before)", readTree, half));
        out.append(row("read site, streaming reader (GeoJsonSiteStream)", readStream, half));
        out.append(row("  of which (once more, alone): the validity check of the read site (GeometryChecks)", validity, half));
        out.append(fmt("  allocated per read: tree %,d bytes, streaming %,d bytes (ThreadMXBean, second half)%n",
                treeAlloc / (m - half), streamAlloc / (m - half)));

        int n = 2 * bodies.size();
        double[] read = new double[n], run = new double[n], jsonTree = new double[n], jsonDirect = new double[n], geomOnly = new double[n];
        long treeBytes = 0, geometryBytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] body = bodies.get(i % bodies.size());
            long a = System.nanoTime();
            SiteInput in = new SiteInputReader(100_000).read(body, null, null);
            long b = System.nanoTime();
            SiteCheckResult r = check.run(in, null, SiteCheck.DEFAULT_NEARBY_M);
            long c = System.nanoTime();
            byte[] tree = asTheRouteDoes(r, in.geometry());
            long e = System.nanoTime();
            byte[] direct = direct(r, in.geometry());
            long f = System.nanoTime();
            String g = geometry(in.geometry());
            long h = System.nanoTime();
            read[i] = (b - a) / 1e6;
            run[i] = (c - b) / 1e6;
            jsonTree[i] = (e - c) / 1e6;
            jsonDirect[i] = (f - e) / 1e6;
            geomOnly[i] = (h - f) / 1e6;
            if (i < 50) assertEquals(Json.MAPPER.readTree(tree), Json.MAPPER.readTree(direct), "the direct JSON is the same document");
            if (i >= bodies.size()) {
                treeBytes += tree.length;
                geometryBytes += g.length();
            }
        }
        double[] http = new double[bodies.size()];
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers); RawHttp raw = new RawHttp(server.port())) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < bodies.size(); i++) {
                    long a = System.nanoTime();
                    RawHttp.Response r = raw.post("/analysis/site-check", "application/geo+json", bodies.get(i));
                    http[i] = (System.nanoTime() - a) / 1e6;
                    assertEquals(200, r.status(), r.text());
                }
            }
        }
        int from = bodies.size(); // the second pass: warm
        out.append(fmt("2,000 500-vertex sites, second pass counted; answer %,d bytes on average, of which the echoed site geometry %,d%n",
                treeBytes / bodies.size(), geometryBytes / bodies.size()));
        out.append(row("read site (SiteInputReader: GeoJSON parse, validation)", read, from));
        out.append(row("SiteCheck.run (hits, areas, nearby 1000 m, clauses)", run, from));
        out.append(row("JSON as the route builds it (valueToTree + geometry string + readTree + serialize)", jsonTree, from));
        out.append(row("JSON written straight (serialize result, append raw GeoJSON geometry)", jsonDirect, from));
        out.append(row("  of which: the site geometry to GeoJSON text alone", geomOnly, from));
        out.append(row("whole request over HTTP (raw socket, same JVM)", http, 0));
        double sumParts = mean(read, from) + mean(run, from) + mean(jsonTree, from);
        out.append(fmt("mean: HTTP %.3f ms = read %.3f + run %.3f + JSON %.3f + the rest (HTTP, routing, cost count, access log, metrics) %.3f ms%n",
                mean(http, 0), mean(read, from), mean(run, from), mean(jsonTree, from), mean(http, 0) - sumParts));
        out.append(fmt("load average at end: %s%n", ExternalLoad.loadavg()));
        System.out.println("\n===== RequestCostProfile =====\n" + out);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "request-cost-profile.txt"), out.toString());
        assertTrue(firstVersionMs > 0);
    }

    /** The answer as {@code SiteCheckRoutes.withSiteGeometry} + {@code ctx.json} make it today (a replica of that code). */
    static byte[] asTheRouteDoes(SiteCheckResult result, Geometry site) throws Exception {
        ObjectNode node = Json.MAPPER.valueToTree(result);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            GeoJsonGeometryWriter.write(g, site);
        }
        node.set("siteGeometry", Json.MAPPER.readTree(out.toString()));
        return Json.MAPPER.writeValueAsBytes(node);
    }

    /** The same document without a tree: the result serialized, its closing brace replaced by the geometry field. */
    static byte[] direct(SiteCheckResult result, Geometry site) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Json.MAPPER.writeValue(out, result);
        byte[] b = out.toByteArray();
        int end = b.length - 1;
        while (b[end] != '}') end--;
        out.reset();
        out.write(b, 0, end);
        out.write(",\"siteGeometry\":".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            GeoJsonGeometryWriter.write(g, site);
        }
        out.write('}');
        return out.toByteArray();
    }

    static String geometry(Geometry site) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            GeoJsonGeometryWriter.write(g, site);
        }
        return out.toString();
    }

    private static double mean(double[] v, int from) {
        double s = 0;
        for (int i = from; i < v.length; i++) s += v[i];
        return s / (v.length - from);
    }

    private static String row(String what, double[] v, int from) {
        double[] w = java.util.Arrays.copyOfRange(v, from, v.length);
        return fmt("  %-88s p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n", what, percentile(w, 50), percentile(w, 99), mean(w, 0));
    }
}
