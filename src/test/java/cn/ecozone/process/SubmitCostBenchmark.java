package cn.ecozone.process;

import cn.ecozone.io.SiteInputReader;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where the server's time goes when {@code BatchBenchmark}'s list (10,000 star-shaped 500-vertex sites, a 105 MB CSV
 * sent inline as one JSON string) is submitted, phase by phase, in process (no HTTP): the execution body parsed into
 * a tree (as {@code ProcessesRoutes} reads it), the list opened and its rows counted, {@code inputs.json} made and
 * written (bytes, then written and forced; and streamed into the file as {@link Jobs#writeAtomically(Path, JsonNode)}
 * does). Thread CPU and wall time per phase, the best of the rounds. Run: {@code mvn -B -ntp -Pbench
 * -DbuildDir=… test -Dtest=SubmitCostBenchmark}; the report goes to {@code $TMPDIR/submit-cost.txt}.
 */
@Tag("bench")
class SubmitCostBenchmark {
    static final int PROJECTS = BatchRowBenchmark.PROJECTS, ROUNDS = 4;

    @Test
    void submitPhases() throws Exception {
        ObjectNode request = Jobs.MAPPER.createObjectNode();
        request.putObject("inputs").put("projects", BatchRowBenchmark.projectList()).put("industry", "光伏"); // the same 10,000 projects
        byte[] body = Jobs.MAPPER.writeValueAsBytes(request);
        // the reader ProcessesRoutes uses for execution bodies (a string as long as the body limit)
        ObjectMapper bodies = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE - 16).build()).build());
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "jit4-submit-cost"));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String[] names = {"parse the body (readTree)", "open the list, count its rows", "inputs.json as bytes (writeValueAsBytes)",
                "write + force those bytes (writeAtomically)", "inputs.json streamed into the file + force"};
        double[][] best = new double[names.length][2];
        for (double[] b : best) b[0] = b[1] = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long[] c = new long[names.length], w = new long[names.length];
            long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            JsonNode parsed = bodies.readTree(new ByteArrayInputStream(body));
            c[0] = cpu.getCurrentThreadCpuTime() - c0;
            w[0] = System.nanoTime() - w0;
            JsonNode inputs = parsed.get("inputs");
            c0 = cpu.getCurrentThreadCpuTime();
            w0 = System.nanoTime();
            int n = new BatchInputReader(null, SiteInputReader.DEFAULT_MAX_VERTICES).open(inputs.get("projects").asText()).size();
            c[1] = cpu.getCurrentThreadCpuTime() - c0;
            w[1] = System.nanoTime() - w0;
            assertEquals(PROJECTS, n);
            c0 = cpu.getCurrentThreadCpuTime();
            w0 = System.nanoTime();
            byte[] stored = Jobs.MAPPER.writeValueAsBytes(inputs);
            c[2] = cpu.getCurrentThreadCpuTime() - c0;
            w[2] = System.nanoTime() - w0;
            c0 = cpu.getCurrentThreadCpuTime();
            w0 = System.nanoTime();
            Jobs.writeAtomically(dir.resolve("a.json"), stored);
            c[3] = cpu.getCurrentThreadCpuTime() - c0;
            w[3] = System.nanoTime() - w0;
            c0 = cpu.getCurrentThreadCpuTime();
            w0 = System.nanoTime();
            Jobs.writeAtomically(dir.resolve("b.json"), inputs);
            c[4] = cpu.getCurrentThreadCpuTime() - c0;
            w[4] = System.nanoTime() - w0;
            assertArrayEquals(stored, Files.readAllBytes(dir.resolve("b.json")), "the streamed inputs.json is the same bytes");
            for (int p = 0; p < names.length; p++) {
                best[p][0] = Math.min(best[p][0], c[p] / 1e6);
                best[p][1] = Math.min(best[p][1], w[p] / 1e6);
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "submit phases for a %.0f MB body (%,d projects), %s, load %s%n",
                body.length / 1e6, PROJECTS, Instant.now(), Files.readString(Path.of("/proc/loadavg")).strip()));
        for (int p = 0; p < names.length; p++) {
            report.append(String.format(Locale.ROOT, "  %-48s thread CPU %7.0f ms, wall %7.0f ms (best of %d)%n", names[p], best[p][0], best[p][1], ROUNDS));
        }
        System.out.println("\n===== SubmitCostBenchmark =====\n" + report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "submit-cost.txt"), report.toString());
        Jobs.deleteTree(dir);
    }
}
