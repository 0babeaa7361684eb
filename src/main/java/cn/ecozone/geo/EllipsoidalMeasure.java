package cn.ecozone.geo;

import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Area and perimeter on the CGCS2000 ellipsoid (the area of record, as in the national land survey).
 * Input geometries are EPSG:4490 with x = longitude, y = latitude (degrees). Results in m² and m.
 * Uses Karney's geodesic polygon area, the same algorithm PostGIS uses for {@code ST_Area(geography)}.
 */
public final class EllipsoidalMeasure {
    private EllipsoidalMeasure() {}

    /** Area in m² of the polygonal parts (holes subtracted); points and lines count 0. */
    public static double area(Geometry g) {
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                sum += ringArea(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) sum -= ringArea(p.getInteriorRingN(h));
            } else if (part.getNumGeometries() > 1) {
                sum += area(part);
            }
        }
        return sum;
    }

    /** Perimeter in metres of polygon boundaries (holes included), or the length of lines. */
    public static double length(Geometry g) {
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                sum += lineLength(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) sum += lineLength(p.getInteriorRingN(h));
            } else if (part instanceof LineString l) {
                sum += lineLength(l);
            } else if (part.getNumGeometries() > 1) {
                sum += length(part);
            }
        }
        return sum;
    }

    /** Geodesic distance in metres between two lon/lat points. */
    public static double distance(Coordinate a, Coordinate b) {
        return Cgcs2000.ELLIPSOID.Inverse(a.y, a.x, b.y, b.x).s12;
    }

    /** {@link #distance(Coordinate, Coordinate)} of (lon1, lat1) and (lon2, lat2), the same call, without the objects. */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        return Cgcs2000.ELLIPSOID.Inverse(lat1, lon1, lat2, lon2).s12;
    }

    private static double ringArea(LineString ring) {
        PolygonArea pa = new PolygonArea(Cgcs2000.ELLIPSOID, false);
        CoordinateSequence cs = ring.getCoordinateSequence();
        // the closing point repeats the first: leave it out
        for (int i = 0; i < cs.size() - 1; i++) pa.AddPoint(cs.getY(i), cs.getX(i));
        PolygonResult r = pa.Compute(false, true);
        return Math.abs(r.area);
    }

    private static double lineLength(LineString line) {
        CoordinateSequence cs = line.getCoordinateSequence();
        double s = 0;
        for (int i = 1; i < cs.size(); i++) s += Cgcs2000.ELLIPSOID.Inverse(cs.getY(i - 1), cs.getX(i - 1), cs.getY(i), cs.getX(i)).s12;
        return s;
    }
}
