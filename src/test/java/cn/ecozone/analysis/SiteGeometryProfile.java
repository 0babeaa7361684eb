package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.geo.ValidityVariants;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The geometry part of a site check, A/B in one JVM on the national load and the 2,000 sites of the strongest-baseline
 * benchmark (same generator, same seed as {@code RequestCostProfile} and {@code HttpTailProbe}): the former and the
 * current validity proof, JTS's {@code Orientation.isCCW} and {@code Edges.isCCW} on the rings of every zone a site
 * check walks, taking turns batch by batch (2,000 sites each), with the thread's CPU time and allocation
 * ({@code ThreadMXBean}) per site; then, for scale, {@code SiteCost.of} and {@code SiteCheck.run} per site (current
 * code only). Answers of the two variants are asserted equal on every site. For measuring, not a test of answers.
 * Run (under the benchmark lock): {@code flock /tmp/ecozone-bench.lock mvn -B -ntp -o -Pbench -DbuildDir=/tmp/build-geom4
 * -Dcds.skip=true test -Dtest=SiteGeometryProfile -Dbaseline.load=/tmp/http3-national [-Dprofile.rounds=8]}
 */
@Tag("bench")
class SiteGeometryProfile {
    private static final int WARM_UP = Integer.getInteger("profile.warmup", 2);
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void geometryCostPerSite() throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "start %s UTC; load average %s%n", java.time.Instant.now(), loadavg()));
        Path d = Path.of(System.getProperty("baseline.load", "/tmp/http3-national"));
        long t0 = System.nanoTime();
        LayerSet layers = LayerLoader.load(d).layers();
        out.append(String.format(Locale.ROOT, "layers loaded from %s in %.0f s%n", d, (System.nanoTime() - t0) / 1e9));
        AccessList access = AccessListJson.read(layers.catalog().resolve(layers.catalog().accessList()));
        Random rnd = new Random(7);
        List<SiteInput> sites = new ArrayList<>();
        SiteInputReader reader = new SiteInputReader(100_000);
        for (int i = 0; i < 2000; i++) {
            double cx = cn.ecozone.bench.SiteCheckBenchmarkAccess.EXTENT.getMinX() + 0.05 + rnd.nextDouble() * (cn.ecozone.bench.SiteCheckBenchmarkAccess.EXTENT.getWidth() - 0.1);
            double cy = cn.ecozone.bench.SiteCheckBenchmarkAccess.EXTENT.getMinY() + 0.05 + rnd.nextDouble() * (cn.ecozone.bench.SiteCheckBenchmarkAccess.EXTENT.getHeight() - 0.1);
            String body = cn.ecozone.bench.SiteCheckBenchmarkAccess.geoJson(cn.ecozone.bench.SiteCheckBenchmarkAccess.site(rnd, cx, cy));
            sites.add(reader.read(body.getBytes(StandardCharsets.UTF_8), null, null));
        }
        // the rings of every zone each site's check walks (packed, as the layers hold them)
        List<List<PackedCoordinateSequence.Double>> zoneRings = new ArrayList<>();
        long rings = 0;
        for (SiteInput s : sites) {
            Envelope search = SiteCost.searchEnvelope(s.geometry(), SiteCheck.DEFAULT_NEARBY_M);
            List<PackedCoordinateSequence.Double> rs = new ArrayList<>();
            for (FeatureSource source : layers.inOrder()) {
                for (IndexedFeature c : source.candidates(search)) collectRings(c.geometry(), rs);
            }
            rings += rs.size();
            zoneRings.add(rs);
        }
        out.append(String.format(Locale.ROOT, "2,000 sites (500 vertices), %.1f zone rings per site on average%n", rings / 2000.0));
        for (SiteInput s : sites) assertEquals(ValidityVariants.former(s.geometry()), ValidityVariants.now(s.geometry()));
        for (List<PackedCoordinateSequence.Double> rs : zoneRings) {
            for (PackedCoordinateSequence.Double r : rs) assertEquals(Orientation.isCCW(r), Edges.isCCW(r.getRawCoordinates(), r.getDimension(), r.size()));
        }

        int rounds = Integer.getInteger("profile.rounds", 8);
        abRows(out, "validity proof: former SimplePolygon", "validity proof: current SimplePolygon", rounds,
                i -> ValidityVariants.former(sites.get(i).geometry()) ? 1 : 0, i -> ValidityVariants.now(sites.get(i).geometry()) ? 1 : 0);
        abRows(out, "isCCW of the zones' rings: JTS Orientation.isCCW", "isCCW of the zones' rings: Edges.isCCW in place", rounds,
                i -> {
                    long n = 0;
                    for (PackedCoordinateSequence.Double r : zoneRings.get(i)) n += Orientation.isCCW(r) ? 1 : 0;
                    return n;
                }, i -> {
                    long n = 0;
                    for (PackedCoordinateSequence.Double r : zoneRings.get(i)) n += Edges.isCCW(r.getRawCoordinates(), r.getDimension(), r.size()) ? 1 : 0;
                    return n;
                });
        // the index walk of each site's search box (SiteCost's count, then the check's): JTS's walk and the packed one
        List<Object> trees = new ArrayList<>();
        for (FeatureSource source : layers.inOrder()) trees.add(cn.ecozone.layer.TreeWalkVariants.treeOf(source));
        List<Envelope> searches = new ArrayList<>();
        for (SiteInput s : sites) searches.add(SiteCost.searchEnvelope(s.geometry(), SiteCheck.DEFAULT_NEARBY_M));
        abRows(out, "index walk of the search box: JTS", "index walk of the search box: packed", rounds, i -> {
            long n = 0;
            for (Object t : trees) n += cn.ecozone.layer.TreeWalkVariants.jts(t, searches.get(i))[1];
            return n;
        }, i -> {
            long n = 0;
            for (Object t : trees) n += cn.ecozone.layer.TreeWalkVariants.packed(t, searches.get(i))[1];
            return n;
        });
        // nearest distances to every polygon zone of the search box that does not overlap the site's box (as SiteCheck asks:
        // zone edges loaded, then metresWithin 1,000 m), the former NearestDistance and the current one
        List<Edges> siteEdges = new ArrayList<>();
        List<List<Geometry>> apart = new ArrayList<>();
        long zones = 0;
        for (int i = 0; i < sites.size(); i++) {
            Geometry g = sites.get(i).geometry();
            siteEdges.add(Edges.of(g));
            List<Geometry> zs = new ArrayList<>();
            for (FeatureSource source : layers.inOrder()) {
                for (IndexedFeature c : source.candidates(searches.get(i))) {
                    if (source.layer().isPolygon() && !c.geometry().getEnvelopeInternal().intersects(g.getEnvelopeInternal())) zs.add(c.geometry());
                }
            }
            zones += zs.size();
            apart.add(zs);
        }
        out.append(String.format(Locale.ROOT, "%.1f zones per site whose box is apart from the site's (measured by NearestDistance alone)%n", zones / 2000.0));
        Edges zoneEdges = new Edges();
        long[] memo = new long[2];
        abRows(out, "NearestDistance (zone edges loaded + metresWithin): former", "NearestDistance: current (memo, no allocations)", rounds, i -> {
            FormerNearestDistance nd = new FormerNearestDistance(siteEdges.get(i), sites.get(i).geometry().getEnvelopeInternal());
            long sum = 0;
            for (Geometry z : apart.get(i)) {
                zoneEdges.load(z, searches.get(i));
                sum += Double.doubleToLongBits(nd.metresWithin(zoneEdges, SiteCheck.DEFAULT_NEARBY_M));
            }
            return sum;
        }, i -> {
            NearestDistance nd = new NearestDistance(siteEdges.get(i), sites.get(i).geometry().getEnvelopeInternal());
            long sum = 0;
            for (Geometry z : apart.get(i)) {
                zoneEdges.load(z, searches.get(i));
                sum += Double.doubleToLongBits(nd.metresWithin(zoneEdges, SiteCheck.DEFAULT_NEARBY_M));
            }
            memo[0] += nd.memoHits;
            memo[1] += nd.geodesics;
            return sum;
        });
        out.append(String.format(Locale.ROOT, "  NearestDistance: %.1f geodesics measured and %.1f answered from the memo per site%n",
                memo[1] / (double) ((rounds + WARM_UP) * 2000), memo[0] / (double) ((rounds + WARM_UP) * 2000)));
        // overlap areas of every polygon zone whose box meets the site's (zone edges loaded, then m2), one instance per site
        List<List<Geometry>> meeting = new ArrayList<>();
        long meetingZones = 0;
        for (int i = 0; i < sites.size(); i++) {
            Geometry g = sites.get(i).geometry();
            List<Geometry> zs = new ArrayList<>();
            for (FeatureSource source : layers.inOrder()) {
                for (IndexedFeature c : source.candidates(searches.get(i))) {
                    if (source.layer().isPolygon() && c.geometry().getEnvelopeInternal().intersects(g.getEnvelopeInternal())) zs.add(c.geometry());
                }
            }
            meetingZones += zs.size();
            meeting.add(zs);
        }
        out.append(String.format(Locale.ROOT, "%.1f polygon zones per site whose box meets the site's (OverlapArea)%n", meetingZones / 2000.0));
        abRows(out, "OverlapArea (site edges + zone edges loaded + m2): former", "OverlapArea: current (site's latitude terms kept)", rounds, i -> {
            Geometry g = sites.get(i).geometry();
            FormerOverlapArea oa = new FormerOverlapArea(Edges.of(g), g.getEnvelopeInternal(), Double.NaN);
            long sum = 0;
            for (Geometry z : meeting.get(i)) sum += Double.doubleToLongBits(oa.m2(zoneEdges.load(z, searches.get(i))));
            return sum;
        }, i -> {
            Geometry g = sites.get(i).geometry();
            OverlapArea oa = new OverlapArea(Edges.of(g), g.getEnvelopeInternal(), Double.NaN);
            long sum = 0;
            for (Geometry z : meeting.get(i)) sum += Double.doubleToLongBits(oa.m2(zoneEdges.load(z, searches.get(i))));
            return sum;
        });
        SiteCheck check = new SiteCheck(layers, access);
        for (int round = 0; round < rounds; round++) {
            long[] cost = measure(i -> SiteCost.of(layers, sites.get(i).geometry(), 500, SiteCheck.DEFAULT_NEARBY_M, 100_000, 10_000_000).candidates());
            long[] run = measure(i -> check.run(sites.get(i), null, SiteCheck.DEFAULT_NEARBY_M).hits().size());
            out.append(String.format(Locale.ROOT, "  round %d: SiteCost.of %.1f µs %.1f KB per site; SiteCheck.run %.1f µs %.1f KB per site (load %s)%n",
                    round + 1, cost[0] / 2000 / 1e3, cost[1] / 2000 / 1024.0, run[0] / 2000 / 1e3, run[1] / 2000 / 1024.0, loadavg()));
        }
        out.append(String.format(Locale.ROOT, "end %s UTC; load average %s%n", java.time.Instant.now(), loadavg()));
        System.out.println("\n===== SiteGeometryProfile =====\n" + out);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "site-geometry-profile.txt"), out.toString());
    }

    private static void collectRings(Geometry g, List<PackedCoordinateSequence.Double> out) {
        if (g instanceof Polygon p) {
            ring(p.getExteriorRing(), out);
            for (int h = 0; h < p.getNumInteriorRing(); h++) ring(p.getInteriorRingN(h), out);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) if (g.getGeometryN(i) != g) collectRings(g.getGeometryN(i), out);
        }
    }

    private static void ring(LineString r, List<PackedCoordinateSequence.Double> out) {
        if (r.getCoordinateSequence() instanceof PackedCoordinateSequence.Double p && p.size() >= 4) out.add(p);
    }

    /** Former and current take turns, batch by batch (the order swapped every round); CPU µs and KB per site. */
    private static void abRows(StringBuilder out, String a, String b, int rounds, ToLongFunction<Integer> former, ToLongFunction<Integer> now) {
        double[] cpuA = new double[rounds], cpuB = new double[rounds];
        for (int round = -WARM_UP; round < rounds; round++) { // rounds of warm-up first (C2 compiles the big loops late)
            boolean formerFirst = (round & 1) == 0;
            long[] x = null, y = null;
            for (int k = 0; k < 2; k++) {
                if (formerFirst == (k == 0)) x = measure(former); else y = measure(now);
            }
            if (round < 0) continue;
            assertEquals(x[2], y[2], "the same answers");
            cpuA[round] = x[0] / 2000 / 1e3;
            cpuB[round] = y[0] / 2000 / 1e3;
            out.append(String.format(Locale.ROOT, "  round %d: %s %.2f µs %.2f KB | %s %.2f µs %.2f KB per site (load %s)%n", round + 1, a, cpuA[round],
                    x[1] / 2000 / 1024.0, b, cpuB[round], y[1] / 2000 / 1024.0, loadavg()));
        }
        double[] sa = cpuA.clone(), sb = cpuB.clone();
        java.util.Arrays.sort(sa);
        java.util.Arrays.sort(sb);
        out.append(String.format(Locale.ROOT, "  => median of %d rounds: %.2f µs -> %.2f µs per site (%.0f %%)%n", rounds, sa[rounds / 2], sb[rounds / 2],
                100 * (sb[rounds / 2] / sa[rounds / 2] - 1)));
    }

    /** {CPU ns, bytes allocated, checksum of answers} of one pass over the 2,000 sites on this thread. */
    private static long[] measure(ToLongFunction<Integer> f) {
        long id = Thread.currentThread().getId();
        long a0 = THREADS.getThreadAllocatedBytes(id), c0 = THREADS.getCurrentThreadCpuTime(), sum = 0;
        for (int i = 0; i < 2000; i++) sum += f.applyAsLong(i);
        long c1 = THREADS.getCurrentThreadCpuTime(), a1 = THREADS.getThreadAllocatedBytes(id);
        return new long[] {c1 - c0, a1 - a0, sum};
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
