package cn.ecozone.analysis;

import cn.ecozone.geo.Area;
import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Measures a set of restoration plots and checks them against each other and against the protected zones and
 * districts: per-plot measures, overlapping pairs, zone overlaps, plots outside every district, summaries by
 * an attribute and progress per mine. Pure: plots and layers in, {@link PlotReport} out.
 */
public final class PlotAnalysis {
    /** Text used as the group key for plots without a value of the grouping attribute. */
    public static final String NO_VALUE = "（空）";

    private PlotAnalysis() {}

    /**
     * @param groupBy attribute to summarise by, or null
     * @param thresholdPct flag declared-vs-measured differences beyond this percentage
     */
    public static PlotReport run(List<Plot> plots, PlotSchema schema, PlotContext context, String groupBy, double thresholdPct) {
        List<PlotMeasure> measures = plots.stream().map(p -> PlotMeasure.of(p, schema, thresholdPct)).toList();
        List<OverlapPairs.Overlap> overlaps = OverlapPairs.find(plots.stream()
                .map(p -> new OverlapPairs.Item(p.id(), p.geometry())).toList());
        List<PlotReport.ZoneOverlap> zones = new ArrayList<>();
        List<PlotReport.OutsideDistricts> outside = new ArrayList<>();
        for (Plot p : plots) {
            Budgeted.checkInterrupted();
            if (!p.geometry().isValid() || p.geometry().isEmpty()) continue;
            for (FeatureSource z : context.protectedZones()) zones.addAll(zoneOverlaps(p, z));
            if (context.districts() != null) outside(p, context.districts(), outside);
        }
        return new PlotReport(thresholdPct, groupBy, totals(measures), measures, overlaps, zones, outside,
                groupBy == null ? List.of() : groups(measures, groupBy), progress(measures, plots, schema));
    }

    private static List<PlotReport.ZoneOverlap> zoneOverlaps(Plot p, FeatureSource zones) {
        Geometry g = p.geometry();
        double plotM2 = AreaOfRecord.m2(g);
        List<PlotReport.ZoneOverlap> out = new ArrayList<>();
        for (IndexedFeature z : zones.candidates(g.getEnvelopeInternal())) {
            if (!z.prepared().intersects(g)) continue;
            Geometry zg = z.prepared().getGeometry();
            double m2 = zg.isValid() ? AreaOfRecord.m2(OverlayNGRobust.overlay(g, zg, OverlayNG.INTERSECTION)) : 0;
            var f = z.feature();
            Object level = f.getFeatureType().getDescriptor("level") == null ? null : f.getAttribute("level");
            Object name = f.getAttribute(zones.layer().nameProperty());
            out.add(new PlotReport.ZoneOverlap(p.id(), zones.layer().id(), zones.layer().title().zh(), f.getID(),
                    name == null ? f.getID() : name.toString(), level == null ? null : level.toString(), Area.ofM2(m2),
                    plotM2 > 0 ? m2 / plotM2 : 0, m2 <= OverlapPairs.TOLERANCE_M2));
        }
        return out;
    }

    private static void outside(Plot p, FeatureSource districts, List<PlotReport.OutsideDistricts> out) {
        Geometry g = p.geometry();
        List<Geometry> touching = districts.candidates(g.getEnvelopeInternal()).stream()
                .filter(d -> d.prepared().intersects(g)).map(d -> d.prepared().getGeometry()).toList();
        if (touching.isEmpty()) {
            out.add(new PlotReport.OutsideDistricts(p.id(), Area.ofM2(AreaOfRecord.m2(g)), true));
            return;
        }
        if (touching.stream().anyMatch(d -> d.covers(g))) return;
        double m2 = AreaOfRecord.m2(OverlayNGRobust.overlay(g, UnaryUnionOp.union(touching), OverlayNG.DIFFERENCE));
        if (m2 > OverlapPairs.TOLERANCE_M2) out.add(new PlotReport.OutsideDistricts(p.id(), Area.ofM2(m2), false));
    }

    private static PlotReport.Totals totals(List<PlotMeasure> ms) {
        return new PlotReport.Totals(ms.size(), Area.ofM2(ms.stream().mapToDouble(m -> m.area().m2()).sum()), declaredSum(ms),
                (int) ms.stream().filter(m -> !m.valid()).count(), (int) ms.stream().filter(PlotMeasure::declaredMismatch).count(),
                (int) ms.stream().filter(m -> !m.slivers().isEmpty()).count());
    }

    private static Double declaredSum(List<PlotMeasure> ms) {
        return ms.stream().map(PlotMeasure::declaredMu).filter(Objects::nonNull).reduce(Double::sum).orElse(null);
    }

    static String keyOf(Object value) {
        return value == null || value.toString().isBlank() ? NO_VALUE : value.toString();
    }

    private static List<PlotReport.GroupSummary> groups(List<PlotMeasure> ms, String groupBy) {
        Map<String, List<PlotMeasure>> byKey = new TreeMap<>();
        for (PlotMeasure m : ms) byKey.computeIfAbsent(keyOf(m.attributes().get(groupBy)), k -> new ArrayList<>()).add(m);
        return byKey.entrySet().stream().map(e -> new PlotReport.GroupSummary(e.getKey(), e.getValue().size(),
                Area.ofM2(e.getValue().stream().mapToDouble(m -> m.area().m2()).sum()), declaredSum(e.getValue()))).toList();
    }

    private static List<PlotReport.MineProgress> progress(List<PlotMeasure> ms, List<Plot> plots, PlotSchema schema) {
        if (schema.mine() == null) return List.of();
        Map<String, List<Integer>> byMine = new TreeMap<>();
        for (int i = 0; i < plots.size(); i++) {
            byMine.computeIfAbsent(keyOf(plots.get(i).attribute(schema.mine())), k -> new ArrayList<>()).add(i);
        }
        List<PlotReport.MineProgress> out = new ArrayList<>();
        for (var e : byMine.entrySet()) {
            double total = 0, restored = 0;
            int restoredPlots = 0;
            for (int i : e.getValue()) {
                double m2 = ms.get(i).area().m2();
                total += m2;
                if (schema.isRestored(plots.get(i))) {
                    restored += m2;
                    restoredPlots++;
                }
            }
            out.add(new PlotReport.MineProgress(e.getKey(), e.getValue().size(), restoredPlots, Area.ofM2(total), Area.ofM2(restored),
                    total > 0 ? restored / total : 0, declaredSum(e.getValue().stream().map(ms::get).toList())));
        }
        out.sort(Comparator.comparing(PlotReport.MineProgress::mine));
        return out;
    }
}
