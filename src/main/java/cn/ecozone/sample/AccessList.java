package cn.ecozone.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * layers/access-list.json: the 准入清单 as data. Severity describes the effect on a project:
 * prohibited (禁止: the project may not be built there), restricted (限制: allowed under
 * conditions), required (要求: obligations). The Chinese text keeps the source wording.
 */
final class AccessList {
    private AccessList() {}

    static final String WPL = "《中华人民共和国水污染防治法》";
    static final String RL142 = "《自然资源部 生态环境部 国家林业和草原局关于加强生态保护红线管理的通知（试行）》（自然资发〔2022〕142号）";
    static final String PC = "《大同市平城区“十四五”生态环境保护规划》";
    static final String PC23 = "平城政办发〔2023〕10号《空气质量再提升2023年行动计划》";
    static final String YZ = "《云州区“十四五”生态环境保护规划》";
    static final String SZ = "《朔州市“十四五”生态环境保护规划》（朔政发〔2022〕36号）";
    static final String XR = "《大同市新荣区“十四五”“两山七河一流域”生态保护和生态文明建设、生态经济发展规划》";

    static final List<String> ALL_BUT_WATER = List.of("光伏", "风电", "煤矿", "非煤矿山", "化工", "冶金建材", "养殖", "房地产", "道路交通", "旅游");
    static final List<String> POLLUTING = List.of("煤矿", "非煤矿山", "化工", "冶金建材", "养殖", "房地产", "旅游");
    static final List<String> HEAVY = List.of("煤矿", "非煤矿山", "化工", "冶金建材");

