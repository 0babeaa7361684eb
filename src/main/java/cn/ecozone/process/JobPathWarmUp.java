package cn.ecozone.process;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A batch job's path compiled before the first real job after a start. The first job after a start ran at 1.3–1.9× the
 * PostGIS join against 2.2–3.4× for the next: it paid the JIT compiling the job's whole path (7–10 s of compiler time
 * on two cores during a 6–9 s job; docs/benchmarks/batch.md, session 4). This runs a list of generated sites as a
 * {@code batch-check} job of a {@link ProcessService} of its own — the same lanes, the same {@link Background} budget
 * (so an interactive request pre-empts it as it pre-empts a job), the same reading, check, row and tables — over a
 * temporary folder that is deleted afterwards: nothing of it is listed under {@code /jobs} or kept on disk.
 * <p>
 * The sites are stars of 0.3–5 km with 12–500 vertices at random points of the served layers' extent (some outside
 * every zone), the industries none and each of the access list's in turn, so both verdict paths run.
 */
public final class JobPathWarmUp {
    private JobPathWarmUp() {}

    /** What the warm-up did: sites run, the job's status and rows it could not check, wall and process CPU milliseconds. */
    public record Outcome(int sites, String status, int failedRows, long millis, long cpuMillis) {}

    private static final double[] RADII_KM = {0.3, 0.6, 1, 2, 5};
    private static final int[] VERTICES = {12, 40, 120, 500};

    /**
     * Runs {@code sites} generated sites as one job and waits for it; {@code stop} (checked every 50 ms) dismisses it.
     * Never throws for the job's own failure: the outcome says it.
     */
    public static Outcome run(Supplier<LayerSet> layers, Supplier<AccessList> accessList, ProcessService.Settings settings,
                              ProcessService.SiteChecker interactive, Background background, int sites, BooleanSupplier stop) {
        long t0 = System.nanoTime(), cpu0 = processCpuNanos();
        if (stop.getAsBoolean()) return new Outcome(sites, "dismissed", 0, 0, 0);
        String projects = list(layers.get(), accessList.get(), sites, 20261202L);
        Path dir;
        try {
            dir = Files.createTempDirectory("ecozone-job-warm-up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String status = "dismissed";
        int failedRows = 0;
        try (ProcessService service = new ProcessService(layers, accessList, settings, interactive, background, dir)) {
            if (!stop.getAsBoolean()) {
                ObjectNode request = JsonNodeFactory.instance.objectNode();
                request.putObject("inputs").put("projects", projects);
                String id = service.submit(ProcessService.BATCH_CHECK, request).jobID;
                while (true) {
                    Optional<JobState> now = service.jobs().get(id);
                    if (now.isEmpty()) break; // dismissed
                    if (now.get().finished()) {
                        status = now.get().status;
                        failedRows = now.get().failedRows;
                        break;
                    }
                    if (stop.getAsBoolean()) {
                        service.jobs().dismiss(id);
                        break;
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        service.jobs().dismiss(id);
                        break;
                    }
                }
            }
        } finally {
            delete(dir);
        }
        return new Outcome(sites, status, failedRows, (System.nanoTime() - t0) / 1_000_000, (processCpuNanos() - cpu0) / 1_000_000);
    }

    /** The warm-up's list: a CSV of name, industry, WKT. */
    static String list(LayerSet set, AccessList accessList, int sites, long seed) {
        Envelope extent = new Envelope();
        for (FeatureSource s : set.inOrder()) {
            Envelope e = s.extent();
            if (e != null && !e.isNull()) extent.expandToInclude(e);
        }
        if (extent.isNull()) extent = new Envelope(110, 115, 35, 40);
        List<String> industries = new ArrayList<>();
        industries.add("");
        for (Industry i : accessList.industries()) industries.add(i.id());
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder(sites * 4_000).append("name,industry,wkt\n");
        for (int i = 0; i < sites; i++) {
            double cx = extent.getMinX() + rnd.nextDouble() * extent.getWidth(), cy = extent.getMinY() + rnd.nextDouble() * extent.getHeight();
            double rLat = RADII_KM[rnd.nextInt(RADII_KM.length)] / 111.0, rLon = rLat / Math.max(0.2, Math.cos(Math.toRadians(cy)));
            int n = VERTICES[rnd.nextInt(VERTICES.length)];
            csv.append("warm-up-").append(i).append(',').append(industries.get(i % industries.size())).append(",\"POLYGON((");
            String first = null;
            for (int k = 0; k < n; k++) { // a star around the centre: angles in order, so the ring is simple
                double a = 2 * Math.PI * k / n, f = 0.6 + 0.4 * rnd.nextDouble();
                String p = String.format(Locale.ROOT, "%.6f %.6f", cx + f * rLon * Math.cos(a), cy + f * rLat * Math.sin(a));
                if (k == 0) first = p;
                csv.append(p).append(',');
            }
            csv.append(first).append("))\"\n");
        }
        return csv.toString();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Deletes the folder; a job dismissed a moment ago may still be writing its last file, so a few tries. */
    private static void delete(Path dir) {
        for (int attempt = 0; attempt < 20 && Files.exists(dir); attempt++) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException | UncheckedIOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return; // a temporary folder left behind; nothing else depends on it
                }
            }
        }
    }
}
