package cn.ecozone.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The per-plot measurement table with Chinese column headers, for CSV export (Excel) and the CLI: the plot's
 * attributes, then its measures. Areas: ellipsoidal m²/公顷/亩 (area of record), GK plane m²; perimeter m.
 */
public final class PlotTable {
    public static final List<String> MEASURE_COLUMNS = List.of("面积(平方米)", "面积(公顷)", "面积(亩)", "高斯带号", "高斯平面面积(平方米)",
            "周长(米)", "申报面积(亩)", "差值(亩)", "差值(%)", "超差", "几何有效", "几何问题", "狭长碎片");

    private PlotTable() {}

    public record Table(List<String> header, List<List<String>> rows) {}

    /** @param titles column titles of attribute names (e.g. mine → 矿山名称); names without a title are used as they are */
    public static Table of(PlotReport report, Map<String, String> titles) {
        Set<String> attributes = new LinkedHashSet<>();
        report.plots().forEach(p -> attributes.addAll(p.attributes().keySet()));
        // the id attribute is already the 图斑编号 column and the declared area the 申报面积(亩) column: not twice
        attributes.removeIf(a -> isIdAttribute(report, a) || a.equals(PlotSchema.detect(attributes).declaredMu()));
        List<String> header = new ArrayList<>();
        header.add("图斑编号");
        attributes.forEach(a -> header.add(titles.getOrDefault(a, a)));
        header.addAll(MEASURE_COLUMNS);
        header.replaceAll(h -> h.replace('（', '(').replace('）', ')'));
        List<List<String>> rows = new ArrayList<>();
        for (PlotMeasure m : report.plots()) {
            List<String> r = new ArrayList<>();
            r.add(m.id());
            for (String a : attributes) {
                Object v = m.attributes().get(a);
                r.add(v == null ? "" : v.toString());
            }
            r.add(fmt("%.2f", m.area().m2()));
            r.add(fmt("%.4f", m.area().ha()));
            r.add(fmt("%.2f", m.area().mu()));
            r.add(m.gkZone() == null ? "" : m.gkZone().toString());
            r.add(m.gkArea() == null ? "" : fmt("%.2f", m.gkArea().m2()));
            r.add(fmt("%.2f", m.perimeterM()));
            r.add(m.declaredMu() == null ? "" : fmt("%.2f", m.declaredMu()));
            r.add(m.differenceMu() == null ? "" : fmt("%.2f", m.differenceMu()));
            r.add(m.differencePct() == null ? "" : fmt("%.2f", m.differencePct()));
            r.add(m.declaredMismatch() ? "是" : "否");
            r.add(m.valid() ? "是" : "否");
            r.add(m.problem() == null ? "" : m.problem());
            r.add(m.slivers().isEmpty() ? "否" : "是（" + m.slivers().size() + " 处）");
            rows.add(r);
        }
        return new Table(header, rows);
    }

    /** An attribute whose value is the plot's id for every plot (the layer's id property). */
    private static boolean isIdAttribute(PlotReport report, String a) {
        return !report.plots().isEmpty() && report.plots().stream().allMatch(p -> p.attributes().get(a) != null
                && p.attributes().get(a).toString().equals(p.id()));
    }

    public static final String COUNT = "图斑数";

    /**
     * The grouped summary: one row per value of the report's groupBy attribute (count, measured m²/公顷/亩, declared 亩).
     *
     * @param groupTitle the column title of the grouping attribute (e.g. 矿山名称)
     */
    public static Table summary(PlotReport report, String groupTitle) {
        List<String> header = List.of(groupTitle, COUNT, "实测面积(平方米)", "实测面积(公顷)", "实测面积(亩)", "申报面积(亩)", "差值(亩)");
        List<List<String>> rows = new ArrayList<>();
        for (PlotReport.GroupSummary g : report.groups()) {
            rows.add(List.of(g.key(), Integer.toString(g.count()), fmt("%.2f", g.measured().m2()), fmt("%.4f", g.measured().ha()),
                    fmt("%.2f", g.measured().mu()), g.declaredMu() == null ? "" : fmt("%.2f", g.declaredMu()),
                    g.declaredMu() == null ? "" : fmt("%.2f", g.measured().mu() - g.declaredMu())));
        }
        return new Table(header, rows);
    }

    /** The per-mine progress: restored (已修复 + 已验收) plots and area over all of the mine's plots. */
    public static Table progress(PlotReport report) {
        List<String> header = List.of("矿山名称", COUNT, "已修复图斑数", "实测面积(亩)", "已修复面积(亩)", "修复进度(%)", "申报面积(亩)");
        List<List<String>> rows = new ArrayList<>();
        for (PlotReport.MineProgress p : report.progress()) {
            rows.add(List.of(p.mine(), Integer.toString(p.plots()), Integer.toString(p.restoredPlots()), fmt("%.2f", p.total().mu()),
                    fmt("%.2f", p.restored().mu()), fmt("%.1f", p.restoredShare() * 100), p.declaredMu() == null ? "" : fmt("%.2f", p.declaredMu())));
        }
        return new Table(header, rows);
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
