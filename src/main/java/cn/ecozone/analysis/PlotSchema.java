package cn.ecozone.analysis;

import java.util.Collection;
import java.util.List;

/**
 * Which attributes of a restoration layer carry the mine name, the status and the declared area (亩).
 * Found by name so official data with slightly different field names still works; null when absent.
 */
public record PlotSchema(String mine, String status, String declaredMu) {
    /** Statuses that count as restored for the progress figure. */
    public static final List<String> RESTORED = List.of("已修复", "已验收");

    public static final PlotSchema DEFAULT = new PlotSchema("mine", "status", "declared_mu");

    /** Looks for {@code mine}/{@code mine_name}, {@code status}, {@code declared_mu}/any name containing "declared". */
    public static PlotSchema detect(Collection<String> attributeNames) {
        return new PlotSchema(
                first(attributeNames, List.of("mine", "mine_name", "矿山名称", "矿山"), "mine"),
                first(attributeNames, List.of("status", "状态", "修复状态"), "status"),
                first(attributeNames, List.of("declared_mu", "declared_area_mu", "declared_area", "申报面积", "申报面积_亩"), "declared"));
    }

    private static String first(Collection<String> names, List<String> exact, String fragment) {
        for (String e : exact) if (names.contains(e)) return e;
        return names.stream().filter(n -> n.toLowerCase().contains(fragment)).findFirst().orElse(null);
    }

    public boolean isRestored(Plot p) {
        Object s = p.attribute(status);
        return s != null && RESTORED.contains(s.toString().trim());
    }

    /** The declared area in 亩, or null when missing or not a number. */
    public Double declaredMu(Plot p) {
        Object v = p.attribute(declaredMu);
        if (v instanceof Number n) return n.doubleValue();
        if (v != null) {
            try {
                return Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
