package cn.ecozone.accesslist;

import cn.ecozone.testsupport.XlsxSheets;

import java.util.List;
import java.util.Map;

/** The refused workbook of issue 12: an unknown unit code, a duplicate code and an empty dimension, edited as an official would. */
public final class AccessListFixtures {
    private AccessListFixtures() {}

    public static final List<String> THREE_ERRORS_AT = List.of(
            "「环境管控单元准入清单」第 2 行 A 列（环境管控单元编码）：",
            "「环境管控单元准入清单」第 4 行 A 列（环境管控单元编码）：",
            "「环境管控单元准入清单」第 5 行 G 列（空间布局约束）：");
    public static final List<String> THREE_ERRORS_SAY = List.of("ZH99999999999 不在管控单元图层", "环境管控单元编码重复", "该维度为空");

    /** Row 2's code → ZH99999999999 (no such unit), row 4 takes row 3's code, row 5's 空间布局约束 emptied. */
    public static byte[] threeErrors(byte[] exported) {
        Map<String, List<List<String>>> sheets = XlsxSheets.read(exported);
        List<List<String>> units = sheets.get("环境管控单元准入清单");
        XlsxSheets.set(units, 1, 0, "ZH99999999999");
        XlsxSheets.set(units, 3, 0, units.get(2).get(0));
        XlsxSheets.set(units, 4, 6, "");
        return XlsxSheets.write(sheets);
    }
}
