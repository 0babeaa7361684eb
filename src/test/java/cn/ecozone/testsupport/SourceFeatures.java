package cn.ecozone.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The features of a layer read straight from its GeoJSON file with plain Jackson — no EcoZone code — so tests
 * can compute expected answers independently of the server.
 */
public final class SourceFeatures {
    private static final ObjectMapper M = new ObjectMapper();

    /** One source feature: its id (the catalog's idProperty), properties and GeoJSON geometry. */
    public record Source(String id, JsonNode properties, JsonNode geometry) {
        public String text(String property) {
            JsonNode v = properties.get(property);
            return v == null || v.isNull() ? null : v.asText();
        }

        /** The bounding box of the geometry's coordinates: minLon, minLat, maxLon, maxLat. */
        public double[] bbox() {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            walk(geometry.get("coordinates"), b);
            return b;
        }

        private static void walk(JsonNode n, double[] b) {
            if (n.isArray() && n.size() >= 2 && n.get(0).isNumber()) {
                b[0] = Math.min(b[0], n.get(0).asDouble());
                b[1] = Math.min(b[1], n.get(1).asDouble());
                b[2] = Math.max(b[2], n.get(0).asDouble());
                b[3] = Math.max(b[3], n.get(1).asDouble());
            } else {
                for (JsonNode c : n) walk(c, b);
            }
        }
    }

    private SourceFeatures() {}

    public static JsonNode catalog(Path dir) {
        try {
            return M.readTree(dir.resolve("catalog.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> layerIds(Path dir) {
        List<String> ids = new ArrayList<>();
        catalog(dir).get("layers").forEach(l -> ids.add(l.get("id").asText()));
        return ids;
    }

    public static List<Source> read(Path dir, String layerId) {
        for (JsonNode l : catalog(dir).get("layers")) {
            if (!l.get("id").asText().equals(layerId)) continue;
            String idProperty = l.get("idProperty").asText();
            String file = l.path("file").asText(layerId + ".geojson");
            try {
                JsonNode fc = M.readTree(dir.resolve(file).toFile());
                List<Source> out = new ArrayList<>();
                for (JsonNode f : fc.get("features")) {
                    JsonNode idNode = f.path("properties").get(idProperty);
                    String id = idNode != null && !idNode.isNull() ? idNode.asText() : f.get("id").asText();
                    out.add(new Source(id, f.get("properties"), f.get("geometry")));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("no layer " + layerId);
    }

    /** Ids of the source features matching, sorted in code-point order (the server's default order). */
    public static List<String> ids(Path dir, String layerId, Predicate<Source> p) {
        return read(dir, layerId).stream().filter(p).map(Source::id).sorted().toList();
    }
}
