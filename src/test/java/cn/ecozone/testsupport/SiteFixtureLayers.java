package cn.ecozone.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small but realistic catalog for site-check tests, written into a temp folder: 新荣区 (GK zone 38) and
 * 朔城区 (straddling 112.5°E, the zone 37/38 boundary), each tiled by 8 control units of the three types, the
 * 采凉山 red line, a 火山群 red line with a hole, a 桑干河 red line across 112.5°E, nested water-source zones
 * (安家小村, 南梁), a monitoring point, and an access list with industries 光伏/化工/采矿.
 *
 * <p>Landmarks used by the tests (lon/lat): 新荣区 112.95–113.45 × 40.20–40.50, unit columns every 0.125°
 * from 112.95, rows split at 40.35; 采凉山 a 32-gon of radius 0.02° around (113.26, 40.36); 安家小村 二级
 * 113.200–113.2156 × 40.335–40.355 and 一级 113.205–113.212 × 40.341–40.349; 朔城区 112.20–112.70 × 39.20–39.50.
 */
public final class SiteFixtureLayers {
    public static final String CATALOG = """
            {"title": {"zh": "选址测试", "en": "Site test"}, "dataDate": "2025-06-30", "accessList": "access-list.json",
             "layers": [
              {"id": "admin", "kind": "admin", "title": {"zh": "行政区", "en": "Districts"}, "file": "admin.geojson",
               "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true}]},
              {"id": "control_unit", "kind": "control_unit", "title": {"zh": "环境管控单元", "en": "Control units"},
               "file": "control_unit.geojson", "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "tiles": {"layer": "admin", "key": "county_code", "parentKey": "code"},
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "type", "type": "string", "required": true, "values": ["优先保护", "重点管控", "一般管控"]},
                 {"name": "county_code", "type": "string", "required": true}]},
              {"id": "redline", "kind": "redline", "title": {"zh": "生态保护红线", "en": "Ecological red lines"}, "file": "redline.geojson",
               "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "function", "type": "string"}]},
              {"id": "water_source", "kind": "water_source", "title": {"zh": "饮用水水源保护区", "en": "Drinking-water sources"},
               "file": "water_source.geojson", "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "source", "type": "string"}, {"name": "level", "type": "string", "values": ["一级", "二级", "准保护区"]}]},
              {"id": "monitoring", "kind": "monitoring", "title": {"zh": "监测点", "en": "Monitoring"}, "file": "monitoring.geojson",
               "geometryType": "point", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true}]}
             ]}
            """;

    /**
     * The access list (format 2): industries pv/chemical/mining; every unit of both grids with four requirements of its
     * own ({code}-S spatial — 限制 in 优先保护, a 化工-only 要求 in 重点管控, a 要求 in 一般管控 —, {code}-E, {code}-R, {code}-U,
     * and {code}-P, a 光伏 要求, in 优先保护 units); a 总体准入要求 per county (XR-01, SC-01); zone rules RL-01 (red line:
     * 禁止 pv/chemical/mining), WS-01 (一级: 禁止 all three), WS-02 (二级: 禁止 chemical, mining).
     */
    public static final String ACCESS_LIST = accessList();