    static Map<String, Object> build() {
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

        List<Object> c = new ArrayList<>();
        // ---- 饮用水水源保护区: 水污染防治法 第六十三至六十七条 ----
        c.add(clause("WS-0-01", "water_source", Map.of(), "restricted",
                "禁止在饮用水水源保护区内设置排污口。", "No sewage outfall may be set up inside a drinking-water source protection zone.",
                WPL + "第六十四条", null));
        c.add(clause("WS-0-02", "water_source", Map.of(), "required",
                "依法清理饮用水水源保护区范围内违法建筑、排污口和非正规垃圾堆放点。",
                "Illegal buildings, outfalls and informal refuse dumps inside the zone are to be cleared.",
                SZ + "；" + YZ, null));
        c.add(clause("WS-1-01", "water_source", Map.of("level", "一级保护区"), "prohibited",
                "禁止在饮用水水源一级保护区内新建、改建、扩建与供水设施和保护水源无关的建设项目；已建成的，由县级以上人民政府责令拆除或者关闭。",
                "No new, rebuilt or expanded projects unrelated to water supply or source protection in a first-level zone; existing ones are removed or closed.",
                WPL + "第六十五条", ALL_BUT_WATER));
        c.add(clause("WS-1-02", "water_source", Map.of("level", "一级保护区"), "prohibited",
                "禁止在饮用水水源一级保护区内从事网箱养殖、旅游、游泳、垂钓或者其他可能污染饮用水水体的活动。",
                "No cage aquaculture, tourism, swimming, angling or other activity that may pollute the water in a first-level zone.",
                WPL + "第六十五条第二款", List.of("养殖", "旅游")));
        c.add(clause("WS-1-03", "water_source", Map.of("level", "一级保护区"), "prohibited",
                "在饮用水水源地一级保护区和超标严重的水体周边等敏感区域内禁止新建规模化畜禽养殖项目。",
                "No new large-scale livestock farms in first-level zones and around seriously polluted water bodies.",
                SZ, List.of("养殖")));
        c.add(clause("WS-2-01", "water_source", Map.of("level", "二级保护区"), "prohibited",
                "禁止在饮用水水源二级保护区内新建、改建、扩建排放污染物的建设项目；已建成的，由县级以上人民政府责令拆除或者关闭。",
                "No new, rebuilt or expanded projects discharging pollutants in a second-level zone; existing ones are removed or closed.",
                WPL + "第六十六条", POLLUTING));
        c.add(clause("WS-2-02", "water_source", Map.of("level", "二级保护区"), "restricted",
                "在饮用水水源二级保护区内从事网箱养殖、旅游等活动的，应当按照规定采取措施，防止污染饮用水水体。",
                "Aquaculture or tourism in a second-level zone must take the prescribed measures against polluting the water.",
                WPL + "第六十六条第二款", List.of("养殖", "旅游")));
        c.add(clause("WS-3-01", "water_source", Map.of("level", "准保护区"), "prohibited",
                "禁止在饮用水水源准保护区内新建、扩建对水体污染严重的建设项目。",
                "No new or expanded projects that seriously pollute water in a quasi-protection zone.",
                WPL + "第六十七条", HEAVY));
        c.add(clause("WS-3-02", "water_source", Map.of("level", "准保护区"), "restricted",
                "饮用水水源准保护区内改建建设项目，不得增加排污量。",
                "Rebuilt projects in a quasi-protection zone may not increase their discharge.",
                WPL + "第六十七条", POLLUTING));
        c.add(clause("WS-XR-01", "water_source", Map.of("district", "新荣区", "type", List.of("地表水(河流)", "地表水(水库)"),
                        "level", List.of("一级保护区", "二级保护区")), "required",
                "地表水水源一、二级保护区内生活污水全部达标处理，实施山区搬迁，水源地上游建设生态清洁小流域。",
                "In first- and second-level zones of surface sources all domestic sewage is treated; mountain villages are relocated; clean small catchments upstream.",
                XR + "§5.3.1", null));
        c.add(clause("WS-PC-01", "water_source", Map.of("district", "平城区"), "required",
                "落实安家小村、马军营水源地保护：拆除清理垃圾堆和违法建筑，加强巡查，设立防护范围、地理界标和警示标志。",
                "安家小村 and 马军营 sources: clear refuse heaps and illegal buildings, patrol, set a protective perimeter, boundary markers and warning signs.",
                PC + "§3.1.3、§6.4.2", null));
        // ---- 生态保护红线 ----
        c.add(clause("RL-01", "redline", Map.of(), "prohibited",
                "生态保护红线内，自然保护地核心保护区外严格禁止开发性、生产性建设活动。",
                "Outside the core zones of protected areas, development and production construction is strictly prohibited inside the red line.",
                RL142, List.of("光伏", "风电", "煤矿", "非煤矿山", "化工", "冶金建材", "养殖", "房地产")));
        c.add(clause("RL-02", "redline", Map.of(), "restricted",
                "在符合法律法规的前提下，仅允许对生态功能不造成破坏的有限人为活动；必须且无法避让的线性基础设施、防洪和供水设施等依法依规办理用地用海手续。",
                "Only limited human activities that do not damage ecological functions; unavoidable linear infrastructure, flood-control and water-supply works follow the legal approval procedure.",
                RL142, List.of("道路交通", "水利", "旅游")));
        c.add(clause("RL-03", "redline", Map.of(), "prohibited",
                "严禁不符合主体功能定位的各类开发活动，严禁任意改变用途。",
                "No development contrary to the main function; no arbitrary change of use.",
                YZ, null));
        c.add(clause("RL-04", "redline", Map.of(), "restricted",
                "严格控制开发强度，原则上不再新建各类开发区和扩大现有工业开发区面积。",
                "Development intensity strictly controlled; in principle no new development zones and no enlargement of industrial zones.",
                SZ, null));
        c.add(clause("RL-05", "redline", Map.of("function", "水源涵养"), "restricted",
                "在水源涵养区严格限制影响水源涵养功能的各类开发活动，包括农业与城镇空间的开发建设。",
                "Any development that harms water conservation is strictly limited, including farming and urban development.",
                SZ, null));
        c.add(clause("RL-06", "redline", Map.of("function", "防风固沙"), "required",
                "以防风固沙林、生态公益林、水土保持林、退耕还林还草为重点，构筑京津防风固沙屏障。",
                "Windbreak, public-welfare and soil-conservation forests and grain-for-green build the Beijing–Tianjin sand barrier.",
                XR + "§4.1", null));
        c.add(clause("RL-07", "redline", Map.of("category", List.of("湿地公园", "湿地保护区")), "prohibited",
                "禁止侵占河道、自然湿地空间；控制开发占用湿地，已侵占的限期恢复。",
                "No occupation of river channels or natural wetland; wetland take by development controlled, occupied land restored by a deadline.",
                XR + "§4.3.1；" + YZ, List.of("光伏", "风电", "煤矿", "非煤矿山", "化工", "冶金建材", "房地产")));
        // ---- 环境管控单元: 按类型 ----
        c.add(clause("CU-P-01", "control_unit", Map.of("type", "优先保护"), "restricted",
                "优先保护单元以生态环境保护为主，禁止或限制大规模、高强度的工业化城镇化开发。",
                "Priority units put protection first; large-scale, high-intensity industrial and urban development is prohibited or restricted.",
                SZ + "（生态功能区）；" + XR + "§7.2", null));
        c.add(clause("CU-P-02", "control_unit", Map.of("type", "优先保护"), "prohibited",
                "停止对生态环境造成重大影响的矿产资源开发。",
                "Mining with major ecological impact is stopped.",
                XR + "§7.4", List.of("煤矿", "非煤矿山")));
        c.add(clause("CU-K-01", "control_unit", Map.of("type", "重点管控"), "restricted",
                "“两高”项目实行清单管理，须满足“三线一单”、规划环评、能耗双控、产能置换和区域污染物削减要求。",
                "High-energy, high-emission projects are listed and must meet the zoning, planning EIA, energy dual-control, capacity-swap and regional offset rules.",
                PC23 + "任务1", HEAVY));
        c.add(clause("CU-K-02", "control_unit", Map.of("type", "重点管控"), "required",
                "耗煤项目严格审批，实行煤炭减量替代。",
                "Coal-consuming projects are strictly approved and must offset with coal reduction.",
                PC + "§6.2", List.of("化工", "冶金建材")));
        c.add(clause("CU-K-03", "control_unit", Map.of("type", "重点管控", "district", "新荣区"), "required",
                "矿山开发坚持“谁开采、谁治理，边开采、边治理”，2025年实现矿山监测全覆盖。",
                "The miner restores while mining; all mines monitored by 2025.",
                XR + "§4.2.3、§7.4", List.of("煤矿", "非煤矿山")));
        c.add(clause("CU-G-01", "control_unit", Map.of("type", "一般管控"), "required",
                "落实生态环境保护基本要求，项目建设须符合国土空间规划和规划环评结论。",
                "Basic environmental requirements apply; projects must conform to the spatial plan and the planning EIA.",
                XR + "§7.2；" + YZ, null));
        c.add(clause("CU-ALL-01", "control_unit", Map.of(), "prohibited",
                "不符合规划环评结论及审查意见的项目环评，依法不予审批。",
                "Project EIAs that conflict with the planning EIA conclusions are not approved.",
                YZ, null));
        c.add(clause("CU-ALL-02", "control_unit", Map.of(), "required",
                "新建化工企业必须进入工业园区，并划定环境防护距离。",
                "New chemical enterprises must locate in an industrial park, with an environmental protection distance.",
                SZ, List.of("化工")));
        c.add(clause("CU-ALL-03", "control_unit", Map.of(), "required",
                "新建煤矿实施井下煤矸分离，不可利用的煤矸石返井充填。",
                "New coal mines separate gangue underground and backfill unusable gangue.",
                XR + "§6.2.5、§5.4.3", List.of("煤矿")));
        // ---- 区县特定要求 ----
        c.add(clause("CU-XR-01", "control_unit", Map.of("district", "新荣区"), "prohibited",
                "全区禁止新建、改建、扩建高VOCs含量的涂料、油墨、胶粘剂项目。",
                "No new, rebuilt or expanded high-VOC coating, ink or adhesive projects anywhere in the district.",
                XR + "§5.1.5", List.of("化工")));
        c.add(clause("CU-XR-02", "control_unit", Map.of("district", "新荣区", "code", List.of("ZH14021220001")), "prohibited",
                "城镇建成区、人口集聚区内危险化学品企业关停或搬迁入园。",
                "Hazardous-chemical plants in built-up and populated areas close or move into parks.",
                XR + "§5.5.3", List.of("化工")));
        c.add(clause("CU-YZ-01", "control_unit", Map.of("district", "云州区"), "required",
                "云州区新上项目均需入园（云州现代农业产业示范区），并符合园区规划环评。",
                "New projects in 云州区 must enter the 云州 modern-agriculture park and match its planning EIA.",
                YZ, List.of("养殖", "化工", "冶金建材")));
        c.add(clause("CU-YZ-02", "control_unit", Map.of("district", "云州区"), "required",
                "新建、在建矿山开采破坏土地要全部复垦，矿山开采与生态修复同步规划、同步实施；到2025年完成现有已开采矿山全面修复。",
                "All land disturbed by new and active mines is reclaimed, mining and restoration planned and done together; existing mines fully restored by 2025.",
                YZ, List.of("煤矿", "非煤矿山")));
        c.add(clause("CU-PC-01", "control_unit", Map.of("district", "平城区"), "restricted",
                "除煤电、集中供热和原料用煤企业外，禁止储存、销售、燃用煤炭；新建加热炉、热处理炉、干燥炉、熔化炉不得使用煤炭等高污染燃料。",
                "Apart from coal power, district heating and feedstock users, no storing, selling or burning coal; new furnaces may not use coal or other high-pollution fuels.",
                PC + "§6.2；" + PC23 + "任务7", HEAVY));
        c.add(clause("CU-SC-01", "control_unit", Map.of("district", "朔城区"), "prohibited",
                "居民区、学校、医疗和养老机构等周边规定范围内，禁止新建、扩建有色金属冶炼、焦化、煤焦油加工项目。",
                "No new or expanded non-ferrous smelting, coking or coal-tar plants within the prescribed range of homes, schools, hospitals and elderly care.",
                SZ, List.of("化工", "冶金建材")));
        c.add(clause("CU-SC-02", "control_unit", Map.of("district", "朔城区", "code", List.of("ZH14060210001", "ZH14060210002")), "restricted",
                "神头泉域：引水工程或地表水能满足用水的区域禁止或者限制岩溶水开采，带压区煤炭限采，废井封堵。",
                "神头 spring domain: karst-water extraction prohibited or restricted where other water suffices; coal mining limited in the confined zone; abandoned wells sealed.",
                SZ, List.of("煤矿", "水利", "化工", "冶金建材")));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("industries", industries);
        out.put("clauses", c);
        return out;
    }

    private static Map<String, Object> industry(String id, String zh, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("zh", zh);
        m.put("en", en);
        return m;
    }

    private static Map<String, Object> clause(String id, String collection, Map<String, Object> match, String severity,
                                              String zh, String en, String basis, List<String> industries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("collection", collection);
        m.put("match", new java.util.TreeMap<>(match));
        m.put("severity", severity);
        m.put("text", Catalog.zhEn(zh, en));
        m.put("basis", basis);
        if (industries != null) {
            m.put("industries", industries);
        }
        return m;
    }
}
