package cn.ecozone.sample;

import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 饮用水水源保护区: per source a 一级 zone, a 二级 ring around it and, for surface sources,
 * a 准保护区 ring around that. The rings do not overlap; each level's outer boundary
 * contains the inner levels.
 */
final class WaterSources {
    static final String GROUND = "地下水";
    static final String RIVER = "地表水(河流)";
    static final String RESERVOIR = "地表水(水库)";

    /** Semi-axes in km of the outer boundary of each level (准 = 0 for groundwater). */
    record Spec(String county, String abbr, String name, String type, String scale, String note,
                double lon, double lat, double rotation, double[] l1, double[] l2, double[] l3) {}

    static final List<Spec> SPECS = List.of(
            new Spec("140213", "ajxc", "安家小村水源地", GROUND, "市级", "5眼井南北向排列，孔隙承压水（平城区规划§4.3）",
                    113.232, 40.022, 90, d(0.9, 0.15), d(1.7, 0.8), null),
            new Spec("140213", "sld", "马军营十里店集中供水水源", GROUND, "乡镇", "2眼井（平城区规划§2.1.5）",
                    113.206, 40.045, 0, d(0.05, 0.05), d(0.3, 0.3), null),
            new Spec("140212", "zsy", "张士窑水源地", GROUND, "县级", "城镇集中式（新荣区规划§2.2）",
                    113.035, 40.330, 0, d(0.12, 0.12), d(1.0, 0.9), null),
            new Spec("140212", "zjysk", "赵家窑水库水源地", RESERVOIR, "县级", "淤泥河上中型水库（新荣区规划专栏1）",
                    113.205, 40.205, 20, d(1.4, 0.6), d(2.6, 1.5), d(4.0, 2.5)),
            new Spec("140212", "wqh", "万泉河水源地", RIVER, "县级", "万泉河饮水（引水）枢纽工程（新荣区规划§2.2）",
                    113.395, 40.295, 35, d(2.3, 0.12), d(3.5, 0.7), d(4.6, 1.6)),
            new Spec("140212", "bzw", "堡子湾乡集中供水水源", GROUND, "乡镇", "乡镇集中式（新荣区规划§2.2）",
                    113.250, 40.380, 0, d(0.05, 0.05), d(0.3, 0.3), null),
            new Spec("140212", "xc", "西村乡集中供水水源", GROUND, "乡镇", "乡镇集中式（新荣区规划§2.2）",
                    113.055, 40.185, 0, d(0.05, 0.05), d(0.3, 0.3), null),
            new Spec("140212", "gd", "古店镇集中供水水源", GROUND, "乡镇", "规划另处记为新荣镇（新荣区规划§2.2）",
                    113.335, 40.205, 0, d(0.05, 0.05), d(0.3, 0.3), null),
            new Spec("140215", "nl", "南梁水源地", GROUND, "县级", "县级城镇集中式，氟化物超标（云州区规划表1）",
                    113.650, 40.010, 0, d(0.1, 0.1), d(0.8, 0.7), null),
            new Spec("140215", "gz", "甘庄水源地", GROUND, "县级", "县级城镇集中式，氟化物超标（云州区规划表1）",
                    113.590, 39.972, 0, d(0.1, 0.1), d(0.8, 0.7), null),
            new Spec("140215", "zgz", "中高庄后备水源地", GROUND, "县级", "后备水源地（云州区规划表1）",
                    113.705, 39.978, 0, d(0.1, 0.1), d(0.7, 0.7), null),
            new Spec("140215", "bjz", "倍加造镇集中供水水源地", GROUND, "乡镇", "2023年底前规范化建设（云州区规划）",
                    113.745, 39.925, 0, d(0.05, 0.05), d(0.3, 0.3), null),
            new Spec("140215", "zsz", "周士庄镇集中供水水源地", GROUND, "乡镇", "2023年底前规范化建设（云州区规划）",
                    113.470, 40.045, 0, d(0.05, 0.05), d(0.3, 0.3), null),
            new Spec("140602", "gengz", "耿庄水源地", GROUND, "市级", "神头泉供水工程，源子河河谷（朔州市规划表11-1第32项）",
                    112.390, 39.450, 0, d(0.5, 0.35), d(2.2, 1.6), null));

    private static double[] d(double ax, double ay) {
        return new double[] {ax, ay};
    }

    /** Built zones: features plus the outer boundary of each (source, level) for placement checks. */
    record Result(List<Feature> features, Map<String, Geometry> outer) {}

    private WaterSources() {}

    static Result build(List<District> districts) {
        Map<String, District> byCode = new LinkedHashMap<>();
        for (District d : districts) {
            byCode.put(d.code(), d);
        }
        List<Feature> out = new ArrayList<>();
        Map<String, Geometry> outer = new LinkedHashMap<>();
        int n = 0;
        for (Spec s : SPECS) {
            District d = byCode.get(s.county());
            double[][] levels = s.l3() == null ? new double[][] {s.l1(), s.l2()} : new double[][] {s.l1(), s.l2(), s.l3()};
            String[] names = {"一级保护区", "二级保护区", "准保护区"};
            Geometry inner = null;
            for (int lv = 0; lv < levels.length; lv++) {
                StarShape shape = new StarShape(new Random(9000 + 10 * n + lv), s.lon(), s.lat(),
                        levels[lv][0], levels[lv][1], s.rotation(), 40, 0.06);
                Geometry bound = Geo.snap(shape.polygon(1.0));
                if (inner != null) {
                    bound = Geo.largest(Geo.union(bound, inner));
                }
                if (!d.geometry().covers(bound)) {
                    throw new IllegalStateException(s.name() + " " + names[lv] + " leaves " + d.name());
                }
                Geometry zone = inner == null ? bound : Geo.difference(bound, inner);
                String id = "WS-" + s.county() + "-" + s.abbr() + "-" + (lv + 1);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", id);
                p.put("source_name", s.name());
                p.put("level", names[lv]);
                p.put("type", s.type());
                p.put("scale", s.scale());
                p.put("district", d.name());
                p.put("note", s.note());
                p.put("area_km2", Math.round(Geo.area(zone) / 1e4) / 100.0);
                out.add(new Feature(id, p, zone));
                outer.put(id, bound);
                inner = bound;
            }
            n++;
        }
        return new Result(out, outer);
    }
}
