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

        /** The geometry as JTS, built from the JSON coordinates (Point, Polygon, MultiPolygon, LineString). */
        public org.locationtech.jts.geom.Geometry jts() {
            org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
            JsonNode c = geometry.get("coordinates");
            return switch (geometry.get("type").asText()) {
                case "Point" -> gf.createPoint(coord(c));
                case "LineString" -> gf.createLineString(coords(c));
                case "Polygon" -> polygon(gf, c);
                case "MultiPolygon" -> {
                    org.locationtech.jts.geom.Polygon[] ps = new org.locationtech.jts.geom.Polygon[c.size()];
                    for (int i = 0; i < c.size(); i++) ps[i] = polygon(gf, c.get(i));
                    yield gf.createMultiPolygon(ps);
                }
                default -> throw new IllegalArgumentException(geometry.get("type").asText());
            };
        }

        private static org.locationtech.jts.geom.Polygon polygon(org.locationtech.jts.geom.GeometryFactory gf, JsonNode rings) {
            org.locationtech.jts.geom.LinearRing[] holes = new org.locationtech.jts.geom.LinearRing[rings.size() - 1];
            for (int i = 1; i < rings.size(); i++) holes[i - 1] = gf.createLinearRing(coords(rings.get(i)));
            return gf.createPolygon(gf.createLinearRing(coords(rings.get(0))), holes);
        }

        private static org.locationtech.jts.geom.Coordinate coord(JsonNode p) {
            return new org.locationtech.jts.geom.Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }

        private static org.locationtech.jts.geom.Coordinate[] coords(JsonNode ps) {
            org.locationtech.jts.geom.Coordinate[] cs = new org.locationtech.jts.geom.Coordinate[ps.size()];
            for (int i = 0; i < ps.size(); i++) cs[i] = coord(ps.get(i));
            return cs;
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
