package cn.ecozone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check --batch}: the table, the reports ZIP and the progress bar; and the 动态更新 review
 * {@code --layers old --against new} on two layer folders that differ in one unit's type and one red-line polygon,
 * which lists exactly the projects those two changes touch.
 */
class BatchCommandTest {
    @TempDir Path dir;
    static final ObjectMapper M = new ObjectMapper();

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path copyLayers(Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(Path.of("layers"))) {
            for (Path f : files.toList()) if (Files.isRegularFile(f) && !f.toString().endsWith(".journal.jsonl")) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }

    static String square(double x, double y, double d) {
        return String.format(Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x - d, y - d, x + d, y - d, x + d, y + d, x - d, y + d, x - d, y - d);
    }

    /** The interior point of a feature of a layer file. */
    static double[] interior(Path layers, String file, String code) throws Exception {
        JsonNode fc = M.readTree(layers.resolve(file).toFile());
        for (JsonNode f : fc.get("features")) {
            if (!f.at("/properties/code").asText().equals(code)) continue;
            var g = new cn.ecozone.io.SiteInputReader().read(M.writeValueAsBytes(f.get("geometry")), null, null).geometry();
            var p = g.getInteriorPoint();
            return new double[] {p.getX(), p.getY()};
        }
        throw new AssertionError(code);
    }

    @Test
    void aBatchWritesTheTableAndOnePdfPerProjectWithAProgressBar() throws Exception {
        double[] unit = interior(Path.of("layers"), "control_unit.geojson", "ZH14021530002");
        Path csv = dir.resolve("projects.csv");
        Files.writeString(csv, "项目名称,WKT\nA,\"" + square(unit[0], unit[1], 0.0003) + "\"\nB,\"" + square(unit[0] + 0.001, unit[1], 0.0003)
                + "\"\n坏行,LINESTRING(1 2, 3 4)\n");
        Path out = dir.resolve("results.csv"), reports = dir.resolve("reports.zip");
        Run r = run("check", "--batch", csv.toString(), "--industry", "光伏", "--out", out.toString(), "--reports", reports.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("3/3 100%"), "progress bar: " + r.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("\uFEFF序号"));
        assertTrue(lines.get(3).contains("坏行") && lines.get(3).contains("无法研判"), lines.get(3));
        try (ZipFile zip = new ZipFile(reports.toFile())) {
            assertEquals(2, zip.size());
            var pdf = zip.getInputStream(zip.entries().nextElement()).readAllBytes();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertTrue(text.replaceAll("\\s", "").contains("数据版本2025-12-31-"), "the report names the data version");
            }
        }
    }

    @Test
    void theVersionReviewListsExactlyTheProjectsTouchedByAChangedUnitTypeAndAChangedRedLine() throws Exception {
        Path old = copyLayers(dir.resolve("old")), updated = copyLayers(dir.resolve("new"));
        String redCode = "HX-140213-01";
        double[] inRed = interior(old, "redline.geojson", redCode);
        double[] inUnit = interior(old, "control_unit.geojson", "ZH14021530002");
        // the update: the unit becomes 重点管控; the red line loses a 0.002° square around the first project
        ObjectNode units = (ObjectNode) M.readTree(updated.resolve("control_unit.geojson").toFile());
        for (JsonNode f : units.get("features")) {
            if (f.at("/properties/code").asText().equals("ZH14021530002")) ((ObjectNode) f.get("properties")).put("type", "重点管控");
        }
        M.writeValue(updated.resolve("control_unit.geojson").toFile(), units);
        ObjectNode reds = (ObjectNode) M.readTree(updated.resolve("redline.geojson").toFile());
        for (JsonNode f : reds.get("features")) {
            if (!f.at("/properties/code").asText().equals(redCode)) continue;
            ArrayNode hole = ((ArrayNode) f.at("/geometry/coordinates")).addArray();
            double x = inRed[0], y = inRed[1], d = 0.001;
            for (double[] c : new double[][] {{x - d, y - d}, {x - d, y + d}, {x + d, y + d}, {x + d, y - d}, {x - d, y - d}}) hole.addArray().add(c[0]).add(c[1]);
        }
        M.writeValue(updated.resolve("redline.geojson").toFile(), reds);

        List<String> rows = new ArrayList<>();
        rows.add("name,wkt");
        rows.add("红线项目,\"" + square(inRed[0], inRed[1], 0.0003) + "\""); // touched by the red-line change
        rows.add("单元项目,\"" + square(inUnit[0], inUnit[1], 0.0003) + "\""); // touched by the type change
        rows.add("别处项目一,\"" + square(inUnit[0] + 0.3, inUnit[1] - 0.2, 0.0003) + "\"");
        rows.add("别处项目二,\"" + square(113.0, 40.3, 0.0005) + "\"");
        rows.add("数据范围外,\"" + square(116.0, 40.0, 0.001) + "\"");
        Path csv = dir.resolve("list.csv");
        Files.write(csv, rows, StandardCharsets.UTF_8);
        Path out = dir.resolve("changes.csv");
        Run r = run("check", "--batch", csv.toString(), "--industry", "光伏", "--layers", old.toString(), "--against", updated.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> changed = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(3, changed.size(), "header + the two touched projects: " + changed);
        assertTrue(changed.get(1).startsWith("2,红线项目,verdict+hits,禁止准入,"), changed.get(1));
        assertTrue(changed.get(2).startsWith("3,单元项目,hits,"), changed.get(2));
        assertTrue(r.err().contains("有变化的项目 changed projects: 2 / 5"), r.err());
    }
}
