package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site-check report as an A4 PDF with the same content as {@link SiteReportHtml}: Chinese text in
 * WenQuanYi Micro Hei (Debian {@code fonts-wqy-microhei}, embedded as a subset) and the map figure drawn with
 * PDF path operations. Not thread-safe: one instance per report.
 */
public final class SiteReportPdf {
    /** Where Debian's fonts-wqy-microhei puts the collection; override with -Decozone.cjkFont=FILE. */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final float MARGIN = 50, WIDTH = PDRectangle.A4.getWidth(), HEIGHT = PDRectangle.A4.getHeight();
    private static final float BODY = 9.5f, LEADING = 1.45f;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    private SiteReportPdf(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    public static Path fontFile() {
        String p = System.getProperty("ecozone.cjkFont");
        return p == null ? DEFAULT_FONT : Path.of(p);
    }

    /** The report as PDF bytes. */
    public static byte[] render(SiteCheckResult r, SiteFigure figure) {
        return render(r, figure, List.of());
    }

    /** @param parcels the site's parcels as read (their 界址点 go into the appendix table); empty: no table */
    public static byte[] render(SiteCheckResult r, SiteFigure figure, List<cn.ecozone.io.SiteParcel> parcels) {
        Path fontPath = fontFile();
        if (!Files.isRegularFile(fontPath)) {
            throw new IllegalStateException("缺少中文字体 " + fontPath + "：请安装 Debian 软件包 fonts-wqy-microhei / CJK font missing; apt-get install fonts-wqy-microhei");
        }
        try (TrueTypeCollection ttc = new TrueTypeCollection(new File(fontPath.toString())); PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiMicroHei"), true);
            SiteReportPdf w = new SiteReportPdf(doc, font);
            w.write(r, figure, parcels);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(ReportText.TITLE + " — " + r.name());
            info.setCreator("EcoZone");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF 生成失败 / cannot write the PDF", e);
        }
    }

    private void write(SiteCheckResult r, SiteFigure figure, List<cn.ecozone.io.SiteParcel> parcels) throws IOException {
        LocalDateTime now = LocalDateTime.now();
        String number = ReportText.reportNumber(r, now);
        newPage();
        text(ReportText.TITLE, 18, MARGIN, true);
        paragraph("报告编号：" + number + "　生成时间：" + ReportText.generated(now) + "　数据：" + figure.dataTitle() + "（数据日期 "
                + (r.dataDate() == null ? "未注明" : r.dataDate()) + "）", 8, Color.DARK_GRAY);
        if (figure.illustrative()) paragraph(ReportText.ILLUSTRATIVE, 10.5f, new Color(0xC0, 0x16, 0x1A));
        y -= 6;
        paragraph("研判结论：" + r.verdictZh(), 14, verdictColour(r.verdict().id()));
        paragraph(ReportText.VERDICT_RULE, 8, Color.DARK_GRAY);
        heading("逐维度研判");
        table(ReportText.DIMENSION_HEADER, ReportText.dimensionRows(r), new float[] {1.3f, 1.3f, 0.8f, 3f});
        if (!r.industryVerdicts().isEmpty()) {
            heading("各行业研判（未指定行业）");
            table(ReportText.INDUSTRY_HEADER, ReportText.industryRows(r), new float[] {1.6f, 1f, 1.6f, 2.6f});
        }

        heading("一、项目地块");
        table(null, ReportText.siteRows(r), new float[] {1.2f, 4f});
        if (!r.site().parcels().isEmpty()) table(ReportText.PARCEL_HEADER, ReportText.parcelRows(r), new float[] {2, 1.3f, 1.1f, 1.3f, 1.1f, 0.9f});

        need((float) (figure.height() * (WIDTH - 2 * MARGIN) / figure.width()) + 60); // the heading goes with its figure
        heading("二、位置示意图");
        figure(figure);
        paragraph("粗黑线为项目地块；着色区域为与地块重叠的区域，浅色虚线为周边 " + ReportText.metres(r.nearbyM())
                + " 内未重叠的区域。底图为示意，不作测量依据。", 8, Color.DARK_GRAY);

        heading("三、与各类区域的重叠");
        if (r.hits().isEmpty()) paragraph("地块不与任何区域重叠。", BODY, Color.BLACK);
        else table(ReportText.HIT_HEADER, ReportText.hitRows(r), new float[] {1.3f, 1.6f, 1.8f, 1.4f, 1f, 1f, 0.8f, 0.8f});

        heading("四、周边区域（" + ReportText.metres(r.nearbyM()) + " 内，未重叠）");
        if (r.nearby().isEmpty()) paragraph("无。", BODY, Color.BLACK);
        else table(ReportText.NEARBY_HEADER, ReportText.nearbyRows(r), new float[] {1.3f, 1.8f, 2.5f, 1f});

        heading("五、适用的准入清单要求（按维度）");
        if (r.clauses().isEmpty()) paragraph("没有适用的要求。", BODY, Color.BLACK);
        for (int i = 0; i < r.dimensions().size(); i++) {
            SiteCheckResult.DimensionConclusion d = r.dimensions().get(i);
            List<String[]> rows = ReportText.clauseRows(r, d.dimension());
            need(60);
            text(ReportText.dimensionHeading(i, d), BODY + 0.5f, MARGIN, true);
            y -= 2;
            if (rows.isEmpty()) paragraph("无。", BODY, Color.BLACK);
            else table(ReportText.CLAUSE_HEADER, rows, new float[] {0.55f, 1.1f, 1.3f, 3.4f, 2.1f, 1.6f});
        }

        heading("六、提示");
        if (r.warnings().isEmpty()) paragraph("无。", BODY, Color.BLACK);
        for (String w : r.warnings()) paragraph("• " + w, BODY, Color.BLACK);
        y -= 8;
        need(60);
        y -= 24;
        paragraph(ReportText.SIGNATURE, BODY + 0.5f, Color.BLACK);
        if (!parcels.isEmpty()) {
            BoundaryPointTable.Table t = BoundaryPointTable.of(parcels, r);
            heading("附表　界址点坐标");
            paragraph(t.caption(), 8, Color.DARK_GRAY);
            table(BoundaryPointTable.HEADER, t.rows(), new float[] {2f, 1f, 0.7f, 1.8f, 1.8f});
            if (t.omitted() > 0) paragraph("其余 " + t.omitted() + " 个界址点从略（见原始坐标文件）。", 8, Color.DARK_GRAY);
        }
        y -= 8;
        paragraph("数据日期：" + (r.dataDate() == null || r.dataDate().isEmpty() ? "未注明" : r.dataDate()) + "；生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "；EcoZone 生态环境分区管控", 8, Color.DARK_GRAY);
        cs.close();
        cs = null;
        footers(number);
    }

    /** 第 x 页 共 y 页 and the report number at the foot of every page. */
    private void footers(String number) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                PDPageContentStream body = cs;
                cs = foot;
                cs.setNonStrokingColor(Color.DARK_GRAY);
                String page = "第 " + (i + 1) + " 页 共 " + n + " 页";
                show(page, 8, (WIDTH - font.getStringWidth(page) / 1000 * 8) / 2, MARGIN / 2, false);
                show(number, 7, MARGIN, MARGIN / 2, false);
                cs = body;
            }
        }
    }

    private static Color verdictColour(String verdict) {
        return switch (verdict) {
            case "prohibited" -> new Color(0xC0, 0x16, 0x1A);
            case "restricted" -> new Color(0xE8, 0x87, 0x1E);
            case "conditional" -> new Color(0xB0, 0x8A, 0x00);
            case "outside" -> new Color(0x66, 0x66, 0x66);
            default -> new Color(0x2B, 0x8C, 0x6E);
        };
    }

    private void newPage() throws IOException {
        if (cs != null) cs.close();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = HEIGHT - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) newPage();
    }

    private void heading(String s) throws IOException {
        // a heading keeps at least the start of what follows on its page (no orphaned headings)
        need(90);
        y -= 10;
        text(s, 12.5f, MARGIN, true);
        y -= 3;
    }

    private void paragraph(String s, float size, Color colour) throws IOException {
        for (String line : wrap(s, size, WIDTH - 2 * MARGIN)) {
            need(size * LEADING);
            cs.setNonStrokingColor(colour);
            text(line, size, MARGIN, false);
        }
        cs.setNonStrokingColor(Color.BLACK);
    }

    /** One line at the cursor, which moves down by the line height. */
    private void text(String s, float size, float x, boolean bold) throws IOException {
        y -= size * LEADING;
        show(s, size, x, y + size * 0.35f, bold);
    }

    private void show(String s, float size, float x, float baseline, boolean bold) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        if (bold) {
            // the font has no bold face: fill and stroke the glyphs to embolden them
            cs.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL_STROKE);
            cs.setLineWidth(size * 0.03f);
        }
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable(s));
        cs.endText();
        if (bold) cs.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL);
    }

    private void table(String[] header, List<String[]> rows, float[] weights) throws IOException {
        float total = 0;
        for (float w : weights) total += w;
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) widths[i] = (WIDTH - 2 * MARGIN) * weights[i] / total;
        float size = BODY - 1;
        if (header != null) {
            need(cellLines(header, widths, size).height + cellLines(rows.isEmpty() ? header : rows.get(0), widths, size).height);
            row(cellLines(header, widths, size), widths, size, true);
        }
        for (String[] r : rows) {
            Cells cells = cellLines(r, widths, size);
            if (y - cells.height < MARGIN) {
                newPage();
                // a table continued on a new page repeats its header
                if (header != null) row(cellLines(header, widths, size), widths, size, true);
            }
            row(cells, widths, size, false);
        }
        y -= 4;
    }

    private record Cells(List<List<String>> lines, float height) {}

    private Cells cellLines(String[] cells, float[] widths, float size) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int maxLines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> l = wrap(cells[i] == null ? "" : cells[i], size, widths[i] - 6);
            lines.add(l);
            maxLines = Math.max(maxLines, l.size());
        }
        return new Cells(lines, maxLines * size * LEADING + 4);
    }

    private void row(Cells cells, float[] widths, float size, boolean header) throws IOException {
        float h = cells.height();
        float x = MARGIN;
        if (header) {
            cs.setNonStrokingColor(new Color(0xEE, 0xEE, 0xEE));
            cs.addRect(MARGIN, y - h, WIDTH - 2 * MARGIN, h);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
        }
        cs.setStrokingColor(Color.GRAY);
        cs.setLineWidth(0.5f);
        for (int i = 0; i < widths.length; i++) {
            cs.addRect(x, y - h, widths[i], h);
            cs.stroke();
            float ty = y - 2 - size * LEADING + size * 0.35f;
            for (String line : cells.lines().get(i)) {
                show(line, size, x + 3, ty, header);
                ty -= size * LEADING;
            }
            x += widths[i];
        }
        y -= h;
    }

    private void figure(SiteFigure f) throws IOException {
        float scale = (float) ((WIDTH - 2 * MARGIN) / f.width());
        float h = (float) (f.height() * scale);
        need(h + 30);
        float x0 = MARGIN, top = y - 4;
        cs.saveGraphicsState();
        cs.addRect(x0, top - h, (float) (f.width() * scale), h);
        cs.clip();
        Map<String, String> legend = new LinkedHashMap<>();
        for (SiteFigure.Shape z : f.zones()) {
            String[] c = SiteFigure.colours(z.collection());
            if (z.point() != null) {
                cs.setNonStrokingColor(Color.decode(c[0]));
                cs.addRect(x0 + (float) z.point()[0] * scale - 2.5f, top - (float) z.point()[1] * scale - 2.5f, 5, 5);
                cs.fill();
                continue;
            }
            legend.put(z.collection(), z.collectionTitle());
            boolean admin = z.collection().equals("admin");
            path(z.rings(), x0, top, scale);
            if (!admin) {
                alpha(z.hit() ? 0.55f : 0.25f);
                cs.setNonStrokingColor(Color.decode(c[1]));
                cs.fillEvenOdd();
                alpha(1f);
                path(z.rings(), x0, top, scale);
            }
            cs.setStrokingColor(Color.decode(c[0]));
            cs.setLineWidth(z.hit() ? 1.2f : 0.8f);
            cs.setLineDashPattern(z.hit() && !admin ? new float[0] : new float[] {4, 2}, 0);
            cs.stroke();
        }
        cs.setLineDashPattern(new float[0], 0);
        path(f.siteRings(), x0, top, scale);
        alpha(0.35f);
        cs.setNonStrokingColor(new Color(0xFF, 0xD7, 0x00));
        cs.fillEvenOdd();
        alpha(1f);
        path(f.siteRings(), x0, top, scale);
        cs.setStrokingColor(Color.BLACK);
        cs.setLineWidth(2f);
        cs.stroke();
        for (SiteFigure.Shape z : f.zones()) {
            if (z.labelAt() == null || !z.hit() || z.collection().equals("admin")) continue;
            float size = 8;
            float w = font.getStringWidth(printable(z.label())) / 1000 * size;
            cs.setNonStrokingColor(Color.decode(SiteFigure.colours(z.collection())[0]));
            show(z.label(), size, x0 + (float) z.labelAt()[0] * scale - w / 2, top - (float) z.labelAt()[1] * scale, false);
        }
        SiteFigure.Inset in = f.inset();
        if (in != null) {
            double[] b = in.box();
            cs.setNonStrokingColor(Color.WHITE);
            cs.addRect(x0 + (float) b[0] * scale, top - (float) (b[1] + b[3]) * scale, (float) b[2] * scale, (float) b[3] * scale);
            cs.fill();
            for (double[][] ring : in.rings()) {
                path(List.<double[][]>of(ring), x0, top, scale);
                cs.setNonStrokingColor(new Color(0xEE, 0xEE, 0xEE));
                cs.fill();
                path(List.<double[][]>of(ring), x0, top, scale);
                cs.setStrokingColor(Color.GRAY);
                cs.setLineWidth(0.6f);
                cs.stroke();
            }
            cs.setNonStrokingColor(Color.DARK_GRAY);
            for (int i = 0; i < in.names().size(); i++) {
                float w = font.getStringWidth(printable(in.names().get(i))) / 1000 * 6.5f;
                show(in.names().get(i), 6.5f, x0 + (float) in.nameAt().get(i)[0] * scale - w / 2, top - (float) in.nameAt().get(i)[1] * scale, false);
            }
            double[] st = in.site();
            cs.setStrokingColor(new Color(0xC0, 0x16, 0x1A));
            cs.setLineWidth(1.5f);
            cs.addRect(x0 + (float) st[0] * scale, top - (float) (st[1] + st[3]) * scale, (float) st[2] * scale, (float) st[3] * scale);
            cs.stroke();
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.6f);
            cs.addRect(x0 + (float) b[0] * scale, top - (float) (b[1] + b[3]) * scale, (float) b[2] * scale, (float) b[3] * scale);
            cs.stroke();
            cs.setNonStrokingColor(Color.DARK_GRAY);
            show("位置示意", 6.5f, x0 + (float) b[0] * scale + 2, top - (float) b[1] * scale - 8, false);
        }
        cs.setNonStrokingColor(Color.BLACK);
        cs.restoreGraphicsState();
        cs.setStrokingColor(Color.GRAY);
        cs.setLineWidth(0.5f);
        cs.addRect(x0, top - h, (float) (f.width() * scale), h);
        cs.stroke();
        // scale bar and north arrow
        float bar = (float) (f.scaleBarLength() * scale);
        float bx = x0 + (float) (f.width() * scale) - bar - 10, by = top - h + 10;
        cs.setStrokingColor(Color.BLACK);
        cs.setLineWidth(2.5f);
        cs.moveTo(bx, by);
        cs.lineTo(bx + bar, by);
        cs.stroke();
        cs.setNonStrokingColor(Color.BLACK);
        show(ReportText.metres(f.scaleBarMetres()), 7.5f, bx, by + 4, false);
        show("N ↑", 10, x0 + (float) (f.width() * scale) - 28, top - 14, true);
        y = top - h - 4;
        // legend
        float lx = MARGIN;
        y -= 12;
        legendEntry(lx, "项目地块", new Color(0xFF, 0xD7, 0x00), Color.BLACK);
        lx += 70;
        for (Map.Entry<String, String> e : legend.entrySet()) {
            String[] c = SiteFigure.colours(e.getKey());
            legendEntry(lx, e.getValue(), c[1].equals("none") ? Color.WHITE : Color.decode(c[1]), Color.decode(c[0]));
            lx += 20 + font.getStringWidth(printable(e.getValue())) / 1000 * 8 + 14;
        }
        y -= 6;
    }

    private void legendEntry(float x, String label, Color fill, Color stroke) throws IOException {
        cs.setNonStrokingColor(fill);
        cs.setStrokingColor(stroke);
        cs.setLineWidth(1);
        cs.addRect(x, y, 12, 8);
        cs.fillAndStroke();
        cs.setNonStrokingColor(Color.BLACK);
        show(label, 8, x + 16, y + 1, false);
    }

    private void path(List<double[][]> rings, float x0, float top, float scale) throws IOException {
        for (double[][] ring : rings) {
            for (int i = 0; i < ring.length; i++) {
                float px = x0 + (float) ring[i][0] * scale, py = top - (float) ring[i][1] * scale;
                if (i == 0) cs.moveTo(px, py);
                else cs.lineTo(px, py);
            }
            cs.closePath();
        }
    }

    private void alpha(float a) throws IOException {
        PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
        gs.setNonStrokingAlphaConstant(a);
        cs.setGraphicsStateParameters(gs);
    }

    /** Lines no wider than {@code width}; Chinese breaks between any two characters, Latin words stay whole when possible. */
    /**
     * The text cut into lines that fit the width: at spaces in Latin runs, anywhere in Chinese, and never with closing
     * punctuation at a line's start or opening punctuation at its end ({@link LineBreaking}).
     */
    private List<String> wrap(String s, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        String text = printable(s);
        int start = 0;
        while (start < text.length()) {
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
    private String printable(String s) {
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
