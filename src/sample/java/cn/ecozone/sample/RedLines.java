package cn.ecozone.sample;

import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 生态保护红线 polygons around the protected areas the plans name. Each is clipped to the
 * priority-protection unit that carries its name, so red lines always lie in 优先保护单元.
 */
final class RedLines {
    record Spec(String code, String name, String function, String source, String category,
                String unitName, double lon, double lat, double axKm, double ayKm, double rotation) {}

    static final List<Spec> SPECS = List.of(
            new Spec("HX-140213-01", "御河湿地生态保护红线", "生物多样性维护", "御河湿地（湿地保护地）", "湿地保护区",
                    "平城区御河湿地优先保护单元", 113.338, 40.078, 0.55, 3.0, 0),
            new Spec("HX-140212-01", "采凉山生态保护红线", "水源涵养", "采凉山森林公园（东部采凉山水源涵养区）", "森林公园",
                    "新荣区采凉山优先保护单元", 113.400, 40.228, 3.6, 2.6, 10),
            new Spec("HX-140212-02", "弥陀山生态保护红线", "防风固沙", "弥陀山（万亩樟子松，森林公园景点）", "森林公园",
                    "新荣区弥陀山优先保护单元", 113.090, 40.365, 3.0, 1.5, 0),
            new Spec("HX-140212-03", "四家山生态保护红线", "水土保持", "四家山（森林公园景点）", "森林公园",
                    "新荣区四家山优先保护单元", 113.100, 40.168, 2.6, 2.0, 0),
            new Spec("HX-140212-04", "方山生态保护红线", "水土保持", "方山（森林公园景点，方山永固陵）", "森林公园",
                    "新荣区方山优先保护单元", 113.262, 40.238, 2.0, 1.6, 0),
            new Spec("HX-140212-05", "西北部风沙防治区生态保护红线", "防风固沙", "西北部风沙防治区（生态保护核心区）", "生态功能区",
                    "新荣区西北部风沙防治区优先保护单元", 112.950, 40.318, 3.0, 2.0, 20),
            new Spec("HX-140215-01", "六棱山生态保护红线", "水源涵养", "六棱山自然保护区", "自然保护区",
                    "云州区六棱山优先保护单元", 113.690, 39.815, 5.0, 3.2, 5),
            new Spec("HX-140215-02", "桑干河生态保护红线", "生物多样性维护", "桑干河自然保护区（湿地）", "自然保护区",
                    "云州区桑干河湿地优先保护单元", 113.640, 39.895, 6.0, 1.1, -8),
            new Spec("HX-140215-03", "大同火山群生态保护红线", "水土保持", "大同火山群国家地质公园", "地质公园",
                    "云州区火山群优先保护单元", 113.560, 40.035, 4.0, 2.8, 15),
            new Spec("HX-140215-04", "土林湿地生态保护红线", "水土保持", "土林湿地公园（杜庄土林）", "湿地公园",
                    "云州区杜庄土林湿地优先保护单元", 113.475, 39.925, 2.0, 1.4, 0),
            new Spec("HX-140215-05", "峰峪湿地生态保护红线", "水源涵养", "峰峪湿地", "湿地公园",
                    "云州区峰峪湿地优先保护单元", 113.770, 40.020, 1.8, 1.2, 30),
            new Spec("HX-140215-06", "桑干河国家湿地公园生态保护红线", "生物多样性维护", "大同桑干河国家湿地公园", "湿地公园",
                    "云州区册田水库优先保护单元", 113.860, 39.950, 3.0, 1.4, -10),
            new Spec("HX-140602-01", "神头泉域生态保护红线", "水源涵养", "神头泉域（五花泉组：三泉湾、莲花池；桑干河源头）", "泉域",
                    "朔城区神头泉域优先保护单元", 112.490, 39.420, 2.6, 2.0, 0),
            new Spec("HX-140602-02", "朔城区西山森林公园生态保护红线", "水土保持", "朔城区西山森林公园", "森林公园",
                    "朔城区西山森林公园优先保护单元", 112.210, 39.330, 4.0, 3.0, 0),
            new Spec("HX-140602-03", "恢河湿地生态保护红线", "生物多样性维护", "朔城区恢河湿地公园", "湿地公园",
                    "朔城区恢河湿地公园优先保护单元", 112.360, 39.270, 3.2, 0.7, 40),
            new Spec("HX-140602-04", "恢河水源涵养区生态保护红线", "水源涵养", "恢河水源涵养区（太平窑水库）", "水源涵养区",
                    "朔城区太平窑水库水源涵养优先保护单元", 112.560, 39.260, 3.0, 2.2, 0));

    private RedLines() {}

    static List<Feature> build(List<Feature> units) {
        Map<String, Feature> byName = new LinkedHashMap<>();
        for (Feature u : units) {
            byName.put((String) u.get("name"), u);
        }
        List<Feature> out = new ArrayList<>();
        int i = 0;
        for (Spec s : SPECS) {
            Feature unit = byName.get(s.unitName());
            if (unit == null || !"优先保护".equals(unit.get("type"))) {
                throw new IllegalStateException("no priority unit " + s.unitName());
            }
            StarShape shape = new StarShape(new Random(7000 + i++), s.lon(), s.lat(), s.axKm(), s.ayKm(), s.rotation(), 48, 0.12);
            Geometry g = Geo.largest(Geo.intersection(Geo.snap(shape.polygon(1.0)), unit.geometry()));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", s.code());
            p.put("name", s.name());
            p.put("function", s.function());
            p.put("source", s.source());
            p.put("category", s.category());
            p.put("district", unit.get("district"));
            p.put("unit_code", unit.get("code"));
            p.put("area_km2", Math.round(Geo.area(g) / 1e4) / 100.0);
            out.add(new Feature(s.code(), p, g));
        }
        return out;
    }
}
