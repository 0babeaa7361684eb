package cn.ecozone.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** 监测点: surface-water sections, groundwater / water-source points and air stations named in the plans. */
final class MonitoringPoints {
    static final String AIR = "空气";
    static final String SURFACE = "地表水断面";
    static final String GROUND = "地下水";

    record Spec(String county, String name, String type, String level, String river, double lon, double lat,
                String quality, String target, String remark) {}

    /** quality: "2015:Ⅳ,2016:Ⅳ" (year:class list), or null when the plans give none. */
    static final List<Spec> SPECS = List.of(
            // 平城区 (seed 000 §4.1–4.2)
            new Spec("140213", "小南头", SURFACE, "省控", "御河", 113.330, 40.131, "2015:劣Ⅴ,2020:Ⅳ", "Ⅳ",
                    "考核断面；“十三五”初劣Ⅴ类，期末Ⅳ类"),
            new Spec("140213", "红卫桥", SURFACE, "市控", null, 113.312, 40.058, "2015:劣Ⅴ,2020:Ⅳ", "Ⅳ",
                    "考核断面；河流未注明"),
            new Spec("140213", "上泉", SURFACE, "市控", null, 113.262, 40.002, "2015:劣Ⅴ,2020:Ⅳ", "Ⅳ",
                    "考核断面；河流未注明"),
            new Spec("140213", "安家小村水厂井", GROUND, "市控", null, 113.232, 40.022,
                    "2016:Ⅲ,2017:Ⅲ,2018:Ⅳ,2019:Ⅲ,2020:Ⅲ", "Ⅲ", "2018年总大肠菌群超标"),
            new Spec("140213", "十里店村水井", GROUND, "市控", null, 113.206, 40.045, "2020:Ⅲ", "Ⅲ", null),
            new Spec("140213", "平城区空气质量监测点（示意）", AIR, "国控", null, 113.300, 40.085, null, null,
                    "站点名称规划未给出（图3-3仅为图片）"),
            // 新荣区 (seed 003 §2.2, §4)
            new Spec("140212", "堡子湾", SURFACE, "国控", "御河", DistrictOutlines.BAOZIWAN[0], DistrictOutlines.BAOZIWAN[1],
                    "2015:Ⅳ,2016:Ⅳ,2017:Ⅳ,2018:Ⅴ,2019:劣Ⅴ,2020:Ⅳ", "Ⅳ", "监控内蒙古饮马河来水"),
            new Spec("140212", "古店", SURFACE, "市控", "御河", DistrictOutlines.GUDIAN[0], DistrictOutlines.GUDIAN[1],
                    null, "Ⅳ", "御河古店段常年干涸，无监测数据"),
            new Spec("140212", "安乐庄", GROUND, "省控", null, 113.155, 40.262, "2020:Ⅲ", null, "每年枯水期、丰水期各监测一次"),
            new Spec("140212", "张士窑水源地", GROUND, "市控", null, 113.035, 40.330,
                    "2016:Ⅳ,2017:Ⅲ,2018:Ⅲ,2019:Ⅲ,2020:Ⅲ", "Ⅲ", null),
            new Spec("140212", "赵家窑水库水源地", SURFACE, "市控", "淤泥河", 113.205, 40.205,
                    "2016:Ⅲ,2017:Ⅲ,2018:Ⅲ,2019:Ⅲ,2020:Ⅲ", "Ⅲ", "水源地监测点"),
            new Spec("140212", "万泉河水源地", SURFACE, "市控", "万泉河", 113.395, 40.295,
                    "2016:Ⅲ,2017:Ⅲ,2018:Ⅲ,2019:Ⅲ,2020:Ⅲ", "Ⅲ", "水源地监测点"),
            new Spec("140212", "堡子湾乡集中供水水源", GROUND, "市控", null, 113.250, 40.380, null, "Ⅲ", "总硬度、硝酸盐超标"),
            new Spec("140212", "西村乡集中供水水源", GROUND, "市控", null, 113.055, 40.185, "2020:Ⅲ", "Ⅲ", null),
            new Spec("140212", "古店镇集中供水水源", GROUND, "市控", null, 113.335, 40.205, null, "Ⅲ", "规划另处记为新荣镇：总硬度、硝酸盐超标"),
            new Spec("140212", "新荣区空气质量监测点（示意）", AIR, "省控", null, 113.145, 40.255, null, null, "站点名称规划未给出"),
            // 云州区 (seed 001 §4)
            new Spec("140215", "册田水库出口", SURFACE, "国控", "桑干河", 113.875, 39.965,
                    "2016:Ⅳ,2017:Ⅳ,2018:Ⅳ,2019:Ⅳ,2020:Ⅳ", "Ⅳ", null),
            new Spec("140215", "固定桥", SURFACE, "国控", "桑干河", 113.600, 39.885, null, "Ⅳ",
                    "2018年前为劣Ⅴ或Ⅴ类，2019、2020年达标"),
            new Spec("140215", "利仁皂", SURFACE, "国控", "御河", 113.455, 39.915, null, "Ⅳ",
                    "2018年前为劣Ⅴ或Ⅴ类，2019、2020年达标"),
            new Spec("140215", "吉家坡", SURFACE, "市控", null, 113.510, 39.890, null, null, "跨县区界水质自动监测站"),
            new Spec("140215", "南梁水源地", GROUND, "市控", null, 113.650, 40.010,
                    "2015:Ⅲ,2016:Ⅳ,2017:Ⅳ,2018:Ⅳ,2019:Ⅳ,2020:Ⅳ", "Ⅲ", "氟化物超标"),
            new Spec("140215", "甘庄水源地", GROUND, "市控", null, 113.590, 39.972,
                    "2015:Ⅳ,2016:Ⅳ,2017:Ⅳ,2018:Ⅳ,2019:Ⅲ,2020:Ⅳ", "Ⅲ", "氟化物超标"),
            new Spec("140215", "中高庄后备水源地", GROUND, "市控", null, 113.705, 39.978, "2019:Ⅲ,2020:Ⅳ", "Ⅲ",
                    "2019年前未打井"),
            new Spec("140215", "倍加造镇集中供水水源地", GROUND, "市控", null, 113.745, 39.925, null, "Ⅲ", null),
            new Spec("140215", "周士庄镇集中供水水源地", GROUND, "市控", null, 113.470, 40.045, null, "Ⅲ", null),
            new Spec("140215", "云州区空气质量监测点（示意）", AIR, "省控", null, 113.620, 39.990, null, null, "站点名称规划未给出"),
            // 朔城区 (seed 002)
            new Spec("140602", "耿庄水源地", GROUND, "市控", null, 112.390, 39.450, null, "Ⅲ", "神头泉供水"),
            new Spec("140602", "朔城区空气质量监测点（示意）", AIR, "国控", null, 112.430, 39.335, null, null, "站点名称规划未给出"));

