package cn.ecozone.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The web map's test catalog: {@link RestorationFixture}'s zoning layers plus a monitoring layer (堡子湾 with its
 * water-quality classes 2015–2020 from the 云州区 plan: Ⅳ, Ⅳ, Ⅳ, Ⅴ, 劣Ⅴ, Ⅳ), an access list with industries, and a
 * style file per layer (categorised as in {@code styles/}). Layers go in {@code dir/layers}, styles in {@code dir/styles}.
 */
public final class WebMapFixture {
    public static final String MONITORING = FixtureLayers.collection("""
            {"type": "Feature", "id": "M-BZW", "properties": {"code": "M-BZW", "name": "堡子湾", "type": "地表水断面", "level": "国控",
              "river": "御河", "quality": {"2015": "Ⅳ", "2016": "Ⅳ", "2017": "Ⅳ", "2018": "Ⅴ", "2019": "劣Ⅴ", "2020": "Ⅳ"}},
             "geometry": {"type": "Point", "coordinates": [113.2427, 40.0463]}},
            {"type": "Feature", "id": "M-AIR", "properties": {"code": "M-AIR", "name": "平城空气站 <b>1</b>", "type": "空气", "level": "省控"},
             "geometry": {"type": "Point", "coordinates": [113.285, 40.085]}}
            """);
    static final String MONITORING_LAYER = """
            {"id": "monitoring", "kind": "monitoring", "title": {"zh": "监测点", "en": "Monitoring points"}, "file": "monitoring.geojson",
             "geometryType": "point", "idProperty": "code", "nameProperty": "name",
             "attributes": [{"name": "code", "type": "string", "required": true, "title": {"zh": "编码", "en": "Code"}},
               {"name": "name", "type": "string", "required": true, "title": {"zh": "名称", "en": "Name"}},
               {"name": "type", "type": "string", "title": {"zh": "类型", "en": "Type"}, "values": ["空气", "地表水断面", "地下水"]},
               {"name": "level", "type": "string", "title": {"zh": "级别", "en": "Level"}},
               {"name": "river", "type": "string", "title": {"zh": "河流", "en": "River"}},
               {"name": "quality", "type": "json", "title": {"zh": "水质类别", "en": "Water quality class"}}]}
            """;
    public static final String ACCESS_LIST = """
            {"format": "ecozone-access-list/2", "title": {"zh": "测试准入清单", "en": "Test access list"},
             "industries": [{"id": "pv", "zh": "光伏发电", "en": "Photovoltaic"}, {"id": "coal", "zh": "煤炭开采", "en": "Coal mining"}],
             "units": [
              {"code": "ZH14021310001", "name": "平城西", "province": "山西省", "city": "大同市", "county": "平城区", "type": "优先保护"},
              {"code": "ZH14021320002", "name": "平城东", "province": "山西省", "city": "大同市", "county": "平城区", "type": "重点管控"},
              {"code": "ZH14021510001", "name": "云州北", "province": "山西省", "city": "大同市", "county": "云州区", "type": "优先保护"},
              {"code": "ZH14021530002", "name": "云州南", "province": "山西省", "city": "大同市", "county": "云州区", "type": "一般管控"}],
             "requirements": [
              {"id": "ZH14021310001-S", "level": "单元", "scope": "ZH14021310001", "dimension": "空间布局约束", "effect": "限制", "text": {"zh": "优先保护单元严格限制大规模、高强度开发", "en": "ZH14021310001 S"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021310001-E", "level": "单元", "scope": "ZH14021310001", "dimension": "污染物排放管控", "effect": "要求", "text": {"zh": "污染物排放管控：执行国家和地方标准", "en": "ZH14021310001 E"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021310001-R", "level": "单元", "scope": "ZH14021310001", "dimension": "环境风险防控", "effect": "要求", "text": {"zh": "环境风险防控：执行国家和地方标准", "en": "ZH14021310001 R"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021310001-U", "level": "单元", "scope": "ZH14021310001", "dimension": "资源利用效率", "effect": "要求", "text": {"zh": "资源利用效率：执行国家和地方标准", "en": "ZH14021310001 U"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021320002-S", "level": "单元", "scope": "ZH14021320002", "dimension": "空间布局约束", "effect": "要求", "text": {"zh": "重点管控单元须落实污染物排放管控要求", "en": "ZH14021320002 S"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021320002-E", "level": "单元", "scope": "ZH14021320002", "dimension": "污染物排放管控", "effect": "要求", "text": {"zh": "污染物排放管控：执行国家和地方标准", "en": "ZH14021320002 E"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021320002-R", "level": "单元", "scope": "ZH14021320002", "dimension": "环境风险防控", "effect": "要求", "text": {"zh": "环境风险防控：执行国家和地方标准", "en": "ZH14021320002 R"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021320002-U", "level": "单元", "scope": "ZH14021320002", "dimension": "资源利用效率", "effect": "要求", "text": {"zh": "资源利用效率：执行国家和地方标准", "en": "ZH14021320002 U"}, "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021510001-S", "level": "单元", "scope": "ZH14021510001", "dimension": "空间布局约束", "effect": "限制", "text": {"zh": "优先保护单元严格限制大规模、高强度开发", "en": "ZH14021510001 S"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021510001-E", "level": "单元", "scope": "ZH14021510001", "dimension": "污染物排放管控", "effect": "要求", "text": {"zh": "污染物排放管控：执行国家和地方标准", "en": "ZH14021510001 E"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021510001-R", "level": "单元", "scope": "ZH14021510001", "dimension": "环境风险防控", "effect": "要求", "text": {"zh": "环境风险防控：执行国家和地方标准", "en": "ZH14021510001 R"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021510001-U", "level": "单元", "scope": "ZH14021510001", "dimension": "资源利用效率", "effect": "要求", "text": {"zh": "资源利用效率：执行国家和地方标准", "en": "ZH14021510001 U"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021530002-S", "level": "单元", "scope": "ZH14021530002", "dimension": "空间布局约束", "effect": "要求", "text": {"zh": "落实生态环境保护基本要求", "en": "ZH14021530002 S"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021530002-E", "level": "单元", "scope": "ZH14021530002", "dimension": "污染物排放管控", "effect": "要求", "text": {"zh": "污染物排放管控：执行国家和地方标准", "en": "ZH14021530002 E"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021530002-R", "level": "单元", "scope": "ZH14021530002", "dimension": "环境风险防控", "effect": "要求", "text": {"zh": "环境风险防控：执行国家和地方标准", "en": "ZH14021530002 R"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "ZH14021530002-U", "level": "单元", "scope": "ZH14021530002", "dimension": "资源利用效率", "effect": "要求", "text": {"zh": "资源利用效率：执行国家和地方标准", "en": "ZH14021530002 U"}, "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7"}},
              {"id": "RL-1", "level": "国家", "scope": "全国", "zone": {"collection": "redline", "match": {}}, "dimension": "空间布局约束", "effect": "禁止", "industries": ["pv", "coal"], "text": {"zh": "生态保护红线内禁止开发性、生产性建设活动", "en": "No development inside the red line"}, "basis": {"issuer": "国家", "document": "《关于在国土空间规划中统筹划定落实三条控制线的指导意见》", "article": ""}},
              {"id": "WS-1", "level": "国家", "scope": "全国", "zone": {"collection": "water_source", "match": {"level": ["一级"]}}, "dimension": "空间布局约束", "effect": "禁止", "industries": ["pv", "coal"], "text": {"zh": "一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目", "en": "No new projects in a grade-1 zone"}, "basis": {"issuer": "国家", "document": "《中华人民共和国水污染防治法》", "article": "第六十五条"}}]}
            """;
    public static final String[][] STYLES = {
            {"admin", """
                {"layer": "admin", "default": {"color": "#444444", "weight": 2, "fill": false, "dashArray": "6 3"}, "classes": []}"""},
            {"control_unit", """
                {"layer": "control_unit", "property": "type", "default": {"color": "#777777", "weight": 1, "fillOpacity": 0.35},
                 "classes": [
                  {"value": "优先保护", "label": {"zh": "优先保护单元", "en": "Priority protection"}, "style": {"fillColor": "#4caf50", "color": "#2e7d32"}},
                  {"value": "重点管控", "label": {"zh": "重点管控单元", "en": "Key control"}, "style": {"fillColor": "#ff9800", "color": "#e65100"}},
                  {"value": "一般管控", "label": {"zh": "一般管控单元", "en": "General control"}, "style": {"fillColor": "#90a4ae", "color": "#546e7a"}}]}"""},
            {"redline", """
                {"layer": "redline", "default": {"color": "#d50000", "weight": 2, "fillColor": "#ff5252", "fillOpacity": 0.4}, "classes": []}"""},
            {"water_source", """
                {"layer": "water_source", "property": "level", "default": {"color": "#0d47a1", "weight": 1, "fillOpacity": 0.4},
                 "classes": [
                  {"value": "一级", "label": {"zh": "一级保护区", "en": "Grade 1 zone"}, "style": {"fillColor": "#1565c0"}},
                  {"value": "二级", "label": {"zh": "二级保护区", "en": "Grade 2 zone"}, "style": {"fillColor": "#64b5f6"}},
                  {"value": "准保护区", "label": {"zh": "准保护区", "en": "Buffer zone"}, "style": {"fillColor": "#bbdefb"}}]}"""},
            {"restoration", """
                {"layer": "restoration", "property": "status", "default": {"color": "#5d4037", "weight": 1, "fillOpacity": 0.6},
                 "classes": [
                  {"value": "待修复", "label": {"zh": "待修复", "en": "To restore"}, "style": {"fillColor": "#8d6e63"}},
                  {"value": "修复中", "label": {"zh": "修复中", "en": "Under restoration"}, "style": {"fillColor": "#ffca28"}},
                  {"value": "已修复", "label": {"zh": "已修复", "en": "Restored"}, "style": {"fillColor": "#9ccc65"}},
                  {"value": "已验收", "label": {"zh": "已验收", "en": "Accepted"}, "style": {"fillColor": "#33691e"}}]}"""},
            {"monitoring", """
                {"layer": "monitoring", "property": "type", "default": {"radius": 7, "color": "#ffffff", "weight": 2, "fillOpacity": 1},
                 "classes": [
                  {"value": "空气", "label": {"zh": "空气监测点", "en": "Air"}, "style": {"fillColor": "#8e24aa"}},
                  {"value": "地表水断面", "label": {"zh": "地表水断面", "en": "Surface-water section"}, "style": {"fillColor": "#0288d1"}},
                  {"value": "地下水", "label": {"zh": "地下水监测点", "en": "Groundwater"}, "style": {"fillColor": "#00897b"}}]}"""},
    };

    private WebMapFixture() {}

    /** Writes layers (dir/layers) and styles (dir/styles); returns dir. */
    public static Path write(Path dir) {
        try {
            Path layers = Files.createDirectories(dir.resolve("layers"));
            Path styles = Files.createDirectories(dir.resolve("styles"));
            RestorationFixture.write(layers);
            ObjectMapper m = new ObjectMapper();
            ObjectNode catalog = (ObjectNode) m.readTree(RestorationFixture.CATALOG);
            catalog.put("accessList", "access-list.json");
            catalog.withArray("layers").add(m.readTree(MONITORING_LAYER));
            FixtureLayers.put(layers, "catalog.json", m.writeValueAsString(catalog));
            FixtureLayers.put(layers, "monitoring.geojson", MONITORING);
            FixtureLayers.put(layers, "access-list.json", ACCESS_LIST);
            for (String[] s : STYLES) FixtureLayers.put(styles, s[0] + ".json", s[1]);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
