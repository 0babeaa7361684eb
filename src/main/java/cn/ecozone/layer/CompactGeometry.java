package cn.ecozone.layer;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Layer geometries held as packed x/y doubles (one array per ring) instead of one object per vertex: a third of
 * the memory, and an analysis reading a zone's boundary streams through one array instead of chasing thousands
 * of pointers across the heap (at national scale, the cache misses were most of a site check's time).
 */
public final class CompactGeometry {
    private CompactGeometry() {}

    /** g with every coordinate sequence packed as x/y doubles; g itself when it already is. */
    public static Geometry of(Geometry g) {
        if (isPacked(g)) return g;
        Geometry packed = new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                double[] xy = new double[2 * coords.size()];
                for (int i = 0; i < coords.size(); i++) {
                    xy[2 * i] = coords.getX(i);
                    xy[2 * i + 1] = coords.getY(i);
                }
                return new PackedCoordinateSequence.Double(xy, 2, 0);
            }
        }.transform(g);
        packed.setSRID(g.getSRID());
        packed.setUserData(g.getUserData());
        return packed;
    }

    static boolean isPacked(Geometry g) {
        if (g instanceof Point p) return p.getCoordinateSequence() instanceof PackedCoordinateSequence.Double;
        if (g instanceof LineString l) return l.getCoordinateSequence() instanceof PackedCoordinateSequence.Double;
        if (g instanceof Polygon p) return isPacked(p.getExteriorRing());
        for (int i = 0; i < g.getNumGeometries(); i++) if (g.getGeometryN(i) != g && !isPacked(g.getGeometryN(i))) return false;
        return true;
    }
}
