package cn.ecozone.layer;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.algorithm.RectangleLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Whether a geometry meets an axis-aligned box (boundary included), reading its coordinate sequences in place:
 * JTS's RectangleIntersects answers the same but turns packed coordinates into Coordinate arrays that stay cached
 * (softly) per ring — at national scale a map browsed for a while held twice the layers' memory. One instance per
 * box; not thread-safe.
 */
public final class BoxIntersects {
    private final Envelope box;
    private final RectangleLineIntersector sides;
    private final Coordinate a = new Coordinate(), b = new Coordinate();

    public BoxIntersects(Envelope box) {
        this.box = box;
        this.sides = new RectangleLineIntersector(box);
    }

    public boolean test(Geometry g) {
        return test(g, g.getEnvelopeInternal());
    }

    /** As {@link #test(Geometry)}, with the envelope the feature's index holds (no copy made). */
    public boolean test(IndexedFeature f) {
        return test(f.geometry(), f.envelope());
    }

    private boolean test(Geometry g, Envelope e) {
        if (!box.intersects(e)) return false;
        if (box.contains(e)) return true;
        // an edge or point in or across the box; else the box can only lie inside a polygon
        return anyEdgeMeetsBox(g) || cornerInside(g);
    }

    private boolean anyEdgeMeetsBox(Geometry g) {
        if (g instanceof Point p) return !p.isEmpty() && box.intersects(p.getCoordinate());
        if (g instanceof LineString l) return edgesMeetBox(l.getCoordinateSequence());
        if (g instanceof Polygon p) {
            if (p.isEmpty()) return false;
            if (edgesMeetBox(p.getExteriorRing().getCoordinateSequence())) return true;
            for (int i = 0; i < p.getNumInteriorRing(); i++) if (edgesMeetBox(p.getInteriorRingN(i).getCoordinateSequence())) return true;
            return false;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) if (anyEdgeMeetsBox(g.getGeometryN(i))) return true;
        return false;
    }

    private boolean edgesMeetBox(CoordinateSequence seq) {
        for (int i = 0; i + 1 < seq.size(); i++) {
            double x0 = seq.getX(i), y0 = seq.getY(i), x1 = seq.getX(i + 1), y1 = seq.getY(i + 1);
            if (Math.max(x0, x1) < box.getMinX() || Math.min(x0, x1) > box.getMaxX() || Math.max(y0, y1) < box.getMinY() || Math.min(y0, y1) > box.getMaxY()) continue;
            a.x = x0;
            a.y = y0;
            b.x = x1;
            b.y = y1;
            if (sides.intersects(a, b)) return true;
        }
        return seq.size() == 1 && box.intersects(seq.getX(0), seq.getY(0));
    }

    /** Whether the box's lower-left corner is inside a polygon of g (its edges are known not to meet the box). */
    private boolean cornerInside(Geometry g) {
        Coordinate corner = new Coordinate(box.getMinX(), box.getMinY());
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                if (RayCrossingCounter.locatePointInRing(corner, p.getExteriorRing().getCoordinateSequence()) == Location.EXTERIOR) continue;
                boolean inHole = false;
                for (int h = 0; h < p.getNumInteriorRing() && !inHole; h++) {
                    inHole = RayCrossingCounter.locatePointInRing(corner, p.getInteriorRingN(h).getCoordinateSequence()) == Location.INTERIOR;
                }
                if (!inHole) return true;
            } else if (part != g && part.getNumGeometries() > 1 && cornerInside(part)) {
                return true;
            }
        }
        return false;
    }
}
