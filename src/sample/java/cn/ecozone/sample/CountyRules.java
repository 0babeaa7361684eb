package cn.ecozone.sample;

import static cn.ecozone.sample.SampleAccessList.*;

import java.util.List;

/**
 * 总体准入要求 of the districts that have their own plan (level 区县): rules the plan states for
 * the whole district, and the district's own rules for zone kinds (red line, water sources),
 * which apply only to zones of that district. 朔城区 has no district plan in the seeds.
 */
final class CountyRules {
    private CountyRules() {}

    static List<T> of(String county) {
        return switch (county) {
            case "平城区" -> List.of(
                    t(S, REQ, ANY, "根据省、市“三线一单”及《大同市平城区国土空间总体规划》（2020-2035年），落实国土空间“三条控制线”要求，实施差异化的生态环境分区管控政策。",
                            "Following the provincial and city zoning (three lines, one list) and the district spatial master plan, the three control lines apply and zoning is differentiated.",
                            PC, "§4.2"),
                    t(S, LIM, INDUSTRY, "严格控制新增各类重污染行业企业，新、扩、改建项目必须制定产能置换方案。",
                            "New heavily polluting enterprises are strictly controlled; new, expanded and rebuilt projects need a capacity-swap plan.",
                            PC, "§6.1"),
                    t(E, LIM, INDUSTRY, "新建、改建、扩建耗煤项目实施煤炭减量替代；除煤电、集中供热和原料用煤企业外，禁止储存、销售、燃用煤炭。",
                            "New, rebuilt and expanded coal-consuming projects offset with coal reduction; apart from coal power, district heating and feedstock users, no storing, selling or burning coal.",
                            PC, "§6.2（一）"),
                    t(E, LIM, INDUSTRY, "坚决遏制“两高”项目盲目发展。严格落实产业政策、“三线一单”、规划环评、能耗双控、产能置换、煤炭消费减量替代、区域污染物削减等要求。",
                            "High-energy, high-emission projects are curbed and must meet industrial policy, the zoning, planning EIA, energy dual control, capacity swap, coal-reduction substitution and regional emission offsets.",
                            PC23, "三（一）1"),
                    t(E, REQ, INDUSTRY, "新、改、扩建加热炉、热处理炉、干燥炉、熔化炉，采用清洁低碳能源，不得使用煤炭等高污染燃料。",
                            "New, rebuilt or expanded heating, heat-treatment, drying and melting furnaces use clean low-carbon energy, not coal or other high-pollution fuels.",
                            PC23, "三（三）7"),
                    t(R, REQ, ANY, "实施危险废物全过程监管，加强危险废物产生单位管理，严厉打击非法倾倒、非法转移等涉危险废物环境违法行为。",
                            "Hazardous waste is supervised from cradle to grave; illegal dumping and transfer are punished.",
                            PC, "§6.7.2"),
                    t(U, LIM, INDUSTRY, "严格控制高耗水新建、改建、扩建项目，推进高耗水企业向水资源条件允许的工业园区集中。",
                            "New, rebuilt and expanded high-water-use projects are strictly controlled and gathered in industrial parks where water allows.",
                            PC, "§6.3（一）"));
            case "新荣区" -> List.of(
                    t(S, REQ, ANY, "全面贯彻落实省市“三线一单”相关成果，明确优先保护、重点管控、一般管控区域，制定针对不同等级区域的差异化管理要求。",
                            "The provincial and city zoning results apply: priority-protection, key-control and general-control areas with differentiated requirements.",
                            XR, "§7.2"),
                    t(S, REQ, ANY, "恢复流域生态空间，科学划定保护红线。禁止侵占河道、自然湿地空间，非法挤占的要限期恢复。",
                            "River-basin ecological space is restored: no occupation of river channels or natural wetland; illegally occupied land is restored by a deadline.",
                            XR, "§4.3.1（三）"),
                    t(E, BAN, List.of("化工"), "加强源头控制，禁止新改扩建涉高VOCs含量溶剂型涂料、油墨、胶粘剂等生产和使用的项目。",
                            "No new, rebuilt or expanded projects producing or using high-VOC solvent coatings, inks or adhesives.",
                            XR, "§5.1.5（六）"),
                    t(E, REQ, INDUSTRY, "严格落实煤炭消费等量减量替代措施；基本淘汰35蒸吨以下燃煤锅炉。",
                            "Coal use is offset by equal or reduced substitution; coal boilers below 35 t/h are phased out.",
                            XR, "§5.1.3"),
                    t(R, REQ, ANY, "全面开展废弃危险化学品排查，重点整治危险化学品单位等可能存在的违规堆存、随意倾倒、私自填埋等问题。",
                            "Waste hazardous chemicals are surveyed; illegal storage, dumping and burial at hazardous-chemical units are remedied.",
                            XR, "§5.5.3"),
                    t(U, REQ, ANY, "统筹水资源利用，尤其要严格控制区域取用水量。",
                            "Water resources are used in a coordinated way; above all, abstraction in the district is strictly controlled.",
                            XR, "§4.3.4"));
            case "云州区" -> List.of(
                    t(S, REQ, ANY, "严格落实“三线一单”为核心的生态环境分区管控体系，将“三线一单”作为产业布局、资源开发、城镇建设、重大项目选址等各类开发建设活动的重要依据；原则上，云州区新上项目均需入园。",
                            "The zoning (three lines, one list) governs industrial layout, resource development, urban construction and the siting of major projects; in principle all new projects of the district enter the park.",
                            YZ, "第三章第七节一"),
                    t(S, REQ, ANY, "加强规划环评与项目环评联动，对于不符合规划环评结论及审查意见的项目环评，依法不予审批。",
                            "Project EIAs are linked to planning EIAs: a project EIA that conflicts with the planning EIA conclusions and review opinion is not approved.",
                            YZ, "第三章第八节三"),
                    t(E, LIM, INDUSTRY, "新、改、扩建涉重金属重点行业建设项目必须根据“减量置换”或“等量置换”的原则，严格涉重金属建设项目环境准入。",
                            "New, rebuilt or expanded heavy-metal projects must offset emissions by reduced or equal replacement; their entry is strictly controlled.",
                            YZ, "第三章第四节四"),
                    t(R, REQ, INDUSTRY, "加强安全防护距离监督管理工作，在企业安全防护距离内存在居民区、水源地以及其他各类环境敏感受体，需实施企业或环境敏感受体搬迁、企业生产规模调整或者环境风险传输途径阻断等措施。",
                            "Where homes, water sources or other sensitive receptors lie within an enterprise's safety distance, the enterprise or receptor moves, production is cut or the risk pathway is blocked.",
                            YZ, "第三章第七节二"),
                    t(U, LIM, INDUSTRY, "火电、石化、钢铁、有色、造纸、印染等高耗水行业项目具备使用再生水条件但未有效利用的，要严格控制新增取水许可。",
                            "High-water-use projects (thermal power, petrochemicals, steel, non-ferrous, paper, dyeing) that could use reclaimed water but do not get new abstraction permits only under strict control.",
                            YZ, "第三章第三节四"),
                    t(U, REQ, ANY, "对取自地下水超采地区的取水申请，严控审批新增取水许可。",
                            "New abstraction permits in groundwater over-extraction areas are strictly controlled.",
                            YZ, "第三章第四节六"));
            default -> throw new IllegalArgumentException(county);
        };
    }

