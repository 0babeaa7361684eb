package cn.ecozone.io;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The stream alone (no validation, no CRS), A/B in turns on 2,000 benchmark-shaped 500-vertex GeoJSON polygons:
 * Jackson's tokens ({@link GeoJsonSiteStream#read(JsonFactory, byte[], int)}) against the bytes ({@link
 * GeoJsonSiteStream#readBytes}), and the numbers alone ({@code Double.parseDouble} of the text against {@link
 * JsonDoubles#parse}). CPU time per site of this thread. Run under the benchmark lock: {@code mvn -Pbench … -Dtest=SiteStreamCostAB}.
 */
@Tag("bench")
class SiteStreamCostAB {
    @Test
    void streamAloneBeforeAndAfter() throws Exception {
        JsonFactory json = GeoJsonSiteStreamTest.MAPPER.getFactory();
        Random r = new Random(7);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            org.locationtech.jts.geom.Coordinate[] cs = new org.locationtech.jts.geom.Coordinate[501];
            double cx = 105 + r.nextDouble() * 15, cy = 30 + r.nextDouble() * 12;
            for (int j = 0; j < 500; j++) {
                double a = 2 * Math.PI * j / 500, rr = 0.018 * (0.8 + 0.2 * Math.sin(a * 7) + 0.02 * r.nextDouble());
                cs[j] = new org.locationtech.jts.geom.Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
            }
            cs[500] = cs[0];
            java.io.StringWriter w = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = new JsonFactory().createGenerator(w)) {
                GeoJsonGeometryWriter.write(g, Geometries.FACTORY.createPolygon(cs));
            }
            bodies.add(w.toString().getBytes(StandardCharsets.UTF_8));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long sink = 0;
        StringBuilder out = new StringBuilder("load " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip() + " UTC " + java.time.Instant.now() + "\n");
        for (int round = 0; round < 6; round++) {
            long[] cpu = new long[2], alloc = new long[2];
            for (int i = 0; i < bodies.size(); i++) {
                for (int k = 0; k < 2; k++) {
                    int v = ((i + round + k) & 1);
                    long a0 = threads.getThreadAllocatedBytes(self), c0 = threads.getCurrentThreadCpuTime();
                    GeoJsonSiteStream.Site s = v == 0 ? GeoJsonSiteStream.read(json, bodies.get(i), 100_000) : GeoJsonSiteStream.readBytes(bodies.get(i), 100_000);
                    long c1 = threads.getCurrentThreadCpuTime(), a1 = threads.getThreadAllocatedBytes(self);
                    cpu[v] += c1 - c0;
                    alloc[v] += a1 - a0;
                    sink += s.parts().size();
                }
            }
            out.append(String.format("round %d: Jackson tokens %.1f µs / %.1f KB, bytes %.1f µs / %.1f KB per site%n", round + 1,
                    cpu[0] / 1e3 / bodies.size(), alloc[0] / 1024.0 / bodies.size(), cpu[1] / 1e3 / bodies.size(), alloc[1] / 1024.0 / bodies.size()));
        }
        // numbers alone: every number text of the first 200 bodies
        List<String> texts = new ArrayList<>();
        List<byte[]> raw = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher("");
        for (int i = 0; i < 200; i++) {
            m.reset(new String(bodies.get(i), StandardCharsets.US_ASCII));
            while (m.find()) {
                texts.add(m.group());
                raw.add(m.group().getBytes(StandardCharsets.US_ASCII));
            }
        }
        for (int round = 0; round < 6; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (String t : texts) sink += Double.doubleToRawLongBits(Double.parseDouble(t));
            long c1 = threads.getCurrentThreadCpuTime();
            for (byte[] b : raw) sink += Double.doubleToRawLongBits(JsonDoubles.parse(b, 0, b.length));
            long c2 = threads.getCurrentThreadCpuTime();
            for (String t : texts) sink += Double.doubleToRawLongBits(com.fasterxml.jackson.core.io.NumberInput.parseDouble(t, true));
            long c3 = threads.getCurrentThreadCpuTime();
            out.append(String.format("numbers (%d, e.g. %s): Double.parseDouble %.1f ns, JsonDoubles %.1f ns, FastDoubleParser %.1f ns each%n", texts.size(), texts.get(1),
                    (c1 - c0) / (double) texts.size(), (c2 - c1) / (double) texts.size(), (c3 - c2) / (double) texts.size()));
        }
        out.append("load " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip() + " UTC " + java.time.Instant.now() + " checksum " + sink + "\n");
        System.out.println("\n===== SiteStreamCostAB =====\n" + out);
    }
}
