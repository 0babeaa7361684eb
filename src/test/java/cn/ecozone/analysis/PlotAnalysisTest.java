package cn.ecozone.analysis;

import cn.ecozone.geo.AreaUnits;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.RestorationFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Measuring restoration plots: per plot, across plots, against zones and districts, summaries and progress. */
class PlotAnalysisTest {
    @TempDir static Path dir;
    static LayerSet layers;
    static PlotReport report;

    @BeforeAll
    static void load() {
        LayerLoader.Result r = LayerLoader.load(RestorationFixture.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        layers = r.layers();
        var plots = layers.source("restoration").orElseThrow();
        report = PlotAnalysis.run(Plot.of(plots), PlotSchema.DEFAULT, PlotContext.from(layers), "mine", 1.0);
    }

    static Plot plot(String id, String wkt, Double declaredMu) {
        try {
            Geometry g = new WKTReader().read(wkt);
            return new Plot(id, g, declaredMu == null ? Map.of() : Map.of("declared_mu", declaredMu));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void declaredAreasWithinTheThresholdPassAndBeyondItAreFlagged() {
        String wkt = "POLYGON((113.3 40.0, 113.31 40.0, 113.31 40.01, 113.3 40.01, 113.3 40.0))";
        double mu = AreaUnits.toMu(EllipsoidalMeasure.area(plot("x", wkt, null).geometry()));
        record Case(double declared, double threshold, boolean flagged) {}
        for (Case c : List.of(new Case(mu * 1.005, 1.0, false), new Case(mu * 0.995, 1.0, false), new Case(mu * 1.02, 1.0, true),
                new Case(mu / 1.02, 1.0, true), new Case(mu * 1.02, 5.0, false))) {
            PlotMeasure m = PlotMeasure.of(plot("x", wkt, c.declared()), PlotSchema.DEFAULT, c.threshold());
            assertEquals(c.flagged(), m.declaredMismatch(), c.toString());
            assertEquals(mu - c.declared(), m.differenceMu(), 1e-9);
            assertEquals((mu - c.declared()) / c.declared() * 100, m.differencePct(), 1e-9);
        }
    }

    @Test
    void everyPlotHasEllipsoidalAndGaussKrugerAreaInItsZoneAndPerimeter() {
        PlotMeasure m = PlotMeasure.of(plot("x", "POLYGON((113.3 40.0, 113.31 40.0, 113.31 40.01, 113.3 40.01, 113.3 40.0))", null),
                PlotSchema.DEFAULT, 1.0);
        assertEquals(38, m.gkZone());
        // 0.01° × 0.01° at 40°N ≈ 853 m × 1110 m
        assertEquals(947_000, m.area().m2(), 3_000);
        assertEquals(m.area().m2() / 10_000, m.area().ha(), 1e-9);
        assertEquals(m.area().m2() * 15 / 10_000, m.area().mu(), 1e-9);
        assertEquals(m.area().m2(), m.gkArea().m2(), m.area().m2() * 2e-3, "GK plane area is near the ellipsoidal one near the CM");
        assertEquals(2 * (853 + 1110), m.perimeterM(), 10);
        assertTrue(m.valid());
        assertTrue(m.slivers().isEmpty());
    }

    @Test
    void invalidPlotsAreReportedWithReasonAndLocationNotDropped() {
        PlotMeasure m = PlotMeasure.of(plot("bow", "POLYGON((113.3 40.0, 113.31 40.01, 113.31 40.0, 113.3 40.01, 113.3 40.0))", null),
                PlotSchema.DEFAULT, 1.0);
        assertFalse(m.valid());
        assertTrue(m.problem().contains("自相交"), m.problem());
        assertEquals(113.305, m.problemAt()[0], 1e-9);
        assertEquals(40.005, m.problemAt()[1], 1e-9);
    }

    @Test
    void thinStripsAreSliversAndCompactPlotsAreNot() {
        record Case(String wkt, boolean sliver) {}
        for (Case c : List.of(
                new Case("POLYGON((113.3 40.0, 113.31 40.0, 113.31 40.0001, 113.3 40.0001, 113.3 40.0))", true),   // 853 m × 11 m
                new Case("POLYGON((113.3 40.0, 113.301 40.0, 113.301 40.00001, 113.3 40.00001, 113.3 40.0))", true), // 85 m × 1.1 m
                new Case("POLYGON((113.3 40.0, 113.31 40.0, 113.31 40.002, 113.3 40.002, 113.3 40.0))", false),   // 853 m × 222 m
                new Case("MULTIPOLYGON(((113.3 40.0, 113.31 40.0, 113.31 40.01, 113.3 40.01, 113.3 40.0)),"
                        + "((113.32 40.0, 113.33 40.0, 113.33 40.0001, 113.32 40.0001, 113.32 40.0)))", true))) {
            List<ThinPart> slivers = PlotMeasure.of(plot("s", c.wkt(), null), PlotSchema.DEFAULT, 1.0).slivers();
            assertEquals(c.sliver(), !slivers.isEmpty(), c.wkt());
        }
        var multi = PlotMeasure.of(plot("s", "MULTIPOLYGON(((113.3 40.0, 113.31 40.0, 113.31 40.01, 113.3 40.01, 113.3 40.0)),"
                + "((113.32 40.0, 113.33 40.0, 113.33 40.0001, 113.32 40.0001, 113.32 40.0)))", null), PlotSchema.DEFAULT, 1.0).slivers();
        assertEquals(1, multi.size());
        assertEquals(1, multi.get(0).part(), "the strip, not the square, is the sliver");
        assertEquals(11.1, multi.get(0).meanWidthM(), 0.3);
    }

    @Test
    void overlappingPlotsAreFoundAsPairsWithTheOverlapArea() {
        assertEquals(1, report.overlaps().size(), report.overlaps().toString());
        var o = report.overlaps().get(0);
        assertEquals(List.of("TM-01", "TM-02"), List.of(o.a(), o.b()));
        // 113.3115–113.312 × 40.012–40.0125: 0.0005° × 0.0005°
        Geometry expected = plot("o", "POLYGON((113.3115 40.012, 113.312 40.012, 113.312 40.0125, 113.3115 40.0125, 113.3115 40.012))", null).geometry();
        assertEquals(EllipsoidalMeasure.area(expected), o.overlap().m2(), 0.01);
        assertFalse(o.contains());
    }

    @Test
    void plotsCrossingProtectedZonesAreListedWithOverlapAreaAndLevel() {
        var hits = report.zones().stream().filter(z -> z.plotId().equals("ZG-01")).toList();
        assertEquals(1, hits.size(), hits.toString());
        var hit = hits.get(0);
        assertEquals("water_source", hit.layer());
        assertEquals("二级", hit.level());
        assertEquals("安家小村", hit.zoneName());
        Geometry expected = plot("o", "POLYGON((113.365 40.075, 113.37 40.075, 113.37 40.0795, 113.365 40.0795, 113.365 40.075))", null).geometry();
        assertEquals(EllipsoidalMeasure.area(expected), hit.overlap().m2(), 0.01);
        assertFalse(hit.touchOnly());
        assertEquals(hit.overlap().m2() / report.plots().stream().filter(p -> p.id().equals("ZG-01")).findFirst().orElseThrow().area().m2(),
                hit.shareOfPlot(), 1e-12);
        assertEquals(List.of("ZG-01"), report.zones().stream().map(PlotReport.ZoneOverlap::plotId).distinct().toList());
    }

    @Test
    void plotsOutsideEveryDistrictAreFound() {
        assertEquals(1, report.outsideDistricts().size());
        assertEquals("XX-01", report.outsideDistricts().get(0).plotId());
        assertTrue(report.outsideDistricts().get(0).entirely());
    }

    @Test
    void summariesByMineAddUpAndProgressCountsRestoredAndAcceptedPlots() {
        var groups = report.groups();
        assertEquals(List.of("天马泰山", "宏达石料", "珍国花岗岩"), groups.stream().map(PlotReport.GroupSummary::key).toList());
        assertEquals(2, groups.get(0).count());
        assertEquals(198.85, groups.get(0).declaredMu(), 1e-9);
        assertEquals(372.2, groups.get(2).declaredMu(), 1e-9, "SL-01 declares nothing");
        assertEquals(report.totals().measured().m2(), groups.stream().mapToDouble(g -> g.measured().m2()).sum(), 1e-6);

        var tm = report.progress().get(0);
        assertEquals("天马泰山", tm.mine());
        assertEquals(2, tm.restoredPlots(), "已验收 TM-01 and 已修复 TM-02");
        assertEquals(1.0, tm.restoredShare(), 1e-12);
        assertEquals(0.0, report.progress().get(1).restoredShare(), "宏达石料 is 待修复");
        var zg = report.progress().get(2);
        assertEquals(0, zg.restoredPlots(), "珍国花岗岩 is 修复中 and 待修复");
        assertEquals(area("ZG-01") + area("SL-01"), zg.total().m2(), 1e-6);
    }

    @Test
    void aSliverPlotInTheLayerIsFlagged() {
        var sl = report.plots().stream().filter(p -> p.id().equals("SL-01")).findFirst().orElseThrow();
        assertFalse(sl.slivers().isEmpty());
        assertEquals(1, report.totals().withSlivers());
    }

    static double area(String id) {
        return report.plots().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().area().m2();
    }
}
