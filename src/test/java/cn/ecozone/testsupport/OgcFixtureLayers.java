package cn.ecozone.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A deterministic catalog for the OGC API tests, big enough to page through: 48 control units in a 0.1° grid
 * from 112.1°E to 112.9°E (so the data spans Gauss-Krüger zones 37 and 38, like 朔城区), one of them a
 * MultiPolygon; 23 monitoring points with integer, text, null and JSON attributes; one district around all.
 */
public final class OgcFixtureLayers {
    public static final int UNITS = 48;
    public static final int POINTS = 23;
    public static final List<String> UNIT_TYPES = List.of("优先保护", "重点管控", "一般管控");
    public static final List<String> LEVELS = List.of("国控", "省控", "市控");
    private static final ObjectMapper M = new ObjectMapper();

    private OgcFixtureLayers() {}

    public static Path write(Path dir) {
        try {
            Files.writeString(dir.resolve("catalog.json"), CATALOG);
            Files.writeString(dir.resolve("admin.geojson"), M.writeValueAsString(collection(List.of(feature("140602",
                    props("code", "140602", "name", "朔城区"), polygon(112.0, 39.5, 113.0, 40.3))))));
            ArrayNode units = M.createArrayNode();
            for (int row = 0; row < 6; row++) {
                for (int col = 0; col < 8; col++) {
                    int seq = row * 8 + col + 1;
                    String type = UNIT_TYPES.get((row * 7 + col * 3) % 3);
                    String code = String.format("ZH140602%d%04d", UNIT_TYPES.indexOf(type) + 1, seq);
                    double w = 112.1 + col * 0.1, s = 39.6 + row * 0.1;
                    ObjectNode p = props("code", code, "name", "管控单元" + seq, "type", type, "county_code", "140602");
                    p.put("area_mu", 1000.5 + seq * 10.25);
                    if (seq % 5 == 0) p.putNull("year"); else p.put("year", 2018 + seq % 6);
                    ObjectNode geom = seq == 1 ? multiPolygon(w, s, w + 0.1, s + 0.1) : polygon(w, s, w + 0.1, s + 0.1);
                    units.add(feature(code, p, geom));
                }
            }
            Files.writeString(dir.resolve("control_unit.geojson"), M.writeValueAsString(collection(units)));
            ArrayNode points = M.createArrayNode();
            for (int i = 1; i <= POINTS; i++) {
                String code = String.format("JC%03d", i);
                ObjectNode p = props("code", code, "name", "监测点" + i, "level", LEVELS.get(i % 3));
                if (i % 4 == 0) p.putNull("river"); else p.put("river", i % 2 == 0 ? "桑干河" : "御河");
                p.put("year", 2015 + i % 8);
                p.putObject("quality").put("2020", i % 2 == 0 ? "Ⅲ" : "Ⅳ");
                ObjectNode g = M.createObjectNode().put("type", "Point");
                g.putArray("coordinates").add(112.13 + i * 0.033).add(39.62 + i * 0.025);
                points.add(feature(code, p, g));
            }
            Files.writeString(dir.resolve("monitoring.geojson"), M.writeValueAsString(collection(points)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CATALOG = """
            {"title": {"zh": "OGC 测试数据", "en": "OGC test data"}, "dataDate": "2025-01-01",
             "layers": [
              {"id": "admin", "kind": "admin", "title": {"zh": "行政区", "en": "Districts"}, "file": "admin.geojson",
               "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true}]},
              {"id": "control_unit", "kind": "control_unit", "title": {"zh": "环境管控单元", "en": "Control units"},
               "file": "control_unit.geojson", "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true, "title": {"zh": "单元编码", "en": "Unit code"}},
                 {"name": "name", "type": "string", "required": true},
                 {"name": "type", "type": "string", "required": true, "values": ["优先保护", "重点管控", "一般管控"]},
                 {"name": "county_code", "type": "string", "required": true},
                 {"name": "area_mu", "type": "number"}, {"name": "year", "type": "integer"}]},
              {"id": "monitoring", "kind": "monitoring", "title": {"zh": "监测点", "en": "Monitoring"}, "file": "monitoring.geojson",
               "geometryType": "point", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "level", "type": "string"}, {"name": "river", "type": "string"},
                 {"name": "year", "type": "integer"}, {"name": "quality", "type": "json"}]}
             ]}
            """;

    private static ObjectNode props(String... kv) {
        ObjectNode p = M.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) p.put(kv[i], kv[i + 1]);
        return p;
    }

    private static ObjectNode feature(String id, ObjectNode props, ObjectNode geometry) {
        ObjectNode f = M.createObjectNode().put("type", "Feature").put("id", id);
        f.set("properties", props);
        f.set("geometry", geometry);
        return f;
    }

    private static ObjectNode collection(List<ObjectNode> features) {
        ObjectNode c = M.createObjectNode().put("type", "FeatureCollection");
        features.forEach(c.putArray("features")::add);
        return c;
    }

    private static ObjectNode collection(ArrayNode features) {
        ObjectNode c = M.createObjectNode().put("type", "FeatureCollection");
        c.set("features", features);
        return c;
    }

    private static ArrayNode ring(double w, double s, double e, double n) {
        ArrayNode r = M.createArrayNode();
        double[][] pts = {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
        for (double[] p : pts) r.addArray().add(p[0]).add(p[1]);
        return r;
    }

    private static ObjectNode polygon(double w, double s, double e, double n) {
        ObjectNode g = M.createObjectNode().put("type", "Polygon");
        g.putArray("coordinates").add(ring(w, s, e, n));
        return g;
    }

    private static ObjectNode multiPolygon(double w, double s, double e, double n) {
        double mid = (w + e) / 2;
        ObjectNode g = M.createObjectNode().put("type", "MultiPolygon");
        ArrayNode parts = g.putArray("coordinates");
        parts.addArray().add(ring(w, s, mid - 0.01, n));
        parts.addArray().add(ring(mid + 0.01, s, e, n));
        return g;
    }
}
