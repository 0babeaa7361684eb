package cn.ecozone.layer;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a layer attribute, as the catalog writes it ({@code "type": "integer"}). Parsed once, where the catalog
 * is read ({@link #parse}); everything after switches on the enum. JSON and messages show the catalog's word
 * ({@link #id()}), so answers are unchanged.
 */
public enum AttributeType {
    STRING(String.class, "string"),
    INTEGER(Long.class, "integer"),
    NUMBER(Double.class, "number"),
    /** A JSON value (object, array …) kept as it is; not queryable, not a column type of its own in tables. */
    JSON(Object.class, "string");

    private final Class<?> binding;
    private final String schemaType;

    AttributeType(Class<?> binding, String schemaType) {
        this.binding = binding;
        this.schemaType = schemaType;
    }

    /** The catalog's word: {@code string}, {@code integer}, {@code number}, {@code json}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Java type features carry for this attribute. */
    public Class<?> binding() {
        return binding;
    }

    /** The JSON Schema {@code type} of its values in queryables, tiles and OpenAPI ({@code json} attributes: string). */
    public String schemaType() {
        return schemaType;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(AttributeType::id).toList();
    }

    /** The type a catalog word names, if any (exact, lower case, as the catalog writes it). */
    public static Optional<AttributeType> find(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    /** @throws CatalogException naming the attribute and the types there are */
    public static AttributeType parse(String id, String attribute) {
        return find(id).orElseThrow(() -> new CatalogException("属性 " + attribute + " 的类型 " + id + " 不受支持，应为 " + ids()));
    }

    @Override
    public String toString() {
        return id();
    }
}
