package cn.ecozone.accesslist;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.SiteFixtureLayers;
import cn.ecozone.testsupport.WebMapFixture;
import cn.ecozone.testsupport.XlsxSheets;
import cn.ecozone.text.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The spreadsheet (xlsx) and CSV interchange of the 准入清单: round trips, the documented layout, located errors. */
class AccessListInterchangeTest {
    static final AccessList SITE = AccessListJson.parse(SiteFixtureLayers.ACCESS_LIST.getBytes(StandardCharsets.UTF_8));
    static final AccessList WEB = AccessListJson.parse(WebMapFixture.ACCESS_LIST.getBytes(StandardCharsets.UTF_8));

    @TempDir Path dir;

    Set<String> fixtureUnitCodes() {
        LayerLoader.Result r = LayerLoader.load(SiteFixtureLayers.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        return r.layers().unitCodes();
    }

    @Test
    void anXlsxExportImportsBackAsTheIdenticalList() {
        for (AccessList original : List.of(SITE, WEB)) {
            AccessListImport.Result back = AccessListXlsx.read(AccessListXlsx.bytes(original), null);
            assertEquals(List.of(), back.errors());
            assertEquals(original, back.list());
            assertEquals(AccessListJson.tree(original), AccessListJson.tree(back.list()));
        }
    }

    @Test
    void aCsvExportImportsBackAsTheIdenticalList() {
        for (AccessList original : List.of(SITE, WEB)) {
            AccessListImport.Result back = AccessListCsv.read(AccessListCsv.bytes(original), null);
            assertEquals(List.of(), back.errors());
            assertEquals(original, back.list());
        }
    }

    @Test
    void theXlsxHasTheOfficialLayoutWithNumberedItemsPerDimension() {
        Map<String, List<List<String>>> sheets = XlsxSheets.read(AccessListXlsx.bytes(SITE));
        assertEquals(List.of("环境管控单元准入清单", "总体准入要求", "区域管控规则", "行业", "译文 English", "说明"), List.copyOf(sheets.keySet()));
        List<List<String>> units = sheets.get("环境管控单元准入清单");
        assertEquals(List.of("环境管控单元编码", "环境管控单元名称", "省", "市", "区县", "管控单元分类", "空间布局约束", "污染物排放管控", "环境风险防控", "资源利用效率"),
                units.get(0));
        assertEquals(1 + 16, units.size(), "one row per unit");
        List<String> first = units.get(1);
        assertEquals(List.of("ZH14021210001", "新荣区优先保护单元1", "山西省", "大同市", "新荣区", "优先保护"), first.subList(0, 6));
        assertEquals("1.〔ZH14021210001-S〕【限制】优先保护单元以生态保护为主，严格限制大规模、高强度的工业和城镇开发（依据：新荣区｜《新荣区测试规划》｜§1）\n"
                + "2.〔ZH14021210001-P〕【要求｜pv】光伏项目应避让林地和生态敏感区，施工结束后实施植被恢复（依据：新荣区｜《新荣区测试规划》｜§1）", first.get(6).replace(". ", "."));
        assertEquals("1. 〔ZH14021210001-R〕【要求】涉及危险化学品的项目须编制突发环境事件应急预案（依据：大同市｜《大同市测试规划》｜§1）", first.get(8));
        List<List<String>> overall = sheets.get("总体准入要求");
        assertEquals(List.of("层级", "省", "市", "区县", "空间布局约束", "污染物排放管控", "环境风险防控", "资源利用效率"), overall.get(0));
        assertEquals(List.of("区县", "山西省", "大同市", "新荣区", "1. 〔XR-01〕【要求】不符合规划环评结论及审查意见的项目环评，依法不予审批（依据：新荣区｜《新荣区测试规划》｜§1）"),
                overall.get(1));
        List<List<String>> zones = sheets.get("区域管控规则");
        assertEquals(List.of("编号", "层级", "范围", "图层", "匹配条件", "维度", "效力", "行业", "要求", "依据"), zones.get(0));
        assertEquals(List.of("WS-01", "国家", "全国", "water_source", "level=一级", "空间布局约束", "禁止", "pv、chemical、mining",
                "一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目", "国家｜《中华人民共和国水污染防治法》第六十五条"), zones.get(2));
        assertEquals(List.of("编号", "English"), sheets.get("译文 English").get(0));
        assertEquals(List.of("ZH14021210001-S", "ZH14021210001-S (en)"), sheets.get("译文 English").get(1));
        assertEquals(List.of("pv", "光伏", "Photovoltaic"), sheets.get("行业").get(1));
    }

    @Test
    void itemsAnOfficialTypesWithoutIdsEffectOrNumbersAreReadWithGeneratedIds() {
        Map<String, List<List<String>>> sheets = XlsxSheets.read(AccessListXlsx.bytes(SITE));
        sheets.remove("译文 English");
        // first unit, 污染物排放管控: two items typed by hand, the first with its effect and industries by Chinese name
        XlsxSheets.set(sheets.get("环境管控单元准入清单"), 1, 7, "1、【禁止｜化工，采矿】禁止新建排放重金属的项目（依据：新荣区｜《新荣区测试规划》）\n"
                + "2． 废水须经处理达标后排放，\n  不得直排（依据：国家｜《水污染防治法》｜第三十九条）");
        AccessListImport.Result r = AccessListXlsx.read(XlsxSheets.write(sheets), null);
        assertEquals(List.of(), r.errors());
        Requirement a = r.list().requirements().stream().filter(q -> q.id().equals("ZH14021210001-E1")).findFirst().orElseThrow();
        assertEquals(new Requirement("ZH14021210001-E1", Level.UNIT, "ZH14021210001", null, Dimension.EMISSION, Effect.PROHIBITED,
                List.of("chemical", "mining"), cn.ecozone.text.LocalizedText.of("禁止新建排放重金属的项目", null),
                new Basis("新荣区", "《新荣区测试规划》", "")), a);
        Requirement b = r.list().requirements().stream().filter(q -> q.id().equals("ZH14021210001-E2")).findFirst().orElseThrow();
        assertEquals(Effect.REQUIRED, b.effect());
        assertEquals("废水须经处理达标后排放，\n  不得直排", b.text().zh());
        assertEquals(new Basis("国家", "《水污染防治法》", "第三十九条"), b.basis());
    }

    @Test
    void aFileWithAnUnknownUnitCodeADuplicateCodeAndAnEmptyDimensionIsRefusedWithThreeLocatedErrors() {
        byte[] bad = AccessListFixtures.threeErrors(AccessListXlsx.bytes(SITE));
        AccessListImport.Result r = AccessListXlsx.read(bad, fixtureUnitCodes());
        assertNull(r.list(), "nothing to store");
        assertEquals(AccessListFixtures.THREE_ERRORS_AT.size(), r.errors().size(), String.join("\n", r.errors()));
        for (int i = 0; i < 3; i++) {
            assertTrue(r.errors().get(i).startsWith(AccessListFixtures.THREE_ERRORS_AT.get(i)), r.errors().get(i));
            assertTrue(r.errors().get(i).contains(AccessListFixtures.THREE_ERRORS_SAY.get(i)), r.errors().get(i));
        }
    }

    @Test
    void unreadableItemsUnknownEffectsLevelsAndIndustriesAreEachReportedAtTheirCell() {
        Map<String, List<List<String>>> sheets = XlsxSheets.read(AccessListXlsx.bytes(SITE));
        XlsxSheets.set(sheets.get("环境管控单元准入清单"), 2, 7, "1. 〔X-1〕【严禁】不得排放（依据：新荣区｜《新荣区测试规划》）");
        XlsxSheets.set(sheets.get("环境管控单元准入清单"), 3, 8, "1. 〔X-2〕【禁止｜造纸】禁止造纸（依据：大同市｜《大同市测试规划》）");
        XlsxSheets.set(sheets.get("环境管控单元准入清单"), 4, 9, "1. 〔X-3〕【限制】新建项目（依据：山西省｜《山西省测试规划》");
        XlsxSheets.set(sheets.get("总体准入要求"), 1, 0, "乡镇");
        XlsxSheets.set(sheets.get("区域管控规则"), 1, 5, "生态");
        sheets.remove("译文 English");
        AccessListImport.Result r = AccessListXlsx.read(XlsxSheets.write(sheets), null);
        String all = String.join("\n", r.errors());
        assertEquals(5, r.errors().size(), all);
        assertTrue(all.contains("「环境管控单元准入清单」第 3 行 H 列（污染物排放管控）：第 1 条 item 1：效力应为"), all);
        assertTrue(all.contains("「环境管控单元准入清单」第 4 行 I 列（环境风险防控）：要求 X-2：未知行业 / unknown industry \"造纸\""), all);
        assertTrue(all.contains("「环境管控单元准入清单」第 5 行 J 列（资源利用效率）：第 1 条 item 1：依据应写在末尾"), all);
        assertTrue(all.contains("「总体准入要求」第 2 行 A 列（层级）：层级应为"), all);
        assertTrue(all.contains("「区域管控规则」第 2 行 F 列（维度）：维度应为"), all);
    }

    @Test
    void aUnitWithoutAnyRequirementAndADuplicateIdAreLocated() {
        Map<String, List<List<String>>> sheets = XlsxSheets.read(AccessListXlsx.bytes(SITE));
        List<List<String>> units = sheets.get("环境管控单元准入清单");
        for (int c = 6; c < 10; c++) XlsxSheets.set(units, 3, c, "");
        XlsxSheets.set(units, 5, 9, units.get(2).get(9));
        AccessListImport.Result r = AccessListXlsx.read(XlsxSheets.write(sheets), null);
        String all = String.join("\n", r.errors());
        assertEquals(2, r.errors().size(), all);
        assertTrue(all.contains("「环境管控单元准入清单」第 4 行 A 列（环境管控单元编码）：该单元没有任何准入要求"), all);
        assertTrue(all.contains("「环境管控单元准入清单」第 6 行 J 列（资源利用效率）：要求 ZH14021220002-U：要求编号重复"), all);
    }

    @Test
    void aCsvWithBadFieldsNamesRowAndColumn() {
        String csv = new String(AccessListCsv.bytes(SITE), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF记录,编号,内容,English,层级,范围,省,市,区县,管控单元分类,维度,效力,行业,图层,匹配条件,依据发布机关,依据文件,依据条款\r\n"), csv);
        assertTrue(csv.contains("\r\n要求,WS-02,二级保护区内禁止新建、改建、扩建排放污染物的建设项目,WS-02 (en),国家,全国,,,,,空间布局约束,禁止,chemical、mining,water_source,level=二级,国家,"
                + "《中华人民共和国水污染防治法》第六十六条,\r\n"), csv);
        String bad = csv.replace("要求,WS-02,", "要求,WS-02,").replace(",空间布局约束,禁止,chemical、mining,water_source", ",空间布局约束,不准,chemical、mining,water_source");
        AccessListImport.Result r = AccessListCsv.read(bad.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(1, r.errors().size(), String.join("\n", r.errors()));
        int row = csv.substring(0, csv.indexOf("要求,WS-02,")).split("\r\n").length + 1;
        assertTrue(r.errors().get(0).startsWith("「CSV」第 " + row + " 行 L 列（效力）：效力应为"), r.errors().get(0));
    }

    @Test
    void aCsvUnitWithAnEmptyDimensionAndAnUnknownCodeIsLocatedAtItsRow() {
        List<String> lines = new java.util.ArrayList<>(List.of(new String(AccessListCsv.bytes(SITE), StandardCharsets.UTF_8).split("\r\n")));
        int unitRow = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("单元,ZH14021220002,")) unitRow = i + 1;
        lines.removeIf(l -> l.startsWith("要求,ZH14021220002-S,"));
        lines.replaceAll(l -> l.replace("单元,ZH14021210001,", "单元,ZH00000000000,").replace(",ZH14021210001,", ",ZH00000000000,"));
        AccessListImport.Result r = AccessListCsv.read(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8), fixtureUnitCodes());
        // header row 1, 标题 row 2, three 行业 rows 3–5: the first unit is row 6
        assertEquals(2, r.errors().size(), String.join("\n", r.errors()));
        assertTrue(r.errors().get(0).startsWith("「CSV」第 6 行 B 列（编号）：环境管控单元编码 ZH00000000000 不在管控单元图层"), r.errors().get(0));
        assertEquals("「CSV」第 " + unitRow + " 行 B 列（编号）：［空间布局约束］该维度为空 / no requirement in this dimension", r.errors().get(1));
    }

    @Test
    void formatsAreDetectedFromTheBytes() {
        assertEquals(AccessListImport.Format.XLSX, AccessListImport.Format.detect("application/octet-stream", AccessListXlsx.bytes(SITE)));
        assertEquals(AccessListImport.Format.CSV, AccessListImport.Format.detect(null, AccessListCsv.bytes(SITE)));
        assertEquals(AccessListImport.Format.JSON, AccessListImport.Format.detect("text/plain", AccessListJson.bytes(SITE)));
    }
}
