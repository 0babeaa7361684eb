package cn.ecozone.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * layers/access-list.json in format {@code ecozone-access-list/2} (docs/access-list.md): the
 * industries, one row per control unit, and the requirements by level (单元, 区县, 市, 省, 国家),
 * each in one of the four dimensions with an effect (禁止 / 限制 / 要求) and its basis. Unit and
 * county requirements restate the unit's own district plan (朔城区: the 朔州市 plan); the Chinese
 * text keeps the plan's wording.
 */
final class SampleAccessList {
    private SampleAccessList() {}

    static final String FORMAT = "ecozone-access-list/2";

    // ---- dimensions and effects ----
    static final String S = "空间布局约束";
    static final String E = "污染物排放管控";
    static final String R = "环境风险防控";
    static final String U = "资源利用效率";
    static final String BAN = "禁止";
    static final String LIM = "限制";
    static final String REQ = "要求";

    // ---- documents (issuer, title) ----
    record Doc(String issuer, String title) {}

    static final Doc WPL = new Doc("国家", "《中华人民共和国水污染防治法》（2017年修正）");
    static final Doc RL142 = new Doc("国家", "《自然资源部 生态环境部 国家林业和草原局关于加强生态保护红线管理的通知（试行）》（自然资发〔2022〕142号）");
    static final Doc SX_CEMENT = new Doc("山西省", "《山西省水泥行业超低排放改造实施方案》（晋环发〔2021〕16号）");
    static final Doc SX_WETLAND = new Doc("山西省", "《山西省湿地保护修复制度方案》（晋政办发〔2017〕180号）");
    static final Doc SX_SEWAGE = new Doc("山西省", "《山西省污水综合排放标准》（DB14/1928-2019）");
    static final Doc SX_BOILER = new Doc("山西省", "《山西省锅炉大气污染排放标准》（DB14/1929-2019）");
    static final Doc DT = new Doc("大同市", "《大同市“十四五”生态环境保护规划》");
    static final Doc SZ = new Doc("朔州市", "《朔州市“十四五”生态环境保护规划》（朔政发〔2022〕36号）");
    static final Doc PC = new Doc("平城区", "《大同市平城区“十四五”生态环境保护规划》");
    static final Doc PC23 = new Doc("平城区", "《大同市平城区空气质量再提升2023年行动计划》（平城政办发〔2023〕10号印发）");
    static final Doc XR = new Doc("新荣区", "《大同市新荣区“十四五”“两山七河一流域”生态保护和生态文明建设、生态经济发展规划》");
    static final Doc YZ = new Doc("云州区", "《云州区“十四五”生态环境保护规划》");

    // ---- industry groups ----
    static final List<String> ALL_BUT_WATER = List.of("光伏", "风电", "煤矿", "非煤矿山", "化工", "冶金建材", "养殖", "房地产", "道路交通", "旅游");
    static final List<String> POLLUTING = List.of("煤矿", "非煤矿山", "化工", "冶金建材", "养殖", "房地产", "旅游");
    static final List<String> HEAVY = List.of("煤矿", "非煤矿山", "化工", "冶金建材");
    static final List<String> MINING = List.of("煤矿", "非煤矿山");
    static final List<String> INDUSTRY = List.of("化工", "冶金建材");
    static final List<String> REDLINE_BANNED = List.of("光伏", "风电", "煤矿", "非煤矿山", "化工", "冶金建材", "养殖", "房地产");
    static final List<String> ANY = List.of();

    /** One requirement without its id, level and scope (shared by the units of a district and type). */
    record T(String dim, String effect, List<String> industries, String zh, String en, Doc doc, String article) {}

    static T t(String dim, String effect, List<String> industries, String zh, String en, Doc doc, String article) {
        return new T(dim, effect, industries, zh, en, doc, article);
    }

