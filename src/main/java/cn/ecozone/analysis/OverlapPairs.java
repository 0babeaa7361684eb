package cn.ecozone.analysis;

import cn.ecozone.geo.Area;
import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.EllipsoidalMeasure;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs of polygons that overlap by more than a tolerance, with the overlap area on the ellipsoid.
 * An STRtree keeps it near n·log n for scattered plots; invalid geometries are skipped (they are reported
 * as invalid and cannot be overlaid reliably).
 */
public final class OverlapPairs {
    /** Overlaps of 1 m² or less are rounding of shared boundaries, not overlaps. */
    public static final double TOLERANCE_M2 = 1.0;

    private OverlapPairs() {}

    /**
     * @param a id of the first feature (a < b in input order)
     * @param contains true when one of the two lies entirely inside the other (e.g. nested zones)
     * @param at a point inside the overlap, [lon, lat]
     */
    public record Overlap(String a, String b, Area overlap, boolean contains, double[] at) {}

    public record Item(String id, Geometry geometry) {}

    public static List<Overlap> find(List<Item> items) {
        STRtree tree = new STRtree();
        List<Item> valid = items.stream().filter(i -> i.geometry().isValid() && !i.geometry().isEmpty()).toList();
        for (int i = 0; i < valid.size(); i++) tree.insert(valid.get(i).geometry().getEnvelopeInternal(), i);
        List<Overlap> out = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            Budgeted.checkInterrupted();
            Geometry a = valid.get(i).geometry();
            @SuppressWarnings("unchecked")
            List<Integer> near = tree.query(a.getEnvelopeInternal());
            for (int j : near.stream().sorted().toList()) {
                if (j <= i) continue;
                Geometry b = valid.get(j).geometry();
                if (!a.intersects(b)) continue;
                Geometry overlap = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
                double m2 = AreaOfRecord.m2(overlap);
                if (m2 <= TOLERANCE_M2) continue;
                var c = overlap.getInteriorPoint().getCoordinate();
                out.add(new Overlap(valid.get(i).id(), valid.get(j).id(), Area.ofM2(m2), a.covers(b) || b.covers(a),
                        new double[]{c.x, c.y}));
            }
        }
        return out;
    }
}
