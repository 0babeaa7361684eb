package cn.ecozone.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** styles/&lt;layer&gt;.json: Leaflet path options per category, read by the web map and its legend. */
final class Styles {
    private Styles() {}

    static Map<String, Map<String, Object>> build() {
        Map<String, Map<String, Object>> s = new LinkedHashMap<>();
        s.put("admin", style("admin", "name", path("#333333", 2, null, 0.0, null), List.of(
                cls(null, "行政区界", "District boundary", path("#333333", 2, null, 0.0, null)))));
        s.put("control_unit", style("control_unit", "type", path("#555555", 1, "#cccccc", 0.35, null), List.of(
                cls("优先保护", "优先保护单元", "Priority protection unit", path("#1b5e20", 1, "#43a047", 0.35, null)),
                cls("重点管控", "重点管控单元", "Key control unit", path("#b71c1c", 1, "#e53935", 0.35, null)),
                cls("一般管控", "一般管控单元", "General control unit", path("#f57f17", 1, "#fdd835", 0.30, null)))));
        s.put("redline", style("redline", "function", path("#c62828", 2, "#ef9a9a", 0.4, null), List.of(
                cls("水源涵养", "水源涵养", "Water conservation", path("#c62828", 2, "#4fc3f7", 0.45, null)),
                cls("水土保持", "水土保持", "Soil and water conservation", path("#c62828", 2, "#a1887f", 0.45, null)),
                cls("防风固沙", "防风固沙", "Windbreak and sand fixation", path("#c62828", 2, "#ffcc80", 0.45, null)),
                cls("生物多样性维护", "生物多样性维护", "Biodiversity maintenance", path("#c62828", 2, "#81c784", 0.45, null)))));
        s.put("water_source", style("water_source", "level", path("#0d47a1", 1, "#90caf9", 0.4, null), List.of(
                cls("一级保护区", "一级保护区", "First-level zone", path("#0d47a1", 2, "#1565c0", 0.6, null)),
                cls("二级保护区", "二级保护区", "Second-level zone", path("#1565c0", 1, "#42a5f5", 0.4, null)),
                cls("准保护区", "准保护区", "Quasi-protection zone", path("#1e88e5", 1, "#bbdefb", 0.3, null)))));
        s.put("restoration", style("restoration", "status", path("#4e342e", 1, "#8d6e63", 0.5, null), List.of(
                cls("待修复", "待修复", "To be restored", path("#4e342e", 1, "#8d6e63", 0.6, null)),
                cls("修复中", "修复中", "Under restoration", path("#e65100", 1, "#ffb74d", 0.6, null)),
                cls("已修复", "已修复", "Restored", path("#33691e", 1, "#9ccc65", 0.6, null)),
                cls("已验收", "已验收", "Restored and accepted", path("#1b5e20", 1, "#2e7d32", 0.6, null)))));
        s.put("monitoring", style("monitoring", "type", path("#263238", 1, "#607d8b", 0.9, 6), List.of(
                cls("空气", "空气质量监测点", "Air station", path("#4a148c", 1, "#ab47bc", 0.9, 6)),
                cls("地表水断面", "地表水断面", "Surface-water section", path("#01579b", 1, "#29b6f6", 0.9, 6)),
                cls("地下水", "地下水监测点", "Groundwater point", path("#004d40", 1, "#26a69a", 0.9, 6)))));
        return s;
    }

    private static Map<String, Object> style(String layer, String property, Map<String, Object> def, List<Object> classes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", layer);
        m.put("property", property);
        m.put("default", def);
        m.put("classes", new ArrayList<>(classes));
        return m;
    }

    private static Map<String, Object> cls(String value, String zh, String en, Map<String, Object> style) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("label", Catalog.zhEn(zh, en));
        m.put("style", style);
        return m;
    }

    private static Map<String, Object> path(String color, int weight, String fill, double fillOpacity, Integer radius) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("color", color);
        m.put("weight", weight);
        if (fill == null) {
            m.put("fill", false);
        } else {
            m.put("fillColor", fill);
        }
        m.put("fillOpacity", fillOpacity);
        if (radius != null) {
            m.put("radius", radius);
        }
        return m;
    }
}
