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

/**
 * Streams a JTS geometry as a GeoJSON geometry object, x then y, without building an object tree: every coordinate as
 * its shortest round-trip decimal ({@link #write}), or rounded to a fixed number of decimals ({@link #writeFixed}: 7 for
 * degrees is 1.1 cm, the precision of a surveyed site's input; integer arithmetic instead of {@code Double.toString},
 * and shorter).
 */
public final class GeoJsonGeometryWriter {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};

    /** 2^53: below it v × 10^d is an integer a double holds exactly, so rounding it gives the right digits. */
    private static final double EXACT = 9_007_199_254_740_992.0;

    private final int decimals;
    private final char[] buf = new char[40];

    private GeoJsonGeometryWriter(int decimals) {
        this.decimals = decimals;
    }

    public static void write(JsonGenerator g, Geometry geom) throws IOException {
        new GeoJsonGeometryWriter(-1).geometry(g, geom);
    }

    /**
     * The geometry with every ordinate rounded half away from zero to {@code decimals} (0–9) decimals, trailing zeros
     * dropped: each number written is within half a unit of the last decimal of the coordinate (an ordinate whose
     * double holds fewer decimals than that, ≥ 2^53 units, is written in full).
     */
    public static void writeFixed(JsonGenerator g, Geometry geom, int decimals) throws IOException {
        if (decimals < 0 || decimals >= POW10.length) throw new IllegalArgumentException("decimals 0–9: " + decimals);
        new GeoJsonGeometryWriter(decimals).geometry(g, geom);
    }

    private void geometry(JsonGenerator g, Geometry geom) throws IOException {
        if (geom == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        if (geom instanceof GeometryCollection gc && !(geom instanceof MultiPoint || geom instanceof MultiLineString || geom instanceof MultiPolygon)) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) geometry(g, gc.getGeometryN(i));
            g.writeEndArray();
        } else {
            g.writeFieldName("coordinates");
            coordinates(g, geom);
        }
        g.writeEndObject();
    }

    private void coordinates(JsonGenerator g, Geometry geom) throws IOException {
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

    private void positions(JsonGenerator g, CoordinateSequence cs) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < cs.size(); i++) {
            g.writeStartArray();
            ordinate(g, cs.getX(i));
            ordinate(g, cs.getY(i));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private void position(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        ordinate(g, c.x);
        ordinate(g, c.y);
        g.writeEndArray();
    }

    /** Plain decimals: Gauss-Krüger eastings with zone prefix (≥ 10^7 m) would otherwise come out as 3.85E7. */
    private void ordinate(JsonGenerator g, double v) throws IOException {
        if (decimals >= 0 && Double.isFinite(v) && Math.abs(v) * POW10[decimals] < EXACT) {
            g.writeNumber(buf, 0, fixed(v, decimals, buf));
        } else if (Math.abs(v) >= 1e7 && Double.isFinite(v)) {
            g.writeNumber(BigDecimal.valueOf(v).toPlainString());
        } else {
            g.writeNumber(v);
        }
    }

    /** {@code v} rounded to {@code decimals} decimals into {@code buf} (no exponent, no trailing zeros); returns the length. */
    static int fixed(double v, int decimals, char[] buf) {
        long scale = POW10[decimals];
        long units = Math.round(Math.abs(v) * scale);
        int pos = 0;
        if (v < 0 && units != 0) buf[pos++] = '-';
        long whole = units / scale, fraction = units % scale;
        if (whole == 0) {
            buf[pos++] = '0';
        } else {
            int start = pos;
            for (long w = whole; w > 0; w /= 10) buf[pos++] = (char) ('0' + w % 10);
            for (int i = start, j = pos - 1; i < j; i++, j--) {
                char c = buf[i];
                buf[i] = buf[j];
                buf[j] = c;
            }
        }
        if (fraction != 0) {
            buf[pos++] = '.';
            for (int i = decimals - 1; i >= 0; i--) {
                buf[pos + i] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            pos += decimals;
            while (buf[pos - 1] == '0') pos--;
        }
        return pos;
    }
}
