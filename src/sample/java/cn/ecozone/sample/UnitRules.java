package cn.ecozone.sample;

import static cn.ecozone.sample.SampleAccessList.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Requirements of each 环境管控单元 (level 单元): by the unit's district and type (优先保护 /
 * 重点管控 / 一般管控), plus those for the place the unit is named after where the plan speaks of
 * it. The plans contain no unit-level list; these restate, for each kind of area, what the unit's
 * own district plan (朔城区: the 朔州市 plan) requires.
 */
final class UnitRules {
    private UnitRules() {}

    static List<T> byType(String county, String type) {
        return switch (county + "/" + type) {
            // ---------------- 平城区: seed 000 ----------------
            case "平城区/优先保护" -> List.of(
                    t(S, REQ, ANY, "加强御河湿地自然保护区的保护，开展重要生态廊道和栖息地保护与修复，保护生物多样性；严格落实生态保护红线区分级管控要求。",
                            "Protect the 御河 wetland, restore important ecological corridors and habitats, protect biodiversity; apply the graded control of the ecological red line.",
                            PC, "§6.5.2"),
                    t(E, REQ, ANY, "封堵污水收集管网范围内的不符合规范的入河排污口，对保留的每一个入河排污口实施台账式管理；禁止农灌退水入河，严禁河道放牧。",
                            "Seal non-compliant river outfalls within the sewer catchment and keep a register of every retained outfall; no irrigation return flow into rivers, no grazing in river channels.",
                            PC, "§6.3（二）、§6.6.2"),
                    t(R, REQ, ANY, "加强地下水补给区污染防治，关闭补给区域内的排污口，削减污染物排放量，控制补给区内禽畜养殖规模。",
                            "Prevent pollution of groundwater recharge zones: close outfalls there, cut pollutant loads and limit livestock numbers.",
                            PC, "§6.4.2"),
                    t(U, REQ, ANY, "加强天然林资源保护，全面停止天然林商业性采伐，扩大天然公益林保护规模；加大林地林木资源管理力度。",
                            "Protect natural forest: commercial logging fully stopped, public-welfare forest protection extended; stronger management of forest land and trees.",
                            PC, "§6.5.1"));
            case "平城区/重点管控" -> List.of(
                    t(S, LIM, INDUSTRY, "加快推进城市规划区及周边重点涉气行业企业搬迁改造或关停退出，进一步优化产业布局。",
                            "Key air-polluting enterprises in and around the urban planning area are relocated, retrofitted or closed; industrial layout is optimised.",
                            PC23, "三（一）2"),
                    t(E, REQ, List.of("房地产", "道路交通"), "严格落实建筑施工扬尘“六个百分之百”，对裸露土方及未硬化道路采取绿网覆盖与喷洒抑尘剂相结合措施。",
                            "Construction sites apply the six 100% dust rules; bare earth and unpaved roads are covered with green netting and sprayed with dust suppressant.",
                            PC23, "三（五）10"),
                    t(R, REQ, List.of("房地产"), "有土壤污染风险的建设用地地块，土地使用权人（含土地储备机构）应组织开展土壤污染状况调查评估，逐步推进受污染地块的治理与修复。",
                            "On construction land with a soil-pollution risk the land user (including the land reserve) carries out a soil survey and assessment; polluted plots are remediated step by step.",
                            PC, "§6.4.1"),
                    t(U, REQ, ANY, "确保建成区范围内清洁取暖覆盖率达到100%。",
                            "Clean heating covers 100% of the built-up area.",
                            PC23, "三（三）6"),
                    t(U, REQ, ANY, "全面推进节水型城市建设。提高城市节水工作系统性，将节水落实到城市规划、建设、管理各环节，实现优水优用、循环循序利用。",
                            "Water-saving city: water saving is built into urban planning, construction and management, with water used by quality and recycled.",
                            PC, "§6.3（一）"));
            case "平城区/一般管控" -> List.of(
                    t(S, LIM, INDUSTRY, "严格控制在优先保护类耕地集中区域新建有色金属冶炼、化工、印染、电镀、农药、铅蓄电池制造等行业企业。",
                            "New non-ferrous smelting, chemical, dyeing, electroplating, pesticide and lead-acid battery plants are strictly controlled in areas of priority-protection farmland.",
                            PC, "§6.4.1"),
                    t(E, REQ, List.of("养殖"), "严格落实《大同市平城区畜禽养殖禁养区划定方案》，巩固禁养区划定和关闭搬迁成果；强化农田退水管理，禁止农灌退水入河。",
                            "Apply the district's livestock no-breeding zone plan and keep farms out of it; manage farm drainage, no irrigation return flow into rivers.",
                            PC, "§6.6.2"),
                    t(R, REQ, ANY, "加强对严格管控类耕地的用途管理，依法划定特定农产品禁止生产区域，严禁种植食用农产品。",
                            "Use of strict-control farmland is managed: no-food-crop zones are designated and no food crops are grown there.",
                            PC, "§6.4.1"),
                    t(U, REQ, ANY, "在地表水供水覆盖区，除城乡饮水工程外，严禁开采地下水；严格限制开采深层地下水用于农业灌溉。",
                            "Where surface water supply reaches, no groundwater may be pumped except for drinking-water works; deep groundwater for irrigation is strictly limited.",
                            PC, "§6.3（一）、§6.4.2"));
            // ---------------- 新荣区: seed 003 ----------------
            case "新荣区/优先保护" -> List.of(
                    t(S, REQ, ANY, "以东部采凉山水源涵养区、西北部的风沙防治区以及南部四家山地区为三个生态保护核心地区，逐步恢复山体植被；坚持自然恢复为主、人工修复为辅。",
                            "The 采凉山 water-conservation area, the north-western wind-sand control area and the 四家山 area are the three ecological cores: mountain vegetation is restored, natural recovery first, human restoration second.",
                            XR, "§4.1、§4.2"),
                    t(S, LIM, MINING, "强化生产矿山边开采、边治理举措，停止对生态环境造成重大影响的矿产资源开发。",
                            "Operating mines restore while mining; mining with a major ecological impact is stopped.",
                            XR, "§4.2.3"),
                    t(E, REQ, ANY, "持续开展“清河”专项行动；禁止非法排污、挖沙、洗沙等违法行为。",
                            "Continue the river clean-up campaign; illegal discharge, sand digging and sand washing are prohibited.",
                            XR, "§4.3.3"),
                    t(R, REQ, MINING, "按照“谁开采、谁治理，边开采、边治理”原则，全面加强矿山生态修复治理；开展历史遗留废弃矿山和采煤沉陷区综合治理。",
                            "The miner restores, while mining; legacy abandoned mines and coal-mining subsidence areas are restored.",
                            XR, "§4.2.3"),
                    t(U, REQ, ANY, "宜林则林、宜草则草；到2025年新增营造林面积9万亩以上，森林覆盖率提高到27.04%以上。",
                            "Forest or grass as the site suits; at least 90,000 mu of new forest by 2025 and forest cover above 27.04%.",
                            XR, "§4.2.1"));
            case "新荣区/重点管控" -> List.of(
                    t(S, LIM, INDUSTRY, "完善过剩产能退出机制，提高产能换比例，分类设定环境敏感区域、非敏感区域减量置换目标。",
                            "Surplus capacity is retired; capacity swaps use higher ratios, with separate reduction-swap targets for sensitive and non-sensitive areas.",
                            XR, "§7.2"),
                    t(E, REQ, INDUSTRY, "对不能实现排放达标的工业窑炉，立即责令其停产整治，鼓励改用电、天然气等清洁能源替代。",
                            "Industrial kilns that cannot meet the emission standards are stopped for rectification; switching to electricity or gas is encouraged.",
                            XR, "§5.1.2"),
                    t(R, REQ, List.of("化工", "冶金建材", "煤矿", "非煤矿山"), "石化生产存贮销售企业、矿山开采区、垃圾填埋场等区域应进行必要的防渗处理；落实固体废物堆场“防扬散、防流失、防渗漏”污染防治要求。",
                            "Petrochemical sites, mining areas and landfills are seepage-proofed; solid-waste yards are protected against scattering, run-off and seepage.",
                            XR, "§5.2.6、§5.4.3"),
                    t(U, REQ, ANY, "鼓励电力、钢铁、化工、食品发酵等高耗水企业废水深度处理后回用；到2025年，争取全区工业固体废物综合利用率达90%以上。",
                            "High-water-use firms (power, steel, chemicals, fermentation) reuse treated wastewater; industrial solid-waste use above 90% by 2025.",
                            XR, "§4.3.5（二）、§5.4.3"));
            case "新荣区/一般管控" -> List.of(
                    t(S, LIM, INDUSTRY, "在优先保护类耕地集中区域严格控制新建钢铁、化工、焦化等行业企业，已建成的相关企业应当按照有关规定采取措施，防止对耕地造成污染。",
                            "New steel, chemical and coking plants are strictly controlled in areas of priority-protection farmland; existing ones take measures against polluting farmland.",
                            XR, "§5.3.1（二）"),
                    t(E, REQ, ANY, "御河、圈子河、万泉河和淤泥河干流及主要支流堤外3公里范围内、常住人口1000人以上的农村建设生活污水处理设施及配套管网，农村生活污水全部进行收集处理达标后方可排放。",
                            "Villages of 1000 or more residents within 3 km outside the dikes of the four rivers build sewage treatment; rural sewage is discharged only after treatment to standard.",
                            XR, "§5.2.7"),
                    t(R, REQ, ANY, "确保灌溉用水符合农田灌溉水质标准，严禁未经达标处理的工业和城市污水直接灌溉农田。",
                            "Irrigation water meets the farmland irrigation standard; untreated industrial and urban wastewater may not be used on farmland.",
                            XR, "§5.3.1（四）"),
                    t(U, REQ, ANY, "构建农业节水体系，优化配置农业用水，严格控制区域取用水量，提高田间灌溉水利用率。",
                            "Agricultural water saving: farm water use is optimised, abstraction strictly controlled and field irrigation efficiency raised.",
                            XR, "§4.3.4、§4.3.5（一）"));
            // ---------------- 云州区: seed 001 ----------------
            case "云州区/优先保护" -> List.of(
                    t(S, REQ, ANY, "严守生态红线，坚持保护优先，保护好大同火山群风景名胜区、大同桑干河国家湿地公园等，确保火山、湿地等生态资源不受破坏；对自然保护区、湿地、生态功能保护区等实施分级分区管控。",
                            "Hold the red line, protection first: the 大同火山群 scenic area, the 桑干河 national wetland park and the like are protected so that volcanoes and wetlands are not damaged; nature reserves, wetlands and ecological function areas are under graded, zoned control.",
                            YZ, "第三章第七节一、三"),
                    t(E, REQ, ANY, "将自然保护区监管工作纳入日常监管范围，对污染环境的生产活动坚决予以打击。",
                            "Nature reserves are under routine supervision; polluting production is firmly cracked down on.",
                            YZ, "第三章第六节二"),
                    t(E, REQ, List.of("旅游"), "新开发的旅游区因地制宜建设污水、垃圾收集转运设施，严格管控各类分散型旅游点、农家乐、宾馆饭店，坚持污染不入河。",
                            "New tourist areas build sewage and refuse collection; scattered tourist spots, farm stays, hotels and restaurants are strictly controlled; no pollution into rivers.",
                            YZ, "第三章第三节五"),
                    t(R, REQ, ANY, "对国土空间开发强度过高，污染物排放超过环境自净能力，超过环境容量的，采取限制性措施，防止过度开发造成不可逆的后果。",
                            "Where development intensity is too high or discharges exceed the self-purification capacity, restrictive measures prevent irreversible over-development.",
                            YZ, "第三章第七节三"),
                    t(U, REQ, ANY, "推进桑干河自然保护区、六棱山自然保护区的天然林保护工程、退耕还林还草工程、“三北”防护林体系建设工程等重点生态建设工程。",
                            "Natural-forest protection, grain-for-green and Three-North shelterbelt projects in the 桑干河 and 六棱山 nature reserves.",
                            YZ, "第三章第六节一"));
            case "云州区/重点管控" -> List.of(
                    t(S, LIM, INDUSTRY, "各类入园项目应符合示范区规划环评相关要求，严格控制高碳、高耗能、高排放项目建设。",
                            "Projects entering the park meet its planning-EIA requirements; high-carbon, high-energy and high-emission projects are strictly controlled.",
                            YZ, "第三章第七节一"),
                    t(E, REQ, List.of("冶金建材", "煤矿", "非煤矿山"), "持续开展“散乱污”企业综合整治，按照“先停后治”的原则实施分类处置；加大对无组织排放企业治理，搅拌站、煤站、煤场等全部进行封闭料仓建设。",
                            "Small polluting firms are stopped first and then treated; fugitive emissions are controlled and mixing stations, coal stations and coal yards fully enclosed.",
                            YZ, "第三章第二节二"),
                    t(R, REQ, ANY, "土壤污染重点监管单位生产经营用地的用途变更或者在其土地使用权收回、转让前，应当由土地使用权人按规定进行土壤污染状况调查；加强城镇人口密集区危险化学品生产企业搬迁改造工作中腾退土地污染风险管控和治理修复。",
                            "Before the land of a key soil-supervision unit changes use or is recovered or transferred, the land user surveys the soil; land vacated by hazardous-chemical plants leaving populated areas is risk-managed and remediated.",
                            YZ, "第三章第四节三、四"),
                    t(U, REQ, ANY, "除煤电、集中供热和原料用煤企业（包括洁净型煤加工企业用煤）外，实现燃料煤炭“清零”，到2025年，力争煤炭在一次能源消费中比例下降到70%。",
                            "Apart from coal power, district heating and feedstock coal (incl. clean briquette makers) no coal is burned as fuel; coal's share of primary energy falls to 70% by 2025.",
                            YZ, "第三章第二节一"));
            case "云州区/一般管控" -> List.of(
                    t(S, REQ, MINING, "新建、在建矿山开采破坏土地要全部复垦；严格落实矿产资源开采与矿山生态修复治理同步规划、同步实施制度。",
                            "All land disturbed by new and active mines is reclaimed; mining and mine restoration are planned and carried out together.",
                            YZ, "第三章第六节三"),
                    t(E, REQ, List.of("养殖"), "深入贯彻落实《畜禽规模养殖污染防治条例》，到2022年，全区规模畜禽养殖场粪污处理设施实现全部配套。",
                            "Apply the livestock-pollution regulation: every large-scale farm has manure facilities by 2022.",
                            YZ, "第三章第五节四"),
                    t(R, REQ, ANY, "严格按照《农田灌溉水质标准》确定的水源适用范围，严禁将不符合灌溉水水质标准的污水用于农田灌溉。",
                            "Irrigation sources follow the farmland irrigation water standard; wastewater below it may not be used on farmland.",
                            YZ, "第三章第四节二"),
                    t(U, REQ, ANY, "力争2025年实现全区秸秆综合利用率90%以上，还田利用率60%以上，剩余得不到利用的秸秆要100%离田。",
                            "By 2025 at least 90% of straw is used and 60% returned to the field; the rest is all removed.",
                            YZ, "第三章第二节五"));
            // ---------------- 朔城区: seed 002 (朔州市 plan; there is no 朔城区 plan) ----------------
            case "朔城区/优先保护" -> List.of(
                    t(S, LIM, List.of("煤矿", "非煤矿山", "化工", "冶金建材", "房地产"), "强化生态功能区生态保护和修复，把保护生态环境、提供生态产品作为重点，禁止或限制大规模高强度的工业化城市化开发。",
                            "Ecological function areas are protected and restored; large-scale, high-intensity industrial and urban development is prohibited or restricted.",
                            SZ, "第三章第一节"),
                    t(E, REQ, ANY, "分区分类推进农村生活污水治理，优先治理水源保护区、黑臭水体集中区域、乡镇政府所在地、中心村、城乡结合部、旅游风景区等区域。",
                            "Rural sewage is treated area by area, first in water-source protection zones, black-odorous water areas, township seats, central villages, the urban fringe and scenic areas.",
                            SZ, "第五章第二节四"),
                    t(R, REQ, ANY, "从源头加强地下水管控，严格监控地下排污行为，杜绝水源地下污染问题。",
                            "Groundwater is controlled at the source: underground discharge is closely monitored so that water sources are not polluted from below.",
                            SZ, "第八章第一节"),
                    t(U, REQ, ANY, "在重点水源涵养区重建恢复森林、草原、湿地等生态系统，发挥绿化的水源涵养作用。",
                            "Forest, grassland and wetland are restored in the key water-conservation areas so that greening conserves water.",
                            SZ, "第八章第一节"));
            case "朔城区/重点管控" -> List.of(
                    t(S, REQ, INDUSTRY, "严禁未进行装备技术和规模升级的物理搬迁，要按照产业发展规模化、现代化的原则，搬迁至工业园区并实施升级改造；持续推进城市建成区及周边重污染企业搬迁退出。",
                            "No relocation without upgrading equipment and scale: plants move into industrial parks and are upgraded; heavy polluters in and around the built-up area move out.",
                            SZ, "第四章第五节"),
                    t(E, REQ, INDUSTRY, "推进工业集聚区污水集中治理，建设科学有效、工艺合理的污水集中处理设施，并加装在线监控。",
                            "Industrial clusters treat their wastewater centrally in effective plants fitted with online monitoring.",
                            SZ, "第五章第二节三"),
                    t(R, REQ, List.of("化工"), "逐步淘汰、搬迁不符合本地产业发展规划布局的危险化学品生产企业；新建化工企业必须全部进入工业园区，划定环境保护防护距离。",
                            "Hazardous-chemical plants that do not fit the local industrial layout are phased out or relocated; new chemical enterprises all locate in industrial parks with an environmental protection distance.",
                            SZ, "第七章第三节"),
                    t(U, REQ, List.of("化工", "冶金建材"), "重点推进煤电、煤化工等高耗水企业的节水技术改造，大力推广工业水循环利用，提高工业用水的重复利用率。",
                            "High-water-use firms such as coal power and coal chemicals retrofit for water saving; industrial water is recycled and reused.",
                            SZ, "第八章第一节"));
            case "朔城区/一般管控" -> List.of(
                    t(S, LIM, INDUSTRY, "在永久基本农田集中区域，不得规划新建可能造成土壤污染的建设项目；加大优先保护类耕地保护力度，确保其面积不减少、土壤环境质量不下降。",
                            "In permanent basic farmland concentration areas no new projects that could pollute soil are planned; priority-protection farmland keeps its area and soil quality.",
                            SZ, "第六章第二节"),
                    t(E, LIM, List.of("养殖"), "根据养殖场区土地消纳能力合理确定规模化畜禽养殖企业养殖规模，科学划分禁养区、控养区和可养区。",
                            "Large-scale livestock farms are sized to the land's capacity to absorb manure; no-breeding, controlled and permitted breeding zones are drawn.",
                            SZ, "第五章第一节五"),
                    t(R, REQ, ANY, "划定特定农产品严格管控区域，严禁种植食用农产品。",
                            "Strict-control zones for specific farm products are drawn; no food crops are grown there.",
                            SZ, "第六章第二节"),
                    t(U, REQ, ANY, "在地下水严重超采地区及水资源承载能力不足区域，实施轮作休耕；推行节水型畜禽养殖方式。",
                            "Crop rotation and fallowing where groundwater is severely over-pumped or water capacity is short; water-saving livestock farming.",
                            SZ, "第五章第一节五"));
            default -> throw new IllegalArgumentException("no rules for " + county + "/" + type);
        };
    }

