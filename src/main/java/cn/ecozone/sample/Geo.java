package cn.ecozone.sample;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

import java.util.ArrayList;
import java.util.List;

/** Shared geometry helpers: the 1e-7 degree grid, CGCS2000 ellipsoidal area, a local km frame. */
final class Geo {
    /** Every sample geometry lives on this grid (7 decimals of a degree, about 1 cm). */
    static final PrecisionModel PM = new PrecisionModel(1e7);
    static final GeometryFactory GF = new GeometryFactory(PM, 4490);
    /** CGCS2000 ellipsoid (GRS80 parameters). */
    static final Geodesic CGCS2000 = new Geodesic(6378137.0, 1 / 298.257222101);
    static final double M2_PER_MU = 10000.0 / 15.0;

    private Geo() {}

    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    static Geometry snap(Geometry g) {
        return GeometryPrecisionReducer.reduce(g, PM);
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, PM);
    }

    static Geometry difference(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.DIFFERENCE, PM);
    }

    static Geometry union(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.UNION, PM);
    }

    /** Ellipsoidal area in m² of a (multi)polygon given in lon/lat degrees. */
    static double area(Geometry g) {
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                sum += ringArea(p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sum -= ringArea(p.getInteriorRingN(h).getCoordinates());
                }
            } else if (part instanceof MultiPolygon || part.getNumGeometries() > 1) {
                sum += area(part);
            }
        }
        return sum;
    }

    private static double ringArea(Coordinate[] ring) {
        PolygonArea pa = new PolygonArea(CGCS2000, false);
        for (int i = 0; i < ring.length - 1; i++) {
            pa.AddPoint(ring[i].y, ring[i].x);
        }
        PolygonResult r = pa.Compute(false, true);
        return Math.abs(r.area);
    }

    /** Converts an offset in km (east, north) from an origin to lon/lat (simple local frame; geometry is illustrative). */
    static Coordinate offset(double lon0, double lat0, double eastKm, double northKm) {
        double lon = lon0 + eastKm / (111.320 * Math.cos(Math.toRadians(lat0)));
        double lat = lat0 + northKm / 110.574;
        return new Coordinate(lon, lat);
    }

    /** East/north offset in km of (lon, lat) from an origin; inverse of {@link #offset}. */
    static double[] toKm(double lon0, double lat0, double lon, double lat) {
        return new double[] {(lon - lon0) * 111.320 * Math.cos(Math.toRadians(lat0)), (lat - lat0) * 110.574};
    }

    static Polygon polygon(List<Coordinate> pts) {
        List<Coordinate> c = new ArrayList<>(pts);
        c.add(new Coordinate(pts.get(0)));
        LinearRing ring = GF.createLinearRing(c.toArray(new Coordinate[0]));
        return GF.createPolygon(ring);
    }

    /** Largest polygon of a polygonal geometry (drops slivers produced by overlay). */
    static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no polygon in " + g.getGeometryType());
        }
        return best;
    }

    /** RFC 7946 orientation: shells counter-clockwise, holes clockwise. */
    static Geometry orient(Geometry g) {
        if (g instanceof Polygon p) {
            LinearRing shell = p.getExteriorRing();
            if (!Orientation.isCCW(shell.getCoordinates())) {
                shell = shell.reverse();
            }
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int i = 0; i < holes.length; i++) {
                LinearRing h = p.getInteriorRingN(i);
                holes[i] = Orientation.isCCW(h.getCoordinates()) ? h.reverse() : h;
            }
            return GF.createPolygon(shell, holes);
        }
        if (g instanceof MultiPolygon mp) {
            Polygon[] parts = new Polygon[mp.getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = (Polygon) orient(mp.getGeometryN(i));
            }
            return GF.createMultiPolygon(parts);
        }
        return g;
    }
}
