package cn.ecozone.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small flow layout on A4 pages, independent of what it sets: lines of text wrapped to the measure (at spaces in
 * Latin runs, anywhere in Chinese, with the 禁则 of {@link LineBreaking}), tables whose rows never split and whose
 * header repeats on each page, page breaks when the next piece does not fit ({@link #keep}: a heading keeps the start of
 * what follows), and page numbers stamped on every page at the end. One font (a CJK font with Latin glyphs); bold is
 * drawn by stroking the glyphs. Not thread-safe.
 */
public final class PdfLayout {
    public static final float MARGIN = 50, WIDTH = PDRectangle.A4.getWidth(), HEIGHT = PDRectangle.A4.getHeight();
    public static final float LEADING = 1.45f;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    public PdfLayout(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    /** The width text may take. */
    public float measure() { return WIDTH - 2 * MARGIN; }

    public float left() { return MARGIN; }

    /** The cursor: the top of what comes next, in PDF points from the page's foot. */
    public float y() { return y; }

    public void moveTo(float y) { this.y = y; }

    /** Moves the cursor down. */
    public void space(float h) { y -= h; }

    /** The current page's content stream, for drawing (figures). */
    public PDPageContentStream stream() { return cs; }

    public void newPage() throws IOException {
        if (cs != null) cs.close();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = HEIGHT - MARGIN;
    }

    /** A new page unless {@code height} still fits on this one. */
    public void keep(float height) throws IOException {
        if (cs == null || (y - height < MARGIN && y < HEIGHT - MARGIN)) newPage();
    }

    /** One line at the cursor, which moves down by the line's height. */
    public void line(String s, float size, Color colour, boolean bold) throws IOException {
        y -= size * LEADING;
        cs.setNonStrokingColor(colour);
        show(s, size, MARGIN, y + size * 0.35f, bold);
        cs.setNonStrokingColor(Color.BLACK);
    }

    /** A paragraph wrapped to the measure, broken across pages line by line. */
    public void paragraph(String s, float size, Color colour, boolean bold) throws IOException {
        paragraph(s, size, colour, bold, 0);
    }

    /** @param indent left indent of every line but the first (hanging, for bullets) */
    public void paragraph(String s, float size, Color colour, boolean bold, float indent) throws IOException {
        List<String> lines = wrap(s, size, measure(), measure() - indent);
        for (int i = 0; i < lines.size(); i++) {
            keep(size * LEADING);
            y -= size * LEADING;
            cs.setNonStrokingColor(colour);
            show(lines.get(i), size, MARGIN + (i == 0 ? 0 : indent), y + size * 0.35f, bold);
        }
        cs.setNonStrokingColor(Color.BLACK);
    }

    /** The height of the first {@code maxLines} lines of a paragraph. */
    public float paragraphHeight(String s, float size, int maxLines) throws IOException {
        return Math.min(maxLines, wrap(s, size, measure(), measure()).size()) * size * LEADING;
    }

    /** Column widths in points from relative weights. */
    public float[] columns(List<Float> weights) {
        float total = 0;
        for (float w : weights) total += w;
        float[] widths = new float[weights.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = measure() * weights.get(i) / total;
        return widths;
    }

    /**
     * A table: a grey header row (null: none) repeated on every page the table continues on; rows never split.
     *
     * @param labelColumn set the first column as a header too (label–value tables)
     */
    public void table(List<String> header, List<List<String>> rows, float[] widths, float size, boolean labelColumn) throws IOException {
        if (header != null) {
            keep(tableStartHeight(header, rows, widths, size));
            row(cells(header, widths, size), widths, size, true, false);
        }
        for (List<String> r : rows) {
            Cells cells = cells(r, widths, size);
            if (y - cells.height < MARGIN) {
                newPage();
                if (header != null) row(cells(header, widths, size), widths, size, true, false);
            }
            row(cells, widths, size, false, labelColumn);
        }
        y -= 4;
    }

    /** The header and the first row: what a heading keeps with it. */
    public float tableStartHeight(List<String> header, List<List<String>> rows, float[] widths, float size) throws IOException {
        float h = header == null ? 0 : cells(header, widths, size).height;
        return h + (rows.isEmpty() ? 0 : cells(rows.get(0), widths, size).height);
    }

    private record Cells(List<List<String>> lines, float height) {}

    private Cells cells(List<String> cells, float[] widths, float size) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int maxLines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> l = wrap(cells.get(i) == null ? "" : cells.get(i), size, widths[i] - 6, widths[i] - 6);
            lines.add(l);
            maxLines = Math.max(maxLines, l.size());
        }
        return new Cells(lines, maxLines * size * LEADING + 4);
    }

    private void row(Cells cells, float[] widths, float size, boolean header, boolean labelColumn) throws IOException {
        float h = cells.height();
        float x = MARGIN;
        cs.setNonStrokingColor(new Color(0xEE, 0xEE, 0xEE));
        if (header) {
            cs.addRect(MARGIN, y - h, measure(), h);
            cs.fill();
        } else if (labelColumn) {
            cs.addRect(MARGIN, y - h, widths[0], h);
            cs.fill();
        }
        cs.setNonStrokingColor(Color.BLACK);
        cs.setStrokingColor(Color.GRAY);
        cs.setLineWidth(0.5f);
        for (int i = 0; i < widths.length; i++) {
            cs.addRect(x, y - h, widths[i], h);
            cs.stroke();
            float ty = y - 2 - size * LEADING + size * 0.35f;
            for (String line : cells.lines().get(i)) {
                show(line, size, x + 3, ty, header || (labelColumn && i == 0));
                ty -= size * LEADING;
            }
            x += widths[i];
        }
        y -= h;
    }

    /**
     * Stamps every page's foot: the page label centred ({@code pageLabel} with {@code %1$d} page and {@code %2$d} count)
     * and a note on the left (the report number). Ends the layout.
     */
    public void finish(String pageLabel, String leftNote) throws IOException {
        if (cs != null) cs.close();
        cs = null;
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = foot;
                cs.setNonStrokingColor(Color.DARK_GRAY);
                String page = String.format(pageLabel, i + 1, n);
                show(page, 8, (WIDTH - width(page, 8)) / 2, MARGIN / 2, false);
                show(leftNote, 7, MARGIN, MARGIN / 2, false);
            }
        }
        cs = null;
    }

    /** Text at a point (baseline), in the current fill colour. */
    public void show(String s, float size, float x, float baseline, boolean bold) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        if (bold) {
            // the font has no bold face: fill and stroke the glyphs to embolden them
            cs.setRenderingMode(RenderingMode.FILL_STROKE);
            cs.setLineWidth(size * 0.03f);
        }
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable(s));
        cs.endText();
        if (bold) cs.setRenderingMode(RenderingMode.FILL);
    }

    /** The width of a line of text in points. */
    public float width(String s, float size) throws IOException {
        return font.getStringWidth(printable(s)) / 1000 * size;
    }

    /** Sets the fill opacity of what is drawn next. */
    public void alpha(float a) throws IOException {
        PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
        gs.setNonStrokingAlphaConstant(a);
        cs.setGraphicsStateParameters(gs);
    }

    /**
     * The text cut into lines that fit the width (the first line {@code first}, the others {@code rest}): at spaces in
     * Latin runs, anywhere in Chinese, and never with closing punctuation at a line's start or opening punctuation at
     * its end ({@link LineBreaking}).
     */
    List<String> wrap(String s, float size, float first, float rest) throws IOException {
        List<String> out = new ArrayList<>();
        String text = printable(s);
        int start = 0;
        while (start < text.length()) {
            float width = out.isEmpty() ? first : rest;
            int end = start, lastSpace = -1;
            while (end < text.length()) {
                int next = end + Character.charCount(text.codePointAt(end));
                if (font.getStringWidth(text.substring(start, next)) / 1000 * size > width && end > start) break;
                if (text.charAt(end) == ' ') lastSpace = end;
                end = next;
            }
            if (end < text.length()) {
                int cp = text.codePointAt(end);
                if (lastSpace > start && cp < 0x2E80 && end - lastSpace < 24) end = lastSpace + 1;
                else end = LineBreaking.adjust(text, start, end);
            }
            out.add(text.substring(start, end).strip());
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') start++;
        }
        if (out.isEmpty()) out.add("");
        return out;
    }

    /** The text with characters the font cannot draw replaced by '?', so one odd symbol never breaks a report. */
    String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
                return;
            }
            boolean ok = glyphs.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) b.appendCodePoint(cp);
            else b.append('?');
        });
        return b.toString();
    }
}
