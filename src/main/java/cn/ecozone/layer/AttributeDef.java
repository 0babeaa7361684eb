package cn.ecozone.layer;

import cn.ecozone.text.LocalizedText;

import java.util.List;

/**
 * One attribute of a layer's schema, as written in the catalog.
 *
 * @param type one of {@code string}, {@code integer}, {@code number}, {@code json}
 * @param values allowed values (empty: any)
 */
public record AttributeDef(String name, String type, boolean required, LocalizedText title, List<String> values) {
    public static final List<String> TYPES = List.of("string", "integer", "number", "json");

    public AttributeDef {
        values = values == null ? List.of() : List.copyOf(values);
        if (!TYPES.contains(type)) {
            throw new CatalogException("属性 " + name + " 的类型 " + type + " 不受支持，应为 " + TYPES);
        }
    }

    /** The Java type features carry for this attribute. */
    public Class<?> binding() {
        return switch (type) {
            case "integer" -> Long.class;
            case "number" -> Double.class;
            case "json" -> Object.class;
            default -> String.class;
        };
    }
}
