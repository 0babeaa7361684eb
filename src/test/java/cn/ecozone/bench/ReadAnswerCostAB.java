package cn.ecozone.bench;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.app.JsonMapping;
import cn.ecozone.app.SiteCheckJson;
import cn.ecozone.app.SiteCheckUseCase;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.report.ReportLanguage;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static cn.ecozone.bench.ExternalLoad.fmt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two parts of {@code POST /analysis/site-check} the {@code read4} branch changed, A/B in one JVM, old and new
 * taking turns on each of the benchmark's 2,000 500-vertex GeoJSON sites (national load): reading the site —
 * Jackson's tokens (before) against the bytes scanned by {@code GeoJsonByteTokens} (after), both through {@link
 * SiteInputReader} with its validation — and the JSON answer — Jackson's bean serialisation of the result (before)
 * against {@link SiteCheckJson#render} (the hand-written writer, after). Per operation: CPU time of this thread
 * ({@code ThreadMXBean}) and bytes allocated; the answers are asserted equal (site bit for bit, JSON byte for byte).
 * Run: {@code flock /tmp/ecozone-bench.lock mvn -B -ntp -Pbench -DbuildDir=… test -Dtest=ReadAnswerCostAB -Dbaseline.load=DIR
 * [-Dab.rounds=6]}
 */
@Tag("bench")
class ReadAnswerCostAB {
    @TempDir Path dir;

    @Test
    void readingAndAnswerBeforeAndAfter() throws Exception {
        StringBuilder out = new StringBuilder(fmt("load average at start: %s (UTC %s)%n", ExternalLoad.loadavg(), java.time.Instant.now()));
        String keep = System.getProperty("baseline.load");
        Path d = keep == null || keep.isBlank() ? Files.createDirectories(dir.resolve("national")) : Path.of(keep);
        if (!Files.exists(d.resolve("catalog.json"))) SyntheticLoad.write(d, SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES);
        LayerSet layers = LayerLoader.load(d).layers();
        AccessList access = AccessListJson.read(layers.catalog().resolve(layers.catalog().accessList()));
        Random rnd = new Random(7);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double cx = SiteCheckBenchmark.EXTENT.getMinX() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getWidth() - 0.1);
            double cy = SiteCheckBenchmark.EXTENT.getMinY() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getHeight() - 0.1);
            bodies.add(SiteCheckBenchmark.geoJson(SiteCheckBenchmark.site(rnd, cx, cy)).getBytes(StandardCharsets.UTF_8));
        }
        SiteInputReader before = new SiteInputReader(100_000, true, false), after = new SiteInputReader(100_000, true, true);
        SiteCheck check = new SiteCheck(layers, access);
        List<SiteCheckResult> results = new ArrayList<>();
        List<SiteInput> sites = new ArrayList<>();
        for (byte[] body : bodies) {
            SiteInput a = before.read(body, null, null), b = after.read(body, null, null);
            assertArrayEquals(a.geometry().getCoordinates(), b.geometry().getCoordinates());
            for (int k = 0; k < a.geometry().getNumPoints(); k++) {
                assertEquals(Double.doubleToRawLongBits(a.geometry().getCoordinates()[k].x), Double.doubleToRawLongBits(b.geometry().getCoordinates()[k].x));
                assertEquals(Double.doubleToRawLongBits(a.geometry().getCoordinates()[k].y), Double.doubleToRawLongBits(b.geometry().getCoordinates()[k].y));
            }
            sites.add(b);
            results.add(check.run(b, null, SiteCheck.DEFAULT_NEARBY_M));
        }
        SiteCheckJson json = new SiteCheckJson();
        for (int i = 0; i < results.size(); i++) {
            SiteCheckUseCase.Outcome o = new SiteCheckUseCase.Outcome(results.get(i), sites.get(i), layers, ReportLanguage.ZH, null);
            assertArrayEquals(JsonMapping.MAPPER.writeValueAsBytes(SiteCheckJson.withSiteGeometry(o.result(), o.site(), o.siteGeometry())),
                    json.render(o, false).bytes());
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        int rounds = Integer.getInteger("ab.rounds", 6);
        int n = bodies.size();
        // [round][0 before,1 after]: cpu ns, alloc bytes, for read and for json
        long[][] readCpu = new long[rounds][2], readAlloc = new long[rounds][2], jsonCpu = new long[rounds][2], jsonAlloc = new long[rounds][2];
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < n; i++) {
                byte[] body = bodies.get(i);
                boolean oldFirst = ((i + round) & 1) == 0;
                for (int k = 0; k < 2; k++) {
                    int v = (oldFirst == (k == 0)) ? 0 : 1;
                    long a0 = threads.getThreadAllocatedBytes(self), c0 = threads.getCurrentThreadCpuTime();
                    SiteInput s = (v == 0 ? before : after).read(body, null, null);
                    long c1 = threads.getCurrentThreadCpuTime(), a1 = threads.getThreadAllocatedBytes(self);
                    readCpu[round][v] += c1 - c0;
                    readAlloc[round][v] += a1 - a0;
                    sink += s.vertexCount();
                }
                SiteCheckUseCase.Outcome o = new SiteCheckUseCase.Outcome(results.get(i), sites.get(i), layers, ReportLanguage.ZH, null);
                for (int k = 0; k < 2; k++) {
                    int v = (oldFirst == (k == 0)) ? 0 : 1;
                    long a0 = threads.getThreadAllocatedBytes(self), c0 = threads.getCurrentThreadCpuTime();
                    byte[] b = v == 0 ? JsonMapping.MAPPER.writeValueAsBytes(SiteCheckJson.withSiteGeometry(o.result(), o.site(), o.siteGeometry()))
                            : json.render(o, false).bytes();
                    long c1 = threads.getCurrentThreadCpuTime(), a1 = threads.getThreadAllocatedBytes(self);
                    jsonCpu[round][v] += c1 - c0;
                    jsonAlloc[round][v] += a1 - a0;
                    sink += b.length;
                }
            }
            out.append(fmt("round %d (load %s): read site before %.1f µs / %.1f KB, after %.1f µs / %.1f KB;  JSON answer before %.1f µs / %.1f KB, after %.1f µs / %.1f KB%n",
                    round + 1, ExternalLoad.loadavg(),
                    readCpu[round][0] / 1e3 / n, readAlloc[round][0] / 1024.0 / n, readCpu[round][1] / 1e3 / n, readAlloc[round][1] / 1024.0 / n,
                    jsonCpu[round][0] / 1e3 / n, jsonAlloc[round][0] / 1024.0 / n, jsonCpu[round][1] / 1e3 / n, jsonAlloc[round][1] / 1024.0 / n));
        }
        // the warm rounds (all but the first two): median of the rounds
        out.append(fmt("median of rounds 3–%d: read site %.1f → %.1f µs CPU, %.1f → %.1f KB; JSON answer %.1f → %.1f µs CPU, %.1f → %.1f KB (per site, this thread)%n",
                rounds, median(readCpu, 0, n, 1e3), median(readCpu, 1, n, 1e3), median(readAlloc, 0, n, 1024), median(readAlloc, 1, n, 1024),
                median(jsonCpu, 0, n, 1e3), median(jsonCpu, 1, n, 1e3), median(jsonAlloc, 0, n, 1024), median(jsonAlloc, 1, n, 1024)));
        out.append(fmt("load average at end: %s (UTC %s); checksum %d%n", ExternalLoad.loadavg(), java.time.Instant.now(), sink));
        System.out.println("\n===== ReadAnswerCostAB =====\n" + out);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "read-answer-cost-ab.txt"), out.toString());
    }

    private static double median(long[][] v, int variant, int n, double unit) {
        int rounds = v.length;
        int from = Math.min(2, rounds - 1);
        double[] w = new double[rounds - from];
        for (int r = from; r < rounds; r++) w[r - from] = v[r][variant] / unit / n;
        Arrays.sort(w);
        return w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
    }
}
