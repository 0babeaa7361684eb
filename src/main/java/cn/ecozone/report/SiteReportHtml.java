package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/** The printable Chinese site-check report as one self-contained HTML page, with the map figure as inline SVG. */
public final class SiteReportHtml {
    private SiteReportHtml() {}

    public static String render(SiteCheckResult r, SiteFigure figure) {
        return render(r, figure, java.util.List.of());
    }

    /** @param parcels the site's parcels as read (their 界址点 go into the appendix table); empty: no table */
    public static String render(SiteCheckResult r, SiteFigure figure, java.util.List<cn.ecozone.io.SiteParcel> parcels) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(ReportText.TITLE + " — " + r.name()))
                .append("</title><style>")
                .append("body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em auto;max-width:60em;color:#222}")
                .append("h1{font-size:1.5em;border-bottom:2px solid #333}h2{font-size:1.15em;margin-top:1.5em}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #999;padding:.25em .5em;text-align:left}")
                .append("th{background:#eee}.num{text-align:right}.verdict{font-size:1.3em;font-weight:bold;padding:.4em .8em;display:inline-block}")
                .append(".prohibited{background:#c0161a;color:#fff}.restricted{background:#e8871e;color:#fff}.conditional{background:#f1c232}")
                .append(".disclaimer{border:2px solid #c0161a;color:#c0161a;padding:.4em .8em;font-weight:bold}.signature{margin-top:3em}")
                .append(".allowed{background:#2b8c6e;color:#fff}.outside{background:#666;color:#fff}h3{font-size:1em;margin:1em 0 .3em}.note{font-size:.85em;color:#555}figure{margin:1em 0}")
                .append("@media print{body{margin:0}h2{page-break-after:avoid}table{page-break-inside:auto}}</style></head><body>");
        LocalDateTime now = LocalDateTime.now();
        h.append("<h1>").append(ReportText.TITLE).append("</h1>");
        h.append("<p class=\"note\">报告编号：").append(esc(ReportText.reportNumber(r, now))).append("　生成时间：").append(esc(ReportText.generated(now)))
                .append("　数据：").append(esc(figure.dataTitle())).append("（数据日期 ").append(esc(r.dataDate() == null ? "未注明" : r.dataDate())).append("）</p>");
        if (figure.illustrative()) h.append("<p class=\"disclaimer\">").append(esc(ReportText.ILLUSTRATIVE)).append("</p>");
        h.append("<p>研判结论：<span class=\"verdict ").append(r.verdict()).append("\">").append(esc(r.verdictZh())).append("</span></p>");
        h.append("<p class=\"note\">").append(esc(ReportText.VERDICT_RULE)).append("</p>");
        h.append("<h2>逐维度研判</h2>");
        table(h, ReportText.DIMENSION_HEADER, ReportText.dimensionRows(r));
        if (!r.industryVerdicts().isEmpty()) {
            h.append("<h2>各行业研判（未指定行业）</h2>");
            table(h, ReportText.INDUSTRY_HEADER, ReportText.industryRows(r));
        }

        h.append("<h2>一、项目地块</h2>");
        table(h, null, ReportText.siteRows(r));
        if (r.site().parcels().size() > 0) table(h, ReportText.PARCEL_HEADER, ReportText.parcelRows(r));

        h.append("<h2>二、位置示意图</h2><figure>").append(svg(figure)).append("<figcaption class=\"note\">")
                .append("粗黑线为项目地块；着色区域为与地块重叠的区域，浅色虚线为周边 ")
                .append(esc(ReportText.metres(r.nearbyM()))).append(" 内未重叠的区域。底图为示意，不作测量依据。</figcaption></figure>");

        h.append("<h2>三、与各类区域的重叠</h2>");
        if (r.hits().isEmpty()) h.append("<p>地块不与任何区域重叠。</p>");
        else table(h, ReportText.HIT_HEADER, ReportText.hitRows(r));

        h.append("<h2>四、周边区域（").append(esc(ReportText.metres(r.nearbyM()))).append(" 内，未重叠）</h2>");
        if (r.nearby().isEmpty()) h.append("<p>无。</p>");
        else table(h, ReportText.NEARBY_HEADER, ReportText.nearbyRows(r));

        h.append("<h2>五、适用的准入清单要求（按维度）</h2>");
        if (r.clauses().isEmpty()) h.append("<p>没有适用的要求。</p>");
        for (int i = 0; i < r.dimensions().size(); i++) {
            SiteCheckResult.DimensionConclusion d = r.dimensions().get(i);
            h.append("<h3>").append(esc(ReportText.dimensionHeading(i, d))).append("</h3>");
            List<String[]> rows = ReportText.clauseRows(r, d.dimension());
            if (rows.isEmpty()) h.append("<p>无。</p>");
            else table(h, ReportText.CLAUSE_HEADER, rows);
        }

        h.append("<h2>六、提示</h2>");
        if (r.warnings().isEmpty()) h.append("<p>无。</p>");
        else {
            h.append("<ul>");
            for (String w : r.warnings()) h.append("<li>").append(esc(w)).append("</li>");
            h.append("</ul>");
        }
        h.append("<p class=\"signature\">").append(esc(ReportText.SIGNATURE)).append("</p>");
        if (!parcels.isEmpty()) {
            BoundaryPointTable.Table t = BoundaryPointTable.of(parcels, r);
            h.append("<h2>附表　界址点坐标</h2><p class=\"note\">").append(esc(t.caption())).append("</p>");
            table(h, BoundaryPointTable.HEADER, t.rows());
            if (t.omitted() > 0) h.append("<p class=\"note\">其余 ").append(t.omitted()).append(" 个界址点从略（见原始坐标文件）。</p>");
        }
        h.append("<p class=\"note\">数据日期：").append(esc(r.dataDate() == null || r.dataDate().isEmpty() ? "未注明" : r.dataDate()))
                .append("；生成时间：").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append("；EcoZone 生态环境分区管控</p></body></html>");
        return h.toString();
    }

    /** The figure as an SVG element: zones, then the site on top, a legend and a scale bar. */
    static String svg(SiteFigure f) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "style=\"border:1px solid #999;background:#fafaf5\">", f.width(), f.height() + 30, f.width(), f.height() + 30));
        Map<String, String> legend = new LinkedHashMap<>();
        for (SiteFigure.Shape z : f.zones()) {
            String[] c = SiteFigure.colours(z.collection());
            if (z.point() != null) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>",
                        z.point()[0], z.point()[1], c[0], esc(z.label())));
                continue;
            }
            boolean admin = z.collection().equals("admin");
            s.append("<path fill-rule=\"evenodd\" d=\"").append(path(z.rings())).append("\" stroke=\"").append(c[0])
                    .append("\" fill=\"").append(admin ? "none" : c[1]).append("\" fill-opacity=\"").append(z.hit() ? "0.55" : "0.25")
                    .append("\" stroke-width=\"").append(z.hit() ? "1.5" : "1").append("\"")
                    .append(z.hit() && !admin ? "" : " stroke-dasharray=\"5,3\"").append("><title>").append(esc(z.label())).append("</title></path>");
            legend.put(z.collection(), z.collectionTitle());
        }
        s.append("<path fill-rule=\"evenodd\" d=\"").append(path(f.siteRings()))
                .append("\" fill=\"#ffd700\" fill-opacity=\"0.35\" stroke=\"#000\" stroke-width=\"2.5\"><title>项目地块</title></path>");
        // names of the zones the site meets and of the district, inside their visible part, with a white halo
        for (SiteFigure.Shape z : f.zones()) {
            if (z.labelAt() == null || !z.hit() || z.collection().equals("admin")) continue;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"%s\" stroke=\"#fff\" "
                    + "stroke-width=\"3\" paint-order=\"stroke\">%s</text>", z.labelAt()[0], z.labelAt()[1], SiteFigure.colours(z.collection())[0], esc(z.label())));
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
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#c0161a\" stroke-width=\"2\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#555\">位置示意</text></g>", st[0], st[1], st[2], st[3], b[0] + 3, b[1] + 10));
        }
        double y = f.height() + 20;
        double x = 8;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"#ffd700\" stroke=\"#000\" stroke-width=\"2\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">项目地块</text>", x, y - 9, x + 18, y));
        x += 80;
        for (String coll : legend.keySet()) {
            String[] c = SiteFigure.colours(coll);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\" stroke=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>", x, y - 9, c[1].equals("none") ? "#fff" : c[1], c[0], x + 18, y,
                    esc(legend.get(coll))));
            x += 30 + 13 * legend.get(coll).length();
        }
        double bar = f.scaleBarLength();
        double bx = f.width() - bar - 12, by = f.height() - 12;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"3\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>", bx, by, bx + bar, by, bx, by - 5, esc(ReportText.metres(f.scaleBarMetres()))));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"16\" font-size=\"13\" font-weight=\"bold\">N ↑</text>", f.width() - 34));
        s.append("</svg>");
        return s.toString();
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

    private static void table(StringBuilder h, String[] header, List<String[]> rows) {
        h.append("<table>");
        if (header != null) {
            h.append("<tr>");
            for (String c : header) h.append("<th>").append(esc(c)).append("</th>");
            h.append("</tr>");
        }
        for (String[] row : rows) {
            h.append("<tr>");
            for (int i = 0; i < row.length; i++) {
                boolean head = header == null && i == 0;
                h.append(head ? "<th>" : "<td>").append(esc(row[i])).append(head ? "</th>" : "</td>");
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
