package cn.ecozone.analysis;

import cn.ecozone.geo.AuthalicArea;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

import java.util.List;

/**
 * The oracle: {@code OverlapArea} as it was before the geom4 branch (commit 1668a29), kept verbatim so that
 * {@code OverlapAreaOracleTest} holds the current one to its answers bit for bit.
 *
 * <p>Former documentation: Ellipsoidal area (m², CGCS2000, EPSG:4490 lon/lat) of the overlap of one site with many zones, without building
 * the overlay: the overlap's boundary is the pieces of the site's edges inside the zone plus the pieces of the
 * zone's edges inside the site, cut at their crossings (the same points OverlayNG's noding computes), and
 * {@link AuthalicArea#edgeExcess} summed over those pieces is exactly the sum {@link AuthalicArea#area} makes
 * over the overlay's rings. Where a crossed ring has an edge longer than {@link AuthalicArea#MAX_EDGE_DEG}, every
 * crossed piece takes Karney's geodesic term instead, as {@link AuthalicArea} measures rings with long edges by
 * Karney (mixing the two per edge would not cancel at the joins); a ring met whole is measured as
 * {@link AuthalicArea#area} measures it. Only for crossings in the interior of both edges:
 * when the boundaries touch or share a vertex or a stretch of line, it answers NaN and the caller overlays.
 * Boundaries that do not meet at all need no overlay either: each ring is then
 * wholly inside or outside the other polygon, so the same sum gives the zone inside the site, the site inside
 * the zone, or nothing. One instance per site; not thread-safe.
 */
final class FormerOverlapArea {
    private final Edges site;
    private final Envelope siteEnvelope;
    private final LineIntersector li = new RobustLineIntersector();
    private boolean degenerate;

    /** The site's area of record ({@link AuthalicArea#area}), or NaN when not known: see {@link #m2}. */
    private final double siteM2;
    /** Whether the site is one ring {@link AuthalicArea#area} measures by the sphere's edge terms (no long edge). */
    private final boolean oneShortRing;

    FormerOverlapArea(Edges site, Envelope siteEnvelope) {
        this(site, siteEnvelope, Double.NaN);
    }

    /**
     * @param siteM2 {@code AuthalicArea.area} of the geometry {@code site} was loaded from (NaN: unknown); a zone that
     *               holds a one-ring site whole then answers it instead of summing the ring's edges again
     */
    FormerOverlapArea(Edges site, Envelope siteEnvelope, double siteM2) {
        this.site = site;
        this.siteEnvelope = siteEnvelope;
        this.siteM2 = siteM2;
        this.oneShortRing = site.rings.size() == 1 && !site.rings.get(0).hole && !site.rings.get(0).longEdge && site.rings.get(0).size >= 4;
    }

    /**
     * @param zone the zone's edges, loaded with an envelope that contains the site's
     * @return the overlap in m² (0 when the polygons are apart), or NaN when the boundaries touch or share
     * vertices or lines: then the overlay decides
     */
    double m2(Edges zone) {
        return m2(zone, true);
    }

    /**
     * {@link #m2(Edges)}; {@code wholeSiteShortCut} false always sums the site's ring (for the test that holds the
     * short-cut to the sum). The short-cut: when a one-ring site without long edges meets no zone boundary, lies inside
     * the zone and no zone ring lies inside it, the sum is the site ring's edge terms in ring order from 0 — the very
     * sum {@link AuthalicArea#area} makes for the site — so its area of record is the answer, to the bit.
     */
    double m2(Edges zone, boolean wholeSiteShortCut) {
        for (Edges.Ring r : zone.rings) r.crossings.clear();
        for (Edges.Ring r : site.rings) r.crossings.clear();
        if (!crossings(zone)) return Double.NaN;
        boolean karney = false;
        for (Edges.Ring r : zone.rings) karney |= r.longEdge && !r.crossings.isEmpty();
        for (Edges.Ring r : site.rings) karney |= r.longEdge && !r.crossings.isEmpty();
        // where each site ring starts (inside the zone or not) and what each zone ring adds, in the order they are summed
        int[] siteStarts = new int[site.rings.size()];
        boolean siteInside = false, crossed = false;
        for (int i = 0; i < siteStarts.length; i++) {
            Edges.Ring r = site.rings.get(i);
            crossed |= !r.crossings.isEmpty();
            Coordinate first = new Coordinate(r.x(0), r.y(0));
            if (r.crossings.isEmpty() && !zoneMayContain(zone, first)) {
                siteStarts[i] = Location.NONE;
                continue;
            }
            int start = zone.locate(first);
            if (start == Location.BOUNDARY) return Double.NaN;
            siteStarts[i] = start;
            siteInside |= start == Location.INTERIOR;
        }
        double[] zoneTerms = new double[zone.rings.size()];
        boolean zoneAdds = false;
        for (int i = 0; i < zoneTerms.length; i++) {
            Edges.Ring r = zone.rings.get(i);
            if (r.crossings.isEmpty() && !siteEnvelope.intersects(r.envelope)) continue;
            int start = site.locate(new Coordinate(r.x(0), r.y(0)));
            if (start == Location.BOUNDARY) return Double.NaN;
            zoneTerms[i] = walk(r, start == Location.INTERIOR, karney);
            zoneAdds |= zoneTerms[i] != 0;
        }
        if (wholeSiteShortCut && oneShortRing && !crossed && siteInside && !zoneAdds && !Double.isNaN(siteM2)) return siteM2;
        double excess = 0;
        for (int i = 0; i < siteStarts.length; i++) {
            if (siteStarts[i] == Location.NONE) continue;
            excess += walk(site.rings.get(i), siteStarts[i] == Location.INTERIOR, karney);
        }
        for (double t : zoneTerms) excess += t;
        return AuthalicArea.toM2(excess);
    }

