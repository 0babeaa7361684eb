package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.error.EcoZoneException;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.report.ReportDocument.Block;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A report document as an A4 PDF ({@link PdfLayout}): text in WenQuanYi Micro Hei (Debian {@code fonts-wqy-microhei},
 * embedded as a subset), the map figure drawn with PDF path operations. Headings stay with the start of what follows.
 */
public final class SiteReportPdf {
    /** Where Debian's fonts-wqy-microhei puts the collection; override with the configuration ops.cjk-font (ECOZONE_CJK_FONT). */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final float BODY = 9.5f;

    private final PdfLayout page;

    private SiteReportPdf(PdfLayout page) {
        this.page = page;
    }

    /** The configured font ({@code ops.cjk-font}), set once at start by the entry points. */
    private static volatile Path font = DEFAULT_FONT;

    /** Sets the CJK font file the PDF reports use (configuration {@code ops.cjk-font}); null keeps the default. */
    public static void useFont(Path file) {
        font = file == null ? DEFAULT_FONT : file;
    }

    public static Path fontFile() {
        return font;
    }

    /** The report as PDF bytes. */
    public static byte[] render(SiteCheckResult r, SiteFigure figure) {
        return render(r, figure, List.of());
    }

    /** @param parcels the site's parcels as read (their 界址点 go into the appendix table); empty: no table */
    public static byte[] render(SiteCheckResult r, SiteFigure figure, List<SiteParcel> parcels) {
        return render(r, figure, parcels, ReportLanguage.ZH);
    }

    public static byte[] render(SiteCheckResult r, SiteFigure figure, List<SiteParcel> parcels, ReportLanguage lang) {
        return render(SiteReport.build(r, figure, parcels, lang, LocalDateTime.now()), r.name());
    }

    /**
     * @param subject what the report is about (the PDF's title is the report's title — subject)
     * @throws EcoZoneException of kind UNAVAILABLE when the CJK font is not installed
     */
    public static byte[] render(ReportDocument d, String subject) {
        Path fontPath = fontFile();
        if (!Files.isRegularFile(fontPath)) {
            throw new EcoZoneException(EcoZoneException.Kind.UNAVAILABLE, "缺少中文字体 " + fontPath + "：请安装 Debian 软件包 fonts-wqy-microhei / CJK font missing; apt-get install fonts-wqy-microhei");
        }
        try (TrueTypeCollection ttc = new TrueTypeCollection(new File(fontPath.toString())); PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiMicroHei"), true);
            new SiteReportPdf(new PdfLayout(doc, font)).write(d);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(d.title() + " — " + subject);
            info.setCreator("EcoZone");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF 生成失败 / cannot write the PDF", e);
        }
    }

