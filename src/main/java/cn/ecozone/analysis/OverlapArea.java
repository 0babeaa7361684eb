package cn.ecozone.analysis;

import cn.ecozone.geo.AuthalicArea;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.MCIndexSegmentSetMutualIntersector;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

import java.util.ArrayList;
import java.util.List;

/**
 * Ellipsoidal area (m², CGCS2000, EPSG:4490 lon/lat) of the overlap of one site with many zones, without building
 * the overlay: the overlap's boundary is the pieces of the site's edges inside the zone plus the pieces of the
 * zone's edges inside the site, cut at their crossings (the same points OverlayNG's noding computes), and
 * {@link AuthalicArea#edgeExcess} summed over those pieces is exactly the sum {@link AuthalicArea#area} makes
 * over the overlay's rings. Only for crossings in the interior of both edges: when the boundaries touch or share
 * a vertex or a stretch of line, or an edge is long enough for {@link AuthalicArea} to use Karney, it answers
 * NaN and the caller overlays. One instance per site; not thread-safe.
 */
final class OverlapArea {
    /** One ring of the site or of a zone, oriented so the polygon's interior is on its left, with its crossings. */
    private static final class Ring {
        final Coordinate[] pts;
        final double sign;
        final List<Crossing> crossings = new ArrayList<>(4);

        Ring(Coordinate[] pts, boolean hole) {
            this.pts = pts;
            this.sign = Orientation.isCCW(pts) != hole ? 1 : -1;
        }
    }

    private record Crossing(int segment, double along, Coordinate at) {}

    private final Envelope siteEnvelope;
    private final List<Ring> siteRings = new ArrayList<>();
    private final MCIndexSegmentSetMutualIntersector siteEdges;
    private final PointOnGeometryLocator siteLocator;
    private final boolean siteHasLongEdge;
    private final LineIntersector li = new RobustLineIntersector();

    OverlapArea(Geometry site, PointOnGeometryLocator siteLocator) {
        this.siteEnvelope = site.getEnvelopeInternal();
        this.siteLocator = siteLocator;
        List<SegmentString> strings = new ArrayList<>();
        boolean longEdge = false;
        for (Ring r : rings(site, null)) {
            siteRings.add(r);
            strings.add(new BasicSegmentString(r.pts, r));
            longEdge |= AuthalicArea.hasLongEdge(r.pts);
        }
        this.siteHasLongEdge = longEdge;
        this.siteEdges = new MCIndexSegmentSetMutualIntersector(strings);
    }

    /**
     * @return the overlap in m², or NaN when the boundaries do not simply cross (touching, shared vertices or
     * lines, no crossing at all, long edges): then the overlay decides
     */
    double m2(Geometry zone, PointOnGeometryLocator zoneLocator) {
        if (siteHasLongEdge) return Double.NaN;
        List<Ring> zoneRings = rings(zone, siteEnvelope);
        List<SegmentString> zoneStrings = new ArrayList<>(zoneRings.size());
        for (Ring r : zoneRings) {
            if (AuthalicArea.hasLongEdge(r.pts)) return Double.NaN;
            zoneStrings.add(new BasicSegmentString(r.pts, r));
        }
        for (Ring r : siteRings) r.crossings.clear();
        CrossingFinder finder = new CrossingFinder();
        siteEdges.process(zoneStrings, finder);
        if (finder.degenerate || finder.count == 0) return Double.NaN;
        Envelope zoneEnvelope = zone.getEnvelopeInternal();
        double excess = 0;
        for (Ring r : siteRings) {
            if (!zoneEnvelope.intersects(r.pts[0]) && r.crossings.isEmpty()) continue;
            int start = zoneLocator.locate(r.pts[0]);
            if (start == Location.BOUNDARY) return Double.NaN;
            excess += walk(r, start == Location.INTERIOR);
        }
        for (Ring r : zoneRings) {
            int start = siteLocator.locate(r.pts[0]);
            if (start == Location.BOUNDARY) return Double.NaN;
            excess += walk(r, start == Location.INTERIOR);
        }
        return AuthalicArea.toM2(excess);
    }

    /** Sum of the excess of the ring's pieces inside the other polygon; each crossing flips inside/outside. */
    private static double walk(Ring r, boolean inside) {
        List<Crossing> cs = r.crossings;
        if (cs.size() > 1) cs.sort((a, b) -> a.segment != b.segment ? Integer.compare(a.segment, b.segment) : Double.compare(a.along, b.along));
        double sum = 0;
        int next = 0;
        Coordinate from = r.pts[0];
        double lon0 = Math.toRadians(from.x), t0 = AuthalicArea.halfTan(from.y);
        for (int i = 0; i < r.pts.length - 1; i++) {
            while (next < cs.size() && cs.get(next).segment == i) {
                Coordinate x = cs.get(next++).at;
                double lon1 = Math.toRadians(x.x), t1 = AuthalicArea.halfTan(x.y);
                if (inside) sum += AuthalicArea.edgeExcess(lon0, t0, lon1, t1);
                lon0 = lon1;
                t0 = t1;
                inside = !inside;
            }
            Coordinate to = r.pts[i + 1];
            // outside, the next piece starts at a crossing, so this vertex's latitude term is not needed
            double lon1 = Math.toRadians(to.x), t1 = inside ? AuthalicArea.halfTan(to.y) : Double.NaN;
            if (inside) sum += AuthalicArea.edgeExcess(lon0, t0, lon1, t1);
            lon0 = lon1;
            t0 = t1;
        }
        return r.sign * sum;
    }

    /** Rings of the polygonal parts of g whose envelope meets {@code within} (all when null). */
    private static List<Ring> rings(Geometry g, Envelope within) {
        List<Ring> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                add(out, p.getExteriorRing(), false, within);
                for (int h = 0; h < p.getNumInteriorRing(); h++) add(out, p.getInteriorRingN(h), true, within);
            } else if (part.getNumGeometries() > 1) {
                out.addAll(rings(part, within));
            }
        }
        return out;
    }

    private static void add(List<Ring> out, LinearRing ring, boolean hole, Envelope within) {
        if (ring.getNumPoints() < 4 || within != null && !within.intersects(ring.getEnvelopeInternal())) return;
        out.add(new Ring(ring.getCoordinates(), hole));
    }

    /** Records proper crossings on both rings; anything else (touch, shared vertex, collinear overlap) is degenerate. */
    private final class CrossingFinder implements SegmentIntersector {
        boolean degenerate;
        int count;

        @Override
        public void processIntersections(SegmentString e0, int i0, SegmentString e1, int i1) {
            Coordinate[] a = e0.getCoordinates(), b = e1.getCoordinates();
            li.computeIntersection(a[i0], a[i0 + 1], b[i1], b[i1 + 1]);
            if (!li.hasIntersection()) return;
            if (!li.isProper() || li.getIntersectionNum() != 1) {
                degenerate = true;
                return;
            }
            Coordinate at = li.getIntersection(0).copy();
            ((Ring) e0.getData()).crossings.add(new Crossing(i0, along(a[i0], at), at));
            ((Ring) e1.getData()).crossings.add(new Crossing(i1, along(b[i1], at), at));
            count++;
        }

        private static double along(Coordinate start, Coordinate p) {
            double dx = p.x - start.x, dy = p.y - start.y;
            return dx * dx + dy * dy;
        }

        @Override
        public boolean isDone() {
            return degenerate;
        }
    }
}
