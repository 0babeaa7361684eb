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
                    .append(" 占地块 ").append(fixed(h.siteShare() * 100, 1)).append("% 占区域 ").append(fixed(h.zoneShare() * 100, 2)).append('%');
            ha.append(fixed(h.overlapHa(), 4));
            mu.append(fixed(h.overlapMu(), 2));
        }
        ProjectOutcome.Nearest n = o.nearestProtected();
        return List.of(String.valueOf(o.row()), nz(o.source()), nz(o.name()), o.industryZh() != null ? o.industryZh() : nz(o.industry()),
                nz(o.verdictZh()), nz(o.verdict()), nz(o.district()),
                o.siteAreaHa() == null ? "" : fixed(o.siteAreaHa(), 4),
                o.siteAreaMu() == null ? "" : fixed(o.siteAreaMu(), 2),
                nz(dims.get("空间布局约束")), nz(dims.get("污染物排放管控")), nz(dims.get("环境风险防控")), nz(dims.get("资源利用效率")),
                hits.toString(), ha.toString(), mu.toString(),
                n == null ? "" : n.collectionTitle() + " " + nz(n.name()) + "(" + n.featureId() + ")",
                n == null ? "" : fixed(n.distanceM(), 1),
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

    private static final double[] SCALE = {1, 1e1, 1e2, 1e3, 1e4};
    private static final long[] LSCALE = {1, 10, 100, 1_000, 10_000};

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>f", v)}, without the formatter for the usual value. The formatter
     * rounds half up the decimal digits that {@code Double.toString} finds for {@code v} (a decimal D within half an
     * ulp of {@code v}); here {@code S = v·10^decimals} is rounded half up instead, which gives the same integer
     * whenever S's fraction lies farther from one half than S's rounding error and D's distance from {@code v} together
     * can reach ({@code ulp(S) + 10^decimals·ulp(v)}, twice what they can): then D·10^decimals and S lie on the same side
     * of the half. Otherwise (a value at a tie of the next digit), and for a negative, huge or non-finite value, the
     * formatter is asked ({@code BatchTableTest} compares both on millions of values). The formatter took a tenth of a
     * job lane's time (it parses its pattern each call).
     */
    static String fixed(double v, int decimals) {
        if (Double.doubleToRawLongBits(v) >= 0 && v < 1e9) { // not negative (nor -0.0), finite, not NaN
            double scaled = v * SCALE[decimals];
            double floor = Math.floor(scaled), fraction = scaled - floor;
            if (Math.abs(fraction - 0.5) > Math.ulp(scaled) + SCALE[decimals] * Math.ulp(v)) {
                long q = (long) floor + (fraction > 0.5 ? 1 : 0);
                StringBuilder b = new StringBuilder(16).append(q / LSCALE[decimals]);
                if (decimals > 0) {
                    b.append('.');
                    String f = Long.toString(q % LSCALE[decimals]);
                    for (int i = f.length(); i < decimals; i++) b.append('0');
                    b.append(f);
                }
                return b.toString();
            }
        }
        return String.format(Locale.US, "%." + decimals + "f", v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
