package cn.ecozone.process;

import cn.ecozone.io.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The batch's result table (CSV, UTF-8 with BOM and CRLF for Excel) and its summary. */
public final class BatchTable {
    public static final List<String> HEADER = List.of("序号 row", "来源文件 file", "项目名称 project", "行业 industry", "研判结论 verdict",
            "verdict", "所在区县 district", "面积(公顷) area ha", "面积(亩) area mu", "空间布局约束", "污染物排放管控", "环境风险防控",
            "资源利用效率", "压占区域 hit zones", "压占面积(公顷) overlap ha", "压占面积(亩) overlap mu", "最近保护区 nearest protected zone",
            "距离(米) distance m", "提示 warnings", "错误 error", "数据版本 data version");

    private BatchTable() {}

    public static List<String> row(ProjectOutcome o) {
        Map<String, String> dims = new LinkedHashMap<>();
        for (ProjectOutcome.Dimension d : o.dimensions()) dims.put(d.dimensionZh(), d.verdictZh());
        StringBuilder hits = new StringBuilder(), ha = new StringBuilder(), mu = new StringBuilder();
        for (ProjectOutcome.HitRow h : o.hits()) {
            if (hits.length() > 0) {
                hits.append("；");
                ha.append("；");
                mu.append("；");
            }
            hits.append(h.collectionTitle()).append(' ').append(h.name() == null ? "" : h.name()).append('(').append(h.featureId()).append(')')
                    .append(h.level() == null ? "" : " " + h.level())
                    .append(fixed(" 占地块 %.1f%% 占区域 %.2f%%", h.siteShare() * 100, h.zoneShare() * 100));
            ha.append(fixed("%.4f", h.overlapHa()));
            mu.append(fixed("%.2f", h.overlapMu()));
        }
        ProjectOutcome.Nearest n = o.nearestProtected();
        return List.of(String.valueOf(o.row()), nz(o.source()), nz(o.name()), o.industryZh() != null ? o.industryZh() : nz(o.industry()),
                nz(o.verdictZh()), nz(o.verdict()), nz(o.district()),
                o.siteAreaHa() == null ? "" : fixed("%.4f", o.siteAreaHa()),
                o.siteAreaMu() == null ? "" : fixed("%.2f", o.siteAreaMu()),
                nz(dims.get("空间布局约束")), nz(dims.get("污染物排放管控")), nz(dims.get("环境风险防控")), nz(dims.get("资源利用效率")),
                hits.toString(), ha.toString(), mu.toString(),
                n == null ? "" : n.collectionTitle() + " " + nz(n.name()) + "(" + n.featureId() + ")",
                n == null ? "" : fixed("%.1f", n.distanceM()),
                String.join("；", o.warnings()), nz(o.error()), nz(o.dataVersion()));
    }

    public static byte[] csv(List<ProjectOutcome> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        for (ProjectOutcome o : outcomes) rows.add(row(o));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CsvWriter.write(out, HEADER, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same table as an xlsx workbook (one sheet 研判结果; areas, shares and distances as numbers where single). */
    public static byte[] xlsx(List<ProjectOutcome> outcomes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "EcoZone", "1.0");
            Worksheet ws = wb.newWorksheet(SHEET);
            xlsxHeader(ws);
            for (int r = 0; r < outcomes.size(); r++) xlsxRow(ws, r + 1, row(outcomes.get(r)), false);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static final String SHEET = "研判结果";

    static void xlsxHeader(Worksheet ws) {
        for (int c = 0; c < HEADER.size(); c++) {
            ws.value(0, c, HEADER.get(c));
            ws.style(0, c).bold().set();
        }
    }

    /**
     * One table row in the sheet: the row number, areas and the distance as numbers; text as shared strings, or inline
     * (nothing kept for the end: a sheet written row by row).
     */
    static void xlsxRow(Worksheet ws, int r, List<String> cells, boolean inline) {
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            if (v.isEmpty()) continue;
            if (c == 0 || c == 7 || c == 8 || c == 17) ws.value(r, c, Double.parseDouble(v));
            else if (inline) ws.inlineString(r, c, v);
            else ws.value(r, c, v);
        }
    }

    /** Counts per verdict, per district (and verdict within it), and the bad rows with their reasons. */
    public static Map<String, Object> summary(List<ProjectOutcome> outcomes, String dataVersion) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("projects", outcomes.size());
        Map<String, Integer> perVerdict = new TreeMap<>();
        Map<String, Map<String, Integer>> perDistrict = new TreeMap<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ProjectOutcome o : outcomes) {
            perVerdict.merge(o.verdict(), 1, Integer::sum);
            perDistrict.computeIfAbsent(o.district() == null ? "（未知）unknown" : o.district(), k -> new TreeMap<>()).merge(o.verdict(), 1, Integer::sum);
            if (o.failed()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("row", o.row());
                if (o.source() != null) e.put("file", o.source());
                e.put("name", o.name());
                e.put("reason", o.error());
                errors.add(e);
            }
        }
        s.put("perVerdict", perVerdict);
        s.put("perDistrict", perDistrict);
        s.put("errors", errors);
        s.put("dataVersion", dataVersion);
        return s;
    }

    /**
     * {@code String.format} with {@link Locale#US}: for these patterns (fixed decimals, no grouping) the same characters
     * as {@link Locale#ROOT}, and {@link java.util.Formatter} then skips looking up the locale's decimal symbols, which
     * took half of each call.
     */
    private static String fixed(String pattern, Object... args) {
        return String.format(Locale.US, pattern, args);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