    private MonitoringPoints() {}

    static List<Feature> build(List<District> districts) {
        Map<String, District> byCode = new LinkedHashMap<>();
        for (District d : districts) {
            byCode.put(d.code(), d);
        }
        Map<String, Integer> seq = new TreeMap<>();
        List<Feature> out = new ArrayList<>();
        for (Spec s : SPECS) {
            District d = byCode.get(s.county());
            Point pt = Geo.GF.createPoint(new Coordinate(s.lon(), s.lat()));
            if (!d.geometry().contains(pt)) {
                throw new IllegalStateException(s.name() + " is not inside " + d.name());
            }
            String t = switch (s.type()) {
                case AIR -> "KQ";
                case SURFACE -> "DB";
                default -> "DX";
            };
            int n = seq.merge(s.county() + t, 1, Integer::sum);
            String code = "JC-" + s.county() + "-" + t + "-" + String.format("%02d", n);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", code);
            p.put("name", s.name());
            p.put("type", s.type());
            p.put("level", s.level());
            p.put("district", d.name());
            if (s.river() != null) {
                p.put("river", s.river());
            }
            if (s.quality() != null) {
                Map<String, String> q = new TreeMap<>();
                for (String item : s.quality().split(",")) {
                    String[] kv = item.split(":");
                    q.put(kv[0], kv[1]);
                }
                p.put("quality", q);
            }
            if (s.target() != null) {
                p.put("target", s.target());
            }
            if (s.remark() != null) {
                p.put("remark", s.remark());
            }
            out.add(new Feature(code, p, pt));
        }
        return out;
    }
}
