package cn.ecozone.analysis;

import cn.ecozone.geo.Area;
import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerSet;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Per-district statistics of the zoning (the plans' indicators, e.g. 生态保护红线面积占国土面积比例): for every
 * district its area and the area and share of the red line, of the water-source zones (all and by level), of each
 * control-unit type and of the restoration plots (all and restored). Zones that overlap each other (nested
 * water-source levels, overlapping red-line parcels, overlapping plots) are unioned inside the district before
 * measuring, so every square metre counts once. Areas on the CGCS2000 ellipsoid; shares are 0–1 of the district.
 */
public final class DistrictStats {
    public static final String REDLINE_INDICATOR = "生态保护红线面积占国土面积比例";

    private DistrictStats() {}

    /** @param share covered area / district area, 0–1 */
    public record Share(String label, Area area, double share) {}

    public record District(String code, String name, Area area, Share redline, Share waterSource,
                           Map<String, Share> waterSourceByLevel, Map<String, Share> controlUnitByType,
                           Share restorationPlots, Share restoredPlots) {}

    /** @param total all districts together (sums; districts do not overlap) */
    public record Result(List<District> districts, District total) {}

    public static Result compute(LayerSet layers) {
        FeatureSource admin = byKind(layers, "admin");
        if (admin == null) return new Result(List.of(), null);
        FeatureSource redline = byKind(layers, "redline"), water = byKind(layers, "water_source"),
                units = byKind(layers, "control_unit"), plots = byKind(layers, "restoration");
        PlotSchema schema = plots == null ? PlotSchema.DEFAULT
                : PlotSchema.detect(plots.layer().attributes().stream().map(a -> a.name()).toList());
        List<District> out = new ArrayList<>();
        try (var s = admin.query(FeatureQuery.all())) {
            for (SimpleFeature d : s.toList()) {
                Budgeted.checkInterrupted();
                Geometry dg = (Geometry) d.getDefaultGeometry();
                double dm2 = AreaOfRecord.m2(dg);
                Object name = d.getAttribute(admin.layer().nameProperty());
                out.add(new District(d.getID(), name == null ? d.getID() : name.toString(), Area.ofM2(dm2),
                        share(REDLINE_INDICATOR, dg, dm2, redline, f -> true),
                        share("饮用水水源保护区", dg, dm2, water, f -> true),
                        byValue(dg, dm2, water, "level", "饮用水水源保护区 "),
                        byValue(dg, dm2, units, "type", ""),
                        share("矿山生态修复图斑", dg, dm2, plots, f -> true),
                        share("已修复图斑（已修复+已验收）", dg, dm2, plots, f -> schema.isRestored(Plot.of(f, plots.layer().attributes())))));
            }
        }
        return new Result(out, total(out));
    }

    private static FeatureSource byKind(LayerSet layers, String kind) {
        return layers.inOrder().stream().filter(s -> s.layer().kind().equals(kind) && s.layer().isPolygon()).findFirst().orElse(null);
    }

    private static Share share(String label, Geometry district, double districtM2, FeatureSource zones, Predicate<SimpleFeature> which) {
        if (zones == null) return new Share(label, Area.ofM2(0), 0);
        List<Geometry> pieces = new ArrayList<>();
        for (IndexedFeature z : zones.candidates(district.getEnvelopeInternal())) {
            Budgeted.checkInterrupted();
            if (!which.test(z.feature()) || !z.geometry().isValid() || !z.prepared().intersects(district)) continue;
            pieces.add(z.prepared().containsProperly(district) ? district
                    : OverlayNGRobust.overlay(z.geometry(), district, OverlayNG.INTERSECTION));
        }
        double m2 = pieces.isEmpty() ? 0 : AreaOfRecord.m2(UnaryUnionOp.union(pieces));
        return new Share(label, Area.ofM2(m2), districtM2 > 0 ? m2 / districtM2 : 0);
    }

    private static Map<String, Share> byValue(Geometry district, double districtM2, FeatureSource zones, String attribute, String prefix) {
        Map<String, Share> out = new LinkedHashMap<>();
        if (zones == null || zones.featureType().getDescriptor(attribute) == null) return out;
        // allowed values in catalog order first, so 一级/二级/准保护区 read in their natural order
        Set<String> ordered = new LinkedHashSet<>(zones.layer().attribute(attribute).map(a -> a.values()).orElse(List.of()));
        try (var s = zones.query(FeatureQuery.all())) {
            s.map(f -> String.valueOf(f.getAttribute(attribute))).sorted().forEach(ordered::add);
        }
        for (String v : ordered) {
            out.put(v, share(prefix + v, district, districtM2, zones, f -> v.equals(String.valueOf(f.getAttribute(attribute)))));
        }
        return out;
    }

    private static District total(List<District> ds) {
        double area = ds.stream().mapToDouble(d -> d.area().m2()).sum();
        return new District(null, "合计 Total", Area.ofM2(area), sum(ds, District::redline, area), sum(ds, District::waterSource, area),
                sumMaps(ds, District::waterSourceByLevel, area), sumMaps(ds, District::controlUnitByType, area),
                sum(ds, District::restorationPlots, area), sum(ds, District::restoredPlots, area));
    }

    private static Share sum(List<District> ds, Function<District, Share> f, double area) {
        double m2 = ds.stream().mapToDouble(d -> f.apply(d).area().m2()).sum();
        return new Share(ds.isEmpty() ? "" : f.apply(ds.get(0)).label(), Area.ofM2(m2), area > 0 ? m2 / area : 0);
    }

    private static Map<String, Share> sumMaps(List<District> ds, Function<District, Map<String, Share>> f, double area) {
        Map<String, Share> out = new LinkedHashMap<>();
        for (District d : ds) {
            f.apply(d).forEach((k, s) -> out.merge(k, s, (a, b) -> new Share(a.label(), Area.ofM2(a.area().m2() + b.area().m2()), 0)));
        }
        out.replaceAll((k, s) -> new Share(s.label(), s.area(), area > 0 ? s.area().m2() / area : 0));
        return out;
    }
}
