package cn.ecozone.process;

import cn.ecozone.io.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final Writer csv;
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
        csv = new OutputStreamWriter(new BufferedOutputStream(csvFile, 1 << 16), StandardCharsets.UTF_8);
        csv.write(CsvWriter.BOM);
        CsvWriter.line(csv, BatchTable.HEADER);
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

    /** Adds a row; {@code stored} is its JSON as {@link Jobs.Handle#row} stored it (null: serialised here). */
    void add(ProjectOutcome o, byte[] stored) {
        List<String> cells = BatchTable.row(o);
        try {
            CsvWriter.line(csv, cells);
            rows++;
            BatchTable.xlsxRow(sheet, rows, cells, true);
            if (rows % XLSX_FLUSH_ROWS == 0) sheet.flush();
            if (rows > 1) json.write(',');
            json.write(stored != null ? stored : Jobs.MAPPER.writeValueAsBytes(o));
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
