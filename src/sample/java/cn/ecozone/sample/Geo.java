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

    /**
     * Canonical form for output: RFC 7946 orientation (shells counter-clockwise, holes
     * clockwise), every ring starting at its smallest coordinate, holes and parts sorted.
     * Overlay and polygonizer results may start rings anywhere; this makes files stable.
     */
    static Geometry orient(Geometry g) {
        if (g instanceof Polygon p) {
            LinearRing shell = canonical(p.getExteriorRing(), true);
            List<LinearRing> holes = new ArrayList<>();
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                holes.add(canonical(p.getInteriorRingN(i), false));
            }
            holes.sort((a, b) -> a.getCoordinateN(0).compareTo(b.getCoordinateN(0)));
            return GF.createPolygon(shell, holes.toArray(new LinearRing[0]));
        }
        if (g instanceof MultiPolygon mp) {
            List<Polygon> parts = new ArrayList<>();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                parts.add((Polygon) orient(mp.getGeometryN(i)));
            }
            parts.sort((a, b) -> a.getExteriorRing().getCoordinateN(0).compareTo(b.getExteriorRing().getCoordinateN(0)));
            return GF.createMultiPolygon(parts.toArray(new Polygon[0]));
        }
        return g;
    }

    private static LinearRing canonical(LinearRing ring, boolean ccw) {
        Coordinate[] cs = ring.getCoordinates();
        if (Orientation.isCCW(cs) != ccw) {
            cs = ring.reverse().getCoordinates();
        }
        int n = cs.length - 1;
        int start = 0;
        for (int i = 1; i < n; i++) {
            if (cs[i].compareTo(cs[start]) < 0) {
                start = i;
            }
        }
        Coordinate[] out = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = new Coordinate(cs[(start + i) % n]);
        }
        out[n] = new Coordinate(out[0]);
        return GF.createLinearRing(out);
    }
}
