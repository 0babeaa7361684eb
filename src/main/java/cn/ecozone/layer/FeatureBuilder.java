package cn.ecozone.layer;

import cn.ecozone.geo.GeometryChecks;
import cn.ecozone.io.GeoJsonException;
import cn.ecozone.io.GeoJsonGeometryReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one GeoJSON Feature into a GeoTools feature of a catalog layer, checking its schema: required
 * attributes, types, allowed values, geometry type, coordinates in China, validity. Shared by file
 * loading, imports and edits, so every path accepts and refuses the same things.
 */
public final class FeatureBuilder {
    private final LayerDef layer;
    private final SimpleFeatureType type;
    private final GeoJsonGeometryReader geometryReader = new GeoJsonGeometryReader();

    public FeatureBuilder(LayerDef layer, SimpleFeatureType type) {
        this.layer = layer;
        this.type = type;
    }

    /** The feature (null when it cannot be built at all) and every problem found. */
    public record Result(SimpleFeature feature, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    public Result build(JsonNode f, int index) {
        List<Problem> problems = new ArrayList<>();
        JsonNode props = f.path("properties");
        String id = idOf(f, props);
        String label = id != null ? id : "第 " + (index + 1) + " 个要素 / feature #" + (index + 1);
        if (!"Feature".equals(f.path("type").asText())) {
            problems.add(Problem.error(layer.id(), label, "不是 GeoJSON Feature（type 应为 \"Feature\"）/ not a GeoJSON Feature"));
            return new Result(null, problems);
        }
        if (id == null) {
            problems.add(Problem.error(layer.id(), label, "缺少编号属性 " + layer.idProperty() + " / missing id attribute"));
        }
        Geometry geometry;
        try {
            geometry = geometryReader.read(f.get("geometry"));
        } catch (GeoJsonException e) {
            problems.add(Problem.error(layer.id(), label, e.getMessage()));
            return new Result(null, problems);
        }
        checkGeometryType(geometry, label, problems);
        GeometryChecks.check(geometry).ifPresent(issue ->
                problems.add(Problem.error(layer.id(), label, issue.message(), issue.location())));

        SimpleFeatureBuilder b = new SimpleFeatureBuilder(type);
        b.set(FeatureTypes.GEOMETRY, geometry);
        for (AttributeDef a : layer.attributes()) {
            JsonNode v = props.get(a.name());
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                if (a.required()) problems.add(Problem.error(layer.id(), label, "缺少必填属性 / missing required attribute \"" + a.name() + "\""));
                continue;
            }
            Object value = convert(a, v, label, problems);
            if (value != null && !a.values().isEmpty() && !a.values().contains(String.valueOf(value))) {
                problems.add(Problem.error(layer.id(), label, "属性 " + a.name() + " 的值 \"" + value + "\" 不在允许值 " + a.values() + " 之中"));
            }
            b.set(a.name(), value);
        }
        return new Result(b.buildFeature(id == null ? layer.id() + "." + (index + 1) : id), problems);
    }

    private String idOf(JsonNode f, JsonNode props) {
        JsonNode v = props.get(layer.idProperty());
        if (v != null && !v.isNull() && !v.asText().isBlank()) return v.asText();
        JsonNode top = f.get("id");
        return top != null && !top.isNull() && !top.asText().isBlank() ? top.asText() : null;
    }

    private void checkGeometryType(Geometry g, String label, List<Problem> problems) {
        boolean ok = layer.isPolygon()
                ? g.getDimension() == 2 && (g.getGeometryType().equals("Polygon") || g.getGeometryType().equals("MultiPolygon"))
                : g instanceof Point;
        if (!ok) {
            problems.add(Problem.error(layer.id(), label, "几何类型应为 " + (layer.isPolygon() ? "Polygon/MultiPolygon 面" : "Point 点")
                    + "，实际为 " + g.getGeometryType() + " / wrong geometry type"));
        }
    }

    private Object convert(AttributeDef a, JsonNode v, String label, List<Problem> problems) {
        switch (a.type()) {
            case INTEGER -> {
                if (v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) return v.asLong();
                if (v.isTextual() && v.asText().trim().matches("-?\\d+")) return Long.parseLong(v.asText().trim());
            }
            case NUMBER -> {
                if (v.isNumber() && Double.isFinite(v.asDouble())) return v.asDouble();
                if (v.isTextual()) {
                    try {
                        double d = Double.parseDouble(v.asText().trim());
                        if (Double.isFinite(d)) return d;
                    } catch (NumberFormatException ignored) {
                        // reported below
                    }
                }
            }
            case JSON -> {
                return v;
            }
            default -> {
                if (v.isValueNode()) return v.asText();
            }
        }
        problems.add(Problem.error(layer.id(), label, "属性 " + a.name() + " 应为 " + a.type() + " 类型，实际为 " + v
                + " / attribute has the wrong type"));
        return null;
    }
}
