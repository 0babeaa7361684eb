package cn.ecozone.testsupport;

import java.nio.file.Path;

/**
 * A small but complete zoning catalog for the restoration tests, written into a temp folder: two districts
 * (平城区 113.2–113.3°E, 云州区 113.3–113.4°E, both 40.0–40.1°N), control units tiling them, one red-line
 * parcel, one water source with nested 一级 ⊂ 二级 zones, and restoration plots with known faults:
 * TM-01/TM-02 (天马泰山, declared 100 + 98.85 = 198.85 亩) overlap each other, ZG-01 (珍国花岗岩) crosses into the water-source 二级 zone,
 * XX-01 (宏达石料) lies outside every district, SL-01 is a 1:100 strip (a sliver).
 */
public final class RestorationFixture {
    public static final String CATALOG = """
            {"title": {"zh": "修复测试", "en": "Restoration test"}, "dataDate": "2025-01-01",
             "layers": [
              {"id": "admin", "kind": "admin", "title": {"zh": "行政区", "en": "Districts"}, "file": "admin.geojson",
               "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true}]},
              {"id": "control_unit", "kind": "control_unit", "title": {"zh": "环境管控单元", "en": "Control units"},
               "file": "control_unit.geojson", "idProperty": "code", "nameProperty": "name",
               "tiles": {"layer": "admin", "key": "county_code", "parentKey": "code"},
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "type", "type": "string", "required": true, "values": ["优先保护", "重点管控", "一般管控"]},
                 {"name": "county_code", "type": "string", "required": true}]},
              {"id": "redline", "kind": "redline", "title": {"zh": "生态保护红线", "en": "Red line"}, "file": "redline.geojson",
               "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true}]},
              {"id": "water_source", "kind": "water_source", "title": {"zh": "饮用水水源保护区", "en": "Water sources"},
               "file": "water_source.geojson", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "level", "type": "string", "required": true, "values": ["一级", "二级", "准保护区"]}]},
              {"id": "restoration", "kind": "restoration", "title": {"zh": "矿山生态修复图斑", "en": "Restoration plots"},
               "file": "restoration.geojson", "idProperty": "code", "nameProperty": "name", "editable": true,
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"},
                 {"name": "mine", "type": "string", "required": true, "title": {"zh": "矿山名称", "en": "Mine"}},
                 {"name": "status", "type": "string", "required": true, "values": ["待修复", "修复中", "已修复", "已验收"]},
                 {"name": "method", "type": "string"}, {"name": "year", "type": "integer"},
                 {"name": "declared_mu", "type": "number", "title": {"zh": "申报面积（亩）", "en": "Declared (mu)"}}]}
             ]}
            """;

    private RestorationFixture() {}

    public static Path write(Path dir) {
        FixtureLayers.put(dir, "catalog.json", CATALOG);
        FixtureLayers.put(dir, "admin.geojson", FixtureLayers.collection(
                box("admin", "{\"code\": \"140213\", \"name\": \"平城区\"}", 113.2, 40.0, 113.3, 40.1) + ","
                        + box("admin", "{\"code\": \"140215\", \"name\": \"云州区\"}", 113.3, 40.0, 113.4, 40.1)));
        FixtureLayers.put(dir, "control_unit.geojson", FixtureLayers.collection(String.join(",",
                box("u", "{\"code\": \"ZH14021310001\", \"name\": \"平城西\", \"type\": \"优先保护\", \"county_code\": \"140213\"}", 113.2, 40.0, 113.25, 40.1),
                box("u", "{\"code\": \"ZH14021320002\", \"name\": \"平城东\", \"type\": \"重点管控\", \"county_code\": \"140213\"}", 113.25, 40.0, 113.3, 40.1),
                box("u", "{\"code\": \"ZH14021510001\", \"name\": \"云州北\", \"type\": \"优先保护\", \"county_code\": \"140215\"}", 113.3, 40.05, 113.4, 40.1),
                box("u", "{\"code\": \"ZH14021530002\", \"name\": \"云州南\", \"type\": \"一般管控\", \"county_code\": \"140215\"}", 113.3, 40.0, 113.4, 40.05))));
        // two red-line parcels that overlap each other: the district share must count the overlap once
        FixtureLayers.put(dir, "redline.geojson", FixtureLayers.collection(
                box("r", "{\"code\": \"HX-1\", \"name\": \"采凉山\"}", 113.21, 40.01, 113.23, 40.03) + ","
                        + box("r", "{\"code\": \"HX-2\", \"name\": \"采凉山东\"}", 113.22, 40.01, 113.24, 40.03)));
        FixtureLayers.put(dir, "water_source.geojson", FixtureLayers.collection(
                box("w", "{\"code\": \"SY-1-1\", \"name\": \"安家小村\", \"level\": \"一级\"}", 113.355, 40.065, 113.36, 40.07) + ","
                        + box("w", "{\"code\": \"SY-1-2\", \"name\": \"安家小村\", \"level\": \"二级\"}", 113.35, 40.06, 113.37, 40.08)));
        FixtureLayers.put(dir, "restoration.geojson", FixtureLayers.collection(String.join(",", PLOTS)));
        return dir;
    }

    static final String[] PLOTS = {
            plot("TM-01", "天马泰山", "已验收", 2019, 100.0, 113.31, 40.01, 113.312, 40.0125),
            plot("TM-02", "天马泰山", "已修复", 2020, 98.85, 113.3115, 40.012, 113.3135, 40.0145),
            plot("ZG-01", "珍国花岗岩", "修复中", 2022, 372.2, 113.365, 40.075, 113.3745, 40.0795),
            plot("XX-01", "宏达石料", "待修复", 2024, 10.0, 113.45, 40.05, 113.451, 40.051),
            plot("SL-01", "珍国花岗岩", "待修复", 2023, null, 113.32, 40.02, 113.33, 40.0201),
    };

    public static String plot(String code, String mine, String status, int year, Double declaredMu,
                              double w, double s, double e, double n) {
        return box("p", String.format("{\"code\": \"%s\", \"name\": \"%s %s\", \"mine\": \"%s\", \"status\": \"%s\", \"method\": \"植被恢复\", \"year\": %d%s}",
                code, mine, code, mine, status, year, declaredMu == null ? "" : ", \"declared_mu\": " + declaredMu), w, s, e, n);
    }

    public static String box(String idPrefix, String properties, double w, double s, double e, double n) {
        return String.format("{\"type\": \"Feature\", \"properties\": %s, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                + "[[[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}}", properties, w, s, e, s, e, n, w, n, w, s);
    }
}
