package cn.ecozone.api;

import cn.ecozone.analysis.Identify;
import cn.ecozone.analysis.IdentifyTest;
import cn.ecozone.bench.RawHttp;
import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where identify's time goes, in process, on the national load (144,604 zones) at 2,000 random points over its
 * extent: each piece of the route in a loop over the points, the former and the present forms taking turns
 * (median of the rounds, ns and bytes allocated per call), then whole requests over a raw keep-alive socket in the
 * same JVM ({@code /health} and identify, p50). For finding what to speed up, not a comparison with PostGIS.
 * Run: {@code mvn -B -ntp -Pbench -DbuildDir=… test -Dtest=IdentifyCostProfile -Dbaseline.load=DIR} ({@code -Didentify.pieces=false}:
 * only the HTTP part).
 */
@Tag("bench")
class IdentifyCostProfile {
    @TempDir Path dir;
    static final int POINTS = 2000, ROUNDS = Integer.getInteger("identify.rounds", 15);

    interface Piece {
        Object run(int i) throws Exception;
    }

    @Test
    void whereIdentifyTimeGoes() throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "load average at start: %s%n", loadavg()));
        String keep = System.getProperty("baseline.load");
        Path d = keep == null || keep.isBlank() ? Files.createDirectories(dir.resolve("national")) : Files.createDirectories(Path.of(keep));
        if (!Files.exists(d.resolve("catalog.json"))) SyntheticLoad.write(d, SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES);
        LayerSet set = LayerLoader.load(d).layers();
        Random rnd = new Random(7);
        Envelope x = SyntheticLoad.EXTENT;
        double[] lon = new double[POINTS], lat = new double[POINTS];
        String[] lonText = new String[POINTS], latText = new String[POINTS];
        for (int i = 0; i < POINTS; i++) {
            lon[i] = x.getMinX() + 0.05 + rnd.nextDouble() * (x.getWidth() - 0.1);
            lat[i] = x.getMinY() + 0.05 + rnd.nextDouble() * (x.getHeight() - 0.1);
            lonText[i] = String.format(Locale.ROOT, "%.7f", lon[i]);
            latText[i] = String.format(Locale.ROOT, "%.7f", lat[i]);
            lon[i] = Double.parseDouble(lonText[i]);
            lat[i] = Double.parseDouble(latText[i]);
        }
        Limits limits = Limits.DEFAULTS;
        IdentifyRoutes.Blocks blocks = new IdentifyRoutes.Blocks(set, IdentifyRoutes.MAX_CACHED_BYTES);
        for (FeatureSource s : polygons(set)) {
            long t0 = System.nanoTime();
            cn.ecozone.layer.PointGrid g = cn.ecozone.layer.PointGrid.of(s);
            out.append(String.format(Locale.ROOT, "point grid of %s (%,d zones): made in %.0f ms, %,d entries%n", s.layer().id(), s.count(),
                    (System.nanoTime() - t0) / 1e6, g == null ? 0 : g.entries()));
        }
        List<List<Identify.ZoneAtPoint>> zones = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < POINTS; i++) {
            zones.add(Identify.at(set, lon[i], lat[i]));
            found += zones.get(i).size();
            assertArrayEquals(former(set, lon[i], lat[i]), blocks.answer(lon[i], lat[i]));
        }
        out.append(String.format(Locale.ROOT, "%,d points, %,d zones found (%.2f a point); answers equal (former vs present)%n", POINTS, found, found / (double) POINTS));
        if (Boolean.parseBoolean(System.getProperty("identify.pieces", "true"))) try (AnalysisBudget budget = new AnalysisBudget(limits)) {
            Map<String, Piece> pieces = new LinkedHashMap<>();
            pieces.put("parse lon, lat (Double.parseDouble ×2, inChina)", i -> {
                double a = Double.parseDouble(lonText[i].trim()), b = Double.parseDouble(latText[i].trim());
                return Cgcs2000.inChina(a, b) ? a + b : 0;
            });
            pieces.put("former: set.inOrder() + polygon filter (twice a request)", i -> polygons(set).size());
            List<FeatureSource> polys = polygons(set);
            pieces.put("former footprint pre-pass (index walk, both layers)", i -> quick(set, polys, limits, lon[i], lat[i]));
            pieces.put("present footprint pre-pass (point grid)", i -> blocks.quick(lon[i], lat[i], limits.quickMaxCandidates(), limits.quickMaxZoneVertices()));
            pieces.put("budget.run(quick) around a no-op (inline)", i -> budget.run(true, () -> i));
            pieces.put("former Identify.at (Edges per candidate + attribute maps)", i -> IdentifyTest.formerAt(set, lon[i], lat[i]).size());
            pieces.put("present Identify.at (ray crossings + attribute maps)", i -> Identify.at(set, lon[i], lat[i]).size());
            pieces.put("present ray crossings, tree candidates (Identify.forEach, no-op hit)", i -> {
                int[] n = {0};
                Identify.forEach(polys, lon[i], lat[i], (s, c) -> n[0]++);
                return n[0];
            });
            pieces.put("former index query only (candidates, both layers)", i -> {
                Envelope e = new Envelope(lon[i], lon[i], lat[i], lat[i]);
                int n = 0;
                for (FeatureSource s : polys) n += s.candidates(e).size();
                return n;
            });
            pieces.put("present index query only (point grid, both layers)", i -> {
                int[] n = {0};
                for (IdentifyRoutes.Layer l : blocks.polygons) l.grid().candidates(lon[i], lat[i], c -> ++n[0] > 0);
                return n[0];
            });
            pieces.put("former JSON (Jackson: lon, lat, list of records)", i -> json(lon[i], lat[i], zones.get(i)).length);
            pieces.put("former body (former at + Jackson)", i -> former(set, lon[i], lat[i]).length);
            pieces.put("present body (grid, ray crossings, kept encodings joined)", i -> blocks.answer(lon[i], lat[i]).length);
            pieces.put("present route work (probe: footprint + candidates, budget.run, body)", i -> {
                IdentifyRoutes.Blocks.Probe probe = blocks.probe(lon[i], lat[i], limits.quickMaxCandidates(), limits.quickMaxZoneVertices());
                return budget.run(probe.quick, () -> blocks.answer(lon[i], lat[i], probe.quick ? probe : null)).length;
            });
            Map<String, List<double[]>> measured = new LinkedHashMap<>();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().getId();
            for (int round = 0; round < ROUNDS; round++) {
                for (var e : pieces.entrySet()) {
                    long sink = 0;
                    long b0 = threads.getThreadAllocatedBytes(self), c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                    for (int i = 0; i < POINTS; i++) sink += e.getValue().run(i).hashCode();
                    long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime(), b1 = threads.getThreadAllocatedBytes(self);
                    if (sink == 42) out.append(' ');
                    measured.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {(t1 - t0) / (double) POINTS, (b1 - b0) / (double) POINTS,
                            (c1 - c0) / (double) POINTS});
                }
            }
            out.append(String.format(Locale.ROOT, "%nin process, %d rounds × %,d points, median of the rounds after the first third (load average %s):%n", ROUNDS, POINTS, loadavg()));
            out.append("| piece | ns per call (wall) | CPU ns per call | bytes allocated per call |\n|---|---|---|---|\n");
            for (var e : measured.entrySet()) {
                List<double[]> v = e.getValue().subList(ROUNDS / 3, ROUNDS);
                out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", e.getKey(), median(v, 0), median(v, 2), median(v, 1)));
            }
        }
        // whole requests through HTTP, in this JVM (raw keep-alive socket, one client): /health and identify taking turns
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0).withSettings(ServerConfig.defaults(0).settings()
                .withOps(ServerConfig.defaults(0).settings().ops().withTileWarmUp(false))), set);
             RawHttp raw = new RawHttp(server.port())) {
            for (int i = 0; i < 20_000; i++) {
                ok(raw.get("/health"));
                ok(raw.get("/analysis/identify?lon=" + lonText[i % POINTS] + "&lat=" + latText[i % POINTS]));
            }
            long[] health = new long[20_000], identify = new long[20_000];
            for (int i = 0; i < 20_000; i++) {
                long t0 = System.nanoTime();
                byte[] h = ok(raw.get("/health"));
                long t1 = System.nanoTime();
                byte[] b = ok(raw.get("/analysis/identify?lon=" + lonText[i % POINTS] + "&lat=" + latText[i % POINTS]));
                long t2 = System.nanoTime();
                health[i] = t1 - t0;
                identify[i] = t2 - t1;
                if (i < POINTS) assertArrayEquals(former(set, lon[i], lat[i]), b);
                if (h.length == 0) throw new AssertionError("no health body");
            }
            Arrays.sort(health);
            Arrays.sort(identify);
            out.append(String.format(Locale.ROOT, "%nover HTTP in this JVM (raw socket, 1 client, 20,000 each, taking turns; load average %s): "
                            + "/health p50 %.1f µs p99 %.1f µs; identify p50 %.1f µs p99 %.1f µs; difference at p50 %.1f µs%n",
                    loadavg(), health[10_000] / 1e3, health[19_800] / 1e3, identify[10_000] / 1e3, identify[19_800] / 1e3,
                    (identify[10_000] - health[10_000]) / 1e3));
        }
        System.out.println("\n===== IdentifyCostProfile =====\n" + out);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "identify-cost-profile.txt"), out.toString());
        assertEquals(POINTS, lon.length);
    }

    /** The access-log line of every request, as the access-log thread formats it: the builder against Jackson's generator. */
    @Test
    void accessLogLine() {
        List<AccessLogWriter.Line> lines = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) {
            lines.add(new AccessLogWriter.Line(java.time.Instant.now().plusMillis(i), Long.toHexString(rnd.nextLong()) + "abcd1234", "GET",
                    i % 2 == 0 ? "/health" : "/analysis/identify", i % 2 == 0 ? "/health" : "/analysis/identify", 200, 40_000 + rnd.nextInt(100_000),
                    60 + rnd.nextInt(500), "127.0.0.1"));
        }
        double[][] ns = new double[2][9];
        for (int round = 0; round < 9; round++) {
            for (int k = 0; k < 2; k++) {
                long sink = 0, t0 = System.nanoTime();
                for (int r = 0; r < 200; r++) for (AccessLogWriter.Line l : lines) sink += (k == 0 ? AccessLogWriter.jsonByJackson(l) : AccessLogWriter.json(l)).length();
                ns[k][round] = (System.nanoTime() - t0) / 200_000.0;
                if (sink == 42) System.out.print(' ');
            }
        }
        Arrays.sort(ns[0]);
        Arrays.sort(ns[1]);
        String report = String.format(Locale.ROOT, "access-log line (load average %s): Jackson generator %.0f ns, builder %.0f ns (median of 9 × 200,000)%n",
                loadavg(), ns[0][4], ns[1][4]);
        System.out.println("\n===== access-log line =====\n" + report);
        assertEquals(AccessLogWriter.jsonByJackson(lines.get(0)), AccessLogWriter.json(lines.get(0)));
    }

    static List<FeatureSource> polygons(LayerSet set) {
        List<FeatureSource> p = new ArrayList<>();
        for (FeatureSource s : set.inOrder()) if (s.layer().isPolygon()) p.add(s);
        return p;
    }

    /** The route's pre-pass: the footprint of the point's candidates, stopping at the quick limits. */
    static boolean quick(LayerSet set, List<FeatureSource> polygons, Limits limits, double lon, double lat) {
        Footprint f = Footprint.NONE;
        Envelope at = new Envelope(lon, lon, lat, lat);
        for (FeatureSource s : polygons) {
            f = f.plus(s.footprint(at, limits.quickMaxCandidates() - f.candidates(), limits.quickMaxZoneVertices() - f.vertices()));
            if (!f.complete()) return false;
        }
        return true;
    }

    /** The former route's body: {@link IdentifyTest#formerAt} (the former Identify.at) written by Jackson. */
    static byte[] former(LayerSet set, double lon, double lat) throws IOException {
        return json(lon, lat, IdentifyTest.formerAt(set, lon, lat));
    }

    static byte[] json(double lon, double lat, List<Identify.ZoneAtPoint> zones) throws IOException {
        return IdentifyRoutesTest.formerJson(lon, lat, zones);
    }

    private static byte[] ok(RawHttp.Response r) throws IOException {
        if (r.status() != 200) throw new IOException("HTTP " + r.status() + ": " + r.text());
        return r.body();
    }

    static double median(List<double[]> v, int k) {
        double[] a = v.stream().mapToDouble(r -> r[k]).sorted().toArray();
        return a[a.length / 2];
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
