package cn.ecozone.process;

import cn.ecozone.io.Geometries;
import cn.ecozone.io.SiteInputReader;
import com.fasterxml.jackson.databind.util.RawValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a job's lane does for a project besides the check itself, timed alone on the sites of {@code BatchBenchmark}
 * (10,000 star-shaped 500-vertex sites as a CSV of name + WKT): reading the row (split, WKT, validity), the site's
 * shape as GeoJSON text, and the row made ready ({@link BatchOutput.Row#of}: JSON, table cells, CSV line) for an
 * outcome with four hits. No layers, no analysis: the part of a project the process package owns, measured with
 * the same input on two builds for an A/B (the CPU time of the thread, rounds interleaved, the best of each).
 * Run: {@code mvn -B -ntp -Pbench -DbuildDir=… test -Dtest=BatchRowBenchmark}.
 */
@Tag("bench")
class BatchRowBenchmark {
    static final int PROJECTS = 10_000, VERTICES = 500, ROUNDS = 7;

    @Test
    void rowPreparationPerProject() throws Exception {
        String text = projectList();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double[][] us = new double[3][ROUNDS];
        long checksum = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // 1. read every row as a job's lane does
            List<ProjectRow> rows = new ArrayList<>(PROJECTS);
            long t0 = cpu.getCurrentThreadCpuTime();
            BatchInputReader.Cursor cursor = new BatchInputReader(null, SiteInputReader.DEFAULT_MAX_VERTICES).open(text).cursor(0);
            for (BatchInputReader.Pending p; (p = cursor.next()) != null; ) rows.add(p.read());
            long t1 = cpu.getCurrentThreadCpuTime();
            // 2. the site's shape as GeoJSON text (ProjectOutcome.of keeps it for the row)
            List<String> shapes = new ArrayList<>(PROJECTS);
            for (ProjectRow row : rows) shapes.add(SiteShapeJson.write(row.site().geometry()));
            long t2 = cpu.getCurrentThreadCpuTime();
            // 3. the row made ready: JSON (with the shape), table cells, CSV line
            Random h = new Random(round);
            for (int i = 0; i < PROJECTS; i++) {
                ProjectRow row = rows.get(i);
                List<ProjectOutcome.HitRow> hits = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    double m2 = h.nextDouble() * 3e6;
                    hits.add(new ProjectOutcome.HitRow(k % 2 == 0 ? "redline" : "control_unit", k % 2 == 0 ? "生态保护红线" : "环境管控单元", "F" + k,
                            "区域" + k, k == 1 ? "一级" : null, m2, m2 / 1e4, m2 / 666.6666666666666, h.nextDouble(), h.nextDouble() * 1e-3));
                }
                ProjectOutcome o = new ProjectOutcome(row.row(), null, row.name(), "pv", "光伏", "prohibited", "禁止准入", null, h.nextDouble() * 3000,
                        h.nextDouble() * 45000, List.of(new ProjectOutcome.Dimension("空间布局约束", "prohibited", "禁止准入")), List.copyOf(hits),
                        new ProjectOutcome.Nearest("redline", "生态保护红线", "F0", "区域0", h.nextDouble() * 1000), List.of(), null, "v1",
                        Jobs.MAPPER.getNodeFactory().rawValueNode(new RawValue(shapes.get(i))));
                BatchOutput.Row r = BatchOutput.Row.of(o);
                checksum += r.json().length + r.csvLine().length;
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            us[0][round] = (t1 - t0) / 1e3 / PROJECTS;
            us[1][round] = (t2 - t1) / 1e3 / PROJECTS;
            us[2][round] = (t3 - t2) / 1e3 / PROJECTS;
            assertEquals(PROJECTS, rows.size());
        }
        assertTrue(checksum > 0);
        String[] names = {"read the row (split, WKT, validity)", "site shape as GeoJSON text", "row made ready (JSON, cells, CSV line)"};
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "load average %s%n", Files.readString(Path.of("/proc/loadavg")).strip()));
        for (int k = 0; k < 3; k++) {
            double[] s = us[k].clone();
            Arrays.sort(s);
            report.append(String.format(Locale.ROOT, "%-42s best %7.1f µs, median %7.1f µs per project (thread CPU, %d rounds)%n", names[k], s[0],
                    s[ROUNDS / 2], ROUNDS));
        }
        System.out.println("\n===== BatchRowBenchmark =====\n" + report);
    }

    /** The benchmarks' project list: {@value #PROJECTS} stars of {@value #VERTICES} vertices as a CSV of name and WKT (seed 15). */
    static String projectList() {
        Random rnd = new Random(15);
        double[] radii = {0.3, 0.6, 1.0, 1.5, 2.0, 3.0, 5.0};
        StringBuilder csv = new StringBuilder("name,wkt\n");
        for (int i = 0; i < PROJECTS; i++) {
            double cx = 105.1 + rnd.nextDouble() * 14.8, cy = 30.1 + rnd.nextDouble() * 11.8, r = radii[i % radii.length] / 111.0;
            double phase = rnd.nextDouble() * Math.PI;
            StringBuilder wkt = new StringBuilder("POLYGON((");
            Coordinate first = null;
            for (int j = 0; j < VERTICES; j++) {
                double a = 2 * Math.PI * j / VERTICES, rr = r * (0.8 + 0.2 * Math.sin(a * 7 + phase) + 0.02 * rnd.nextDouble());
                Coordinate c = new Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
                if (first == null) first = c;
                wkt.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f %.6f", c.x, c.y));
            }
            wkt.append(String.format(Locale.ROOT, ",%.6f %.6f))", first.x, first.y));
            csv.append("项目").append(i + 1).append(",\"").append(wkt).append("\"\n");
        }
        return csv.toString();
    }
}
