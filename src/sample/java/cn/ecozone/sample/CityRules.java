package cn.ecozone.sample;

import static cn.ecozone.sample.SampleAccessList.*;

import java.util.List;

/** 总体准入要求 of the cities (大同市, 朔州市) and the province (山西省), as the seeds state them. */
final class CityRules {
    private CityRules() {}

    /** Seed 003 §3.6.1 summarises the tasks of the 大同市 plan; it quotes no article, so the article names that summary. */
    static List<T> datong() {
        String where = "五①②";
        return List.of(
                t(S, REQ, ANY, "严守生态保护红线划定；保护与发展生态功能区，实现可持续化发展。",
                        "Keep the delineated ecological red line; protect and develop ecological function areas sustainably.",
                        DT, where),
                t(E, REQ, ANY, "持续推进产业结构调整；持续推进工业污水治理。",
                        "Continue industrial restructuring; continue treating industrial wastewater.",
                        DT, "二①、三⑦"),
                t(R, REQ, ANY, "实施建设用地准入管理，防范人居环境风险；加强污染源监管，做好土壤污染预防工作。",
                        "Entry control for construction land against risks to living areas; supervise pollution sources to prevent soil pollution.",
                        DT, "四③⑤"),
                t(U, REQ, ANY, "健全绿色低碳循环发展的生产体系；积极推进碳达峰碳中和。",
                        "Green, low-carbon, circular production; work towards carbon peak and neutrality.",
                        DT, "一①④"));
    }

    static List<T> shuozhou() {
        return List.of(
                t(S, REQ, ANY, "立足资源环境承载能力，落实“三线一单”，建立动态更新和调整机制，完善“三线一单”生态环境分区管控体系。",
                        "Within the carrying capacity, apply the zoning (three lines, one list) with dynamic updating and a complete zoning system.",
                        SZ, "第三章第一节"),
                t(S, REQ, List.of("化工"), "新建化工企业必须全部进入工业园区，划定环境保护防护距离。",
                        "New chemical enterprises all locate in industrial parks, with an environmental protection distance.",
                        SZ, "第七章第三节"),
                t(E, REQ, INDUSTRY, "落实“三线一单”和“两高”行业产能控制要求，结合各区域生态环境保护要求，以水定发展，促进流域产业结构调整优化。",
                        "Apply the zoning and the capacity limits of high-energy, high-emission industries; development is sized to water.",
                        SZ, "第五章第二节三"),
                t(R, REQ, List.of("房地产"), "未经治理修复或治理修复后仍不符合相应规划用地土壤环境要求的，不得纳入用地程序。",
                        "Land not remediated, or still not meeting the soil requirements of its planned use, does not enter the land-supply procedure.",
                        SZ, "第六章第三节"),
                t(U, REQ, List.of("煤矿"), "加快实施井下块煤分选及矸石充填技术，推进煤矿煤矸石返井试点建设。",
                        "Underground coal sorting and gangue backfill; pilot return of gangue to the mines.",
                        SZ, "第七章第二节"),
                t(U, REQ, MINING, "按照“谁开采、谁治理，边开采、边治理”原则，积极推进绿色矿山建设。",
                        "The miner restores, while mining; green mines are built.",
                        SZ, "第八章第三节"));
    }

    /** 朔州市 rules for zone kinds; the match names 朔城区, the only 朔州市 county in the sample. */
    static List<Zoned> shuozhouZones() {
        return List.of(
                new Zoned(zone("redline", "district", "朔城区"), t(S, BAN, REDLINE_BANNED,
                        "生态保护红线内，加强生态环境保护修复，严格控制开发强度，维护生态系统完整性；严禁不符合主体功能定位的各类开发活动。",
                        "Inside the red line development intensity is strictly controlled; development contrary to the main function is prohibited.",
                        SZ, "第三章第一节")),
                new Zoned(zone("redline", "district", "朔城区"), t(S, LIM, INDUSTRY,
                        "原则上不再新建各类开发区和扩大现有工业开发区面积，现有工业开发区逐步改造成为低消耗、可循环、少排放、零污染的生态型工业区。",
                        "In principle no new development zones and no enlargement of industrial zones; existing ones become low-consumption, circular, low-emission eco-industrial zones.",
                        SZ, "第三章第一节")),
                new Zoned(zone("redline", "district", "朔城区", "function", "水源涵养"), t(S, LIM, ANY,
                        "在水源涵养区严格限制影响水源涵养功能的各类开发活动，包括农业与城镇空间的开发建设。",
                        "Any development harming water conservation is strictly limited, including farming and urban development.",
                        SZ, "第八章第一节")),
                new Zoned(zone("water_source", "district", "朔城区", "level", "一级保护区"), t(S, BAN, List.of("养殖"),
                        "在饮用水水源地一级保护区和超标严重的水体周边等敏感区域内禁止新建规模化畜禽养殖项目，严格控制畜禽养殖规模。",
                        "No new large-scale livestock farms in first-level zones of drinking-water sources and around seriously polluted water.",
                        SZ, "第五章第一节二")));
    }

    /** Provincial rules quoted in the seeds; the seeds give no article, so the article names where they are quoted. */
    static List<T> shanxi() {
        return List.of(
                t(S, REQ, ANY, "落实《山西省湿地保护修复制度方案》，强化湿地利用监管和退化湿地修复工作，增强湿地生态功能。",
                        "Wetland use is supervised and degraded wetland restored to strengthen wetland functions.",
                        SX_WETLAND, "未载条款"),
                t(E, REQ, List.of("冶金建材"), "督促水泥（熟料）制造企业和独立粉磨站完成超低排放改造，对有组织、无组织和清洁运输等环节开展全过程高标准、系统化整治。",
                        "Cement (clinker) plants and stand-alone grinding stations complete ultra-low-emission retrofits covering stack, fugitive and transport emissions.",
                        SX_CEMENT, "未载条款"),
                t(E, REQ, INDUSTRY, "工业废水排放口、清净水排口排水化学需氧量、氨氮、总磷三项污染物达表3中的二级标准，即COD≤40mg/L、氨氮≤2.0mg/L、总磷≤0.4mg/L，其它指标达行业特别排放限值。",
                        "Industrial effluent and clean-water outlets meet Table 3 grade II for COD (≤40 mg/L), NH3-N (≤2.0 mg/L) and TP (≤0.4 mg/L); other parameters at the special industry limits.",
                        SX_SEWAGE, "表3"),
                t(E, REQ, ANY, "燃煤锅炉、生物质锅炉低碳燃烧技术改造，燃气锅炉低氮燃烧改造，稳定达到《山西省锅炉大气污染排放标准》。",
                        "Coal and biomass boilers are retrofitted for low-carbon combustion and gas boilers for low-NOx, stably meeting the provincial boiler standard.",
                        SX_BOILER, "未载条款"));
    }
}
