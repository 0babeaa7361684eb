package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.report.ReportDocument.Block;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printable site-check report as one self-contained HTML page, with the map figure as inline SVG. */
public final class SiteReportHtml {
    private SiteReportHtml() {}

    public static String render(SiteCheckResult r, SiteFigure figure) {
        return render(r, figure, List.of());
    }

    /** @param parcels the site's parcels as read (their 界址点 go into the appendix table); empty: no table */
    public static String render(SiteCheckResult r, SiteFigure figure, List<SiteParcel> parcels) {
        return render(r, figure, parcels, ReportLanguage.ZH);
    }

    public static String render(SiteCheckResult r, SiteFigure figure, List<SiteParcel> parcels, ReportLanguage lang) {
        return render(SiteReport.build(r, figure, parcels, lang, LocalDateTime.now()));
    }

    /** Any report document as HTML. */
    public static String render(ReportDocument d) {
        StringBuilder h = new StringBuilder(16_384);
        String site = ReportStyles.SITE.fill();
        h.append("<!DOCTYPE html><html lang=\"").append(d.lang().htmlLang()).append("\"><head><meta charset=\"utf-8\"><title>").append(esc(d.title()))
                .append("</title><style>")
                .append("body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em auto;max-width:60em;color:#222}")
                .append("h1{font-size:1.5em;border-bottom:2px solid #333}h2{font-size:1.15em;margin-top:1.5em}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #999;padding:.25em .5em;text-align:left}")
                .append("th{background:#eee}.verdict{font-size:1.3em;font-weight:bold;padding:.4em .8em;display:inline-block;color:#fff}");
        for (String v : List.of("prohibited", "restricted", "conditional", "allowed", "outside")) {
            h.append('.').append(v).append("{background:").append(ReportStyles.verdictColour(v)).append('}');
        }
        h.append(".disclaimer{border:2px solid ").append(ReportStyles.ALERT).append(";color:").append(ReportStyles.ALERT).append(";padding:.4em .8em;font-weight:bold}")
                .append(".signature{margin-top:3em}h3{font-size:1em;margin:1em 0 .3em}.note{font-size:.85em;color:#555}figure{margin:1em 0}")
                .append("@media print{body{margin:0}h2,h3{page-break-after:avoid}table{page-break-inside:auto}}</style></head><body>");
        for (Block b : d.blocks()) {
            if (b instanceof ReportDocument.Heading x) {
                h.append("<h").append(x.level()).append('>').append(esc(x.text())).append("</h").append(x.level()).append('>');
            } else if (b instanceof ReportDocument.Paragraph x) {
                h.append(switch (x.tone()) {
                    case BODY -> "<p>";
                    case NOTE -> "<p class=\"note\">";
                    case ALERT -> "<p class=\"disclaimer\">";
                    case SIGNATURE -> "<p class=\"signature\">";
                }).append(esc(x.text())).append("</p>");
            } else if (b instanceof ReportDocument.Verdict x) {
                h.append("<p>").append(esc(x.label())).append("<span class=\"verdict ").append(esc(x.verdict())).append("\">")
                        .append(esc(x.text())).append("</span></p>");
            } else if (b instanceof ReportDocument.Table x) {
                table(h, x.header(), x.rows(), false);
            } else if (b instanceof ReportDocument.KeyValues x) {
                table(h, null, x.rows(), true);
            } else if (b instanceof ReportDocument.Bullets x) {
                h.append("<ul>");
                for (String item : x.items()) h.append("<li>").append(esc(item)).append("</li>");
                h.append("</ul>");
            } else if (b instanceof ReportDocument.Figure x) {
                h.append("<figure>").append(svg(x, site)).append("<figcaption class=\"note\">").append(esc(x.caption())).append("</figcaption></figure>");
            }
        }
        return h.append("</body></html>").toString();
    }

