package cn.ecozone.layer;

import cn.ecozone.text.LocalizedText;

import java.util.List;
import java.util.Optional;

/**
 * A catalog entry: everything EcoZone knows about a layer without reading its data.
 *
 * @param geometryType {@code polygon} (Polygon or MultiPolygon) or {@code point}
 * @param file GeoJSON file relative to the catalog folder (embedded mode)
 * @param table PostGIS table name (PostGIS mode; defaults to the id)
 */
public record LayerDef(String id, String kind, LocalizedText title, LocalizedText description, String file, String table,
                       String geometryType, String idProperty, String nameProperty, String style, boolean editable,
                       TilingRule tiles, List<AttributeDef> attributes) {
    public LayerDef {
        attributes = List.copyOf(attributes);
        if (table == null || table.isBlank()) table = id;
        if (!geometryType.equals("polygon") && !geometryType.equals("point")) {
            throw new CatalogException("图层 " + id + " 的 geometryType 应为 polygon 或 point，而不是 " + geometryType);
        }
    }

    public boolean isPolygon() {
        return geometryType.equals("polygon");
    }

    public Optional<AttributeDef> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
