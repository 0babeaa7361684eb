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
        List<String> header = new ArrayList<>();
        header.add("图斑编号");
        attributes.forEach(a -> header.add(titles.getOrDefault(a, a)));
        header.addAll(MEASURE_COLUMNS);
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

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