    private static String accessList() {
        StringBuilder units = new StringBuilder(), reqs = new StringBuilder();
        String[][] counties = {{"140212", "新荣区", "大同市"}, {"140602", "朔城区", "朔州市"}};
        String[] types = {"优先保护", "重点管控", "一般管控"};
        for (String[] c : counties) {
            String scope = "山西省/" + c[2] + "/" + c[1];
            for (int i = 0; i < 8; i++) {
                String type = types[i % 3];
                String code = String.format("ZH%s%d%04d", c[0], i % 3 + 1, i + 1);
                if (units.length() > 0) units.append(",\n");
                units.append(String.format("{\"code\": \"%s\", \"name\": \"%s%s单元%d\", \"province\": \"山西省\", \"city\": \"%s\", "
                        + "\"county\": \"%s\", \"type\": \"%s\"}", code, c[1], type, i + 1, c[2], c[1], type));
                String spatial = switch (type) {
                    case "优先保护" -> req(code + "-S", "单元", code, "空间布局约束", "限制", "", "优先保护单元以生态保护为主，严格限制大规模、高强度的工业和城镇开发", c[1])
                            + ",\n" + req(code + "-P", "单元", code, "空间布局约束", "要求", "\"pv\"", "光伏项目应避让林地和生态敏感区，施工结束后实施植被恢复", c[1]);
                    case "重点管控" -> req(code + "-S", "单元", code, "空间布局约束", "要求", "\"chemical\"", "化工项目应进入合规园区，执行特别排放限值", c[1]);
                    default -> req(code + "-S", "单元", code, "空间布局约束", "要求", "", "落实生态环境保护基本要求，项目须符合国土空间规划", c[1]);
                };
                reqs.append(spatial).append(",\n")
                        .append(req(code + "-E", "单元", code, "污染物排放管控", "要求", "", "污染物排放须达到国家和地方排放标准", c[1])).append(",\n")
                        .append(req(code + "-R", "单元", code, "环境风险防控", "要求", "", "涉及危险化学品的项目须编制突发环境事件应急预案", c[2])).append(",\n")
                        .append(req(code + "-U", "单元", code, "资源利用效率", "要求", "", "新建项目须达到清洁生产先进水平", "山西省")).append(",\n");
            }
            reqs.append(req(c[0].equals("140212") ? "XR-01" : "SC-01", "区县", scope, "空间布局约束", "要求", "",
                    "不符合规划环评结论及审查意见的项目环评，依法不予审批", c[1])).append(",\n");
        }
        reqs.append(zoneRule("RL-01", "redline", "{}", "\"pv\", \"chemical\", \"mining\"", "生态保护红线内禁止开发性、生产性建设活动",
                        "《关于在国土空间规划中统筹划定落实三条控制线的指导意见》")).append(",\n")
                .append(zoneRule("WS-01", "water_source", "{\"level\": [\"一级\"]}", "\"pv\", \"chemical\", \"mining\"",
                        "一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目", "《中华人民共和国水污染防治法》第六十五条")).append(",\n")
                .append(zoneRule("WS-02", "water_source", "{\"level\": [\"二级\"]}", "\"chemical\", \"mining\"",
                        "二级保护区内禁止新建、改建、扩建排放污染物的建设项目", "《中华人民共和国水污染防治法》第六十六条"));
        return "{\"format\": \"ecozone-access-list/2\", \"title\": {\"zh\": \"测试准入清单\", \"en\": \"Test access list\"},\n"
                + "\"industries\": [{\"id\": \"pv\", \"zh\": \"光伏\", \"en\": \"Photovoltaic\"}, {\"id\": \"chemical\", \"zh\": \"化工\", \"en\": \"Chemical\"},\n"
                + "  {\"id\": \"mining\", \"zh\": \"采矿\", \"en\": \"Mining\"}],\n"
                + "\"units\": [" + units + "],\n\"requirements\": [" + reqs + "]}\n";
    }

    private static String req(String id, String level, String scope, String dimension, String effect, String industries, String text, String issuer) {
        return String.format("{\"id\": \"%s\", \"level\": \"%s\", \"scope\": \"%s\", \"dimension\": \"%s\", \"effect\": \"%s\", "
                + "\"industries\": [%s], \"text\": {\"zh\": \"%s\", \"en\": \"%s\"}, "
                + "\"basis\": {\"issuer\": \"%s\", \"document\": \"《%s测试规划》\", \"article\": \"§1\"}}",
                id, level, scope, dimension, effect, industries, text, id + " (en)", issuer, issuer);
    }

    private static String zoneRule(String id, String collection, String match, String industries, String text, String document) {
        return String.format("{\"id\": \"%s\", \"level\": \"国家\", \"scope\": \"全国\", \"zone\": {\"collection\": \"%s\", \"match\": %s}, "
                + "\"dimension\": \"空间布局约束\", \"effect\": \"禁止\", \"industries\": [%s], \"text\": {\"zh\": \"%s\", \"en\": \"%s (en)\"}, "
                + "\"basis\": {\"issuer\": \"国家\", \"document\": \"%s\", \"article\": \"\"}}", id, collection, match, industries, text, id, document);
    }

    private SiteFixtureLayers() {}

    /**
     * SCENARIO 1's solar farm in 新荣区 as a boundary-point file (GK zone 38): plot 1 reaches into 采凉山 and
     * across the 优先保护/一般管控 unit boundary at 40.35°N and has a 扣除 hole (declared 452.81 公顷, as measured); plot 2
     * lies in one 一般管控 unit (declared 180 公顷, measured 184.07: the report must show the difference).
     * The water-source 二级 zone lies about 800 m west of plot 1.
     */
    public static BoundaryPointTxt scenario1SolarFarm() {
        return new BoundaryPointTxt()
                .plot("光伏一区", 452.81, BoundaryPointTxt.rect(113.225, 40.340, 113.250, 40.360),
                        BoundaryPointTxt.rectClockwise(113.230, 40.345, 113.235, 40.349))
                .plot("光伏二区", 180.0, BoundaryPointTxt.rect(113.205, 40.300, 113.218, 40.315));
    }

