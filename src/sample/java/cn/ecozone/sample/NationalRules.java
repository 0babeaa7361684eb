package cn.ecozone.sample;

import static cn.ecozone.sample.SampleAccessList.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules that national law attaches to zone kinds (level 国家, scope 全国): drinking-water source
 * protection zones (《水污染防治法》 2017 revision, Art. 64–67) and the ecological red line
 * (自然资发〔2022〕142号). Not in the seeds; the seeds only name the zone kinds.
 */
final class NationalRules {
    private NationalRules() {}

    static Map<String, Zoned> build() {
        Map<String, Zoned> m = new LinkedHashMap<>();
        Map<String, Object> any = zone("water_source");
        Map<String, Object> l1 = zone("water_source", "level", List.of("一级保护区"));
        Map<String, Object> l2 = zone("water_source", "level", List.of("二级保护区"));
        Map<String, Object> l3 = zone("water_source", "level", List.of("准保护区"));
        m.put("WS-0-01", new Zoned(any, t(E, REQ, ANY, "在饮用水水源保护区内，禁止设置排污口。",
                "No sewage outfall may be set up inside a drinking-water source protection zone.", WPL, "第六十四条")));
        m.put("WS-1-01", new Zoned(l1, t(S, BAN, ALL_BUT_WATER,
                "禁止在饮用水水源一级保护区内新建、改建、扩建与供水设施和保护水源无关的建设项目；已建成的与供水设施和保护水源无关的建设项目，由县级以上人民政府责令拆除或者关闭。",
                "No new, rebuilt or expanded projects unrelated to water supply or source protection in a first-level zone; existing ones are removed or closed by order of the county-level government.",
                WPL, "第六十五条第一款")));
        m.put("WS-1-02", new Zoned(l1, t(S, LIM, List.of("水利"),
                "饮用水水源一级保护区内仅可建设与供水设施和保护水源有关的建设项目。",
                "In a first-level zone only projects related to water supply or source protection may be built.",
                WPL, "第六十五条第一款")));
        m.put("WS-1-03", new Zoned(l1, t(S, BAN, List.of("养殖", "旅游"),
                "禁止在饮用水水源一级保护区内从事网箱养殖、旅游、游泳、垂钓或者其他可能污染饮用水水体的活动。",
                "No cage aquaculture, tourism, swimming, angling or other activity that may pollute the water in a first-level zone.",
                WPL, "第六十五条第二款")));
        m.put("WS-2-01", new Zoned(l2, t(S, BAN, POLLUTING,
                "禁止在饮用水水源二级保护区内新建、改建、扩建排放污染物的建设项目；已建成的排放污染物的建设项目，由县级以上人民政府责令拆除或者关闭。",
                "No new, rebuilt or expanded projects discharging pollutants in a second-level zone; existing ones are removed or closed.",
                WPL, "第六十六条第一款")));
        m.put("WS-2-02", new Zoned(l2, t(E, LIM, List.of("养殖", "旅游"),
                "在饮用水水源二级保护区内从事网箱养殖、旅游等活动的，应当按照规定采取措施，防止污染饮用水水体。",
                "Cage aquaculture, tourism and similar activities in a second-level zone must take the prescribed measures against polluting the water.",
                WPL, "第六十六条第二款")));
        m.put("WS-3-01", new Zoned(l3, t(S, BAN, HEAVY,
                "禁止在饮用水水源准保护区内新建、扩建对水体污染严重的建设项目。",
                "No new or expanded projects that seriously pollute water in a quasi-protection zone.",
                WPL, "第六十七条")));
        m.put("WS-3-02", new Zoned(l3, t(E, LIM, POLLUTING,
                "饮用水水源准保护区内改建建设项目，不得增加排污量。",
                "Rebuilt projects in a quasi-protection zone may not increase their discharge.",
                WPL, "第六十七条")));
        Map<String, Object> red = zone("redline");
        m.put("RL-01", new Zoned(red, t(S, BAN, REDLINE_BANNED,
                "生态保护红线内，自然保护地核心保护区外，禁止开发性、生产性建设活动。",
                "Inside the red line, outside the core zones of protected areas, development and production construction is prohibited.",
                RL142, "一")));
        m.put("RL-02", new Zoned(red, t(S, LIM, List.of("道路交通", "水利", "旅游"),
                "在符合现行法律法规前提下，仅允许对生态功能不造成破坏的有限人为活动；必须且无法避让、符合县级以上国土空间规划的线性基础设施、通讯和防洪、供水设施建设等依法依规办理用地用海手续。",
                "Only limited human activities that do not damage ecological functions; unavoidable linear infrastructure, communication, flood-control and water-supply works that fit the spatial plan follow the legal approval procedure.",
                RL142, "一")));
        return m;
    }
}
