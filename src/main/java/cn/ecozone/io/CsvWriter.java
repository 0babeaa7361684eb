package cn.ecozone.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table as CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark (Excel reads BOM-less
 * CSV as the local ANSI code page, garbling 中文), RFC 4180 quoting, CRLF line ends.
 */
public final class CsvWriter {
    public static final char BOM = '\uFEFF';

    private CsvWriter() {}

    public static void write(OutputStream out, List<String> header, List<List<String>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        line(w, header);
        for (List<String> r : rows) line(w, r);
        w.flush();
    }

    /** One CSV line (RFC 4180 quoting, CRLF), for tables written row by row after {@link #BOM} and a header line. */
    public static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String quote(String v) {
        if (v == null) return "";
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
