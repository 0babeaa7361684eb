package cn.ecozone.testsupport;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workbook as plain text cells, read and written with fastexcel directly (not through the importer), so tests can
 * look at what an official sees in Excel and edit it as an official would.
 */
public final class XlsxSheets {
    private XlsxSheets() {}

    /** Sheet name → rows (row 0 = Excel row 1) → cell texts. */
    public static Map<String, List<List<String>>> read(byte[] xlsx) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : (Iterable<Sheet>) wb.getSheets()::iterator) {
                List<List<String>> rows = new ArrayList<>();
                for (Row r : s.read()) {
                    while (rows.size() < r.getRowNum() - 1) rows.add(new ArrayList<>());
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        Cell c = r.getCell(i);
                        cells.add(c == null || c.getText() == null ? "" : c.getText());
                    }
                    rows.add(cells);
                }
                out.put(s.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static byte[] write(Map<String, List<List<String>>> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "test", "1.0");
            for (var e : sheets.entrySet()) {
                Worksheet ws = wb.newWorksheet(e.getKey());
                List<List<String>> rows = e.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String v = rows.get(r).get(c);
                        if (v != null && !v.isEmpty()) ws.value(r, c, v);
                    }
                }
                ws.finish();
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Sets a cell (0-based row and column), growing the row as needed. */
    public static void set(List<List<String>> rows, int row, int column, String value) {
        List<String> r = rows.get(row);
        while (r.size() <= column) r.add("");
        r.set(column, value);
    }
}
