package cn.ecozone.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uploaded GeoJSON FeatureCollection (or a single Feature) into plain features: id, geometry (x =
 * longitude, y = latitude) and scalar properties. No schema: uploads are measured as they are. Structural errors
 * throw {@link GeoJsonException} naming the feature.
 */
public final class FeatureCollectionReader {
    private final GeoJsonGeometryReader geometries = new GeoJsonGeometryReader();

    /** @param id the feature's {@code idProperty} value, else its GeoJSON id, else {@code 图斑N} (1-based) */
    public record ReadFeature(String id, Geometry geometry, Map<String, Object> properties) {}

    public List<ReadFeature> read(JsonNode root, String idProperty, int maxFeatures) {
        String type = root == null ? "" : root.path("type").asText("");
        List<JsonNode> features = new ArrayList<>();
        if (type.equals("FeatureCollection") && root.path("features").isArray()) {
            root.get("features").forEach(features::add);
        } else if (type.equals("Feature")) {
            features.add(root);
        } else {
            throw new GeoJsonException("需要 GeoJSON FeatureCollection 或 Feature / expected a GeoJSON FeatureCollection or Feature, got type \"" + type + "\"");
        }
        if (features.isEmpty()) throw new GeoJsonException("FeatureCollection 中没有要素 / no features");
        if (features.size() > maxFeatures) {
            throw new GeoJsonException("要素过多（" + features.size() + " 个，上限 " + maxFeatures + "）/ too many features, limit " + maxFeatures);
        }
        List<ReadFeature> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String label = "第 " + (i + 1) + " 个要素 / feature #" + (i + 1);
            if (!"Feature".equals(f.path("type").asText())) throw new GeoJsonException(label + ": type 应为 \"Feature\" / not a Feature");
            Geometry g;
            try {
                g = geometries.read(f.get("geometry"));
            } catch (GeoJsonException e) {
                throw new GeoJsonException(label + ": " + e.getMessage());
            }
            Map<String, Object> props = new LinkedHashMap<>();
            f.path("properties").fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isIntegralNumber()) props.put(e.getKey(), v.asLong());
                else if (v.isNumber()) props.put(e.getKey(), v.asDouble());
                else if (v.isValueNode() && !v.isNull()) props.put(e.getKey(), v.asText());
            });
            Object pid = idProperty == null ? null : props.get(idProperty);
            String id = pid != null ? pid.toString() : f.hasNonNull("id") ? f.get("id").asText() : "图斑" + (i + 1);
            out.add(new ReadFeature(id, g, props));
        }
        return out;
    }
}
