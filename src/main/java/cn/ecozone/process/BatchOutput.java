package cn.ecozone.process;

import cn.ecozone.io.CsvWriter;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * A batch job's table files written as its rows arrive, so finishing the job is cheap: the CSV (UTF-8 with BOM,
 * CRLF), the xlsx sheet (strings inline, no shared-string table to write at the end; flushed every {@value #XLSX_FLUSH_ROWS} rows) and the projects JSON array (each row's JSON as rows.jsonl stores it) go to {@code
 * <output>.part} files in the job's results folder; {@link #finish} closes them, forces them to disk and renames each
 * to its output name. The bytes are those {@link BatchTable#csv}, {@link BatchTable#xlsx} and a JSON array of the
 * outcomes would give for the same rows.
 */
final class BatchOutput implements AutoCloseable {
    static final int XLSX_FLUSH_ROWS = 64;
    static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final Path results;
    private final FileOutputStream csvFile, xlsxFile, jsonFile;
    private final OutputStream csv;
    private final OutputStream xlsx;
    private final Workbook workbook;
    private final Worksheet sheet;
    private final OutputStream json;
    private int rows;
    private boolean finished;

    private BatchOutput(Path results) throws IOException {
        this.results = results;
        Files.createDirectories(results);
        csvFile = new FileOutputStream(part("table").toFile());
        xlsxFile = new FileOutputStream(part("tableXlsx").toFile());
        jsonFile = new FileOutputStream(part("projects").toFile());
        csv = new BufferedOutputStream(csvFile, 1 << 16);
        csv.write((CsvWriter.BOM + csvLine(BatchTable.HEADER)).getBytes(StandardCharsets.UTF_8));
        xlsx = new BufferedOutputStream(xlsxFile, 1 << 16);
        workbook = new Workbook(xlsx, "EcoZone", "1.0");
        sheet = workbook.newWorksheet(BatchTable.SHEET);
        BatchTable.xlsxHeader(sheet);
        json = new BufferedOutputStream(jsonFile, 1 << 16);
        json.write('[');
    }

    /** Starts the files (over any left by an interrupted run). */
    static BatchOutput open(Path results) {
        try {
            return new BatchOutput(results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path part(String output) {
        return results.resolve(output + ".part");
    }

    /**
     * One project's row, made ready where the project was checked (a job's lane): its JSON (the line rows.jsonl stores
     * and the projects output's element), its table cells and its CSV line (UTF-8). The job thread, which writes the
     * rows in their order, then only copies bytes (and adds the cells to the xlsx sheet): before, serialising and
     * formatting every row on that one thread limited a job to what it could do alone.
     */
    record Row(ProjectOutcome outcome, byte[] json, List<String> cells, byte[] csvLine) {
        static Row of(ProjectOutcome o) {
            List<String> cells = BatchTable.row(o);
            try {
                return new Row(o, BatchOutput.json(o), cells, BatchOutput.csvLine(cells).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final byte[] NULL_SHAPE_END = ",\"siteGeometry\":null}".getBytes(StandardCharsets.US_ASCII);

    /**
     * {@code MAPPER.writeValueAsBytes(o)}. A site's shape held as GeoJSON text (the last field) is put in as bytes after
     * the other fields are serialised, instead of through Jackson's raw-value writer, which copied the ≈ 12 KB of text
     * character by character (the largest part of making a row ready). The bytes are the same ({@code
     * SiteShapeJsonTest}); anything else is serialised as it is. The usual row is written without Jackson
     * ({@link ProjectOutcomeJson}, the same bytes).
     */
    static byte[] json(ProjectOutcome o) throws IOException {
        byte[] straight = ProjectOutcomeJson.write(o);
        if (straight != null) return straight;
        return jacksonJson(o);
    }

    /** {@link #json} through Jackson (a row {@link ProjectOutcomeJson} leaves to it, and the tests' oracle). */
    static byte[] jacksonJson(ProjectOutcome o) throws IOException {
        if (o.siteGeometry() instanceof POJONode node && node.getPojo() instanceof RawValue raw && raw.rawValue() instanceof String shape) {
            byte[] rest = Jobs.MAPPER.writeValueAsBytes(o.withoutSiteGeometry());
            int keep = rest.length - NULL_SHAPE_END.length;
            if (keep > 0 && Arrays.equals(rest, keep, rest.length, NULL_SHAPE_END, 0, NULL_SHAPE_END.length)) {
                byte[] text = shape.getBytes(StandardCharsets.UTF_8);
                int head = keep + NULL_SHAPE_END.length - 5; // up to and with "siteGeometry":
                byte[] out = Arrays.copyOf(rest, head + text.length + 1);
                System.arraycopy(text, 0, out, head, text.length);
                out[out.length - 1] = '}';
                return out;
            }
        }
        return Jobs.MAPPER.writeValueAsBytes(o);
    }

    private static String csvLine(List<String> cells) {
        StringWriter w = new StringWriter(256);
        try {
            CsvWriter.line(w, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Adds a row (in the table's order). */
    void add(Row r) {
        try {
            csv.write(r.csvLine());
            rows++;
            BatchTable.xlsxRow(sheet, rows, r.cells(), true);
            if (rows % XLSX_FLUSH_ROWS == 0) sheet.flush();
            if (rows > 1) json.write(',');
            json.write(r.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the files, forces them to disk and makes them the job's outputs table, tableXlsx and projects. */
    void finish(Jobs.Handle job) {
        try {
            csv.close();
            workbook.finish();
            xlsx.close(); // the workbook finishes its ZIP but leaves the stream open: flush the buffer, close the file
            json.write(']');
            json.close();
            finished = true;
            for (String o : List.of("table", "tableXlsx", "projects")) {
                try (FileChannel ch = FileChannel.open(part(o), StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        job.resultFile("table", CSV_TYPE, part("table"));
        job.resultFile("tableXlsx", ProcessService.XLSX, part("tableXlsx"));
        job.resultFile("projects", "application/json", part("projects"));
    }

    /** Without {@link #finish} (a failed, stopped or dismissed job): closes and deletes the parts. */
    @Override
    public void close() {
        if (finished) return;
        for (AutoCloseable c : new AutoCloseable[] {csv, json, xlsx, xlsxFile, jsonFile, csvFile}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // giving up the parts
            }
        }
        for (String o : List.of("table", "tableXlsx", "projects")) {
            try {
                Files.deleteIfExists(part(o));
            } catch (IOException ignored) {
                // the folder may be gone (dismissed)
            }
        }
    }
}
