package cn.ecozone.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads an RFC 7946 geometry object (x = longitude, y = latitude) into JTS. Structural errors
 * (missing coordinates, rings with fewer than 4 points, unclosed rings, non-finite numbers) throw
 * {@link GeoJsonException} with a readable message; topology is checked later by the validators.
 */
public final class GeoJsonGeometryReader {
    private final GeometryFactory factory;

    public GeoJsonGeometryReader() {
        this(Geometries.FACTORY);
    }

    public GeoJsonGeometryReader(GeometryFactory factory) {
        this.factory = factory;
    }

    public Geometry read(JsonNode node) {
        if (node == null || !node.isObject()) throw new GeoJsonException("几何对象缺失或不是 JSON 对象 / geometry must be a JSON object");
        String type = node.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode gs = node.get("geometries");
            if (gs == null || !gs.isArray()) throw new GeoJsonException("GeometryCollection 缺少 geometries 数组");
            Geometry[] parts = new Geometry[gs.size()];
            for (int i = 0; i < parts.length; i++) parts[i] = read(gs.get(i));
            return factory.createGeometryCollection(parts);
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) throw new GeoJsonException("几何缺少 coordinates 数组 / geometry has no coordinates array (type " + type + ")");
        return switch (type) {
            case "Point" -> factory.createPoint(coordinate(c));
            case "MultiPoint" -> factory.createMultiPoint(points(c));
            case "LineString" -> line(c);
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) ls[i] = line(c.get(i));
                yield factory.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(array(c.get(i), "MultiPolygon 的面"));
                yield factory.createMultiPolygon(ps);
            }
            case "" -> throw new GeoJsonException("几何缺少 type / geometry has no type");
            default -> throw new GeoJsonException("不支持的几何类型 / unsupported geometry type: " + type);
        };
    }

    private Point[] points(JsonNode c) {
        Point[] ps = new Point[c.size()];
        for (int i = 0; i < ps.length; i++) ps[i] = factory.createPoint(coordinate(c.get(i)));
        return ps;
    }

    private LineString line(JsonNode c) {
        array(c, "LineString");
        Coordinate[] cs = coordinates(c);
        if (cs.length < 2) throw new GeoJsonException("线至少需要 2 个点 / a line needs at least 2 points");
        return factory.createLineString(cs);
    }

    private Polygon polygon(JsonNode c) {
        array(c, "Polygon");
        if (c.isEmpty()) throw new GeoJsonException("面没有任何环 / polygon has no rings");
        LinearRing shell = ring(c.get(0), 0);
        LinearRing[] holes = new LinearRing[c.size() - 1];
        for (int i = 1; i < c.size(); i++) holes[i - 1] = ring(c.get(i), i);
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode c, int index) {
        array(c, "环");
        Coordinate[] cs = coordinates(c);
        String which = index == 0 ? "外环" : "第 " + index + " 个内环(洞)";
        if (cs.length < 4) {
            throw new GeoJsonException(which + "只有 " + cs.length + " 个点，至少需要 4 个（首尾相同）/ ring " + index
                    + " has " + cs.length + " points, needs at least 4 (first repeated last)");
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new GeoJsonException(which + "未闭合：首点 " + fmt(cs[0]) + " 与末点 " + fmt(cs[cs.length - 1])
                    + " 不同 / ring " + index + " is not closed");
        }
        return factory.createLinearRing(cs);
    }

    private Coordinate[] coordinates(JsonNode c) {
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = coordinate(c.get(i));
        return cs;
    }

    private static Coordinate coordinate(JsonNode p) {
        if (p == null || !p.isArray() || p.size() < 2) throw new GeoJsonException("坐标应为 [经度, 纬度] 数组 / a position must be [lon, lat]");
        double x = number(p.get(0)), y = number(p.get(1));
        return new Coordinate(x, y);
    }

    private static double number(JsonNode n) {
        if (n == null || !n.isNumber()) throw new GeoJsonException("坐标值必须是数字 / coordinate values must be numbers, got " + n);
        double v = n.asDouble();
        if (!Double.isFinite(v)) throw new GeoJsonException("坐标值不是有限数 / coordinate is not finite: " + n);
        return v;
    }

    private static JsonNode array(JsonNode c, String what) {
        if (c == null || !c.isArray()) throw new GeoJsonException(what + " 的坐标应为数组 / coordinates of " + what + " must be an array");
        return c;
    }

    static String fmt(Coordinate c) {
        return "(" + c.x + ", " + c.y + ")";
    }
}
