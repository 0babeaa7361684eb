package cn.ecozone.process;

import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.SiteInputReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** batch-check jobs: stored results and reports, progress, dismissal, and a restart in the middle of a job. */
class BatchJobTest {
    @TempDir Path tmp;

    static ProcessService service(Path jobs, Background background) {
        return new ProcessService(() -> BatchFixture.LAYERS, () -> BatchFixture.LIST,
                new ProcessService.Settings(SiteInputReader.DEFAULT_MAX_VERTICES, AnalysisCaps.NONE, Long.MAX_VALUE, Long.MAX_VALUE),
                (layers, list, site, industry, nearbyM) -> new SiteCheck(layers, list).run(site, industry, nearbyM), background, jobs);
    }

    static ObjectNode request(byte[] projects, String mediaType, Map<String, Object> more) {
        ObjectNode r = Jobs.MAPPER.createObjectNode();
        ObjectNode in = r.putObject("inputs");
        in.putObject("projects").put("value", Base64.getEncoder().encodeToString(projects)).put("encoding", "base64").put("mediaType", mediaType);
        in.put("industry", "光伏");
        more.forEach((k, v) -> in.set(k, Jobs.MAPPER.valueToTree(v)));
        return r;
    }

    /** n small squares spread over the sample districts (Datong and Shuozhou), as CSV. */
    static byte[] manyProjects(int n) {
        StringBuilder b = new StringBuilder("name,wkt\n");
        for (int i = 0; i < n; i++) {
            double x = 112.3 + (i % 20) * 0.07, y = 39.4 + (i / 20) * 0.07 % 1.2, d = 0.002 + (i % 7) * 0.001;
            b.append("项目").append(i + 1).append(",\"").append(String.format(Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
                    x - d, y - d, x + d, y - d, x + d, y + d, x - d, y + d, x - d, y - d)).append("\"\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void await(ProcessService s, String id) throws InterruptedException {
        assertTrue(s.jobs().await(id, 120_000), "the job finishes");
    }

    @Test
    void aFinishedJobKeepsItsTableSummaryAndOnePdfReportPerCheckedProject() throws Exception {
        try (ProcessService s = service(tmp.resolve("jobs"), Background.DIRECT)) {
            JobState j = s.submit(ProcessService.BATCH_CHECK, request(BatchFixture.csv(), "text/csv", Map.of("reports", true)));
            await(s, j.jobID);
            JobState done = s.jobs().get(j.jobID).orElseThrow();
            assertEquals("successful", done.status, done.message);
            assertEquals(5, done.processed);
            assertEquals(5, done.total);
            assertEquals(1, done.failedRows);
            Map<String, Object> results = s.results(j.jobID, "http://x");
            assertTrue(results.containsKey("summary"));
            assertEquals(Map.of("href", "http://x/jobs/" + j.jobID + "/results/table", "type", "text/csv; charset=utf-8"), results.get("table"));
            byte[] csv = Files.readAllBytes(s.resultFile(j.jobID, "table").file());
            assertEquals((byte) 0xEF, csv[0], "UTF-8 BOM");
            List<String> pdfs = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(s.resultFile(j.jobID, "reports").file())))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    pdfs.add(e.getName());
                    byte[] pdf = zip.readAllBytes();
                    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
                }
            }
            assertEquals(List.of("0001-红线内光伏-禁止准入.pdf", "0002-一级保护区内光伏-禁止准入.pdf"), pdfs.subList(0, 2));
            assertEquals(4, pdfs.size(), "no report for the bad row");
        }
    }

    @Test
    void aJobInterruptedByARestartResumesWhereItStoppedAndEveryProjectIsCheckedOnce() throws Exception {
        int n = 240;
        Path jobs = tmp.resolve("jobs");
        String id;
        int before;
        Background slow = new Background() {
            @Override
            public <T> T run(Supplier<T> analysis) throws InterruptedException {
                Thread.sleep(5);
                return analysis.get();
            }
        };
        try (ProcessService first = service(jobs, slow)) {
            id = first.submit(ProcessService.BATCH_CHECK, request(manyProjects(n), "text/csv", Map.of())).jobID;
            while (first.jobs().get(id).orElseThrow().processed < 40) Thread.sleep(10);
        } // the "restart": the job thread is stopped mid-job
        JobState stopped = Jobs.MAPPER.readValue(jobs.resolve(id).resolve("job.json").toFile(), JobState.class);
        assertEquals("running", stopped.status, "on disk the job was running when the server stopped");
        before = Jobs.readRows(jobs.resolve(id).resolve("rows.jsonl")).size();
        assertTrue(before >= 40 && before < n, "stopped mid-job after " + before);

        try (ProcessService second = service(jobs, Background.DIRECT)) {
            await(second, id);
            JobState done = second.jobs().get(id).orElseThrow();
            assertEquals("successful", done.status, done.message);
            assertEquals(1, done.resumed);
            assertEquals(n, done.processed);
            List<ProjectOutcome> rows = second.jobs().rows(id);
            assertEquals(n, rows.size(), "no row lost, none done twice");
            for (int i = 0; i < n; i++) assertEquals(i + 2, rows.get(i).row(), "rows in order (CSV line numbers)");
            // the table streamed during both runs (the first run's rows replayed after the restart) is the whole table
            assertEquals(new String(BatchTable.csv(rows), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(second.resultFile(id, "table").file()), StandardCharsets.UTF_8));
            // independent oracle: the single check of each project
            List<ProjectRow> input = new BatchInputReader(null, 100_000).read(manyProjects(n));
            SiteCheck check = new SiteCheck(BatchFixture.LAYERS, BatchFixture.LIST);
            for (int i = 0; i < n; i++) {
                SiteCheckResult r = check.run(input.get(i).site(), "光伏", 1000);
                assertEquals(r.verdict().id(), rows.get(i).verdict(), input.get(i).name());
            }
        }
    }

    @Test
    void projectsFinishingOutOfOrderAreStoredInOrderAndTheStreamedTablesEqualTheTablesOfTheStoredRows() throws Exception {
        int n = 90;
        byte[] list = manyProjects(n);
        // a bad row in the middle: the job carries on and reports it with its line
        String csv = new String(list, StandardCharsets.UTF_8).replaceFirst("\n项目46,\"POLYGON", "\n项目46,\"POLYGONZ");
        java.util.Random random = new java.util.Random(3);
        Background jittery = new Background() {
            @Override
            public <T> T run(Supplier<T> analysis) throws InterruptedException {
                int ms;
                synchronized (random) {
                    ms = random.nextInt(6);
                }
                Thread.sleep(ms); // lanes finish out of order
                return analysis.get();
            }
        };
        Path jobs = tmp.resolve("jobs");
        try (ProcessService s = new ProcessService(() -> BatchFixture.LAYERS, () -> BatchFixture.LIST,
                new ProcessService.Settings(SiteInputReader.DEFAULT_MAX_VERTICES, AnalysisCaps.NONE, Long.MAX_VALUE, Long.MAX_VALUE, 3),
                (layers, l, site, industry, nearbyM) -> new SiteCheck(layers, l).run(site, industry, nearbyM), jittery, jobs)) {
            String id = s.submit(ProcessService.BATCH_CHECK, request(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of())).jobID;
            await(s, id);
            JobState done = s.jobs().get(id).orElseThrow();
            assertEquals("successful", done.status, done.message);
            assertEquals(n, done.processed);
            assertEquals(1, done.failedRows);
            List<ProjectOutcome> rows = s.jobs().rows(id);
            for (int i = 0; i < n; i++) assertEquals(i + 2, rows.get(i).row(), "in input order");
            assertEquals("error", rows.get(45).verdict());
            assertTrue(rows.get(45).error().contains("WKT"), rows.get(45).error());
            List<ProjectRow> input = new BatchInputReader(null, 100_000).read(list);
            SiteCheck check = new SiteCheck(BatchFixture.LAYERS, BatchFixture.LIST);
            for (int i = 0; i < n; i++) {
                if (i == 45) continue;
                assertEquals(check.run(input.get(i).site(), "光伏", 1000).verdict().id(), rows.get(i).verdict(), input.get(i).name());
            }
            assertEquals(new String(BatchTable.csv(rows), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(s.resultFile(id, "table").file()), StandardCharsets.UTF_8));
            assertEquals(Jobs.MAPPER.readTree(Jobs.MAPPER.writeValueAsBytes(rows)), Jobs.MAPPER.readTree(s.resultFile(id, "projects").file().toFile()));
            // the xlsx, read back: the header and every row's cells as BatchTable writes them
            List<List<String>> sheet = new ArrayList<>();
            try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(s.resultFile(id, "tableXlsx").file().toFile());
                 java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> rs = wb.getFirstSheet().openStream()) {
                rs.forEach(r -> {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < r.getCellCount(); c++) cells.add(r.getCellText(c));
                    sheet.add(cells);
                });
            }
            assertEquals(n + 1, sheet.size());
            assertEquals(BatchTable.HEADER, sheet.get(0));
            for (int i = 0; i < n; i++) {
                List<String> expected = BatchTable.row(rows.get(i));
                List<String> got = sheet.get(i + 1);
                for (int c = 0; c < expected.size(); c++) {
                    String e = expected.get(c), g = c < got.size() && got.get(c) != null ? got.get(c) : "";
                    if (c == 0 || c == 7 || c == 8 || c == 17) {
                        if (!e.isEmpty()) assertEquals(Double.parseDouble(e), Double.parseDouble(g), 1e-9, "row " + i + " column " + c);
                    } else {
                        assertEquals(e, g, "row " + i + " column " + c);
                    }
                }
            }
            // nothing half-written is left beside the outputs
            try (var files = Files.list(jobs.resolve(id).resolve("results"))) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part") || f.getFileName().toString().endsWith(".tmp")));
            }
        }
    }

    @Test
    void aJobWhoseDataChangedAcrossTheRestartIsMarkedFailedNotMixedAcrossVersions() throws Exception {
        Path jobs = tmp.resolve("jobs");
        String id;
        Background slow = new Background() {
            @Override
            public <T> T run(Supplier<T> analysis) throws InterruptedException {
                Thread.sleep(5);
                return analysis.get();
            }
        };
        try (ProcessService first = service(jobs, slow)) {
            id = first.submit(ProcessService.BATCH_CHECK, request(manyProjects(200), "text/csv", Map.of())).jobID;
            while (first.jobs().get(id).orElseThrow().processed < 10) Thread.sleep(10);
        }
        // the stored job names another data version, as if the layers had been updated during the restart
        Path f = jobs.resolve(id).resolve("job.json");
        ObjectNode state = (ObjectNode) Jobs.MAPPER.readTree(f.toFile());
        state.put("dataVersion", "2020-01-01-000000000000");
        Files.write(f, Jobs.MAPPER.writeValueAsBytes(state));
        try (ProcessService second = service(jobs, Background.DIRECT)) {
            await(second, id);
            JobState done = second.jobs().get(id).orElseThrow();
            assertEquals("failed", done.status);
            assertTrue(done.message.contains("2020-01-01-000000000000"), done.message);
        }
    }

    @Test
    void aDismissedJobStopsAndItsFolderIsGone() throws Exception {
        Path jobs = tmp.resolve("jobs");
        try (ProcessService s = service(jobs, new Background() {
            @Override
            public <T> T run(Supplier<T> analysis) throws InterruptedException {
                Thread.sleep(5);
                return analysis.get();
            }
        })) {
            String id = s.submit(ProcessService.BATCH_CHECK, request(manyProjects(300), "text/csv", Map.of())).jobID;
            while (s.jobs().get(id).orElseThrow().processed < 5) Thread.sleep(5);
            assertEquals("dismissed", s.jobs().dismiss(id).status);
            assertTrue(s.jobs().get(id).isEmpty());
            Thread.sleep(100);
            assertFalse(Files.exists(jobs.resolve(id)));
            assertThrows(ProcessException.class, () -> s.results(id, ""));
        }
    }

    @Test
    void aBatchAgainstABaselineJobListsNothingWhenTheDataDidNotChange() throws Exception {
        try (ProcessService s = service(tmp.resolve("jobs"), Background.DIRECT)) {
            String first = s.submit(ProcessService.BATCH_CHECK, request(BatchFixture.csv(), "text/csv", Map.of())).jobID;
            await(s, first);
            String second = s.submit(ProcessService.BATCH_CHECK, request(BatchFixture.csv(), "text/csv", Map.of("baselineJob", first))).jobID;
            await(s, second);
            JsonNode changes = Jobs.MAPPER.valueToTree(s.results(second, "").get("changes"));
            assertEquals(0, changes.size());
            assertTrue(s.jobs().get(second).orElseThrow().outputs.containsKey("changesTable"));
        }
    }

    @Test
    void anUnreadableListOrUnknownIndustryIsRefusedBeforeAJobIsMade() throws IOException {
        try (ProcessService s = service(tmp.resolve("jobs"), Background.DIRECT)) {
            ProcessException e = assertThrows(ProcessException.class,
                    () -> s.submit(ProcessService.BATCH_CHECK, request("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv", Map.of())));
            assertEquals(ProcessException.Kind.BAD_INPUT, e.kind());
            ObjectNode r = request(BatchFixture.csv(), "text/csv", Map.of());
            ((ObjectNode) r.get("inputs")).put("industry", "炼钢炼铁火星基地");
            assertEquals(ProcessException.Kind.BAD_INPUT, assertThrows(ProcessException.class, () -> s.submit(ProcessService.BATCH_CHECK, r)).kind());
            assertTrue(s.jobs().list().isEmpty());
        }
    }
}
