package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.api.Json;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.BoundaryPointTxt;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site-check JSON's {@code notices}: one per legacy {@code warnings} string, in the same order, each with a code and
 * a Chinese and an English text written for people. Every kind of warning the reader and the analysis make is
 * provoked here through the real reader and check, so a reader wording the {@link InputNotices} rules no longer
 * recognise fails here (as {@code input.other}) rather than reaching people half translated.
 */
class NoticesTest {
    @TempDir static Path dir;
    static SiteCheck check;
    static final Charset GBK = Charset.forName("GBK");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    static final Pattern NUMBER = Pattern.compile("\\d+");

    @BeforeAll
    static void load() {
        LayerLoader.Result r = LayerLoader.load(SiteFixtureLayers.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        check = new SiteCheck(r.layers(), AccessListJson.read(dir.resolve("access-list.json")));
    }

    static SiteCheckResult txt(BoundaryPointTxt t, String crs, String industry) {
        SiteInput in = new SiteInputReader().read(t.text().getBytes(GBK), crs, null);
        return check.run(in, industry, SiteCheck.DEFAULT_NEARBY_M);
    }

    static SiteCheckResult wkt(String wkt, String industry) {
        return check.run(new SiteInputReader().read(wkt.getBytes(StandardCharsets.UTF_8), null, "测试地块"), industry, SiteCheck.DEFAULT_NEARBY_M);
    }

    static BoundaryPointTxt solar() {
        return SiteFixtureLayers.scenario1SolarFarm();
    }

    /** The JSON a client receives, checked as a client would read it; returns the notices' codes. */
    static List<String> checkedCodes(SiteCheckResult r) {
        JsonNode j = Json.MAPPER.valueToTree(r);
        JsonNode warnings = j.get("warnings"), notices = j.get("notices");
        assertTrue(notices != null && notices.isArray(), "notices in the JSON");
        assertEquals(warnings.size(), notices.size(), "one notice per warning: " + j);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < notices.size(); i++) {
            JsonNode n = notices.get(i);
            String code = n.path("code").asText(), zh = n.path("zh").asText(), en = n.path("en").asText(), legacy = warnings.get(i).asText();
            codes.add(code);
            assertTrue(code.matches("[a-z]+(\\.[a-z-]+)+"), code);
            assertFalse(code.equals("input.other"), "a reader warning no rule knows: " + legacy);
            assertTrue(HAN.matcher(zh).find(), "Chinese text: " + zh);
            // written for people: no request fields or attribute names, no English half in the Chinese text
            for (String field : List.of("industry", "crs", "nearbyM", "industryVerdicts", "declared", " / ")) {
                assertFalse(zh.contains(field), "“" + field + "” in " + zh);
            }
            assertFalse(zh.replaceAll("EPSG|CGCS2000", "").matches(".*[A-Za-z]{4,}.*"), "an English word in " + zh);
            // the English text has Chinese only inside quotes (names)
            String unquoted = en.replaceAll("“[^”]*”", "");
            assertFalse(HAN.matcher(unquoted).find(), "Chinese outside quotes: " + en);
            assertFalse(en.contains("（") || en.contains("，") || en.contains("；"), "full-width punctuation in " + en);
            // same order: the notice speaks of the numbers its warning speaks of
            Set<String> said = numbers(legacy);
            for (String k : numbers(zh)) assertTrue(said.contains(k), "notice " + i + " (" + zh + ") does not match warning " + i + " (" + legacy + ")");
        }
        return codes;
    }

    static Set<String> numbers(String s) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    @Test
    void readerWarningsBecomeNoticesInTheSameOrder() {
        assertEquals(List.of("input.zone-mismatch", "parcel.declared-area-differs"), checkedCodes(txt(solar().headerZone(39), null, "pv")));
        assertEquals(List.of("input.ring-closed", "input.ring-closed", "input.ring-closed", "input.crs-ignored", "parcel.declared-area-differs"),
                checkedCodes(txt(solar().unclosedRings(), "EPSG:4326", "pv")));
        assertEquals(List.of("input.no-zone-prefix", "parcel.declared-area-differs"), checkedCodes(txt(solar().withoutZonePrefix(), null, "pv")));
        List<String> eastFirst = checkedCodes(txt(solar().eastFirst(), null, "pv"));
        assertTrue(eastFirst.contains("input.east-north-order"), eastFirst.toString());
        List<String> noCrs = checkedCodes(txt(solar().coordinateSystem(null), null, "pv"));
        assertTrue(noCrs.contains("input.crs-not-declared"), noCrs.toString());
    }

    @Test
    void analysisWarningsBecomeNotices() {
        List<String> any = checkedCodes(txt(solar(), null, null));
        assertEquals(List.of("parcel.declared-area-differs", "industry.not-chosen"), any);
        SiteCheckResult noIndustry = txt(solar(), null, null);
        Notice n = noIndustry.notices().get(1);
        assertTrue(n.zh().startsWith("未选择行业") && n.zh().contains("光伏、化工、采矿"), n.zh());
        assertTrue(n.en().contains("Photovoltaic, Chemical, Mining"), "industries by their English names: " + n.en());
        assertEquals(List.of("site.straddles-gk-zones"), checkedCodes(wkt("POLYGON((112.49 39.305, 112.51 39.305, 112.51 39.315, 112.49 39.315, 112.49 39.305))", "pv")));
        assertEquals(List.of("site.outside-control-units"), checkedCodes(wkt("POLYGON((113.60 40.60, 113.61 40.60, 113.61 40.61, 113.60 40.60))", "pv")));
        assertEquals(List.of("site.partly-outside-control-units"),
                checkedCodes(wkt("POLYGON((113.44 40.25, 113.46 40.25, 113.46 40.26, 113.44 40.26, 113.44 40.25))", "pv")));
        SiteInput two = new SiteInputReader().read(("{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"甲\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.21,40.25],[113.22,40.25],[113.22,40.26],[113.21,40.26],[113.21,40.25]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"乙\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.215,40.25],[113.225,40.25],[113.225,40.26],[113.215,40.26],[113.215,40.25]]]}}]}")
                .getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(List.of("site.parcels-overlap"), checkedCodes(check.run(two, "pv", 1000)));
    }

    @Test
    void theLegacyWarningsAreUnchanged() {
        SiteCheckResult r = txt(solar().headerZone(39), null, null);
        assertTrue(r.warnings().get(0).startsWith("文件头 带号=39，但坐标 Y 的前两位为 38") && r.warnings().get(0).contains(" / header zone 39"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).matches("地块“光伏二区”声明面积 180\\.0000 公顷，实测 184\\.\\d{4} 公顷，相差 \\+2\\.\\d\\d% / declared 180\\.0000 ha, .*"), r.warnings().get(1));
        assertTrue(r.warnings().get(2).startsWith("未指定行业：结论只计适用于所有项目的要求；以下行业在此禁止准入：光伏、化工、采矿。请选择行业得到针对本项目的结论 / no industry given"),
                r.warnings().get(2));
    }
}
