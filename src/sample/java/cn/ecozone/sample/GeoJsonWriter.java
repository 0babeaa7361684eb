package cn.ecozone.sample;

import com.fasterxml.jackson.databind.util.RawValue;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an RFC 7946 FeatureCollection, one feature per line (readable diffs), coordinates
 * rounded to 7 decimals, shells counter-clockwise.
 */
final class GeoJsonWriter {
    private GeoJsonWriter() {}

    static String collection(List<Feature> features) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < features.size(); i++) {
            sb.append(feature(features.get(i)));
            sb.append(i + 1 < features.size() ? ",\n" : "\n");
        }
        return sb.append("]}\n").toString();
    }

    static String feature(Feature f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "Feature");
        m.put("id", f.id());
        m.put("geometry", new RawValue(geometry(f.geometry())));
        m.put("properties", f.properties());
        return SampleJson.compact(m);
    }

    static String geometry(Geometry g) {
        g = Geo.orient(g);
        StringBuilder sb = new StringBuilder();
        if (g instanceof Point p) {
            sb.append("{\"type\":\"Point\",\"coordinates\":");
            coord(sb, p.getCoordinate());
        } else if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(sb, p);
        } else if (g instanceof MultiPolygon mp) {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                polygon(sb, (Polygon) mp.getGeometryN(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
        }
        return sb.append('}').toString();
    }

    private static void polygon(StringBuilder sb, Polygon p) {
        sb.append('[');
        ring(sb, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            ring(sb, p.getInteriorRingN(i).getCoordinates());
        }
        sb.append(']');
    }

    private static void ring(StringBuilder sb, Coordinate[] cs) {
        sb.append('[');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            coord(sb, cs[i]);
        }
        sb.append(']');
    }

    private static void coord(StringBuilder sb, Coordinate c) {
        sb.append('[').append(num(c.x)).append(',').append(num(c.y)).append(']');
    }

    static String num(double v) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(7, RoundingMode.HALF_UP).stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return b.toPlainString();
    }
}
