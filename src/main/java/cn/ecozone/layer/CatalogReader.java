package cn.ecozone.layer;

import cn.ecozone.text.LocalizedText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code catalog.json}; every mistake is a {@link CatalogException} naming the file and the layer. */
public final class CatalogReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogReader() {}

    public static Catalog read(Path layersDir) {
        Path file = layersDir.resolve(Catalog.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new CatalogException("找不到图层目录文件 / catalog not found: " + file.toAbsolutePath()
                    + "（用 --layers 指定图层目录 / pass --layers DIR）");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new CatalogException(file + ": 不是有效的 JSON / not valid JSON: " + e.getMessage(), e);
        }
        List<LayerDef> layers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode l : root.path("layers")) {
            LayerDef def = layer(file, l);
            if (!ids.add(def.id())) throw new CatalogException(file + ": 图层 id 重复 / duplicate layer id " + def.id());
            layers.add(def);
        }
        if (layers.isEmpty()) throw new CatalogException(file + ": 没有任何图层 / no layers listed");
        return new Catalog(layersDir, text(root.path("title")), root.path("dataDate").asText(""),
                root.path("accessList").asText(null), layers);
    }

    private static LayerDef layer(Path file, JsonNode l) {
        String id = required(file, l, "id", "?");
        try {
            List<AttributeDef> attrs = new ArrayList<>();
            for (JsonNode a : l.path("attributes")) {
                List<String> values = new ArrayList<>();
                a.path("values").forEach(v -> values.add(v.asText()));
                String name = required(file, a, "name", id);
                // the catalog's word for the type is parsed here, once; past the catalog it is an AttributeType
                attrs.add(new AttributeDef(name, AttributeType.parse(a.path("type").asText("string"), name),
                        a.path("required").asBoolean(false), text(a.path("title")), values));
            }
            JsonNode t = l.path("tiles");
            TilingRule tiles = t.isObject()
                    ? new TilingRule(required(file, t, "layer", id), required(file, t, "key", id), required(file, t, "parentKey", id))
                    : null;
            return new LayerDef(id, l.path("kind").asText(id), text(l.path("title")), text(l.path("description")),
                    l.path("file").asText(id + ".geojson"), l.path("table").asText(null),
                    l.path("geometryType").asText("polygon"), required(file, l, "idProperty", id),
                    l.path("nameProperty").asText(l.path("idProperty").asText()), l.path("style").asText(id + ".json"),
                    l.path("editable").asBoolean(false), tiles, attrs);
        } catch (CatalogException e) {
            throw new CatalogException(file + ": 图层 " + id + ": " + e.getMessage(), e);
        }
    }

    private static String required(Path file, JsonNode n, String field, String layer) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new CatalogException(file + ": 图层 " + layer + " 缺少字段 / missing field \"" + field + "\"");
        }
        return v.asText();
    }

    static LocalizedText text(JsonNode n) {
        if (n.isTextual()) return LocalizedText.of(n.asText(), null);
        return LocalizedText.of(n.path("zh").asText(""), n.path("en").asText(null));
    }
}
