package cn.ecozone.process;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lazily read project list: its size, and a cursor from any row giving what reading the whole list gives. */
class BatchInputReaderTest {
    final BatchInputReader reader = new BatchInputReader(null, 100_000);

    static String square(double x, double y) {
        double d = 0.002;
        return String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x - d, y - d, x + d, y - d, x + d, y + d, x - d, y + d, x - d, y - d);
    }

    /** A CSV with blank lines, quoted cells holding commas, quotes and line breaks, CRLF and LF, bad rows, no final line break. */
    static String awkwardCsv() {
        return "\uFEFFname,industry,wkt\r\n"
                + "\"甲, 一号\",光伏,\"" + square(112.5, 39.5) + "\"\r\n"
                + "\n"
                + " , ,  \n"
                + "\"乙 \"\"二号\"\"\",,\"" + square(112.6, 39.6) + "\"\n"
                + "\"丙\n跨行\",光伏,\"" + square(112.7, 39.7) + "\"\n"
                + "丁,光伏,\n"
                + "戊,光伏,POINT(1 2)\n"
                + "己,光伏,\"POLYGON((0 0, 1 0, 1 1, 0 0.5))\"\n"
                + "\"\"\n"
                + "庚,,\"" + square(112.8, 39.8) + "\"";
    }

    static List<ProjectRow> all(BatchInputReader.Projects p, int from) {
        List<ProjectRow> rows = new ArrayList<>();
        BatchInputReader.Cursor c = p.cursor(from);
        for (BatchInputReader.Pending x; (x = c.next()) != null; ) rows.add(x.read());
        assertNull(c.next(), "stays at the end");
        return rows;
    }

    static String describe(ProjectRow r) {
        return r.row() + "|" + r.source() + "|" + r.name() + "|" + r.industry() + "|" + r.error() + "|" + (r.site() == null ? null : r.site().geometry().toText());
    }

    @Test
    void aCsvIsCountedAndReadFromAnyRowAsReadingItWholeWould() {
        byte[] csv = awkwardCsv().getBytes(StandardCharsets.UTF_8);
        BatchInputReader.Projects p = reader.open(csv);
        List<ProjectRow> whole = reader.read(csv);
        assertEquals(whole.size(), p.size());
        assertEquals(7, p.size(), "blank rows are skipped, the lone \"\" is a blank row");
        // the records as the whole-text parser numbers them: header 1, blank lines counted
        assertEquals(List.of(2, 5, 6, 7, 8, 9, 11), whole.stream().map(ProjectRow::row).toList());
        assertEquals("甲, 一号", whole.get(0).name());
        assertEquals("乙 \"二号\"", whole.get(1).name());
        assertEquals("丙\n跨行", whole.get(2).name());
        assertTrue(whole.get(3).error().contains("WKT 为空"), whole.get(3).error());
        assertTrue(whole.get(4).error().contains("不是 WKT 面"), whole.get(4).error());
        assertTrue(whole.get(5).error().contains("WKT"), "an unclosed ring is the row's error: " + whole.get(5).error());
        assertEquals("庚", whole.get(6).name());
        for (int from = 0; from <= p.size() + 1; from++) {
            List<ProjectRow> tail = all(p, from);
            List<ProjectRow> expected = whole.subList(Math.min(from, whole.size()), whole.size());
            assertEquals(expected.stream().map(BatchInputReaderTest::describe).toList(), tail.stream().map(BatchInputReaderTest::describe).toList(), "from " + from);
        }
    }

    @Test
    void theRecordScannerAgreesWithARecordByRecordReferenceOnRandomCsv() {
        Random r = new Random(15);
        String alphabet = "ab,\"\n\r 中";
        for (int t = 0; t < 2000; t++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String text = b.toString();
            assertEquals(reference(text), BatchInputReader.parseCsv(text), text);
            // counting without the cells gives the same records, with the same blankness
            BatchInputReader.CsvRecords kept = new BatchInputReader.CsvRecords(text), scanned = new BatchInputReader.CsvRecords(text);
            while (true) {
                boolean a = kept.advance(true), c = scanned.advance(false);
                assertEquals(a, c, text);
                if (!a) break;
                assertEquals(kept.cells().stream().allMatch(String::isBlank), scanned.blank(), text);
                assertEquals(kept.number(), scanned.number());
            }
        }
    }

    /** The RFC 4180 reading of the whole text, written independently (the parser the batch reader had before). */
    static List<List<String>> reference(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cur.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                cur.add(cell.toString());
                cell.setLength(0);
                lines.add(cur);
                cur = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cur.isEmpty()) {
            cur.add(cell.toString());
            lines.add(cur);
        }
        return lines;
    }

    @Test
    void otherFormatsGiveTheirSizeAndACursorFromAnyFeature() {
        byte[] geoJson = BatchFixture.geoJson();
        BatchInputReader.Projects p = reader.open(geoJson);
        List<ProjectRow> whole = reader.read(geoJson);
        assertEquals(whole.size(), p.size());
        for (int from = 0; from <= p.size(); from++) {
            assertEquals(whole.subList(from, whole.size()).stream().map(BatchInputReaderTest::describe).toList(),
                    all(p, from).stream().map(BatchInputReaderTest::describe).toList());
        }
    }

    @Test
    void aListThatIsNoListIsRefusedWhenOpenedNotWhenRead() {
        assertThrows(BatchInputException.class, () -> reader.open("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BatchInputException.class, () -> reader.open("name,wkt\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BatchInputException.class, () -> reader.open("name,wkt\n , \n\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BatchInputException.class, () -> reader.open(new byte[0]));
    }
}