    private static boolean zoneMayContain(Edges zone, Coordinate p) {
        for (Edges.Ring r : zone.rings) if (!r.hole && r.envelope.intersects(p)) return true;
        return false;
    }

    /** Records every crossing on both sides' rings; false when the boundaries meet in any other way. */
    private boolean crossings(Edges zone) {
        degenerate = false;
        double[] zb = zone.box, sb = site.box, bb = site.blockBox;
        for (int z = 0; z < zone.runs; z++) {
            int zi = 4 * z;
            if (zb[zi] > siteEnvelope.getMaxX() || zb[zi + 2] < siteEnvelope.getMinX() || zb[zi + 1] > siteEnvelope.getMaxY()
                    || zb[zi + 3] < siteEnvelope.getMinY()) continue;
            for (int b = 0; b < site.blocks; b++) {
                if (!Edges.boxesMeet(zb, zi, bb, 4 * b)) continue;
                for (int r = b * Edges.BLOCK, end = Math.min(site.runs, (b + 1) * Edges.BLOCK); r < end; r++) {
                    if (!Edges.boxesMeet(zb, zi, sb, 4 * r)) continue;
                    cross(zone, z, r);
                    if (degenerate) return false;
                }
            }
        }
        return true;
    }

    private final Coordinate p0 = new Coordinate(), p1 = new Coordinate(), q0 = new Coordinate(), q1 = new Coordinate();

    private void cross(Edges zone, int zoneRun, int siteRun) {
        Edges.Ring zr = zone.ringOf(zoneRun), sr = site.ringOf(siteRun);
        int s0 = site.runFirst[siteRun], s1 = s0 + site.runLength[siteRun];
        int z0 = zone.runFirst[zoneRun], z1 = z0 + zone.runLength[zoneRun];
        for (int i = s0; i < s1; i++) {
            double ax = sr.x(i), ay = sr.y(i), bx = sr.x(i + 1), by = sr.y(i + 1);
            double minX = Math.min(ax, bx), maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
            for (int j = z0; j < z1; j++) {
                double cx = zr.x(j), cy = zr.y(j), dx = zr.x(j + 1), dy = zr.y(j + 1);
                if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
                p0.x = ax;
                p0.y = ay;
                p1.x = bx;
                p1.y = by;
                q0.x = cx;
                q0.y = cy;
                q1.x = dx;
                q1.y = dy;
                li.computeIntersection(p0, p1, q0, q1);
                if (!li.hasIntersection()) continue;
                if (!li.isProper() || li.getIntersectionNum() != 1) {
                    degenerate = true;
                    return;
                }
                Coordinate at = li.getIntersection(0).copy();
                sr.crossings.add(new Edges.Crossing(i, along(ax, ay, at), at));
                zr.crossings.add(new Edges.Crossing(j, along(cx, cy, at), at));
            }
        }
    }

    private static double along(double x0, double y0, Coordinate p) {
        double dx = p.x - x0, dy = p.y - y0;
        return dx * dx + dy * dy;
    }

    /** Sum of the excess of the ring's pieces inside the other polygon; each crossing flips inside/outside. */
    private static double walk(Edges.Ring r, boolean inside, boolean karneyForCrossed) {
        List<Edges.Crossing> cs = r.crossings;
        if (cs.isEmpty() && !inside) return 0;
        // a ring met whole is measured as AuthalicArea measures it alone
        boolean karney = cs.isEmpty() ? r.longEdge : karneyForCrossed;
        if (cs.size() > 1) cs.sort((a, b) -> a.segment() != b.segment() ? Integer.compare(a.segment(), b.segment()) : Double.compare(a.along(), b.along()));
        Pieces pieces = new Pieces(r.x(0), r.y(0), karney);
        int next = 0;
        for (int i = 0; i < r.size - 1; i++) {
            while (next < cs.size() && cs.get(next).segment() == i) {
                Coordinate x = cs.get(next++).at();
                pieces.to(x.x, x.y, inside);
                inside = !inside;
            }
            pieces.to(r.x(i + 1), r.y(i + 1), inside);
        }
        // the interior is on the left of a counter-clockwise shell and of a clockwise hole
        return r.isCCW() != r.hole ? pieces.sum : -pieces.sum;
    }

    /**
     * Sums the edge terms of the pieces inside along a ring: {@link AuthalicArea#edgeExcess} (a point's latitude
     * term computed only when a piece inside needs it), or Karney's geodesic term throughout.
     */
    private static final class Pieces {
        final boolean karney;
        double sum, x0, y0, lon0, t0 = Double.NaN;

        Pieces(double x, double y, boolean karney) {
            this.karney = karney;
            x0 = x;
            y0 = y;
            lon0 = Math.toRadians(x);
        }

        void to(double x, double y, boolean inside) {
            double lon1 = Math.toRadians(x), t1 = Double.NaN;
            if (inside && karney) {
                sum += AuthalicArea.geodesicEdgeExcess(x0, y0, x, y);
            } else if (inside) {
                if (Double.isNaN(t0)) t0 = AuthalicArea.halfTan(y0);
                t1 = AuthalicArea.halfTan(y);
                sum += AuthalicArea.edgeExcess(lon0, t0, lon1, t1);
            }
            x0 = x;
            y0 = y;
            lon0 = lon1;
            t0 = t1;
        }
    }
}
