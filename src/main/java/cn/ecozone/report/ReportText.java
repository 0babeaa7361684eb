package cn.ecozone.report;

import cn.ecozone.accesslist.Level;
import cn.ecozone.accesslist.Scope;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.Verdict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words and numbers of a site-check report in one language: headings, labels, table rows, units. Chinese is the
 * report of record; the English one translates everything the program writes, and keeps the data's Chinese names
 * (zones, places, documents) — quoted in running text, glossed where the data gives an English word (layer titles,
 * the styles' class labels, e.g. 二级保护区 → "second-level protection zone").
 */
public final class ReportText {
    private final ReportLanguage lang;
    private final SiteFigure figure;

    /** @param figure the map figure (its layer titles and styles gloss the data in English) */
    public ReportText(ReportLanguage lang, SiteFigure figure) {
        this.lang = lang;
        this.figure = figure;
    }

    public ReportLanguage lang() { return lang; }

    private String t(String zh, String en) {
        return lang.pick(zh, en);
    }

    public String title() {
        return t("建设项目选址研判报告", "Project Site Check Report");
    }

    public String verdictRule() {
        return t("结论规则：适用于本项目行业的任一“禁止”要求 → 禁止准入；否则任一“限制”要求 → 限制准入；"
                        + "否则任一“要求” → 有条件准入；否则 → 准入；地块不在环境管控单元范围内 → 无法研判。未指定行业时只计适用于所有项目的要求，"
                        + "另列各行业的研判。面积为 CGCS2000 椭球面积（与国土调查一致），另列所在 3 度带高斯-克吕格平面面积。",
                "How the verdict is reached: any \"prohibited\" requirement that holds for the project's industry → prohibited; otherwise any "
                        + "\"restricted\" requirement → restricted; otherwise any \"required\" one → conditionally allowed; otherwise → allowed; a site "
                        + "outside the environmental control units → cannot be judged. Without an industry only the requirements for every project "
                        + "count, and each industry's verdict is listed. Areas are on the CGCS2000 ellipsoid (as in the land survey), with the "
                        + "Gauss-Krüger plane area in the site's 3° zone beside.");
    }

    public String illustrative() {
        return t("本报告所用图层为示意数据（非官方边界），仅供演示，不得作为审批依据。",
                "The layers in this report are illustrative sample data (not official boundaries), for demonstration only; they must not be "
                        + "used as grounds for any approval.");
    }

    public String signature() {
        return t("编制人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日　　（盖章）",
                "Prepared by: ______________    Reviewed by: ______________    Date: ________    (Seal)");
    }

    public String pageLabel() {
        return t("第 %1$d 页 共 %2$d 页", "Page %1$d of %2$d");
    }

    /**
     * A report number a file can cite: EZ-date-hash of what was checked (site, industry, verdict, clauses) and when,
     * so the HTML and PDF of one check made in the same minute carry the same number (in either language).
     */
    public static String reportNumber(SiteCheckResult r, LocalDateTime at) {
        String key = r.name() + "|" + r.industry() + "|" + r.verdict() + "|" + Arrays.toString(r.site().bbox()) + "|" + r.site().areaM2()
                + "|" + r.clauses().size() + "|" + at.format(DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "EZ-" + at.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + HexFormat.of().formatHex(h, 0, 3).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
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

    public String metres(double v) { return String.format(Locale.ROOT, t("%,.0f 米", "%,.0f m"), v); }

    /**
     * A Chinese name from the data inside English text: quoted ("…", straight quotes: the CJK font sets curly ones
     * full-width), unless it is already a 《document》 or has no Chinese.
     */
    public String name(String s) {
        if (lang == ReportLanguage.ZH || s == null || s.isEmpty() || !hasHan(s) || s.startsWith("《") || s.startsWith("\"")) return s == null ? "" : s;
        return "\"" + s + "\"";
    }

    /** English text for the report: curly quotes straightened (the CJK font sets them full-width). */
    public static String straightQuotes(String s) {
        return s.replace('“', '"').replace('”', '"').replace('‘', '\'').replace('’', '\'');
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    public String verdict(Verdict v, String zh) {
        return verdict(v.id(), zh);
    }

    public String verdict(String id, String zh) {
        if (lang == ReportLanguage.ZH) return zh;
        return switch (id) {
            case "prohibited" -> "Prohibited";
            case "restricted" -> "Restricted";
            case "conditional" -> "Conditionally allowed";
            case "allowed" -> "Allowed";
            case "outside" -> "Outside the data: cannot be judged";
            default -> id;
        };
    }

    public String effect(String id, String zh) {
        if (lang == ReportLanguage.ZH) return zh;
        return switch (id) {
            case "prohibited" -> "Prohibited";
            case "restricted" -> "Restricted";
            case "required" -> "Required";
            default -> id;
        };
    }

    /** The level of a requirement (国家, 省 …, 单元) with its place: 区县（新荣区） / County (“新荣区”). */
    public String level(String levelZh, String scope) {
        boolean plain = levelZh.equals(Level.UNIT.zh()) || levelZh.equals(Level.NATIONAL.zh());
        if (lang == ReportLanguage.ZH) return plain ? levelZh : levelZh + "（" + Scope.place(scope) + "）";
        String en = switch (Arrays.stream(Level.values()).filter(l -> l.zh().equals(levelZh)).findFirst().orElse(Level.UNIT)) {
            case NATIONAL -> "National";
            case PROVINCE -> "Province";
            case CITY -> "City";
            case COUNTY -> "County";
            case UNIT -> "Unit";
        };
        return plain ? en : en + " (" + name(Scope.place(scope)) + ")";
    }

    /** Common values of zone levels the data writes in Chinese, for English reports when the styles give no label. */
    private static final Map<String, String> LEVELS_EN = Map.of("一级", "first-level protection zone", "一级保护区", "first-level protection zone",
            "二级", "second-level protection zone", "二级保护区", "second-level protection zone", "准保护区", "quasi-protection zone",
            "国控", "national monitoring", "省控", "provincial monitoring", "市控", "municipal monitoring", "县控", "county monitoring");

    /**
     * A zone's name with its level when it has one (water-source 一级/二级/准保护区): in Chinese unless the name already says
     * it; in English always, as a gloss (the style's class label, else a known term, else the value quoted).
     */
    public String withLevel(String collection, String name, Object level) {
        if (level == null || String.valueOf(level).isBlank()) return name(name);
        String l = String.valueOf(level);
        if (lang == ReportLanguage.ZH) return name != null && name.contains(l) ? name : name + "（" + l + "）";
        String en = figure.styles().labelEn(collection, l).map(s -> s.toLowerCase(Locale.ROOT)).orElse(LEVELS_EN.getOrDefault(l, name(l)));
        return name(name) + " (" + en + ")";
    }

    private String layer(String collection, String titleZh) {
        return lang == ReportLanguage.ZH ? titleZh : figure.layerTitle(collection, lang);
    }

    private String notStated() {
        return t("未注明", "not stated");
    }

    /** The data date without the data version {@link SiteCheckResult#forReport} appends in Chinese. */
    public static String dataDate(SiteCheckResult r) {
        String d = r.dataDate();
        if (d != null && r.dataVersion() != null) {
            String suffix = "，数据版本 " + r.dataVersion().id();
            if (d.endsWith(suffix)) d = d.substring(0, d.length() - suffix.length());
        }
        return d == null || d.isEmpty() || d.equals("未注明") ? null : d;
    }

    /** The data date and, when known, the data version, e.g. "2025-12-31，数据版本 2025-12-31-3f9a…". */
    public String dataDateAndVersion(SiteCheckResult r) {
        String d = dataDate(r);
        String date = d == null ? notStated() : d;
        return r.dataVersion() == null ? date : date + t("，数据版本 ", ", data version ") + r.dataVersion().id();
    }

    /** Rows of the site table: label, value. */
    public List<List<String>> siteRows(SiteCheckResult r) {
        SiteCheckResult.Site s = r.site();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("项目名称", "Project name"), name(r.name())));
        String industry = lang == ReportLanguage.ZH ? r.industryZh() : r.industryEn() == null || r.industryEn().isBlank() ? name(r.industryZh()) : r.industryEn();
        rows.add(List.of(t("行业类别", "Industry"), r.industry() == null ? t("未指定（结论只计适用于所有项目的要求，各行业研判见上表）",
                "not given (the verdict counts only the requirements for every project; each industry's verdict is listed above)") : industry));
        rows.add(List.of(t("椭球面积（CGCS2000）", "Ellipsoidal area (CGCS2000)"), lang == ReportLanguage.ZH
                ? m2(s.areaM2()) + " 平方米 ＝ " + ha(s.areaHa()) + " 公顷 ＝ " + mu(s.areaMu()) + " 亩"
                : m2(s.areaM2()) + " m² = " + ha(s.areaHa()) + " ha = " + mu(s.areaMu()) + " mu"));
        rows.add(List.of(t("高斯-克吕格平面面积", "Gauss-Krüger plane area"), lang == ReportLanguage.ZH
                ? m2(s.gkAreaM2()) + " 平方米（3 度带第 " + s.gkZone() + " 带，EPSG:" + s.gkEpsg() + "）"
                : m2(s.gkAreaM2()) + " m² (3° zone " + s.gkZone() + ", EPSG:" + s.gkEpsg() + ")"));
        rows.add(List.of(t("地块数 / 顶点数", "Parcels / vertices"), s.parcelCount() + " / " + s.vertices()));
        rows.add(List.of(t("输入格式 / 坐标系", "Input format / coordinate system"), s.format().toUpperCase(Locale.ROOT) + " / " + s.sourceCrs()));
        rows.add(List.of(t("范围（经纬度）", "Extent (longitude, latitude)"),
                String.format(Locale.ROOT, "%.6f, %.6f – %.6f, %.6f", s.bbox()[0], s.bbox()[1], s.bbox()[2], s.bbox()[3])));
        rows.add(List.of(t("数据日期", "Data date"), dataDate(r) == null ? notStated() : dataDate(r)));
        return rows;
    }

    public List<String> parcelHeader() {
        return lang == ReportLanguage.ZH ? List.of("地块", "实测面积（公顷）", "实测（亩）", "声明面积（公顷）", "差值（公顷）", "差异")
                : List.of("Parcel", "Measured (ha)", "Measured (mu)", "Declared (ha)", "Difference (ha)", "Difference");
    }

    public List<List<String>> parcelRows(SiteCheckResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (SiteCheckResult.Parcel p : r.site().parcels()) {
            rows.add(List.of(name(p.name()), ha(p.areaHa()), mu(p.areaMu()), p.declaredHa() == null ? "—" : ha(p.declaredHa()),
                    p.differenceHa() == null ? "—" : String.format(Locale.ROOT, "%+.4f", p.differenceHa()),
                    p.differencePct() == null ? "—" : String.format(Locale.ROOT, "%+.2f%%", p.differencePct())));
        }
        return rows;
    }

    public List<String> hitHeader() {
        return lang == ReportLanguage.ZH ? List.of("图层", "编号", "名称", "重叠面积（平方米）", "公顷", "亩", "占地块", "占该区域")
                : List.of("Layer", "ID", "Name", "Overlap (m²)", "ha", "mu", "Of the site", "Of the zone");
    }

    public List<List<String>> hitRows(SiteCheckResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (SiteCheckResult.Hit h : r.hits()) {
            rows.add(List.of(layer(h.collection(), h.collectionTitle()), h.featureId(), withLevel(h.collection(), h.name(), h.properties().get("level")),
                    m2(h.overlapM2()), ha(h.overlapHa()), mu(h.overlapMu()), pct(h.siteShare()), pct(h.zoneShare())));
        }
        return rows;
    }

    public List<String> nearbyHeader() {
        return lang == ReportLanguage.ZH ? List.of("图层", "编号", "名称", "最近距离") : List.of("Layer", "ID", "Name", "Distance");
    }

    public List<List<String>> nearbyRows(SiteCheckResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (SiteCheckResult.Nearby n : r.nearby()) {
            rows.add(List.of(layer(n.collection(), n.collectionTitle()), n.featureId(), withLevel(n.collection(), n.name(), n.level()), metres(n.distanceM())));
        }
        return rows;
    }

    public List<String> dimensionHeader() {
        return lang == ReportLanguage.ZH ? List.of("维度", "研判", "适用要求", "起决定作用的要求")
                : List.of("Dimension", "Verdict", "Requirements", "Decisive requirements");
    }

    private String dimension(SiteCheckResult.DimensionConclusion d) {
        return lang == ReportLanguage.ZH || d.dimensionEn() == null ? d.dimensionZh() : d.dimensionEn();
    }

    private String dimensionVerdict(SiteCheckResult.DimensionConclusion d) {
        return d.requirementCount() == 0 && d.verdict() != Verdict.OUTSIDE ? t("无相关要求", "No requirements") : verdict(d.verdict(), d.verdictZh());
    }

    /** 逐维度研判: one row per dimension. */
    public List<List<String>> dimensionRows(SiteCheckResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (SiteCheckResult.DimensionConclusion d : r.dimensions()) {
            rows.add(List.of(dimension(d), dimensionVerdict(d), lang == ReportLanguage.ZH ? d.requirementCount() + " 条" : String.valueOf(d.requirementCount()),
                    d.strongest().isEmpty() ? "—" : String.join(t("、", ", "), d.strongest())));
        }
        return rows;
    }

    public List<String> industryHeader() {
        return lang == ReportLanguage.ZH ? List.of("行业", "研判", "禁止依据", "禁止所在区域") : List.of("Industry", "Verdict", "Prohibited by", "Where");
    }

    /** Without an industry: what each industry would get here. */
    public List<List<String>> industryRows(SiteCheckResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (SiteCheckResult.IndustryVerdict v : r.industryVerdicts()) {
            String industry = lang == ReportLanguage.ZH || v.industryEn() == null || v.industryEn().isBlank() ? name(v.industryZh()) : v.industryEn();
            List<String> where = v.bannedWhere().stream().map(w -> bannedWhere(r, w)).toList();
            rows.add(List.of(industry, verdict(v.verdict(), v.verdictZh()), v.bannedBy().isEmpty() ? "—" : String.join(t("、", ", "), v.bannedBy()),
                    where.isEmpty() ? "—" : String.join(t("；", "; "), where)));
        }
        return rows;
    }

    /** "生态保护红线 采凉山…" (layer title and zone name, as the result gives them) in the report's language. */
    private String bannedWhere(SiteCheckResult r, String where) {
        if (lang == ReportLanguage.ZH) return where;
        for (SiteCheckResult.Hit h : r.hits()) {
            if (where.equals(h.collectionTitle() + " " + h.name())) return figure.layerTitle(h.collection(), lang) + " " + name(h.name());
        }
        return name(where);
    }

    public List<String> clauseHeader() {
        return lang == ReportLanguage.ZH ? List.of("效力", "层级", "编号", "要求", "依据", "触发区域")
                : List.of("Effect", "Level", "ID", "Requirement", "Basis", "Triggered by");
    }

    /** The applied requirements of one dimension (strongest first, as in the result). */
    public List<List<String>> clauseRows(SiteCheckResult r, String dimension) {
        List<List<String>> rows = new ArrayList<>();
        for (SiteCheckResult.AppliedClause c : r.clauses()) {
            if (!c.dimension().equals(dimension)) continue;
            String text = lang == ReportLanguage.ZH || c.textEn() == null || c.textEn().isBlank() ? c.text() : straightQuotes(quoteHan(c.textEn()));
            if (lang == ReportLanguage.EN && (c.textEn() == null || c.textEn().isBlank())) text = name(c.text()) + " (no English text in the access list)";
            rows.add(List.of(effect(c.effect(), c.effectZh()), level(c.level(), c.scope()), c.clauseId(), text, c.basis(),
                    lang == ReportLanguage.ZH ? c.featureName() + "（" + c.featureId() + "）" : name(c.featureName()) + " (" + c.featureId() + ")"));
        }
        return rows;
    }

    /** English text from the data with Chinese names left in it: each run of Chinese quoted, unless it already is. */
    String quoteHan(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                b.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int j = i;
            while (j < s.length()) {
                int c = s.codePointAt(j);
                Character.UnicodeScript sc = Character.UnicodeScript.of(c);
                if (sc != Character.UnicodeScript.HAN && "“”《》·".indexOf(c) < 0 && !(c >= '0' && c <= '9' && j > i)) break;
                j += Character.charCount(c);
            }
            String run = s.substring(i, j);
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            boolean quoted = before == '“' || before == '《' || before == '"';
            b.append(quoted ? run : "\"" + run + "\"");
            i = j;
        }
        return b.toString();
    }

    /** The numbered sub-heading of a dimension's section, e.g. （一）空间布局约束：禁止准入 / (1) Spatial layout constraints: Prohibited. */
    public String dimensionHeading(int i, SiteCheckResult.DimensionConclusion d) {
        String verdict = d.requirementCount() == 0 ? t("无相关要求", "No requirements") : verdict(d.verdict(), d.verdictZh());
        return lang == ReportLanguage.ZH ? "（" + "一二三四五六".charAt(i) + "）" + d.dimensionZh() + "：" + verdict
                : "(" + (i + 1) + ") " + dimension(d) + ": " + verdict;
    }

    public List<String> boundaryHeader() {
        return lang == ReportLanguage.ZH ? List.of("地块", "点号", "圈号", "X（北）", "Y（东）") : List.of("Parcel", "Point", "Ring", "X (north)", "Y (east)");
    }
}
