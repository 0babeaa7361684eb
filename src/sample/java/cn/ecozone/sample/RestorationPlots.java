package cn.ecozone.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 矿山生态修复图斑: plots of named mines, each sized so its ellipsoidal area matches the
 * declared 亩 (±0.4 %), except a few deliberately off; plus the two scenario cases.
 */
final class RestorationPlots {
    record Mine(String district, String abbr, String name, String mineral, String town,
                double lon, double lat, int plots, String totalMu, String profile) {}

    static final List<Mine> MINES = List.of(
            // 云州区 plan (seed 001 §5): the two restored quarries with their declared totals
            new Mine("140215", "TMTS", "大同市天马泰山石材有限责任公司采石场", "建筑石料", "峰峪乡", 113.735, 40.080, 5, "198.85", "done"),
            new Mine("140215", "ZGHG", "大同县珍国花岗岩石材场", "饰面石材", "巨乐乡", 113.815, 39.870, 7, "372.2", "done"),
            new Mine("140215", "JJZ", "吉家庄乡石灰岩矿（示意名）", "石灰岩", "吉家庄乡", 113.520, 39.835, 5, null, "mixed"),
            new Mine("140215", "DLZ", "党留庄乡铁矿（示意名）", "铁", "党留庄乡", 113.585, 39.850, 4, null, "mixed"),
            // 新荣区 plan (seed 003 §2.3): 25 mines (coal 8, iron 2, graphite 4, building stone 4, brick clay 7)
            new Mine("140212", "TSG", "唐山沟煤矿", "煤", "西村乡", 113.040, 40.205, 5, null, "coal"),
            new Mine("140212", "GZ", "甘庄煤矿", "煤", "西村乡", 112.985, 40.170, 5, null, "coal"),
            new Mine("140212", "BXY", "北辛窑煤矿", "煤", "破鲁堡乡", 112.925, 40.235, 6, null, "coal"),
            new Mine("140212", "HYT", "花园屯镇铁矿（示意名）", "铁", "花园屯镇", 113.335, 40.305, 4, null, "mixed"),
            new Mine("140212", "DS", "得胜石墨矿（示意名）", "石墨", "堡子湾乡", 113.170, 40.330, 5, null, "mixed"),
            new Mine("140212", "HLY", "花园屯镇辉绿岩石材矿（示意名）", "建筑石料", "花园屯镇", 113.300, 40.265, 4, null, "mixed"),
            new Mine("140212", "GJY", "郭家窑乡砖瓦粘土矿（示意名）", "砖瓦粘土", "郭家窑乡", 113.050, 40.318, 6, null, "mixed"),
            // 朔州市 plan (seed 002 §5): 百矿复绿, abandoned open pits and coal mining; sites illustrative
            new Mine("140602", "NS", "朔城区南山废弃采石场（示意名）", "建筑石料", "南山", 112.440, 39.195, 5, null, "mixed"),
            new Mine("140602", "ST", "神头废弃煤矿（示意名）", "煤", "神头", 112.600, 39.380, 5, null, "coal"));

    /** Plot ids whose measured area is deliberately off the declared one: measured = declared × (1 + d). */
    static final Map<String, Double> OFF = Map.of(
            "XR-TSG-02", 0.034,
            "YZ-JJZ-03", -0.047,
            "SC-NS-04", 0.062,
            "XR-DS-01", -0.028);
    /** Scenario: these two plots of the same mine overlap each other. */
    static final String OVERLAP_A = "XR-BXY-02";
    static final String OVERLAP_B = "XR-BXY-03";
    /** Scenario: this plot crosses into the 二级 zone of 张士窑水源地. */
    static final String CROSSING = "XR-GJY-04";
    static final String CROSSED_ZONE = "WS-140212-zsy-2";

    private RestorationPlots() {}

