package cn.ecozone.layer;

import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.EllipsoidalMeasure;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a layer tiles its parent layer (control units tile their district): no gap, no overlap, nothing
 * outside. Pieces smaller than the tolerance (1 m² on the ellipsoid) are rounding, not errors.
 */
public final class TilingCheck {
    public static final double TOLERANCE_M2 = 1.0;

    private TilingCheck() {}

    public static List<Problem> check(FeatureSource child, FeatureSource parent, TilingRule rule) {
        String layer = child.layer().id();
        List<Problem> problems = new ArrayList<>();
        Map<String, SimpleFeature> parents = new HashMap<>();
        try (var s = parent.query(FeatureQuery.all())) {
            s.forEach(p -> parents.put(String.valueOf(p.getAttribute(rule.parentKey())), p));
        }
        Map<String, List<SimpleFeature>> groups = new HashMap<>();
        try (var s = child.query(FeatureQuery.all())) {
            s.forEach(f -> groups.computeIfAbsent(String.valueOf(f.getAttribute(rule.key())), k -> new ArrayList<>()).add(f));
        }
        for (var e : groups.entrySet()) {
            SimpleFeature p = parents.get(e.getKey());
            if (p == null) {
                for (SimpleFeature f : e.getValue()) {
                    problems.add(Problem.error(layer, f.getID(), rule.key() + "=" + e.getKey() + " 在图层 " + rule.layer()
                            + " 中不存在 / no such " + rule.layer()));
                }
                continue;
            }
            Geometry parentGeometry = (Geometry) p.getDefaultGeometry();
            // invalid geometries are already reported by the feature checks and cannot be overlaid
            if (!parentGeometry.isValid()) continue;
            List<SimpleFeature> valid = e.getValue().stream().filter(f -> ((Geometry) f.getDefaultGeometry()).isValid()).toList();
            problems.addAll(checkGroup(layer, parentLabel(p, rule), parentGeometry, valid));
        }
        for (var p : parents.entrySet()) {
            if (!groups.containsKey(p.getKey())) {
                problems.add(Problem.error(layer, null, rule.layer() + " " + p.getKey() + " 没有任何" + child.layer().title().zh()
                        + "覆盖 / not covered by any feature"));
            }
        }
        return problems;
    }

    private static String parentLabel(SimpleFeature p, TilingRule rule) {
        return rule.layer() + " " + p.getAttribute(rule.parentKey());
    }

    private static List<Problem> checkGroup(String layer, String parentLabel, Geometry parent, List<SimpleFeature> children) {
        List<Problem> problems = new ArrayList<>();
        List<Geometry> geoms = children.stream().map(f -> (Geometry) f.getDefaultGeometry()).toList();
        for (int i = 0; i < children.size(); i++) {
            for (int j = i + 1; j < children.size(); j++) {
                Geometry a = geoms.get(i), b = geoms.get(j);
                if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) continue;
                Geometry overlap = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
                double m2 = AreaOfRecord.m2(overlap);
                if (m2 > TOLERANCE_M2) {
                    problems.add(Problem.error(layer, children.get(i).getID(), String.format(
                            "与 %s 重叠 %.1f m² / overlaps %s by %.1f m²", children.get(j).getID(), m2, children.get(j).getID(), m2),
                            overlap.getInteriorPoint().getCoordinate()));
                }
            }
        }
        Geometry union = UnaryUnionOp.union(geoms);
        reportPieces(problems, layer, OverlayNGRobust.overlay(parent, union, OverlayNG.DIFFERENCE),
                "%s 内有 %.1f m² 的空隙未被覆盖 / gap of %.1f m² in %s", parentLabel);
        reportPieces(problems, layer, OverlayNGRobust.overlay(union, parent, OverlayNG.DIFFERENCE),
                "有 %.1f m² 超出 %s 边界 / %.1f m² outside %s", parentLabel);
        return problems;
    }

    private static void reportPieces(List<Problem> problems, String layer, Geometry pieces, String format, String parentLabel) {
        for (int k = 0; k < pieces.getNumGeometries(); k++) {
            Geometry piece = pieces.getGeometryN(k);
            double m2 = AreaOfRecord.m2(piece);
            if (m2 <= TOLERANCE_M2) continue;
            String msg = format.startsWith("%s")
                    ? String.format(format, parentLabel, m2, m2, parentLabel)
                    : String.format(format, m2, parentLabel, m2, parentLabel);
            problems.add(Problem.error(layer, null, msg, piece.getInteriorPoint().getCoordinate()));
        }
    }
}
