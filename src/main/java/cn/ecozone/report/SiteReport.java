package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.report.ReportDocument.Block;
import cn.ecozone.report.ReportDocument.Bullets;
import cn.ecozone.report.ReportDocument.Figure;
import cn.ecozone.report.ReportDocument.Heading;
import cn.ecozone.report.ReportDocument.KeyValues;
import cn.ecozone.report.ReportDocument.Paragraph;
import cn.ecozone.report.ReportDocument.Table;
import cn.ecozone.report.ReportDocument.Tone;
import cn.ecozone.report.ReportDocument.Verdict;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site-check report's content, in order: title and number, disclaimer, verdict, per-dimension and per-industry
 * verdicts, 一 the site, 二 the map, 三 overlaps, 四 zones nearby, 五 the requirements by dimension, 六 notices, the
 * signature block, the 界址点 appendix and the colophon. The one place the report's words are chosen; the renderers
 * only lay them out.
 */
public final class SiteReport {
    private SiteReport() {}

    /**
     * @param r the result ({@link SiteCheckResult#forReport()} or as it is)
     * @param parcels the site's parcels as read (their 界址点 go into the appendix table); empty: no appendix
     */
    public static ReportDocument build(SiteCheckResult r, SiteFigure figure, List<SiteParcel> parcels, ReportLanguage lang, LocalDateTime now) {
        ReportText t = new ReportText(lang, figure);
        boolean zh = lang == ReportLanguage.ZH;
        String number = ReportText.reportNumber(r, now);
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, t.title()));
        b.add(new Paragraph(zh ? "报告编号：" + number + "　生成时间：" + ReportText.generated(now) + "　数据：" + figure.dataTitle(lang) + "（数据日期 "
                + t.dataDateAndVersion(r) + "）"
                : "Report no.: " + number + " · Generated: " + ReportText.generated(now) + " · Data: " + figure.dataTitle(lang) + " (data date "
                + t.dataDateAndVersion(r) + ")", Tone.NOTE));
        if (figure.illustrative()) b.add(new Paragraph(t.illustrative(), Tone.ALERT));
        b.add(new Verdict(zh ? "研判结论：" : "Verdict: ", t.verdict(r.verdict(), r.verdictZh()), r.verdict().id()));
        b.add(new Paragraph(t.verdictRule(), Tone.NOTE));
        b.add(new Heading(2, zh ? "逐维度研判" : "Verdict by dimension"));
        b.add(table(t.dimensionHeader(), t.dimensionRows(r), 1.3f, 1.3f, 0.8f, 3f));
        if (!r.industryVerdicts().isEmpty()) {
            b.add(new Heading(2, zh ? "各行业研判（未指定行业）" : "Verdict by industry (no industry given)"));
            b.add(table(t.industryHeader(), t.industryRows(r), 1.6f, 1f, 1.6f, 2.6f));
        }

        b.add(new Heading(2, zh ? "一、项目地块" : "1. The project site"));
        b.add(new KeyValues(t.siteRows(r)));
        if (!r.site().parcels().isEmpty()) b.add(table(t.parcelHeader(), t.parcelRows(r), 2, 1.3f, 1.1f, 1.3f, 1.1f, 0.9f));

        b.add(new Heading(2, zh ? "二、位置示意图" : "2. Location map"));
        Map<String, String> legend = new LinkedHashMap<>();
        for (SiteFigure.Shape z : figure.zones()) if (z.point() == null) legend.put(z.collection(), figure.layerTitle(z.collection(), lang));
        b.add(new Figure(figure, zh ? "项目地块" : "Project site", zh ? "位置示意" : "Locator", t.metres(figure.scaleBarMetres()), legend,
                zh ? "粗黑线为项目地块；着色区域为与地块重叠的区域，浅色虚线为周边 " + t.metres(r.nearbyM()) + " 内未重叠的区域。底图为示意，不作测量依据。"
                        : "The thick black line is the project site; coloured areas are the zones it overlaps, light dashed outlines the zones within "
                        + t.metres(r.nearbyM()) + " that it does not overlap. The map is a sketch, not for measurement."));

        b.add(new Heading(2, zh ? "三、与各类区域的重叠" : "3. Overlaps with zones"));
        if (r.hits().isEmpty()) b.add(new Paragraph(zh ? "地块不与任何区域重叠。" : "The site overlaps no zone.", Tone.BODY));
        else b.add(table(t.hitHeader(), t.hitRows(r), 1.3f, 1.6f, 1.8f, 1.4f, 1f, 1f, 0.8f, 0.8f));

        b.add(new Heading(2, zh ? "四、周边区域（" + t.metres(r.nearbyM()) + " 内，未重叠）" : "4. Zones nearby (within " + t.metres(r.nearbyM()) + ", not overlapped)"));
        if (r.nearby().isEmpty()) b.add(new Paragraph(zh ? "无。" : "None.", Tone.BODY));
        else b.add(table(t.nearbyHeader(), t.nearbyRows(r), 1.3f, 1.8f, 2.5f, 1f));

        b.add(new Heading(2, zh ? "五、适用的准入清单要求（按维度）" : "5. Access-list requirements that apply (by dimension)"));
        if (r.clauses().isEmpty()) b.add(new Paragraph(zh ? "没有适用的要求。" : "No requirement applies.", Tone.BODY));
        for (int i = 0; i < r.dimensions().size(); i++) {
            SiteCheckResult.DimensionConclusion d = r.dimensions().get(i);
            b.add(new Heading(3, t.dimensionHeading(i, d)));
            List<List<String>> rows = t.clauseRows(r, d.dimension());
            if (rows.isEmpty()) b.add(new Paragraph(zh ? "无。" : "None.", Tone.BODY));
            else if (zh) b.add(table(t.clauseHeader(), rows, 0.55f, 1.1f, 1.6f, 3.2f, 2.0f, 1.6f));
            else b.add(table(t.clauseHeader(), rows, 1.05f, 1.0f, 1.6f, 3.0f, 1.8f, 1.6f));
        }

        b.add(new Heading(2, zh ? "六、提示" : "6. Notices"));
        if (r.notices().isEmpty()) b.add(new Paragraph(zh ? "无。" : "None.", Tone.BODY));
        else b.add(new Bullets(r.notices().stream().map(n -> zh ? n.zh() : ReportText.straightQuotes(n.en())).toList()));
        b.add(new Paragraph(t.signature(), Tone.SIGNATURE));
        if (!parcels.isEmpty()) {
            BoundaryPointTable.Table bt = BoundaryPointTable.of(parcels, r, lang);
            b.add(new Heading(2, zh ? "附表　界址点坐标" : "Appendix: boundary point coordinates"));
            b.add(new Paragraph(bt.caption(), Tone.NOTE));
            List<List<String>> rows = bt.rows().stream().map(row -> {
                List<String> l = new ArrayList<>(Arrays.asList(row));
                l.set(0, t.name(l.get(0)));
                return List.copyOf(l);
            }).toList();
            b.add(table(t.boundaryHeader(), rows, 2f, 1f, 0.7f, 1.8f, 1.8f));
            if (bt.omitted() > 0) {
                b.add(new Paragraph(zh ? "其余 " + bt.omitted() + " 个界址点从略（见原始坐标文件）。"
                        : bt.omitted() + " further boundary points are left out (see the original coordinate file).", Tone.NOTE));
            }
        }
        b.add(new Paragraph(zh ? "数据日期：" + t.dataDateAndVersion(r) + "；生成时间：" + ReportText.generated(now) + "；EcoZone 生态环境分区管控"
                : "Data date: " + t.dataDateAndVersion(r) + "; generated " + ReportText.generated(now) + "; EcoZone ecological zoning", Tone.NOTE));
        return new ReportDocument(lang, t.title(), number, t.pageLabel(), b);
    }

    private static Table table(List<String> header, List<List<String>> rows, float... weights) {
        List<Float> w = new ArrayList<>();
        for (float f : weights) w.add(f);
        return new Table(header, rows, w);
    }
}
