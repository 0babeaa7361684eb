package cn.ecozone.analysis;

import cn.ecozone.geo.Area;
import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.AreaUnits;
import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.geo.GaussKrugerMeasure;
import cn.ecozone.geo.GeometryChecks;
import cn.ecozone.geo.GkZone;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measurement of one plot. Areas: {@code area} is the area of record (CGCS2000 ellipsoid); {@code gkArea} the
 * Gauss-Krüger plane area in the 3° zone {@code gkZone} of the plot's centre (EPSG:4488+zone). Perimeter in metres
 * on the ellipsoid. Declared vs measured compares 亩 with 亩: {@code differenceMu} = measured − declared,
 * {@code differencePct} relative to the declared figure; {@code declaredMismatch} when |differencePct| exceeds
 * the threshold (percent). {@code gkArea} is null when the geometry is outside China (no GK zone).
 */
public record PlotMeasure(String id, Map<String, Object> attributes, Area area, Integer gkZone, Area gkArea,
                          double perimeterM, boolean valid, String problem, double[] problemAt,
                          Double declaredMu, Double differenceMu, Double differencePct, boolean declaredMismatch,
                          List<ThinPart> slivers) {
    public static final double DEFAULT_THRESHOLD_PCT = 1.0;

    public static PlotMeasure of(Plot plot, PlotSchema schema, double thresholdPct) {
        var g = plot.geometry();
        Optional<GeometryChecks.GeometryIssue> issue = GeometryChecks.check(g);
        Area area = Area.ofM2(AreaOfRecord.m2(g));
        Integer zone = null;
        Area gk = null;
        if (!g.isEmpty() && Cgcs2000.inChina(g.getEnvelopeInternal().centre().x, g.getEnvelopeInternal().centre().y)) {
            GkZone z = GaussKrugerMeasure.zoneOf(g);
            zone = z.number();
            gk = Area.ofM2(GaussKrugerMeasure.area(g, z));
        }
        Double declared = schema.declaredMu(plot);
        Double diffMu = null, diffPct = null;
        boolean mismatch = false;
        if (declared != null) {
            diffMu = area.mu() - declared;
            diffPct = declared == 0 ? null : diffMu / declared * 100.0;
            mismatch = diffPct == null ? area.mu() > 0 : Math.abs(diffPct) > thresholdPct;
        }
        var at = issue.map(GeometryChecks.GeometryIssue::location).orElse(null);
        return new PlotMeasure(plot.id(), plot.attributes(), area, zone, gk, EllipsoidalMeasure.length(g), issue.isEmpty(),
                issue.map(GeometryChecks.GeometryIssue::message).orElse(null), at == null ? null : new double[]{at.x, at.y},
                declared, diffMu, diffPct, mismatch, issue.isEmpty() ? ThinPart.find(g) : List.of());
    }

    /** Declared area in m² (null when not declared). */
    public Double declaredM2() {
        return declaredMu == null ? null : AreaUnits.muToM2(declaredMu);
    }
}
