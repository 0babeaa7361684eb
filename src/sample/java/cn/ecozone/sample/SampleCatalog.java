package cn.ecozone.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** layers/catalog.json: every layer with its titles, file, id/name properties, style and attribute schema. */
final class SampleCatalog {
    private SampleCatalog() {}

    static Map<String, Object> build() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", zhEn("大同市平城区、新荣区、云州区及朔州市朔城区 生态环境分区管控（示意数据）",
                "Ecological zoning of Pingcheng, Xinrong and Yunzhou districts (Datong) and Shuocheng district (Shuozhou) (illustrative sample data)"));
        c.put("dataDate", "2025-12-31");
        c.put("accessList", "access-list.json");
        List<Object> layers = new ArrayList<>();
        layers.add(layer("admin", "行政区", "Administrative districts",
                "县级行政区示意边界（非官方界线），面积与实际面积相近。", "Illustrative county-level outlines (not official boundaries) with roughly their real areas.",
                "polygon", "code", "name", false, null, List.of(
                        attr("code", "string", true, "行政区划代码", "County code", null),
                        attr("name", "string", true, "名称", "Name", null),
                        attr("city", "string", true, "所属地级市", "City", List.of("大同市", "朔州市")),
                        attr("area_km2", "number", false, "椭球面积（平方公里）", "Ellipsoidal area (km²)", null))));
        Map<String, Object> tiles = new LinkedHashMap<>();
        tiles.put("layer", "admin");
        tiles.put("key", "county_code");
        tiles.put("parentKey", "code");
        layers.add(layer("control_unit", "环境管控单元", "Environmental control units",
                "优先保护、重点管控、一般管控三类环境管控单元，无缝隙、无重叠覆盖各区。编码：ZH+6位区县代码+类型（1优先/2重点/3一般）+4位序号。",
                "Priority-protection, key-control and general-control units tiling each district without gaps or overlaps. Code: ZH + county code + type digit (1/2/3) + 4-digit sequence.",
                "polygon", "code", "name", false, tiles, List.of(
                        attr("code", "string", true, "单元编码", "Unit code", null),
                        attr("name", "string", true, "单元名称", "Unit name", null),
                        attr("type", "string", true, "管控类型", "Unit type", List.of("优先保护", "重点管控", "一般管控")),
                        attr("district", "string", true, "所在区", "District", null),
                        attr("county_code", "string", true, "区县代码", "County code", null),
                        attr("area_km2", "number", false, "椭球面积（平方公里）", "Ellipsoidal area (km²)", null))));
        layers.add(layer("redline", "生态保护红线", "Ecological protection red line",
                "生态保护红线示意范围，来源于规划中的自然保护区、森林公园、湿地公园、地质公园等。",
                "Illustrative red-line polygons around the nature reserves, forest, wetland and geological parks named in the plans.",
                "polygon", "code", "name", false, null, List.of(
                        attr("code", "string", true, "红线编码", "Red-line code", null),
                        attr("name", "string", true, "名称", "Name", null),
                        attr("function", "string", true, "生态功能", "Ecological function", List.of("水源涵养", "水土保持", "防风固沙", "生物多样性维护")),
                        attr("source", "string", true, "来源保护地", "Protected area of origin", null),
                        attr("category", "string", false, "保护地类型", "Protected-area category",
                                List.of("自然保护区", "森林公园", "湿地公园", "湿地保护区", "地质公园", "泉域", "水源涵养区", "生态功能区")),
                        attr("district", "string", true, "所在区", "District", null),
                        attr("unit_code", "string", false, "所在管控单元", "Control unit", null),
                        attr("area_km2", "number", false, "椭球面积（平方公里）", "Ellipsoidal area (km²)", null))));
        layers.add(layer("water_source", "饮用水水源保护区", "Drinking-water source protection zones",
                "各水源地一级、二级保护区（地表水另有准保护区），各级互不重叠、由内向外嵌套。",
                "First- and second-level zones of each source (surface sources also a quasi-protection zone); levels do not overlap and nest outwards.",
                "polygon", "id", "source_name", false, null, List.of(
                        attr("id", "string", true, "保护区编号", "Zone id", null),
                        attr("source_name", "string", true, "水源地名称", "Source name", null),
                        attr("level", "string", true, "保护区级别", "Protection level", List.of("一级保护区", "二级保护区", "准保护区")),
                        attr("type", "string", true, "水源类型", "Source type", List.of("地下水", "地表水(河流)", "地表水(水库)")),
                        attr("scale", "string", true, "水源规模", "Source scale", List.of("市级", "县级", "乡镇")),
                        attr("district", "string", true, "所在区", "District", null),
                        attr("note", "string", false, "说明", "Note", null),
                        attr("area_km2", "number", false, "椭球面积（平方公里）", "Ellipsoidal area (km²)", null))));
        layers.add(layer("restoration", "矿山生态修复图斑", "Mine restoration plots",
                "矿山生态修复图斑，含申报面积（亩）；可在线更新边界。",
                "Mine ecological-restoration plots with their declared area (mu); boundaries can be updated online.",
                "polygon", "plot_id", "plot_id", true, null, List.of(
                        attr("plot_id", "string", true, "图斑编号", "Plot id", null),
                        attr("mine", "string", true, "矿山名称", "Mine", null),
                        attr("mineral", "string", true, "矿种", "Mineral", List.of("煤", "铁", "石墨", "建筑石料", "饰面石材", "石灰岩", "砖瓦粘土")),
                        attr("status", "string", true, "修复状态", "Status", List.of("待修复", "修复中", "已修复", "已验收")),
                        attr("method", "string", true, "修复方式", "Method", List.of("复垦", "植被恢复", "地形整治")),
                        attr("year", "integer", true, "修复年度", "Year", null),
                        attr("declared_mu", "number", true, "申报面积（亩）", "Declared area (mu)", null),
                        attr("species", "string", false, "栽植树种", "Species planted", null),
                        attr("district", "string", true, "所在区", "District", null),
                        attr("town", "string", false, "乡镇", "Town", null))));
        layers.add(layer("monitoring", "监测点", "Monitoring points",
                "地表水考核断面、地下水及水源地监测点、空气质量监测点；quality 为各年水质类别。",
                "Surface-water sections, groundwater and source points, air stations; quality gives the water-quality class by year.",
                "point", "code", "name", false, null, List.of(
                        attr("code", "string", true, "点位编码", "Point code", null),
                        attr("name", "string", true, "点位名称", "Name", null),
                        attr("type", "string", true, "监测类型", "Type", List.of("空气", "地表水断面", "地下水")),
                        attr("level", "string", true, "级别", "Level", List.of("国控", "省控", "市控")),
                        attr("river", "string", false, "所在河流", "River", null),
                        attr("district", "string", true, "所在区", "District", null),
                        attr("quality", "json", false, "水质类别（按年）", "Water-quality class by year", null),
                        attr("target", "string", false, "水质目标", "Target class", List.of("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")),
                        attr("remark", "string", false, "备注", "Remark", null))));
        c.put("layers", layers);
        return c;
    }

    private static Map<String, Object> layer(String id, String zh, String en, String descZh, String descEn,
                                             String geometryType, String idProperty, String nameProperty,
                                             boolean editable, Map<String, Object> tiles, List<Object> attributes) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", id);
        l.put("kind", id);
        l.put("title", zhEn(zh, en));
        l.put("description", zhEn(descZh, descEn));
        l.put("file", id + ".geojson");
        l.put("geometryType", geometryType);
        l.put("idProperty", idProperty);
        l.put("nameProperty", nameProperty);
        l.put("style", id + ".json");
        l.put("editable", editable);
        if (tiles != null) {
            l.put("tiles", tiles);
        }
        l.put("attributes", attributes);
        return l;
    }

    private static Map<String, Object> attr(String name, String type, boolean required, String zh, String en, List<String> values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("type", type);
        a.put("required", required);
        a.put("title", zhEn(zh, en));
        if (values != null) {
            a.put("values", values);
        }
        return a;
    }

    static Map<String, Object> zhEn(String zh, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", zh);
        m.put("en", en);
        return m;
    }
}
