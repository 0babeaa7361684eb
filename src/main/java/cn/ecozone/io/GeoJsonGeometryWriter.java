package cn.ecozone.io;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.math.BigDecimal;

/** Streams a JTS geometry as a GeoJSON geometry object, x then y, without building an object tree. */
public final class GeoJsonGeometryWriter {
    private GeoJsonGeometryWriter() {}

    public static void write(JsonGenerator g, Geometry geom) throws IOException {
        if (geom == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        if (geom instanceof GeometryCollection gc && !(geom instanceof MultiPoint || geom instanceof MultiLineString || geom instanceof MultiPolygon)) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) write(g, gc.getGeometryN(i));
            g.writeEndArray();
        } else {
            g.writeFieldName("coordinates");
            coordinates(g, geom);
        }
        g.writeEndObject();
    }

    private static void coordinates(JsonGenerator g, Geometry geom) throws IOException {
        if (geom instanceof Point p) {
            if (p.isEmpty()) { g.writeStartArray(); g.writeEndArray(); } else position(g, p.getCoordinate());
        } else if (geom instanceof LineString l) {
            positions(g, l.getCoordinateSequence());
        } else if (geom instanceof Polygon p) {
            g.writeStartArray();
            if (!p.isEmpty()) {
                positions(g, p.getExteriorRing().getCoordinateSequence());
                for (int i = 0; i < p.getNumInteriorRing(); i++) positions(g, p.getInteriorRingN(i).getCoordinateSequence());
            }
            g.writeEndArray();
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) coordinates(g, geom.getGeometryN(i));
            g.writeEndArray();
        }
    }

    private static void positions(JsonGenerator g, CoordinateSequence cs) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < cs.size(); i++) {
            g.writeStartArray();
            ordinate(g, cs.getX(i));
            ordinate(g, cs.getY(i));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        ordinate(g, c.x);
        ordinate(g, c.y);
        g.writeEndArray();
    }

    /** Plain decimals: Gauss-Krüger eastings with zone prefix (≥ 10^7 m) would otherwise come out as 3.85E7. */
    private static void ordinate(JsonGenerator g, double v) throws IOException {
        if (Math.abs(v) >= 1e7 && Double.isFinite(v)) g.writeNumber(BigDecimal.valueOf(v).toPlainString());
        else g.writeNumber(v);
    }
}