    /** The figure as an SVG element: zones, then the site on top, labels, the locator inset, a legend, a scale bar. */
    static String svg(ReportDocument.Figure fig, String siteFill) {
        SiteFigure f = fig.figure();
        StringBuilder s = new StringBuilder();
        // the legend's entries, in as many rows as the width needs
        List<double[]> at = new java.util.ArrayList<>();
        double lx = 8, ly = f.height() + 20;
        at.add(new double[] {lx, ly});
        lx += 30 + 7 * width(fig.siteLabel());
        for (String title : fig.legend().values()) {
            double w = 18 + 7 * width(title);
            if (lx + w > f.width() - 8) {
                lx = 8;
                ly += 18;
            }
            at.add(new double[] {lx, ly});
            lx += w + 12;
        }
        double full = ly + 10;
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "style=\"border:1px solid #999;background:#fafaf5\">", f.width(), full, f.width(), full));
        for (SiteFigure.Shape z : f.zones()) {
            ReportStyles.Colours c = f.colours(z.collection());
            if (z.point() != null) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>",
                        z.point()[0], z.point()[1], c.stroke(), esc(z.label())));
                continue;
            }
            boolean admin = z.collection().equals("admin");
            s.append("<path fill-rule=\"evenodd\" d=\"").append(path(z.rings())).append("\" stroke=\"").append(c.stroke())
                    .append("\" fill=\"").append(admin ? "none" : c.fill()).append("\" fill-opacity=\"").append(z.hit() ? "0.55" : "0.25")
                    .append("\" stroke-width=\"").append(z.hit() ? "1.5" : "1").append("\"")
                    .append(z.hit() && !admin ? "" : " stroke-dasharray=\"5,3\"").append("><title>").append(esc(z.label())).append("</title></path>");
        }
        s.append("<path fill-rule=\"evenodd\" d=\"").append(path(f.siteRings())).append("\" fill=\"").append(siteFill)
                .append("\" fill-opacity=\"0.35\" stroke=\"").append(ReportStyles.SITE.stroke()).append("\" stroke-width=\"2.5\"><title>")
                .append(esc(fig.siteLabel())).append("</title></path>");
        // names of the zones the site meets, inside their visible part, with a white halo
        for (SiteFigure.Shape z : f.zones()) {
            if (z.labelAt() == null || !z.hit() || z.collection().equals("admin")) continue;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"%s\" stroke=\"#fff\" "
                    + "stroke-width=\"3\" paint-order=\"stroke\">%s</text>", z.labelAt()[0], z.labelAt()[1], f.colours(z.collection()).stroke(), esc(z.label())));
        }
        SiteFigure.Inset in = f.inset();
        if (in != null) {
            double[] b = in.box();
            s.append(String.format(Locale.ROOT, "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#fff\" stroke=\"#555\"/>", b[0], b[1], b[2], b[3]));
            for (double[][] ring : in.rings()) s.append("<path d=\"").append(path(List.<double[][]>of(ring))).append("\" fill=\"#eee\" stroke=\"#777\" stroke-width=\"0.8\"/>");
            for (int i = 0; i < in.names().size(); i++) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\" fill=\"#444\">%s</text>",
                        in.nameAt().get(i)[0], in.nameAt().get(i)[1], esc(in.names().get(i))));
            }
            double[] st = in.site();
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#555\">%s</text></g>", st[0], st[1], st[2], st[3], ReportStyles.ALERT, b[0] + 3, b[1] + 10,
                    esc(fig.insetLabel())));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\" stroke=\"#000\" stroke-width=\"2\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>", at.get(0)[0], at.get(0)[1] - 9, siteFill, at.get(0)[0] + 18, at.get(0)[1],
                esc(fig.siteLabel())));
        int k = 1;
        for (Map.Entry<String, String> e : fig.legend().entrySet()) {
            ReportStyles.Colours c = f.colours(e.getKey());
            double[] p = at.get(k++);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\" stroke=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>", p[0], p[1] - 9, c.fill().equals("none") ? "#fff" : c.fill(), c.stroke(), p[0] + 18, p[1],
                    esc(e.getValue())));
        }
        double bar = f.scaleBarLength();
        double bx = f.width() - bar - 12, by = f.height() - 12;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"3\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>", bx, by, bx + bar, by, bx, by - 5, esc(fig.scaleLabel())));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"16\" font-size=\"13\" font-weight=\"bold\">N ↑</text>", f.width() - 34));
        s.append("</svg>");
        return s.toString();
    }

    /** Width of a label in half-em units at 12 px: Chinese characters count two, Latin one. */
    private static int width(String s) {
        return s.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    private static String path(List<double[][]> rings) {
        StringBuilder d = new StringBuilder();
        for (double[][] ring : rings) {
            for (int i = 0; i < ring.length; i++) {
                d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", ring[i][0], ring[i][1]));
            }
            d.append('Z');
        }
        return d.toString();
    }

    private static void table(StringBuilder h, List<String> header, List<List<String>> rows, boolean labelColumn) {
        h.append("<table>");
        if (header != null) {
            h.append("<tr>");
            for (String c : header) h.append("<th>").append(esc(c)).append("</th>");
            h.append("</tr>");
        }
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean head = labelColumn && i == 0;
                h.append(head ? "<th>" : "<td>").append(esc(row.get(i))).append(head ? "</th>" : "</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
