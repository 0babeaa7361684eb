package cn.ecozone.layer;

import cn.ecozone.text.LocalizedText;

import java.util.List;

/**
 * One attribute of a layer's schema, as written in the catalog.
 *
 * @param type its type, parsed from the catalog's word ({@link AttributeType#parse})
 * @param values allowed values (empty: any)
 */
public record AttributeDef(String name, AttributeType type, boolean required, LocalizedText title, List<String> values) {
    /** The catalog's words for the types, in the catalog's order. */
    public static final List<String> TYPES = AttributeType.ids();

    public AttributeDef {
        values = values == null ? List.of() : List.copyOf(values);
        if (type == null) throw new CatalogException("属性 " + name + " 没有类型，应为 " + TYPES);
    }

    /** An attribute whose type is the catalog's word ({@code "integer"}): parsed here, refused when unknown. */
    public AttributeDef(String name, String type, boolean required, LocalizedText title, List<String> values) {
        this(name, AttributeType.parse(type, name), required, title, values);
    }

    /** The Java type features carry for this attribute. */
    public Class<?> binding() {
        return type.binding();
    }
}
