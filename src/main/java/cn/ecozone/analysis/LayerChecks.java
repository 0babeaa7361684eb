package cn.ecozone.analysis;

import cn.ecozone.geo.GeometryChecks;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.Problem;
import cn.ecozone.layer.TilingCheck;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Quality checks of one layer: invalid geometry (reason and location, from {@link GeometryChecks}), overlapping
 * features (pairs with overlap area; a pair where one lies inside the other, such as nested water-source levels,
 * is marked {@code contains}), and, for a layer with a tiling rule such as control units, gaps and overlaps in
 * each parent district ({@link TilingCheck}). Points are [lon, lat].
 */
public final class LayerChecks {
    private LayerChecks() {}

    /** @param at [lon, lat] or null */
    public record Finding(String severity, String featureId, String message, double[] at) {
        static Finding of(Problem p) {
            return new Finding(p.isError() ? "error" : "warning", p.featureId(), p.message(),
                    p.location() == null ? null : new double[]{p.location().x, p.location().y});
        }
    }

    /** @param tiling gaps/overlaps against the parent layer; empty when the layer has no tiling rule */
    public record Result(String collection, String title, long features, List<Finding> invalid, List<OverlapPairs.Overlap> overlaps,
                         String tilesLayer, List<Finding> tiling, boolean ok) {}

    public static Result check(LayerSet layers, FeatureSource source) {
        List<Finding> invalid = new ArrayList<>();
        List<OverlapPairs.Item> items = new ArrayList<>();
        try (var s = source.query(FeatureQuery.all())) {
            for (SimpleFeature f : s.toList()) {
                Budgeted.checkInterrupted();
                Geometry g = (Geometry) f.getDefaultGeometry();
                GeometryChecks.check(g).ifPresent(issue -> invalid.add(new Finding("error", f.getID(), issue.message(),
                        issue.location() == null ? null : new double[]{issue.location().x, issue.location().y})));
                items.add(new OverlapPairs.Item(f.getID(), g));
            }
        }
        List<OverlapPairs.Overlap> overlaps = source.layer().isPolygon() ? OverlapPairs.find(items) : List.of();
        List<Finding> tiling = new ArrayList<>();
        var rule = source.layer().tiles();
        if (rule != null) {
            var parent = layers.source(rule.layer());
            if (parent.isEmpty()) {
                tiling.add(new Finding("error", null, "tiles 指向的图层不存在 / tiling parent layer missing: " + rule.layer(), null));
            } else {
                TilingCheck.check(source, parent.get(), rule).forEach(p -> tiling.add(Finding.of(p)));
            }
        }
        // tiled layers must not overlap at all; elsewhere only partial overlaps are suspicious (nested zones are by design)
        boolean overlapsAreErrors = rule != null ? !overlaps.isEmpty() : overlaps.stream().anyMatch(o -> !o.contains());
        boolean ok = invalid.isEmpty() && tiling.stream().noneMatch(f -> f.severity().equals("error")) && !overlapsAreErrors;
        return new Result(source.layer().id(), source.layer().title().zh(), source.count(), invalid, overlaps,
                rule == null ? null : rule.layer(), tiling, ok);
    }
}
