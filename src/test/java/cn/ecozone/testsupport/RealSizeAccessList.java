package cn.ecozone.testsupport;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.Basis;
import cn.ecozone.accesslist.Dimension;
import cn.ecozone.accesslist.Effect;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.accesslist.Level;
import cn.ecozone.accesslist.Requirement;
import cn.ecozone.accesslist.Unit;
import cn.ecozone.accesslist.ZoneSelector;
import cn.ecozone.text.LocalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated list of the national size (44,604 环境管控单元, the count of the 2023 national 分区管控 update): 31
 * provinces × 12 cities × 10 counties, about 12 units a county; each unit with a requirement in every dimension (a
 * second, industry-limited one in 空间布局约束 for every third unit), every county, city and province with 总体准入要求
 * in the four dimensions, and the national red-line and water-source rules. Deterministic; valid by AccessListCheck.
 */
public final class RealSizeAccessList {
    public static final int UNITS = 44_604;

    private RealSizeAccessList() {}

    public static AccessList generate() {
        List<Industry> industries = List.of(new Industry("光伏", "光伏发电", "Solar PV"), new Industry("化工", "化工、焦化、医药", "Chemicals"),
                new Industry("煤矿", "煤炭开采", "Coal mining"), new Industry("非煤矿山", "非煤矿山", "Non-coal mining"));
        String[] types = {"优先保护", "重点管控", "一般管控"};
        List<Unit> units = new ArrayList<>(UNITS);
        List<Requirement> reqs = new ArrayList<>(UNITS * 5);
        int provinces = 31, cities = 12, counties = 10, perCounty = (UNITS + provinces * cities * counties - 1) / (provinces * cities * counties);
        int n = 0;
        for (int p = 0; p < provinces && n < UNITS; p++) {
            String province = "省" + p;
            for (Dimension d : Dimension.values()) reqs.add(overall(province + "-" + d.id(), Level.PROVINCE, province, d, province));
            for (int c = 0; c < cities && n < UNITS; c++) {
                String city = province + "市" + c, cityScope = province + "/" + city;
                for (Dimension d : Dimension.values()) reqs.add(overall(city + "-" + d.id(), Level.CITY, cityScope, d, city));
                for (int k = 0; k < counties && n < UNITS; k++) {
                    String county = city + "县" + k, countyScope = cityScope + "/" + county;
                    for (Dimension d : Dimension.values()) reqs.add(overall(county + "-" + d.id(), Level.COUNTY, countyScope, d, county));
                    for (int u = 0; u < perCounty && n < UNITS; u++, n++) {
                        String type = types[n % 3];
                        String code = String.format("ZH%02d%02d%02d%d%04d", p + 11, c + 1, k + 1, n % 3 + 1, u + 1);
                        units.add(new Unit(code, county + type + "单元" + (u + 1), province, city, county, type));
                        for (Dimension d : Dimension.values()) {
                            String issuer = switch (d) { case SPATIAL -> county; case EMISSION -> city; case RISK -> province; case RESOURCE -> "国家"; };
                            reqs.add(new Requirement(code + "-" + "SERU".charAt(d.ordinal()), Level.UNIT, code, null, d, n % 3 == 0 && d == Dimension.SPATIAL
                                    ? Effect.RESTRICTED : Effect.REQUIRED, List.of(), LocalizedText.of(text(d, type), "Requirement " + d.en() + " of " + code),
                                    new Basis(issuer, "《" + issuer + "生态环境分区管控方案》", "第" + (d.ordinal() + 3) + "条")));
                        }
                        if (n % 3 == 1) {
                            reqs.add(new Requirement(code + "-s2", Level.UNIT, code, null, Dimension.SPATIAL, Effect.PROHIBITED, List.of("化工", "煤矿"),
                                    LocalizedText.of("禁止新建化工、煤炭开采项目，现有项目逐步退出", "No new chemical plants or coal mines"),
                                    new Basis(county, "《" + county + "“十四五”生态环境保护规划》", "§4.2")));
                        }
                    }
                }
            }
        }
        reqs.add(new Requirement("RL-01", Level.NATIONAL, "全国", new ZoneSelector("redline", Map.of()), Dimension.SPATIAL, Effect.PROHIBITED,
                List.of("光伏", "化工", "煤矿", "非煤矿山"), LocalizedText.of("生态保护红线内禁止开发性、生产性建设活动", "No development in red lines"),
                new Basis("国家", "《关于在国土空间规划中统筹划定落实三条控制线的指导意见》", "")));
        reqs.add(new Requirement("WS-1", Level.NATIONAL, "全国", new ZoneSelector("water_source", Map.of("level", List.of("一级保护区", "一级"))),
                Dimension.SPATIAL, Effect.PROHIBITED, List.of("光伏", "化工", "煤矿", "非煤矿山"),
                LocalizedText.of("一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目", "Nothing unrelated to water supply"),
                new Basis("国家", "《中华人民共和国水污染防治法》", "第六十五条")));
        return new AccessList(LocalizedText.of("全国生态环境准入清单（生成）", "National access list (generated)"), industries, units, reqs);
    }

    private static String text(Dimension d, String type) {
        return switch (d) {
            case SPATIAL -> type + "单元：严格落实生态保护红线和一般生态空间管控要求，禁止不符合主体功能定位的开发建设活动，严格限制高耗能、高排放项目";
            case EMISSION -> "新建、改建、扩建项目实行主要污染物排放等量或减量替代，工业废水须经处理达到相应排放标准后排放";
            case RISK -> "涉及有毒有害物质的企业须落实土壤和地下水污染防治措施，编制突发环境事件应急预案并定期演练";
            case RESOURCE -> "严格执行用水总量和强度双控，新建项目单位产品能耗、水耗须达到国内先进水平";
        };
    }

    private static Requirement overall(String id, Level level, String scope, Dimension d, String issuer) {
        return new Requirement(id, level, scope, null, d, Effect.REQUIRED, List.of(),
                LocalizedText.of(issuer + "总体准入要求：" + text(d, "各类"), "General requirement of " + issuer),
                new Basis(issuer, "《" + issuer + "“三线一单”生态环境分区管控实施方案》", "§" + (d.ordinal() + 1)));
    }
}