    /** Requirements for the place a unit is named after, where its plan speaks of that place. */
    static List<T> byPlace(String county, String name) {
        List<T> out = new ArrayList<>();
        if (county.equals("平城区") && name.contains("安家小村")) {
            out.add(t(R, REQ, ANY, "加强安家小村水源地、马军营集中供水水源地落实保护措施，拆除和清运垃圾堆、违规建筑等。",
                    "Protect the 安家小村 and 马军营 water sources: remove refuse heaps and illegal buildings.", PC, "§6.4.2"));
        }
        if (county.equals("平城区") && name.contains("十里河")) {
            out.add(t(E, REQ, HEAVY, "加大十里河沿河企业污水治理，严禁超标排放，确保国考断面监测点水质达标。",
                    "Enterprises along the 十里河 treat their wastewater; no over-standard discharge, so that the national assessment section complies.", PC, "§6.3（二）"));
        }
        if (county.equals("新荣区") && name.contains("采凉山")) {
            out.add(t(U, REQ, ANY, "东部采凉山水源涵养区为生态保护核心地区，强化水源涵养林建设和保护。",
                    "The eastern 采凉山 water-conservation area is an ecological core: water-conservation forest is built and protected.", XR, "§4.1、§4.3.1"));
        }
        if (county.equals("新荣区") && name.contains("风沙防治区")) {
            out.add(t(S, REQ, ANY, "构筑京津防风固沙屏障。以防风固沙林、生态公益林、水土保持林、退耕还林还草为重点，推进环京津生态屏障建设。",
                    "Build the Beijing–Tianjin windbreak and sand barrier with windbreak, public-welfare and soil-conservation forest and grain-for-green.", XR, "§4.1"));
        }
        if (county.equals("新荣区") && name.contains("赵家窑水库")) {
            out.add(t(E, REQ, ANY, "推进山区搬迁工程，减少人类活动对于水源地的影响，将水库上游建成生态清洁小流域，实现源头保水。",
                    "Mountain villages are relocated to reduce human impact on the source; the catchment above the reservoir becomes a clean small catchment.", XR, "§5.3.1"));
        }
        if (county.equals("新荣区") && name.contains("新荣镇城镇")) {
            out.add(t(S, BAN, List.of("化工"), "全面取缔位于城镇建成区以及人口集聚区的涉危险化学品工业企业，做好危险化学品生产企业入园入区搬迁改造。",
                    "Industrial enterprises handling hazardous chemicals in built-up and populated areas are closed; hazardous-chemical producers move into parks.", XR, "§5.5.3"));
        }
        if (county.equals("新荣区") && name.contains("矿区")) {
            out.add(t(U, LIM, MINING, "严格矿山最低开采规模准入要求，提升矿业集中度；合理调控矿产资源开发利用总量和资源开发利用强度。",
                    "Mines must meet the minimum mining scale for entry; mining volume and intensity are kept within limits.", XR, "§7.4"));
            out.add(t(U, REQ, List.of("煤矿"), "大力推进煤矸石井下填充工作，新建矿井宜优先采用煤矸石井下充填工艺。",
                    "Gangue is backfilled underground; new mines should prefer underground gangue backfill.", XR, "§5.4.3"));
        }
        if (county.equals("新荣区") && (name.contains("物流") || name.contains("产业园") || name.contains("工业园"))) {
            out.add(t(S, REQ, HEAVY, "以古店物流制造园重点物流加工企业为基础，打造“物流——加工”产业链；推进钢铁、精细化工、碳素、煤炭等传统产业技术升级。",
                    "Parks of the development zone: logistics–processing chains around the 古店 park; technical upgrading of steel, fine chemicals, carbon and coal.", XR, "§6.2.1"));
        }
        if (county.equals("云州区") && (name.contains("湿地") || name.contains("册田水库"))) {
            out.add(t(S, LIM, ANY, "保护天然湿地，开展退耕还湿工程；控制开发占用湿地，强化湿地开发利用管理，加强湿地保护监管。",
                    "Natural wetland is protected and farmland returned to wetland; development taking wetland is controlled and wetland use supervised.", YZ, "第三章第六节三"));
        }
        if (county.equals("云州区") && name.contains("西坪城镇")) {
            out.add(t(U, REQ, ANY, "2021年底建成区及周边城乡接合部清洁取暖率达到100%。",
                    "Clean heating reaches 100% in the built-up area and its urban-rural fringe by the end of 2021.", YZ, "第三章第二节一"));
        }
        if (county.equals("云州区") && name.contains("现代农业产业示范区")) {
            out.add(t(S, REQ, ANY, "原则上，云州区新上项目均需入园；加快推动云州现代农业产业示范区规划环评的编制工作，因地制宜设置示范区负面清单。",
                    "In principle all new projects of the district enter the park; the park's planning EIA and negative list are to be drawn up.", YZ, "第三章第七节一、第三章第八节三"));
        }
        if (county.equals("朔城区") && (name.contains("神头泉域") || name.contains("耿庄"))) {
            out.add(t(U, LIM, List.of("煤矿", "水利", "化工", "冶金建材"), "加大对神头泉域的保护：实施地下水关井压采，带压区煤炭限采；废井封堵；在引水工程或者当地地表水源能满足生活、生产和生态环境用水的区域，政府应当禁止或者限制岩溶水的开采。",
                    "神头 spring domain: wells closed and pumping cut, coal mining limited in the confined zone, abandoned wells sealed; where diverted or local surface water suffices, karst-water extraction is prohibited or restricted.", SZ, "第五章第一节二"));
        }
        if (county.equals("朔城区") && (name.contains("水源涵养") || name.contains("七里河"))) {
            out.add(t(S, LIM, ANY, "在水源涵养区严格限制影响水源涵养功能的各类开发活动，包括农业与城镇空间的开发建设。",
                    "In water-conservation areas any development that harms water conservation is strictly limited, including farming and urban development.", SZ, "第八章第一节"));
        }
        if (county.equals("朔城区") && name.contains("城区重点")) {
            out.add(t(S, BAN, INDUSTRY, "禁止在居民区、学校、医疗和养老机构等周边规定范围内新建、扩建有色金属冶炼、焦化、煤焦油加工等行业企业。",
                    "No new or expanded non-ferrous smelting, coking or coal-tar plants within the prescribed range of homes, schools, hospitals and elderly care.", SZ, "第六章第四节"));
        }
        return out;
    }
}