    static List<Feature> build(List<District> districts, List<Feature> redlines, WaterSources.Result ws) {
        Map<String, District> byCode = new LinkedHashMap<>();
        for (District d : districts) {
            byCode.put(d.code(), d);
        }
        List<Geometry> avoid = new ArrayList<>();
        for (Feature r : redlines) {
            avoid.add(r.geometry());
        }
        avoid.addAll(ws.outer().values());
        List<Feature> out = new ArrayList<>();
        Random rnd = new Random(20251231);
        for (Mine m : MINES) {
            District d = byCode.get(m.district());
            List<BigDecimal> declared = declared(m, rnd);
            for (int i = 0; i < m.plots(); i++) {
                String id = d.abbr() + "-" + m.abbr() + "-" + String.format("%02d", i + 1);
                double mu = declared.get(i).doubleValue();
                double dev = OFF.containsKey(id) ? OFF.get(id) : (rnd.nextDouble() - 0.5) * 0.008;
                double targetM2 = mu * Geo.M2_PER_MU * (1 + dev);
                Polygon g = place(id, m, d, targetM2, rnd, out, avoid, ws);
                out.add(new Feature(id, attributes(id, m, d, declared.get(i), rnd), g));
            }
        }
        return out;
    }

    private static List<BigDecimal> declared(Mine m, Random rnd) {
        List<BigDecimal> v = new ArrayList<>();
        if (m.totalMu() == null) {
            for (int i = 0; i < m.plots(); i++) {
                v.add(BigDecimal.valueOf(1200 + rnd.nextInt(8000), 2)); // 12.00–91.99 亩
            }
            return v;
        }
        long cents = new BigDecimal(m.totalMu()).movePointRight(2).longValueExact();
        double[] w = new double[m.plots()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.6 + rnd.nextDouble();
            sum += w[i];
        }
        long used = 0;
        for (int i = 0; i < w.length - 1; i++) {
            long c = Math.round(cents * w[i] / sum);
            v.add(BigDecimal.valueOf(c, 2));
            used += c;
        }
        v.add(BigDecimal.valueOf(cents - used, 2));
        return v;
    }

    private static Polygon place(String id, Mine m, District d, double targetM2, Random rnd,
                                 List<Feature> placed, List<Geometry> avoid, WaterSources.Result ws) {
        for (int attempt = 0; attempt < 400; attempt++) {
            double lon;
            double lat;
            if (id.equals(OVERLAP_B)) {
                Geometry a = find(placed, OVERLAP_A);
                Point c = a.getCentroid();
                double r = Math.sqrt(Geo.area(a) / Math.PI) / 1000;
                double t = rnd.nextDouble() * 2 * Math.PI;
                Coordinate o = Geo.offset(c.getX(), c.getY(), 1.1 * r * Math.cos(t), 1.1 * r * Math.sin(t));
                lon = o.x;
                lat = o.y;
            } else if (id.equals(CROSSING)) {
                Geometry zone = ws.outer().get(CROSSED_ZONE);
                Coordinate[] near = DistanceOp.nearestPoints(zone.getBoundary(),
                        Geo.GF.createPoint(Geo.offset(m.lon(), m.lat(), rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5)));
                lon = near[0].x;
                lat = near[0].y;
            } else {
                double rr = 1.8 * Math.sqrt(rnd.nextDouble());
                double t = rnd.nextDouble() * 2 * Math.PI;
                Coordinate o = Geo.offset(m.lon(), m.lat(), rr * Math.cos(t), rr * Math.sin(t));
                lon = o.x;
                lat = o.y;
            }
            double side = Math.sqrt(targetM2 / Math.PI) / 1000;
            StarShape shape = new StarShape(rnd, lon, lat, side, side * (0.55 + 0.4 * rnd.nextDouble()),
                    rnd.nextDouble() * 180, 12 + rnd.nextInt(9), 0.10);
            Polygon g = fit(shape, targetM2);
            if (!g.isValid() || !d.geometry().covers(g)) {
                continue;
            }
            if (!ok(id, g, placed, avoid, ws)) {
                continue;
            }
            return g;
        }
        throw new IllegalStateException("cannot place plot " + id);
    }

