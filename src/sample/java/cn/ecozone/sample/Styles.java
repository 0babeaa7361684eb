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
        // Palette chosen so that every class reads apart from the classes of the other layers drawn with it, as seen
        // (fill at its opacity over the map's background) and under deuteranopia/protanopia: PaletteContrastTest.
        // Each layer keeps its own opacity band (units 0.35 under everything, red line 0.5, water 0.55, plots 0.8).
        s.put("control_unit", style("control_unit", "type", path("#555555", 1, "#cccccc", 0.35, null), List.of(
                cls("优先保护", "优先保护单元", "Priority protection unit", path("#2e7d32", 1, "#94ea85", 0.35, null)),
                cls("重点管控", "重点管控单元", "Key control unit", path("#a63a12", 1, "#cb4e20", 0.35, null)),
                cls("一般管控", "一般管控单元", "General control unit", path("#75746e", 1, "#c4c3be", 0.35, null)))));
        s.put("redline", style("redline", "function", path("#c62828", 2, "#ef9a9a", 0.5, null), List.of(
                cls("水源涵养", "水源涵养", "Water conservation", path("#c62828", 2, "#17a1a7", 0.5, null)),
                cls("水土保持", "水土保持", "Soil and water conservation", path("#c62828", 2, "#9a41cb", 0.5, null)),
                cls("防风固沙", "防风固沙", "Windbreak and sand fixation", path("#c62828", 2, "#cfa30c", 0.5, null)),
                cls("生物多样性维护", "生物多样性维护", "Biodiversity maintenance", path("#c62828", 2, "#cd0078", 0.5, null)))));
        s.put("water_source", style("water_source", "level", path("#0d47a1", 1, "#90caf9", 0.55, null), List.of(
                cls("一级保护区", "一级保护区", "First-level zone", path("#051560", 2, "#072186", 0.55, null)),
                cls("二级保护区", "二级保护区", "Second-level zone", path("#0d47a1", 1, "#186bff", 0.55, null)),
                cls("准保护区", "准保护区", "Quasi-protection zone", path("#1e88e5", 1, "#c3dcff", 0.55, null)))));
        s.put("restoration", style("restoration", "status", path("#3e2723", 1, "#813423", 0.8, null), List.of(
                cls("待修复", "待修复", "To be restored", path("#3e2723", 1, "#813423", 0.8, null)),
                cls("修复中", "修复中", "Under restoration", path("#8a3c00", 1, "#f66b00", 0.8, null)),
                cls("已修复", "已修复", "Restored", path("#5f6e1e", 1, "#bed74d", 0.8, null)),
                cls("已验收", "已验收", "Restored and accepted", path("#1c4034", 1, "#387f66", 0.8, null)))));
        s.put("monitoring", style("monitoring", "type", path("#263238", 1, "#607d8b", 0.9, 6), List.of(
                cls("空气", "空气质量监测点", "Air station", path("#15174a", 1, "#30349d", 0.9, 6)),
                cls("地表水断面", "地表水断面", "Surface-water section", path("#0d3380", 1, "#2f68eb", 0.9, 6)),
                cls("地下水", "地下水监测点", "Groundwater point", path("#0b4542", 1, "#1b8984", 0.9, 6)))));
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
        m.put("label", SampleCatalog.zhEn(zh, en));
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