    /** The district's own rules for zone kinds; the match includes the district. */
    static List<Zoned> zones(String county) {
        return switch (county) {
            case "平城区" -> List.of(
                    new Zoned(zone("redline", "district", "平城区"), t(S, REQ, ANY,
                            "逐步完善生态保护红线管理制度，制定生态保护红线区管理办法，严格落实生态保护红线区分级管控要求；对造成自然生态系统和资源环境受到损害的有关责任人员，严肃追究责任。",
                            "Red-line management: management measures are drafted and graded control applied; those who damage ecosystems are held liable.",
                            PC, "§6.5.2")),
                    new Zoned(zone("water_source", "district", "平城区"), t(R, REQ, ANY,
                            "加强安家小村水源地、马军营集中供水水源地落实保护措施，拆除和清运垃圾堆、违规建筑等。",
                            "安家小村 and 马军营 sources: refuse heaps and illegal buildings are removed.",
                            PC, "§6.4.2")));
            case "新荣区" -> List.of(
                    new Zoned(zone("redline", "district", "新荣区", "function", "防风固沙"), t(S, REQ, ANY,
                            "构筑京津防风固沙屏障。以防风固沙林、生态公益林、水土保持林、退耕还林还草为重点，推进环京津生态屏障建设。",
                            "Beijing–Tianjin sand barrier: windbreak, public-welfare and soil-conservation forest and grain-for-green.",
                            XR, "§4.1")),
                    new Zoned(zone("water_source", "district", "新荣区", "type", List.of("地表水(河流)", "地表水(水库)"),
                            "level", List.of("一级保护区", "二级保护区")), t(E, REQ, ANY,
                            "实施农村污水治理，实现地表水源地一二级水源保护区污水全部达标排放；推进山区搬迁工程，将水库上游建成生态清洁小流域。",
                            "All sewage in first- and second-level zones of surface sources is treated to standard; mountain villages are relocated and the catchment above the reservoir becomes a clean small catchment.",
                            XR, "§5.3.1（四）")));
            case "云州区" -> List.of(
                    new Zoned(zone("redline", "district", "云州区"), t(S, BAN, REDLINE_BANNED,
                            "在生态保护红线范围内，严禁不符合主体功能定位的各类开发活动，严禁任意改变用途。",
                            "Inside the red line, development contrary to the main function and any arbitrary change of use are prohibited.",
                            YZ, "第三章第八节三")),
                    new Zoned(zone("redline", "district", "云州区"), t(R, REQ, ANY,
                            "未通过环评审批的，金融机构不得提供任何形式的新增授信支持，有关单位不得供电、供水；对触碰生态保护红线等严重违法建设项目责令恢复原状并进行处罚。",
                            "Without EIA approval no new credit, power or water; projects that touch the red line are ordered to restore the site and are penalised.",
                            YZ, "第三章第八节三")),
                    new Zoned(zone("redline", "district", "云州区", "category", List.of("湿地公园", "湿地保护区")), t(S, LIM, ANY,
                            "保护天然湿地，开展退耕还湿工程；控制开发占用湿地，强化湿地开发利用管理，加强湿地保护监管。",
                            "Natural wetland is protected; development taking wetland is controlled and wetland use supervised.",
                            YZ, "第三章第六节三")),
                    new Zoned(zone("water_source", "district", "云州区"), t(R, REQ, ANY,
                            "开展城市饮用水水源地保护区非正规垃圾堆放点整治。",
                            "Informal refuse dumps in drinking-water source protection zones are cleared.",
                            YZ, "第三章第四节四")));
            default -> List.of();
        };
    }
}