    private static boolean ok(String id, Polygon g, List<Feature> placed, List<Geometry> avoid, WaterSources.Result ws) {
        for (Feature f : placed) {
            boolean pair = id.equals(OVERLAP_B) && f.id().equals(OVERLAP_A);
            if (pair) {
                double share = Geo.area(Geo.intersection(g, f.geometry())) / Geo.area(g);
                if (share < 0.08 || share > 0.35) {
                    return false;
                }
            } else if (g.distance(f.geometry()) < 0.0005) {
                return false; // keep ~50 m between plots
            }
        }
        for (Geometry a : avoid) {
            boolean crossing = id.equals(CROSSING) && a == ws.outer().get(CROSSED_ZONE);
            if (crossing) {
                Geometry inner = ws.outer().get(CROSSED_ZONE.substring(0, CROSSED_ZONE.length() - 1) + "1");
                double share = Geo.area(Geo.intersection(g, a)) / Geo.area(g);
                if (g.intersects(inner) || share < 0.2 || share > 0.6) {
                    return false;
                }
            } else if (g.intersects(a)) {
                return false;
            }
        }
        return true;
    }

    private static Geometry find(List<Feature> placed, String id) {
        for (Feature f : placed) {
            if (f.id().equals(id)) {
                return f.geometry();
            }
        }
        throw new IllegalStateException(id + " not placed yet");
    }

    /** Bisects the star's scale until its ellipsoidal area is within 0.01 % of the target. */
    private static Polygon fit(StarShape shape, double targetM2) {
        double lo = 0.3;
        double hi = 3.0;
        Polygon best = shape.polygon(1);
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            best = shape.polygon(mid);
            double a = Geo.area(best);
            if (Math.abs(a - targetM2) < 1e-4 * targetM2) {
                break;
            }
            if (a < targetM2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return best;
    }

    private static final String[][] SPECIES = {
            {"油松", "樟子松", "柠条"}, {"樟子松", "柠条"}, {"油松", "侧柏", "沙棘"}, {"杨树", "柠条"},
            {"樟子松", "油松", "连翘"}, {"侧柏", "沙棘"}, {"柠条", "沙棘"}};

    private static Map<String, Object> attributes(String id, Mine m, District d, BigDecimal mu, Random rnd) {
        String status;
        String method;
        switch (m.profile()) {
            case "done" -> {
                status = rnd.nextInt(3) == 0 ? "已修复" : "已验收";
                method = rnd.nextBoolean() ? "植被恢复" : "地形整治";
            }
            case "coal" -> {
                status = new String[] {"待修复", "修复中", "已修复", "已验收"}[rnd.nextInt(4)];
                method = new String[] {"复垦", "复垦", "植被恢复", "地形整治"}[rnd.nextInt(4)];
            }
            default -> {
                status = new String[] {"待修复", "修复中", "修复中", "已修复", "已验收"}[rnd.nextInt(5)];
                method = new String[] {"植被恢复", "地形整治", "复垦"}[rnd.nextInt(3)];
            }
        }
        int year = switch (status) {
            case "已验收" -> m.profile().equals("done") ? 2019 + rnd.nextInt(2) : 2016 + rnd.nextInt(6);
            case "已修复" -> m.profile().equals("done") ? 2020 : 2019 + rnd.nextInt(5);
            case "修复中" -> 2023 + rnd.nextInt(3);
            default -> 2025;
        };
        String[] sp = SPECIES[rnd.nextInt(SPECIES.length)];
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("plot_id", id);
        p.put("mine", m.name());
        p.put("mineral", m.mineral());
        p.put("status", status);
        p.put("method", method);
        p.put("year", year);
        p.put("declared_mu", mu.doubleValue());
        p.put("species", String.join("、", sp));
        p.put("district", d.name());
        p.put("town", m.town());
        return p;
    }
}
