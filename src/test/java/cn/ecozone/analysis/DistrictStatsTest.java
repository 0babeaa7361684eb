package cn.ecozone.analysis;

import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.RestorationFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** District statistics: shares of red line, water sources by level, unit types and plots, overlaps counted once. */
class DistrictStatsTest {
    @TempDir static Path dir;
    static DistrictStats.Result stats;

    @BeforeAll
    static void compute() {
        LayerSet layers = LayerLoader.load(RestorationFixture.write(dir)).layers();
        stats = DistrictStats.compute(layers);
    }

    static double box(double w, double s, double e, double n) throws Exception {
        return EllipsoidalMeasure.area(new WKTReader().read(String.format("POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))", w, s, e, s, e, n, w, n, w, s)));
    }

    @Test
    void redLineShareCountsOverlappingParcelsOnce() throws Exception {
        var pc = stats.districts().stream().filter(d -> d.name().equals("平城区")).findFirst().orElseThrow();
        double union = box(113.21, 40.01, 113.24, 40.03);
        // vertices the union adds on straight lon/lat edges move geodesic edges by millimetres: 1e-7 relative
        assertEquals(union, pc.redline().area().m2(), union * 1e-7, "两块红线重叠部分只计一次");
        assertEquals(union / box(113.2, 40.0, 113.3, 40.1), pc.redline().share(), 1e-7);
        assertEquals(DistrictStats.REDLINE_INDICATOR, pc.redline().label());
    }

    @Test
    void waterSourcesByLevelAndInTotalWithNestedLevelsCountedOnce() throws Exception {
        var yz = stats.districts().stream().filter(d -> d.name().equals("云州区")).findFirst().orElseThrow();
        assertEquals(List.of("一级", "二级", "准保护区"), List.copyOf(yz.waterSourceByLevel().keySet()));
        assertEquals(box(113.355, 40.065, 113.36, 40.07), yz.waterSourceByLevel().get("一级").area().m2(), 1.0);
        assertEquals(box(113.35, 40.06, 113.37, 40.08), yz.waterSourceByLevel().get("二级").area().m2(), 1.0);
        assertEquals(0.0, yz.waterSourceByLevel().get("准保护区").area().m2());
        assertEquals(box(113.35, 40.06, 113.37, 40.08), yz.waterSource().area().m2(), 1.0, "一级 lies inside 二级");
    }

    @Test
    void controlUnitTypesTileTheDistrictAndPlotsAreClippedToIt() throws Exception {
        for (var d : stats.districts()) {
            double sum = d.controlUnitByType().values().stream().mapToDouble(s -> s.share()).sum();
            assertEquals(1.0, sum, 1e-7, d.name());
        }
        var yz = stats.districts().stream().filter(d -> d.name().equals("云州区")).findFirst().orElseThrow();
        // TM-01 ∪ TM-02 (overlap once) are restored; XX-01 is outside every district
        double restored = box(113.31, 40.01, 113.312, 40.0125) + box(113.3115, 40.012, 113.3135, 40.0145) - box(113.3115, 40.012, 113.312, 40.0125);
        assertEquals(restored, yz.restoredPlots().area().m2(), 1.0);
        assertTrue(yz.restorationPlots().area().m2() > restored);
        assertEquals(stats.districts().stream().mapToDouble(d -> d.area().m2()).sum(), stats.total().area().m2(), 1e-6);
        assertEquals(0.0, stats.districts().get(0).restorationPlots().area().m2(), "no plot in 平城区");
    }
}
