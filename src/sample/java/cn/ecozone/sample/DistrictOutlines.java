package cn.ecozone.sample;

import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Illustrative outlines of the four districts, at their real locations and with their
 * recorded areas. Districts are built in order and each one has the earlier ones cut
 * out of it, so they never overlap and neighbours share their edges exactly.
 */
final class DistrictOutlines {
    /** 堡子湾 and 古店 sections (新荣区 plan, seed 003): must fall inside 新荣区. */
    static final double[] BAOZIWAN = {113.2427, 40.4063};
    static final double[] GUDIAN = {113.3123, 40.1744};

    private DistrictOutlines() {}

    static List<District> build() {
        List<District> out = new ArrayList<>();
        // 平城区: 238.95 km² (seed 000 §2.2.1), bbox 113.183–113.400E, 39.967–40.167N; city core.
        StarShape pc = new StarShape(new Random(140213), 113.290, 40.066, 9.6, 8.0, 10, 64, 0.10)
                .exclude(GUDIAN[0], GUDIAN[1]);
        out.add(fit(new District("140213", "平城区", "大同市", "PC", null), pc, 238.95e6, out));
        // 新荣区: 1091.27 km² (seed 003 §1.1.1), 53 km E–W × 31 km N–S, north of 平城区.
        StarShape xr = new StarShape(new Random(140212), 113.200, 40.268, 25.0, 14.0, 4, 72, 0.09)
                .include(BAOZIWAN[0], BAOZIWAN[1]).include(GUDIAN[0], GUDIAN[1]);
        out.add(fit(new District("140212", "新荣区", "大同市", "XR", null), xr, 1091.27e6, out));
        // 云州区: ≈1490 km² (area not in the plans; approximate real figure), east and south-east of 平城区.
        StarShape yz = new StarShape(new Random(140215), 113.640, 39.950, 24.0, 20.0, -15, 72, 0.09);
        out.add(fit(new District("140215", "云州区", "大同市", "YZ", null), yz, 1490e6, out));
        // 朔城区: ≈1760 km² (approximate real figure), ~100 km south-west; straddles 112.5°E.
        StarShape sc = new StarShape(new Random(140602), 112.420, 39.330, 26.0, 21.5, 20, 76, 0.09);
        out.add(fit(new District("140602", "朔城区", "朔州市", "SC", null), sc, 1760e6, out));
        return out;
    }

    /** Bisects the scale of the star until the district (minus earlier districts) has the target area. */
    private static District fit(District d, StarShape shape, double targetM2, List<District> earlier) {
        double lo = 0.5;
        double hi = 1.6;
        Geometry best = null;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            Geometry g = outline(shape, mid, earlier);
            double a = Geo.area(g);
            best = g;
            if (Math.abs(a - targetM2) < 0.00005 * targetM2) {
                break;
            }
            if (a < targetM2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return d.withGeometry(best);
    }

    private static Geometry outline(StarShape shape, double scale, List<District> earlier) {
        Geometry g = Geo.snap(shape.polygon(scale));
        for (District e : earlier) {
            g = Geo.difference(g, e.geometry());
        }
        return Geo.largest(g);
    }
}
