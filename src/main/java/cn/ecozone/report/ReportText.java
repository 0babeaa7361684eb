package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.Verdict;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words and numbers both report formats print, so the HTML and the PDF say exactly the same thing. */
public final class ReportText {
    public static final String TITLE = "建设项目选址研判报告";
    public static final String VERDICT_RULE = "结论规则：适用于本项目行业的任一“禁止”要求 → 禁止准入；否则任一“限制”要求 → 限制准入；"
            + "否则任一“要求” → 有条件准入；否则 → 准入；地块不在环境管控单元范围内 → 无法研判。未指定行业时只计适用于所有项目的要求，"
            + "另列各行业的研判。面积为 CGCS2000 椭球面积（与国土调查一致），另列所在 3 度带高斯-克吕格平面面积。";

    public static final String ILLUSTRATIVE = "本报告所用图层为示意数据（非官方边界），仅供演示，不得作为审批依据。";
    public static final String SIGNATURE = "编制人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日　　（盖章）";

    private ReportText() {}

    /**
     * A report number a file can cite: EZ-date-hash of what was checked (site, industry, verdict, clauses) and when,
     * so the HTML and PDF of one check made in the same minute carry the same number.
     */
    public static String reportNumber(SiteCheckResult r, LocalDateTime at) {
        String key = r.name() + "|" + r.industry() + "|" + r.verdict() + "|" + java.util.Arrays.toString(r.site().bbox()) + "|" + r.site().areaM2()
                + "|" + r.clauses().size() + "|" + at.format(DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "EZ-" + at.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + java.util.HexFormat.of().formatHex(h, 0, 3).toUpperCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String generated(LocalDateTime at) {
        return at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    public static String m2(double v) { return String.format(Locale.ROOT, "%,.1f", v); }

    public static String ha(double v) { return String.format(Locale.ROOT, "%,.4f", v); }

    public static String mu(double v) { return String.format(Locale.ROOT, "%,.2f", v); }

    public static String pct(double share) { return String.format(Locale.ROOT, "%.2f%%", share * 100); }

    public static String metres(double v) { return String.format(Locale.ROOT, "%,.0f 米", v); }

    /** Rows of the site table: label, value. */
    public static List<String[]> siteRows(SiteCheckResult r) {
        SiteCheckResult.Site s = r.site();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"项目名称", r.name()});
        rows.add(new String[] {"行业类别", r.industryZh() == null ? "未指定（结论只计适用于所有项目的要求，各行业研判见下表）" : r.industryZh()});
        rows.add(new String[] {"椭球面积（CGCS2000）", m2(s.areaM2()) + " 平方米 ＝ " + ha(s.areaHa()) + " 公顷 ＝ " + mu(s.areaMu()) + " 亩"});
        rows.add(new String[] {"高斯-克吕格平面面积", m2(s.gkAreaM2()) + " 平方米（3 度带第 " + s.gkZone() + " 带，EPSG:" + s.gkEpsg() + "）"});
        rows.add(new String[] {"地块数 / 顶点数", s.parcelCount() + " / " + s.vertices()});
        rows.add(new String[] {"输入格式 / 坐标系", s.format().toUpperCase(Locale.ROOT) + " / " + s.sourceCrs()});
        rows.add(new String[] {"范围（经纬度）", String.format(Locale.ROOT, "%.6f, %.6f – %.6f, %.6f", s.bbox()[0], s.bbox()[1], s.bbox()[2], s.bbox()[3])});
        rows.add(new String[] {"数据日期", r.dataDate() == null || r.dataDate().isEmpty() ? "未注明" : r.dataDate()});
        return rows;
    }

    public static final String[] PARCEL_HEADER = {"地块", "实测面积（公顷）", "实测（亩）", "声明面积（公顷）", "差值（公顷）", "差异"};

    public static List<String[]> parcelRows(SiteCheckResult r) {
        List<String[]> rows = new ArrayList<>();
        for (SiteCheckResult.Parcel p : r.site().parcels()) {
            rows.add(new String[] {p.name(), ha(p.areaHa()), mu(p.areaMu()), p.declaredHa() == null ? "—" : ha(p.declaredHa()),
                    p.differenceHa() == null ? "—" : String.format(Locale.ROOT, "%+.4f", p.differenceHa()),
                    p.differencePct() == null ? "—" : String.format(Locale.ROOT, "%+.2f%%", p.differencePct())});
        }
        return rows;
    }

    public static final String[] HIT_HEADER = {"图层", "编号", "名称", "重叠面积（平方米）", "公顷", "亩", "占地块", "占该区域"};

    public static List<String[]> hitRows(SiteCheckResult r) {
        List<String[]> rows = new ArrayList<>();
        for (SiteCheckResult.Hit h : r.hits()) {
            rows.add(new String[] {h.collectionTitle(), h.featureId(), withLevel(h.name(), h.properties().get("level")), m2(h.overlapM2()), ha(h.overlapHa()), mu(h.overlapMu()),
                    pct(h.siteShare()), pct(h.zoneShare())});
        }
        return rows;
    }

    public static final String[] NEARBY_HEADER = {"图层", "编号", "名称", "最近距离"};

    public static List<String[]> nearbyRows(SiteCheckResult r) {
        List<String[]> rows = new ArrayList<>();
        for (SiteCheckResult.Nearby n : r.nearby()) {
            rows.add(new String[] {n.collectionTitle(), n.featureId(), withLevel(n.name(), n.level()), metres(n.distanceM())});
        }
        return rows;
    }

    /** A zone's name with its level when it has one (water-source 一级/二级/准保护区), unless the name already says it. */
    public static String withLevel(String name, Object level) {
        if (level == null || String.valueOf(level).isBlank() || (name != null && name.contains(String.valueOf(level)))) return name;
        return name + "（" + level + "）";
    }

    public static final String[] DIMENSION_HEADER = {"维度", "研判", "适用要求", "起决定作用的要求"};

    /** 逐维度研判: one row per dimension. */
    public static List<String[]> dimensionRows(SiteCheckResult r) {
        List<String[]> rows = new ArrayList<>();
        for (SiteCheckResult.DimensionConclusion d : r.dimensions()) {
            rows.add(new String[] {d.dimensionZh(), d.requirementCount() == 0 && d.verdict() != Verdict.OUTSIDE ? "无相关要求" : d.verdictZh(),
                    d.requirementCount() + " 条", d.strongest().isEmpty() ? "—" : String.join("、", d.strongest())});
        }
        return rows;
    }

    public static final String[] INDUSTRY_HEADER = {"行业", "研判", "禁止依据", "禁止所在区域"};

    /** Without an industry: what each industry would get here. */
    public static List<String[]> industryRows(SiteCheckResult r) {
        List<String[]> rows = new ArrayList<>();
        for (SiteCheckResult.IndustryVerdict v : r.industryVerdicts()) {
            rows.add(new String[] {v.industryZh(), v.verdictZh(), v.bannedBy().isEmpty() ? "—" : String.join("、", v.bannedBy()),
                    v.bannedWhere().isEmpty() ? "—" : String.join("；", v.bannedWhere())});
        }
        return rows;
    }

    public static final String[] CLAUSE_HEADER = {"效力", "层级", "编号", "要求", "依据", "触发区域"};

    /** The applied requirements of one dimension (strongest first, as in the result). */
    public static List<String[]> clauseRows(SiteCheckResult r, String dimension) {
        List<String[]> rows = new ArrayList<>();
        for (SiteCheckResult.AppliedClause c : r.clauses()) {
            if (!c.dimension().equals(dimension)) continue;
            rows.add(new String[] {c.effectZh(), c.level().equals("单元") || c.level().equals("国家") ? c.level()
                    : c.level() + "（" + cn.ecozone.accesslist.Scope.place(c.scope()) + "）", c.clauseId(), c.text(),
                    c.basis(), c.featureName() + "（" + c.featureId() + "）"});
        }
        return rows;
    }

    /** The numbered sub-heading of a dimension's section, e.g. （一）空间布局约束. */
    public static String dimensionHeading(int i, SiteCheckResult.DimensionConclusion d) {
        return "（" + "一二三四五六".charAt(i) + "）" + d.dimensionZh() + "：" + (d.requirementCount() == 0 ? "无相关要求" : d.verdictZh());
    }
}