    private void write(ReportDocument d) throws IOException {
        page.newPage();
        List<Block> blocks = d.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b instanceof ReportDocument.Heading h) {
                // a heading never ends a page: it keeps the start of what follows (and of what follows a sub-heading)
                page.keep(startHeight(blocks, i));
                heading(h);
            } else if (b instanceof ReportDocument.Paragraph p) {
                paragraph(p);
            } else if (b instanceof ReportDocument.Verdict v) {
                page.space(6);
                page.paragraph(v.label() + v.text(), 14, colour(ReportStyles.verdictColour(v.verdict())), true);
            } else if (b instanceof ReportDocument.Table t) {
                page.table(t.header(), t.rows(), page.columns(t.weights()), BODY - 1, false);
            } else if (b instanceof ReportDocument.KeyValues kv) {
                page.table(null, kv.rows(), page.columns(List.of(1.2f, 4f)), BODY - 1, true);
            } else if (b instanceof ReportDocument.Bullets l) {
                for (String item : l.items()) page.paragraph("• " + item, BODY, Color.BLACK, false, page.width("• ", BODY));
            } else if (b instanceof ReportDocument.Figure f) {
                page.keep(figureHeight(f.figure()));
                figure(f);
                paragraph(new ReportDocument.Paragraph(f.caption(), ReportDocument.Tone.NOTE));
            }
        }
        page.finish(d.pageLabel(), d.number());
    }

    /** The heading's own height and the start of the block after it (recursively for a heading followed by a heading). */
    private float startHeight(List<Block> blocks, int i) throws IOException {
        float h = headingHeight((ReportDocument.Heading) blocks.get(i));
        if (i + 1 >= blocks.size()) return h;
        Block next = blocks.get(i + 1);
        if (next instanceof ReportDocument.Heading) return h + startHeight(blocks, i + 1);
        if (next instanceof ReportDocument.Table t) return h + page.tableStartHeight(t.header(), t.rows(), page.columns(t.weights()), BODY - 1);
        if (next instanceof ReportDocument.KeyValues kv) {
            return h + page.tableStartHeight(null, kv.rows().subList(0, Math.min(2, kv.rows().size())), page.columns(List.of(1.2f, 4f)), BODY - 1) * 2;
        }
        if (next instanceof ReportDocument.Figure f) return h + figureHeight(f.figure());
        if (next instanceof ReportDocument.Paragraph p) return h + page.paragraphHeight(p.text(), size(p.tone()), 2) + 8;
        if (next instanceof ReportDocument.Bullets l && !l.items().isEmpty()) return h + page.paragraphHeight(l.items().get(0), BODY, 2);
        return h + 40;
    }

    private static float headingHeight(ReportDocument.Heading h) {
        return switch (h.level()) {
            case 1 -> 18 * PdfLayout.LEADING;
            case 2 -> 10 + 12.5f * PdfLayout.LEADING + 3;
            default -> 4 + (BODY + 0.5f) * PdfLayout.LEADING + 2;
        };
    }

    private void heading(ReportDocument.Heading h) throws IOException {
        switch (h.level()) {
            case 1 -> page.line(h.text(), 18, Color.BLACK, true);
            case 2 -> {
                page.space(10);
                page.line(h.text(), 12.5f, Color.BLACK, true);
                page.space(3);
            }
            default -> {
                page.space(4);
                page.line(h.text(), BODY + 0.5f, Color.BLACK, true);
                page.space(2);
            }
        }
    }

    private static float size(ReportDocument.Tone tone) {
        return switch (tone) {
            case NOTE -> 8;
            case ALERT -> 10.5f;
            case SIGNATURE -> BODY + 0.5f;
            default -> BODY;
        };
    }

    private void paragraph(ReportDocument.Paragraph p) throws IOException {
        switch (p.tone()) {
            case NOTE -> page.paragraph(p.text(), 8, Color.DARK_GRAY, false);
            case ALERT -> page.paragraph(p.text(), 10.5f, colour(ReportStyles.ALERT), true);
            case SIGNATURE -> {
                page.space(8);
                page.keep(60);
                page.space(24);
                page.paragraph(p.text(), BODY + 0.5f, Color.BLACK, false);
                page.space(8);
            }
            default -> page.paragraph(p.text(), BODY, Color.BLACK, false);
        }
    }

    private float figureHeight(SiteFigure f) {
        return (float) (f.height() * page.measure() / f.width()) + 60; // with the legend below (one or two rows)
    }

    private static Color colour(String hex) {
        return Color.decode(hex);
    }

    private void figure(ReportDocument.Figure fig) throws IOException {
        SiteFigure f = fig.figure();
        PDPageContentStream cs = page.stream();
        float scale = (float) (page.measure() / f.width());
        float h = (float) (f.height() * scale);
        float x0 = page.left(), top = page.y() - 4;
        cs.saveGraphicsState();
        cs.addRect(x0, top - h, (float) (f.width() * scale), h);
        cs.clip();
        for (SiteFigure.Shape z : f.zones()) {
            ReportStyles.Colours c = f.colours(z.collection());
            if (z.point() != null) {
                cs.setNonStrokingColor(colour(c.stroke()));
                cs.addRect(x0 + (float) z.point()[0] * scale - 2.5f, top - (float) z.point()[1] * scale - 2.5f, 5, 5);
                cs.fill();
                continue;
            }
            boolean admin = z.collection().equals("admin");
            path(z.rings(), x0, top, scale);
            if (!admin && !c.fill().equals("none")) {
                page.alpha(z.hit() ? 0.55f : 0.25f);
                cs.setNonStrokingColor(colour(c.fill()));
                cs.fillEvenOdd();
                page.alpha(1f);
                path(z.rings(), x0, top, scale);
            }
            cs.setStrokingColor(colour(c.stroke()));
            cs.setLineWidth(z.hit() ? 1.2f : 0.8f);
            cs.setLineDashPattern(z.hit() && !admin ? new float[0] : new float[] {4, 2}, 0);
            cs.stroke();
        }
        cs.setLineDashPattern(new float[0], 0);
        path(f.siteRings(), x0, top, scale);
        page.alpha(0.35f);
        cs.setNonStrokingColor(colour(ReportStyles.SITE.fill()));
        cs.fillEvenOdd();
        page.alpha(1f);
        path(f.siteRings(), x0, top, scale);
        cs.setStrokingColor(colour(ReportStyles.SITE.stroke()));
        cs.setLineWidth(2f);
        cs.stroke();
        for (SiteFigure.Shape z : f.zones()) {
            if (z.labelAt() == null || !z.hit() || z.collection().equals("admin")) continue;
            float size = 8;
            float w = page.width(z.label(), size);
            cs.setNonStrokingColor(colour(f.colours(z.collection()).stroke()));
            page.show(z.label(), size, x0 + (float) z.labelAt()[0] * scale - w / 2, top - (float) z.labelAt()[1] * scale, false);
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
                float w = page.width(in.names().get(i), 6.5f);
                page.show(in.names().get(i), 6.5f, x0 + (float) in.nameAt().get(i)[0] * scale - w / 2, top - (float) in.nameAt().get(i)[1] * scale, false);
            }
            double[] st = in.site();
            cs.setStrokingColor(colour(ReportStyles.ALERT));
            cs.setLineWidth(1.5f);
            cs.addRect(x0 + (float) st[0] * scale, top - (float) (st[1] + st[3]) * scale, (float) st[2] * scale, (float) st[3] * scale);
            cs.stroke();
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.6f);
            cs.addRect(x0 + (float) b[0] * scale, top - (float) (b[1] + b[3]) * scale, (float) b[2] * scale, (float) b[3] * scale);
            cs.stroke();
            cs.setNonStrokingColor(Color.DARK_GRAY);
            page.show(fig.insetLabel(), 6.5f, x0 + (float) b[0] * scale + 2, top - (float) b[1] * scale - 8, false);
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
        page.show(fig.scaleLabel(), 7.5f, bx, by + 4, false);
        page.show("N ↑", 10, x0 + (float) (f.width() * scale) - 28, top - 14, true);
        page.moveTo(top - h - 4);
        // legend
        page.space(12);
        float lx = page.left();
        legendEntry(lx, fig.siteLabel(), colour(ReportStyles.SITE.fill()), colour(ReportStyles.SITE.stroke()));
        lx += 30 + page.width(fig.siteLabel(), 8);
        for (Map.Entry<String, String> e : fig.legend().entrySet()) {
            float w = 16 + page.width(e.getValue(), 8);
            if (lx + w > page.left() + page.measure()) {
                // the legend wraps rather than run off the page (English layer titles are long)
                page.space(13);
                lx = page.left();
            }
            ReportStyles.Colours c = f.colours(e.getKey());
            legendEntry(lx, e.getValue(), c.fill().equals("none") ? Color.WHITE : colour(c.fill()), colour(c.stroke()));
            lx += w + 14;
        }
        page.space(6);
    }

    private void legendEntry(float x, String label, Color fill, Color stroke) throws IOException {
        PDPageContentStream cs = page.stream();
        cs.setNonStrokingColor(fill);
        cs.setStrokingColor(stroke);
        cs.setLineWidth(1);
        cs.addRect(x, page.y(), 12, 8);
        cs.fillAndStroke();
        cs.setNonStrokingColor(Color.BLACK);
        page.show(label, 8, x + 16, page.y() + 1, false);
    }

    private void path(List<double[][]> rings, float x0, float top, float scale) throws IOException {
        PDPageContentStream cs = page.stream();
        for (double[][] ring : rings) {
            for (int i = 0; i < ring.length; i++) {
                float px = x0 + (float) ring[i][0] * scale, py = top - (float) ring[i][1] * scale;
                if (i == 0) cs.moveTo(px, py);
                else cs.lineTo(px, py);
            }
            cs.closePath();
        }
    }
}
