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

    /** Plane area in m² in the given zone. */
    public static double area(Geometry lonLat, GkZone zone) {
        GkProjection gk = new GkProjection(zone);
        double[] p = new double[2];
        return sumOverRings(lonLat, false, (ring, hole) -> (hole ? -1 : 1) * Math.abs(ringArea(ring, gk, p)));
    }

    /** Plane perimeter (or length) in m in the given zone. */
    public static double length(Geometry lonLat, GkZone zone) {
        GkProjection gk = new GkProjection(zone);
        double[] p = new double[2];
        return sumOverRings(lonLat, true, (ring, hole) -> lineLength(ring, gk, p));
    }

    private interface RingMeasure {
        double of(CoordinateSequence ring, boolean hole);
    }

    /** The measure summed over every polygon ring (and every line, when asked) of the geometry's parts. */
    private static double sumOverRings(Geometry g, boolean lines, RingMeasure measure) {
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly && !poly.isEmpty()) {
                sum += measure.of(poly.getExteriorRing().getCoordinateSequence(), false);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) sum += measure.of(poly.getInteriorRingN(h).getCoordinateSequence(), true);
            } else if (lines && part instanceof LineString line) {
                sum += measure.of(line.getCoordinateSequence(), false);
            } else if (part != g && part.getNumGeometries() > 1) {
                sum += sumOverRings(part, lines, measure);
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