    public static Path write(Path dir) {
        FixtureLayers.put(dir, "catalog.json", CATALOG);
        FixtureLayers.put(dir, "access-list.json", ACCESS_LIST);
        FixtureLayers.put(dir, "admin.geojson", FixtureLayers.collection(String.join(",",
                feature("140212", "新荣区", "", rect(112.95, 40.20, 113.45, 40.50)),
                feature("140602", "朔城区", "", rect(112.20, 39.20, 112.70, 39.50)))));
        List<String> units = new ArrayList<>();
        units.addAll(grid("140212", "新荣区", 112.95, 40.20, 0.125, 0.15));
        units.addAll(grid("140602", "朔城区", 112.20, 39.20, 0.125, 0.15));
        FixtureLayers.put(dir, "control_unit.geojson", FixtureLayers.collection(String.join(",", units)));
        FixtureLayers.put(dir, "redline.geojson", FixtureLayers.collection(String.join(",",
                feature("HX140212-01", "采凉山水源涵养生态保护红线", "\"function\": \"水源涵养\"", "[" + circle(113.26, 40.36, 0.02, 32) + "]"),
                feature("HX140212-02", "火山群防风固沙生态保护红线", "\"function\": \"防风固沙\"",
                        "[" + circle(113.05, 40.25, 0.03, 40) + "," + reversed(circle(113.05, 40.25, 0.01, 20)) + "]"),
                feature("HX140602-01", "桑干河湿地生态保护红线", "\"function\": \"生物多样性维护\"", rect(112.40, 39.30, 112.60, 39.32)))));
        FixtureLayers.put(dir, "water_source.geojson", FixtureLayers.collection(String.join(",",
                feature("WS-AJXC-2", "安家小村水源地二级保护区", "\"source\": \"安家小村\", \"level\": \"二级\"", rect(113.200, 40.335, 113.2156, 40.355)),
                feature("WS-AJXC-1", "安家小村水源地一级保护区", "\"source\": \"安家小村\", \"level\": \"一级\"", rect(113.205, 40.341, 113.212, 40.349)),
                feature("WS-NL-2", "南梁水源地二级保护区", "\"source\": \"南梁\", \"level\": \"二级\"", rect(112.46, 39.40, 112.54, 39.44)),
                feature("WS-NL-1", "南梁水源地一级保护区", "\"source\": \"南梁\", \"level\": \"一级\"", rect(112.49, 39.41, 112.51, 39.43)))));
        FixtureLayers.put(dir, "monitoring.geojson", FixtureLayers.collection("""
                {"type": "Feature", "properties": {"code": "M-01", "name": "采凉山空气站"},
                 "geometry": {"type": "Point", "coordinates": [113.24, 40.365]}}
                """));
        return dir;
    }

    private static List<String> grid(String county, String district, double west, double south, double dLon, double dLat) {
        String[] types = {"优先保护", "重点管控", "一般管控"};
        List<String> out = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                int i = r * 4 + c;
                String type = types[i % 3];
                String code = String.format("ZH%s%d%04d", county, i % 3 + 1, i + 1);
                out.add(String.format(Locale.ROOT, """
                        {"type": "Feature", "properties": {"code": "%s", "name": "%s%s单元%d", "type": "%s", "county_code": "%s"},
                         "geometry": {"type": "Polygon", "coordinates": %s}}""", code, district, type, i + 1, type, county,
                        rect(west + c * dLon, south + r * dLat, west + (c + 1) * dLon, south + (r + 1) * dLat)));
            }
        }
        return out;
    }

    private static String feature(String code, String name, String extra, String coordinates) {
        return String.format("""
                {"type": "Feature", "properties": {"code": "%s", "name": "%s"%s},
                 "geometry": {"type": "Polygon", "coordinates": %s}}""", code, name, extra.isEmpty() ? "" : ", " + extra, coordinates);
    }

    /** Polygon coordinates (one ring) of a lon/lat rectangle, counter-clockwise. */
    public static String rect(double w, double s, double e, double n) {
        return String.format(Locale.ROOT, "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]", w, s, e, s, e, n, w, n, w, s);
    }

    /** One closed ring approximating a circle of radius r degrees (counter-clockwise). */
    public static String circle(double lon, double lat, double r, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            if (i > 0) b.append(',');
            b.append(String.format(Locale.ROOT, "[%.7f,%.7f]", lon + r * Math.cos(a), lat + r * Math.sin(a)));
        }
        return b.append(']').toString();
    }

    private static String reversed(String ring) {
        String inner = ring.substring(2, ring.length() - 2);
        String[] pts = inner.split("\\],\\[");
        StringBuilder b = new StringBuilder("[");
        for (int i = pts.length - 1; i >= 0; i--) {
            b.append('[').append(pts[i]).append(']');
            if (i > 0) b.append(',');
        }
        return b.append(']').toString();
    }
}
