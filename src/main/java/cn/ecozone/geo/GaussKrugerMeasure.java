package cn.ecozone.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Plane measures in a CGCS2000 3-degree Gauss-Krüger zone (what surveyors' software reports beside the
 * ellipsoidal area). Input: EPSG:4490 lon/lat geometry. Vertices are projected one by one ({@link GkProjection})
 * and the area summed as JTS sums it (shoelace relative to each ring's first vertex, holes subtracted), without
 * building the projected geometry.
 */
public final class GaussKrugerMeasure {
    private GaussKrugerMeasure() {}

    /** The zone of the geometry's centroid (a site straddling two zones is measured in the zone of its centre). */
    public static GkZone zoneOf(Geometry lonLat) {
        return GkZone.ofLongitude(lonLat.getEnvelopeInternal().centre().x);
    }

    /** The geometry in the zone's projected CRS (with the zone prefix), through GeoTools. */
    public static Geometry project(Geometry lonLat, GkZone zone) {
        return Transforms.apply(lonLat, Cgcs2000.EPSG, zone.epsgWithPrefix());
    }

    /** Plane area in m² in the given zone. */
    public static double area(Geometry lonLat, GkZone zone) {
        GkProjection gk = new GkProjection(zone);
        double[] p = new double[2];
        double sum = 0;
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            Geometry part = lonLat.getGeometryN(i);
            if (part instanceof Polygon poly && !poly.isEmpty()) {
                sum += Math.abs(ringArea(poly.getExteriorRing().getCoordinateSequence(), gk, p));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) sum -= Math.abs(ringArea(poly.getInteriorRingN(h).getCoordinateSequence(), gk, p));
            } else if (part != lonLat && part.getNumGeometries() > 1) {
                sum += area(part, zone);
            }
        }
        return sum;
    }

    /** Plane perimeter (or length) in m in the given zone. */
    public static double length(Geometry lonLat, GkZone zone) {
        GkProjection gk = new GkProjection(zone);
        double[] p = new double[2];
        double sum = 0;
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            Geometry part = lonLat.getGeometryN(i);
            if (part instanceof Polygon poly && !poly.isEmpty()) {
                sum += lineLength(poly.getExteriorRing().getCoordinateSequence(), gk, p);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) sum += lineLength(poly.getInteriorRingN(h).getCoordinateSequence(), gk, p);
            } else if (part instanceof LineString line) {
                sum += lineLength(line.getCoordinateSequence(), gk, p);
            } else if (part != lonLat && part.getNumGeometries() > 1) {
                sum += length(part, zone);
            }
        }
        return sum;
    }

    /** Signed shoelace area of a closed ring, relative to its first vertex for precision. */
    private static double ringArea(CoordinateSequence ring, GkProjection gk, double[] p) {
        int n = ring.size();
        if (n < 3) return 0;
        gk.forward(ring.getX(0), ring.getY(0), p);
        double x0 = p[0], y0 = p[1], px = 0, py = 0, sum = 0;
        for (int i = 1; i < n; i++) {
            gk.forward(ring.getX(i), ring.getY(i), p);
            double x = p[0] - x0, y = p[1] - y0;
            sum += px * y - x * py;
            px = x;
            py = y;
        }
        return sum / 2;
    }

    private static double lineLength(CoordinateSequence line, GkProjection gk, double[] p) {
        int n = line.size();
        if (n < 2) return 0;
        gk.forward(line.getX(0), line.getY(0), p);
        double px = p[0], py = p[1], sum = 0;
        for (int i = 1; i < n; i++) {
            gk.forward(line.getX(i), line.getY(i), p);
            sum += Math.hypot(p[0] - px, p[1] - py);
            px = p[0];
            py = p[1];
        }
        return sum;
    }
}
