package cn.ecozone.api.ogc;

import cn.ecozone.layer.AttributeType;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.LayerDef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of a layer a client may filter and sort on: every catalog attribute with a scalar type
 * (json-typed ones such as yearly quality tables are returned but not queryable), plus {@code geometry} for
 * spatial predicates.
 */
public final class Queryables {
    private Queryables() {}

    public static List<AttributeDef> attributes(LayerDef layer) {
        return layer.attributes().stream().filter(a -> a.type() != AttributeType.JSON).toList();
    }

    public static boolean isQueryable(LayerDef layer, String name) {
        return attributes(layer).stream().anyMatch(a -> a.name().equals(name));
    }

    public static List<String> names(LayerDef layer) {
        return attributes(layer).stream().map(AttributeDef::name).toList();
    }

    /** "中文 English" title of an attribute, or its name when the catalog gives none. */
    public static String title(AttributeDef a) {
        if (a.title() == null || a.title().zh().isBlank()) return a.name();
        return a.title().en().equals(a.title().zh()) ? a.title().zh() : a.title().zh() + " " + a.title().en();
    }

    /** The queryables as a JSON Schema (2020-12) object, as Part 3 asks. */
    public static Map<String, Object> schema(LayerDef layer, String selfUrl) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(FeatureTypes.GEOMETRY, Map.of(
                "title", "几何 Geometry",
                "format", layer.isPolygon() ? "geometry-any" : "geometry-point",
                "x-ogc-role", "primary-geometry"));
        for (AttributeDef a : attributes(layer)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", title(a));
            p.put("type", a.type().schemaType());
            if (!a.values().isEmpty()) p.put("enum", a.values());
            props.put(a.name(), p);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", selfUrl);
        s.put("type", "object");
        s.put("title", layer.title().zh() + " " + layer.title().en());
        s.put("properties", props);
        s.put("additionalProperties", false);
        return s;
    }
}
