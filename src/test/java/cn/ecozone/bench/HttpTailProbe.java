package cn.ecozone.bench;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.config.EcoZoneConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SyntheticLoad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.ecozone.bench.ExternalLoad.fmt;

/**
 * Where wrk's p99 tail comes from (issue 13): wrk against {@code /health}, identify and the site check of servers
 * that differ in one setting at a time, interleaved, with what happened inside the server's JVM during each run: GC
 * pauses (count, longest, sum), the CPU of each thread (which background threads were still working), and whether
 * the start-up background threads were alive. Variants: {@code probe.variants} (comma list of {@code default},
 * {@code nolog}, {@code nowarm}); {@code probe.what} (comma list of {@code health}, {@code identify}, {@code site});
 * {@code probe.seconds}, {@code probe.rounds}, {@code probe.clients}. For finding the cause, not a comparison.
 * Run: {@code mvn -B -ntp -Pbench -DbuildDir=/tmp/bench test -Dtest=HttpTailProbe -Dbaseline.load=DIR}
 */
@Tag("bench")
class HttpTailProbe {
    @TempDir Path dir;

    private GcPauses pauses;
    private final StringBuilder waits = new StringBuilder();

    @Test
    void whereTheWrkTailComesFrom() throws Exception {
        StringBuilder out = new StringBuilder(fmt("load average at start: %s%n", ExternalLoad.loadavg()));
        String keep = System.getProperty("baseline.load");
        Path d = keep == null || keep.isBlank() ? Files.createDirectories(dir.resolve("national")) : Files.createDirectories(Path.of(keep));
        if (!Files.exists(d.resolve("catalog.json"))) SyntheticLoad.write(d, SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES);
        LayerSet layers = LayerLoader.load(d).layers();
        pauses = GcPauses.listen();
        List<String> bodies = new ArrayList<>(), ids = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < StrongestBaselineBenchmark.SITES; i++) {
            double cx = SiteCheckBenchmark.EXTENT.getMinX() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getWidth() - 0.1);
            double cy = SiteCheckBenchmark.EXTENT.getMinY() + 0.05 + rnd.nextDouble() * (SiteCheckBenchmark.EXTENT.getHeight() - 0.1);
            Geometry site = SiteCheckBenchmark.site(rnd, cx, cy);
            bodies.add(SiteCheckBenchmark.geoJson(site));
            ids.add(fmt("/analysis/identify?lon=%.7f&lat=%.7f", cx, cy));
        }
        Path siteFile = dir.resolve("sites.geojsonl"), idFile = dir.resolve("identify.txt"), healthFile = dir.resolve("health.txt");
        Files.write(siteFile, bodies, StandardCharsets.UTF_8);
        Files.write(idFile, ids, StandardCharsets.UTF_8);
        Files.write(healthFile, List.of("/health"), StandardCharsets.UTF_8);

        List<String> variants = List.of(System.getProperty("probe.variants", "warm,base,nolog").split(","));
        List<String> whats = List.of(System.getProperty("probe.what", "health,identify,site").split(","));
        int seconds = Integer.getInteger("probe.seconds", 5), rounds = Integer.getInteger("probe.rounds", 2);
        int clients = Integer.getInteger("probe.clients", 1);
        Map<String, EcoZoneServer> servers = new LinkedHashMap<>();
        try {
            for (String v : variants) {
                EcoZoneConfig c = ServerConfig.defaults(0).settings();
                EcoZoneConfig.Ops o = c.ops();
                // warm: as the benchmark starts it (tile warm-up and access log on); base: no tile warm-up; nolog: neither
                boolean log = !v.contains("nolog"), warm = v.contains("warm") || v.equals("default");
                c = c.withOps(o.withAccessLog(log && o.accessLog()).withTileWarmUp(warm && o.tileWarmUp()));
                servers.put(v, EcoZoneServer.start(ServerConfig.defaults(0).withSettings(c), layers));
                out.append(fmt("started %s on port %d%n", v, servers.get(v).port()));
            }
            out.append(fmt("alive after start: %s%n", background()));
            long started = System.nanoTime();
            Map<String, String> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
            Thread sampler = new Thread(() -> {
                ThreadMXBean b = ManagementFactory.getThreadMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                    for (ThreadInfo i : b.getThreadInfo(b.getAllThreadIds())) {
                        if (i == null || !(i.getThreadName().contains("warm") || i.getThreadName().contains("data-version"))) continue;
                        lastSeen.put(i.getThreadName() + "#" + i.getThreadId(), fmt("CPU %d ms, alive at %.0f s after start",
                                b.getThreadCpuTime(i.getThreadId()) / 1_000_000, (System.nanoTime() - started) / 1e9));
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "probe-sampler");
            sampler.setDaemon(true);
            sampler.start();
            // the same warm-up as StrongestBaselineBenchmark: first requests (the data version), then wrk
            for (var e : servers.entrySet()) {
                try (RawHttp raw = new RawHttp(e.getValue().port())) {
                    for (int i = 0; i < 100; i++) {
                        RawHttp.Response r = raw.post("/analysis/site-check", "application/geo+json", bodies.get(i).getBytes(StandardCharsets.UTF_8));
                        if (r.status() != 200) throw new AssertionError(r.text());
                    }
                }
                out.append(fmt("%s: 100 raw site checks done; alive: %s; load %s%n", e.getKey(), background(), ExternalLoad.loadavg()));
                ExternalLoad.wrk(dir, e.getValue().port(), "POST", "/analysis/site-check", "application/geo+json", siteFile, 1, 10);
                ExternalLoad.wrk(dir, e.getValue().port(), "GET", null, null, idFile, 1, 5);
            }
            out.append(fmt("after warm-up, alive: %s; load %s%n", background(), ExternalLoad.loadavg()));
            out.append("\nround | variant | what | clients | requests | wrk p50 / p99 ms (CO-corrected) | raw p50 / p99 / max ms | req/s | GC pauses n / max / sum ms | JVM CPU µs/req | Maven CPU µs/req | "
                    + "alloc KB/req (Jetty threads) | alive | busiest threads (CPU ms) | load\n");
            for (int round = 0; round < rounds; round++) {
                for (String what : whats) {
                    List<String> order = new ArrayList<>(variants);
                    if (round % 2 == 1) Collections.reverse(order);
                    for (String v : order) {
                        int port = servers.get(v).port();
                        Map<Long, long[]> cpu0 = threadCpu();
                        long jvm0 = processCpu(), mvn0 = parentCpu(), alloc0 = jettyAllocated();
                        long[] own0 = ownRunQueue();
                        long t0 = ManagementFactory.getRuntimeMXBean().getUptime();
                        String alive = background();
                        ExternalLoad.Run r = switch (what) {
                            case "site" -> ExternalLoad.wrk(dir, port, "POST", "/analysis/site-check", "application/geo+json", siteFile, clients, seconds);
                            case "identify" -> ExternalLoad.wrk(dir, port, "GET", null, null, idFile, clients, seconds);
                            default -> ExternalLoad.wrk(dir, port, "GET", null, null, healthFile, clients, seconds);
                        };
                        long t1 = ManagementFactory.getRuntimeMXBean().getUptime();
                        long[] own1 = ownRunQueue();
                        double n = Math.max(1, r.requests());
                        waits.append(fmt("%d | %s | %s | %d | %,d | %.3f / %.3f | %.1f | %.1f%n", round + 1, v, what, clients, r.requests(), r.rawP50(), r.rawP99(),
                                (own1[0] - own0[0]) / 1e3 / n, (own1[1] - own0[1]) / 1e3 / n));
                        out.append(fmt("%d | %s | %s | %d | %,d | %.3f / %.3f | %.3f / %.3f / %.1f | %,.0f | %s | %.0f | %.0f | %.1f | %s | %s | %s%n", round + 1, v, what, clients, r.requests(), r.p50(), r.p99(),
                                r.rawP50(), r.rawP99(), r.rawMax(),
                                r.perSecond(), pauses.between(t0, t1), (processCpu() - jvm0) / 1e3 / n, (parentCpu() - mvn0) / 1e3 / n, (jettyAllocated() - alloc0) / 1024.0 / n,
                                alive, busiest(cpu0, threadCpu()), ExternalLoad.loadavg()));
                    }
                }
            }
            out.append(fmt("background threads (last sample): %s%n", lastSeen));
            out.append("\nrun-queue waits (/proc/self/task/N/schedstat: time runnable but waiting for a CPU), "
                    + "Jetty's threads and the JVM's other threads\nround | variant | what | clients | requests | raw p50 / p99 ms | Jetty: wait µs/req | "
                    + "others: wait µs/req\n").append(waits);
            sampler.interrupt();
        } finally {
            for (EcoZoneServer s : servers.values()) s.close();
        }
        out.append(fmt("load average at end: %s%n", ExternalLoad.loadavg()));
        System.out.println("\n===== HttpTailProbe =====\n" + out);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "http-tail-probe.txt"), out.toString());
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The CPU of the parent process (Maven, which reads the fork's standard output and error), in ns. */
    private static long parentCpu() {
        try {
            long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
            String[] f = Files.readString(Path.of("/proc/" + ppid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime + stime in 1/100 s
        } catch (Exception e) {
            return 0;
        }
    }

    private static long jettyAllocated() {
        com.sun.management.ThreadMXBean b = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo i : b.getThreadInfo(b.getAllThreadIds())) {
            if (i != null && i.getThreadName().startsWith("JettyServerThreadPool")) sum += Math.max(0, b.getThreadAllocatedBytes(i.getThreadId()));
        }
        return sum;
    }

    /** ns this JVM's threads spent runnable but waiting for a CPU: the Jetty threads, and all others. */
    static long[] ownRunQueue() {
        List<Path> jetty = RunQueueWaits.jettyTasks();
        List<Path> others = new ArrayList<>(RunQueueWaits.tasksOf(ProcessHandle.current().pid()));
        others.removeAll(jetty);
        return new long[] {RunQueueWaits.read(jetty).values().stream().mapToLong(Long::longValue).sum(),
                RunQueueWaits.read(others).values().stream().mapToLong(Long::longValue).sum()};
    }

    /** The start-up background threads still alive. */
    private static String background() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (t.isAlive() && (n.contains("warm") || n.contains("data-version") || n.contains("snapshot") || n.contains("low-zoom"))) names.add(n);
        }
        return names.isEmpty() ? "-" : String.join("+", names);
    }

    private static String backgroundCpu() {
        ThreadMXBean b = ManagementFactory.getThreadMXBean();
        StringBuilder sb = new StringBuilder();
        for (ThreadInfo i : b.getThreadInfo(b.getAllThreadIds())) {
            if (i == null) continue;
            String n = i.getThreadName();
            if (n.contains("warm") || n.contains("data-version")) sb.append(n).append(' ').append(b.getThreadCpuTime(i.getThreadId()) / 1_000_000).append(" ms; ");
        }
        return sb.toString();
    }

    private static Map<Long, long[]> threadCpu() {
        ThreadMXBean b = ManagementFactory.getThreadMXBean();
        Map<Long, long[]> m = new HashMap<>();
        for (long id : b.getAllThreadIds()) m.put(id, new long[] {b.getThreadCpuTime(id)});
        return m;
    }

    private static String busiest(Map<Long, long[]> before, Map<Long, long[]> after) {
        ThreadMXBean b = ManagementFactory.getThreadMXBean();
        List<Map.Entry<String, Long>> d = new ArrayList<>();
        Map<String, Long> byName = new HashMap<>();
        for (var e : after.entrySet()) {
            long a = e.getValue()[0], s = before.containsKey(e.getKey()) ? before.get(e.getKey())[0] : 0;
            if (a < 0) continue;
            ThreadInfo i = b.getThreadInfo(e.getKey());
            String name = i == null ? "#" + e.getKey() : i.getThreadName().replaceAll("-\\d+$", "-N").replaceAll("\\d+$", "N");
            byName.merge(name, a - Math.max(0, s), Long::sum);
        }
        d.addAll(byName.entrySet());
        d.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(5, d.size()); i++) {
            if (d.get(i).getValue() < 20_000_000) break;
            sb.append(i == 0 ? "" : ", ").append(d.get(i).getKey()).append(' ').append(d.get(i).getValue() / 1_000_000);
        }
        return sb.toString();
    }
}
