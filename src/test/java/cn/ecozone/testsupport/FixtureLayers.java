package cn.ecozone.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny catalog written into a temp folder for tests: one district (a 0.1° square at 113.2–113.3°E,
 * 40.0–40.1°N), two control units tiling it, and a point layer. Tests overwrite a file to break it.
 */
public final class FixtureLayers {
    public static final String CATALOG = """
            {"title": {"zh": "测试", "en": "Test"}, "dataDate": "2025-01-01", "accessList": "access-list.json",
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
              {"id": "monitoring", "kind": "monitoring", "title": {"zh": "监测点", "en": "Monitoring"}, "file": "monitoring.geojson",
               "geometryType": "point", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "year", "type": "integer"}, {"name": "quality", "type": "json"}]}
             ]}
            """;
    public static final String ADMIN = collection("""
            {"type": "Feature", "id": "140213", "properties": {"code": "140213", "name": "平城区"},
             "geometry": {"type": "Polygon", "coordinates": [[[113.2, 40.0], [113.3, 40.0], [113.3, 40.1], [113.2, 40.1], [113.2, 40.0]]]}}
            """);
    public static final String UNITS = collection(unit("ZH14021310001", "西单元", "优先保护", 113.2, 113.25) + ","
            + unit("ZH14021320002", "东单元", "重点管控", 113.25, 113.3));
    public static final String MONITORING = collection("""
            {"type": "Feature", "id": "P1", "properties": {"code": "P1", "name": "堡子湾", "year": 2020, "quality": {"2020": "Ⅳ"}},
             "geometry": {"type": "Point", "coordinates": [113.2427, 40.0463]}}
            """);

    private FixtureLayers() {}

    /** Writes the valid fixture into the folder and returns it. */
    public static Path write(Path dir) {
        put(dir, "catalog.json", CATALOG);
        put(dir, "admin.geojson", ADMIN);
        put(dir, "control_unit.geojson", UNITS);
        put(dir, "monitoring.geojson", MONITORING);
        return dir;
    }

    public static String unit(String code, String name, String type, double west, double east) {
        return String.format("""
                {"type": "Feature", "id": "%s", "properties": {"code": "%s", "name": "%s", "type": "%s", "county_code": "140213"},
                 "geometry": {"type": "Polygon", "coordinates": [[[%s, 40.0], [%s, 40.0], [%s, 40.1], [%s, 40.1], [%s, 40.0]]]}}
                """, code, code, name, type, west, east, east, west, west);
    }

    public static String collection(String features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}";
    }

    public static void put(Path dir, String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
