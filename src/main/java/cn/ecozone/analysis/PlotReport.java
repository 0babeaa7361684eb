package cn.ecozone.analysis;

import cn.ecozone.geo.Area;

import java.util.List;

/**
 * Everything measured about a set of plots. Areas in m²/公顷/亩 on the CGCS2000 ellipsoid; points [lon, lat].
 *
 * @param thresholdPct declared-vs-measured differences beyond this many percent are flagged
 * @param groupBy the attribute {@code groups} are keyed by (null: no grouping asked)
 */
public record PlotReport(double thresholdPct, String groupBy, Totals totals, List<PlotMeasure> plots,
                         List<OverlapPairs.Overlap> overlaps, List<ZoneOverlap> zones, List<OutsideDistricts> outsideDistricts,
                         List<GroupSummary> groups, List<MineProgress> progress) {

    /** @param mismatched plots whose declared area differs by more than the threshold */
    public record Totals(int plots, Area measured, Double declaredMu, int invalid, int mismatched, int withSlivers) {}

    /**
     * A plot inside or touching a protected zone.
     *
     * @param level the zone's {@code level} attribute (water-source 一级/二级/准保护区), or null
     * @param shareOfPlot overlap / plot area (0–1)
     * @param touchOnly the plot only touches the zone's boundary (overlap ≤ 1 m²)
     */
    public record ZoneOverlap(String plotId, String layer, String layerTitle, String zoneId, String zoneName, String level,
                              Area overlap, double shareOfPlot, boolean touchOnly) {}

    /** A plot lying (partly) outside every district: {@code outside} is the part in no district. */
    public record OutsideDistricts(String plotId, Area outside, boolean entirely) {}

    /** @param declaredMu sum of the declared areas of the group's plots (null when none declares one) */
    public record GroupSummary(String key, int count, Area measured, Double declaredMu) {}

    /** Progress of a mine: restored (已修复 + 已验收) measured area over all its plots' area. */
    public record MineProgress(String mine, int plots, int restoredPlots, Area total, Area restored, double restoredShare,
                               Double declaredMu) {}
}