    static Map<String, Object> build(List<Feature> controlUnits) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("title", SampleCatalog.zhEn("生态环境准入清单（示意数据）：平城区、新荣区、云州区、朔城区",
                "Environmental access list (illustrative sample): Pingcheng, Xinrong, Yunzhou and Shuocheng districts"));
        out.put("industries", industries());
        List<Object> units = new ArrayList<>();
        List<Object> reqs = new ArrayList<>();
        for (Feature f : controlUnits) {
            String code = (String) f.get("code");
            String name = (String) f.get("name");
            String type = (String) f.get("type");
            String county = (String) f.get("district");
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("code", code);
            u.put("name", name);
            u.put("province", "山西省");
            u.put("city", cityOf(county));
            u.put("county", county);
            u.put("type", type);
            units.add(u);
            List<T> ts = new ArrayList<>(UnitRules.byType(county, type));
            ts.addAll(UnitRules.byPlace(county, name));
            Map<Character, Integer> seq = new TreeMap<>();
            for (T t : ts) {
                char d = switch (t.dim()) {
                    case S -> 'S';
                    case E -> 'E';
                    case R -> 'R';
                    default -> 'U';
                };
                int n = seq.merge(d, 1, Integer::sum);
                reqs.add(req(abbr(county) + "-" + code + "-" + d + n, "单元", code, null, t));
            }
        }
        // 总体准入要求: counties, cities, province
        for (String county : List.of("平城区", "新荣区", "云州区")) {
            int n = 0;
            for (T t : CountyRules.of(county)) {
                reqs.add(req(abbr(county) + String.format("-%04d", ++n), "区县", "山西省/大同市/" + county, null, t));
            }
            for (Zoned z : CountyRules.zones(county)) {
                reqs.add(req(abbr(county) + String.format("-%04d", ++n), "区县", "山西省/大同市/" + county, z.zone(), z.t()));
            }
        }
        int n = 0;
        for (T t : CityRules.datong()) {
            reqs.add(req(String.format("DT-%04d", ++n), "市", "山西省/大同市", null, t));
        }
        n = 0;
        for (T t : CityRules.shuozhou()) {
            reqs.add(req(String.format("SZ-%04d", ++n), "市", "山西省/朔州市", null, t));
        }
        for (Zoned z : CityRules.shuozhouZones()) {
            reqs.add(req(String.format("SZ-%04d", ++n), "市", "山西省/朔州市", z.zone(), z.t()));
        }
        n = 0;
        for (T t : CityRules.shanxi()) {
            reqs.add(req(String.format("SX-%04d", ++n), "省", "山西省", null, t));
        }
        // 国家: rules that law attaches to zone kinds
        for (Map.Entry<String, Zoned> e : NationalRules.build().entrySet()) {
            reqs.add(req(e.getKey(), "国家", "全国", e.getValue().zone(), e.getValue().t()));
        }
        out.put("units", units);
        out.put("requirements", reqs);
        return out;
    }

    record Zoned(Map<String, Object> zone, T t) {}

    static Map<String, Object> zone(String collection, Object... kv) {
        Map<String, Object> match = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            match.put((String) kv[i], kv[i + 1]);
        }
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("collection", collection);
        z.put("match", match);
        return z;
    }

    static String cityOf(String county) {
        return county.equals("朔城区") ? "朔州市" : "大同市";
    }

    static String abbr(String county) {
        return switch (county) {
            case "平城区" -> "PC";
            case "新荣区" -> "XR";
            case "云州区" -> "YZ";
            case "朔城区" -> "SC";
            default -> throw new IllegalArgumentException(county);
        };
    }

    private static Map<String, Object> req(String id, String level, String scope, Map<String, Object> zone, T t) {
        if (t.effect().equals(BAN) && t.industries().isEmpty()) {
            throw new IllegalStateException(id + ": a 禁止 must name its industries");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("level", level);
        m.put("scope", scope);
        if (zone != null) {
            m.put("zone", zone);
        }
        m.put("dimension", t.dim());
        m.put("effect", t.effect());
        if (!t.industries().isEmpty()) {
            m.put("industries", t.industries());
        }
        m.put("text", SampleCatalog.zhEn(t.zh(), t.en()));
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("issuer", t.doc().issuer());
        basis.put("document", t.doc().title());
        basis.put("article", t.article());
        m.put("basis", basis);
        return m;
    }

    private static List<Object> industries() {
        List<Object> industries = new ArrayList<>();
        industries.add(industry("光伏", "光伏发电", "Solar PV"));
        industries.add(industry("风电", "风力发电", "Wind power"));
        industries.add(industry("煤矿", "煤炭开采", "Coal mining"));
        industries.add(industry("非煤矿山", "非煤矿山（石料、石墨、铁矿、粘土等）", "Non-coal mining (stone, graphite, iron, clay)"));
        industries.add(industry("化工", "化工、焦化、医药", "Chemicals, coking, pharmaceuticals"));
        industries.add(industry("冶金建材", "冶金、建材（含炭素、水泥、陶瓷）", "Metallurgy and building materials"));
        industries.add(industry("养殖", "畜禽及水产养殖", "Livestock and aquaculture"));
        industries.add(industry("房地产", "房地产及城镇建设", "Real estate and urban development"));
        industries.add(industry("道路交通", "公路、铁路等交通设施", "Roads, railways and transport"));
        industries.add(industry("水利", "水利及供水设施", "Water works and supply"));
        industries.add(industry("旅游", "旅游及康养", "Tourism and resorts"));
        return industries;
    }

    private static Map<String, Object> industry(String id, String zh, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("zh", zh);
        m.put("en", en);
        return m;
    }
}
