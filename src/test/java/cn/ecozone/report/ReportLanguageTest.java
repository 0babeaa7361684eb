package cn.ecozone.report;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.accesslist.Requirement;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SiteFixtureLayers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site-check report in English and in Chinese, read back from the PDF by text extraction (PDFBox): the English
 * one carries Chinese only inside names the data gives (zones, places, documents, the site and its parcels), has
 * English headings, verdict, units, notices, disclaimer and page numbers; the Chinese one mixes in no English.
 * The layers are the site fixture with its catalog title marked 示意 (so the disclaimer shows) — SCENARIO 1's solar
 * farm, checked once for 光伏 and once without an industry (every industry's verdict and its notice).
 */
class ReportLanguageTest {
    @TempDir static Path dir;
    static LayerSet layers;
    static AccessList access;
    static SiteInput farm;
    static SiteCheckResult pv, anyIndustry;
    static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    @BeforeAll
    static void check() throws IOException {
        SiteFixtureLayers.write(dir);
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, Files.readString(catalog).replace("\"zh\": \"选址测试\"", "\"zh\": \"选址测试（示意数据）\""));
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), r.problems().toString());
        layers = r.layers();
        access = AccessListJson.read(dir.resolve("access-list.json"));
        farm = new SiteInputReader().read(SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK")), null, "新荣区光伏电站一期");
        pv = new SiteCheck(layers, access).run(farm, "pv", SiteCheck.DEFAULT_NEARBY_M);
        anyIndustry = new SiteCheck(layers, access).run(farm, null, SiteCheck.DEFAULT_NEARBY_M);
        assertEquals("prohibited", pv.verdict().id());
        assertFalse(pv.notices().isEmpty(), "plot 2's declared area differs: a notice");
    }

    static String pdfText(SiteCheckResult r, ReportLanguage lang) throws IOException {
        byte[] pdf = SiteReportPdf.render(r.forReport(), new SiteFigure(r, farm.geometry(), layers, 720, 480), farm.parcels(), lang);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Every name the data gives: feature names and attribute values, the access list's places and documents, the site's names. */
    static Set<String> dataNames() {
        Set<String> names = new HashSet<>();
        for (FeatureSource s : layers.inOrder()) {
            try (Stream<SimpleFeature> fs = s.query(FeatureQuery.all())) {
                fs.forEach(f -> f.getProperties().forEach(p -> {
                    if (p.getValue() instanceof String v) names.add(v);
                }));
            }
        }
        for (Requirement q : access.requirements()) {
            names.add(q.scope());
            names.add(q.basis().text());
            names.add(q.basis().issuer());
        }
        names.add(farm.name());
        farm.parcels().forEach(p -> names.add(p.name()));
        return names;
    }

    @Test
    void theEnglishReportHasEnglishWordsAndChineseOnlyInTheDatasNames() throws IOException {
        for (SiteCheckResult r : List.of(pv, anyIndustry)) {
            String text = pdfText(r, ReportLanguage.EN);
            Set<String> names = dataNames();
            List<String> strays = new ArrayList<>();
            Matcher m = HAN.matcher(text);
            while (m.find()) {
                String run = m.group();
                if (names.stream().noneMatch(n -> n.contains(run))) strays.add(run);
            }
            assertTrue(strays.isEmpty(), "Chinese outside the data's names: " + strays + "\n" + text);
            for (String mark : List.of("（", "）", "：", "；", "。", "，", "“", "”")) assertFalse(text.contains(mark), "full-width " + mark + " in English:\n" + text);
            String flat = text.replaceAll("\\s+", " ");
            for (String heading : List.of("Project Site Check Report", "Verdict by dimension", "1. The project site", "2. Location map",
                    "3. Overlaps with zones", "4. Zones nearby (within 1,000 m, not overlapped)", "5. Access-list requirements that apply (by dimension)",
                    "6. Notices", "Appendix: boundary point coordinates", "Prepared by:", "Reviewed by:", "(Seal)")) {
                assertTrue(flat.contains(heading), heading + " missing:\n" + text);
            }
            assertTrue(flat.contains("illustrative sample data"), "the disclaimer, in English");
            assertTrue(flat.contains(" ha = ") && flat.contains(" mu") && flat.contains(" m² "), "units in English: " + flat);
            assertTrue(flat.contains("(1) Spatial layout constraints: " + (r == pv ? "Prohibited" : "Restricted")), flat);
            assertTrue(text.matches("(?s).*Report no\\.: EZ-\\d{8}-[0-9A-F]{6}.*"), "a report number");
            int pages = text.split("Page \\d+ of ").length - 1;
            assertTrue(pages >= 2 && flat.contains("Page 1 of " + pages) && flat.contains("Page " + pages + " of " + pages), "page numbers: " + pages);
            assertTrue(flat.contains("\"安家小村水源地二级保护区\" (second-level protection zone)"), "a water-source zone keeps its name, glossed: " + flat);
        }
        String pvText = pdfText(pv, ReportLanguage.EN).replaceAll("\\s+", " ");
        assertTrue(pvText.contains("Verdict: Prohibited"), pvText);
        assertTrue(pvText.contains("Industry Photovoltaic"), "the industry's English name from the access list: " + pvText);
        assertTrue(pvText.contains("RL-01 (en)"), "requirements in the access list's English");
        assertTrue(pvText.contains("Parcel \"光伏二区\" declares 180.0000 ha"), "the notice in English: " + pvText);
        String any = pdfText(anyIndustry, ReportLanguage.EN).replaceAll("\\s+", " ");
        assertTrue(any.contains("Verdict by industry (no industry given)") && any.contains("No industry was chosen"), any);
    }

    @Test
    void theChineseReportMixesInNoEnglish() throws IOException {
        for (SiteCheckResult r : List.of(pv, anyIndustry)) {
            String text = pdfText(r, ReportLanguage.ZH);
            String flat = text.replaceAll("\\s+", "");
            assertTrue(flat.contains("研判结论：" + r.verdictZh()), "the verdict in Chinese alone");
            for (String english : List.of("prohibited", "restricted", "conditional", "allowed", "outside", "declared", "measured", "industry",
                    "Verdict", "Page", "(en)")) {
                assertFalse(flat.toLowerCase(java.util.Locale.ROOT).contains(english.toLowerCase(java.util.Locale.ROOT)), "“" + english + "” in the Chinese report:\n" + text);
            }
            assertFalse(flat.matches("(?s).*（[A-Za-z]+）.*"), "no （english） glosses:\n" + text);
            assertTrue(flat.contains("示意数据") && flat.contains("不得作为审批依据"), "the disclaimer");
            assertTrue(flat.contains("六、提示") && flat.contains("附表　界址点坐标") && flat.contains("第1页共"), flat);
        }
        assertTrue(pdfText(pv, ReportLanguage.ZH).replaceAll("\\s+", "").contains("地块“光伏二区”的申报面积为180.0000公顷"), "the notice as written for people");
    }

    @Test
    void theHtmlReportSaysWhatThePdfSays() throws IOException {
        String html = SiteReportHtml.render(pv.forReport(), new SiteFigure(pv, farm.geometry(), layers, 720, 480), farm.parcels(), ReportLanguage.EN);
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"en\">"));
        String pdf = pdfText(pv, ReportLanguage.EN).replaceAll("\\s+", "");
        for (String words : List.of("Verdictbydimension", "3.Overlapswithzones", "Appendix:boundarypointcoordinates", "Locator", "Projectsite")) {
            assertTrue(html.replaceAll("\\s+", "").contains(words) && pdf.contains(words), words);
        }
        assertTrue(html.contains("<span class=\"verdict prohibited\">Prohibited</span>"), html);
    }

    @Test
    void anUnknownLanguageIsRefused() {
        assertEquals(ReportLanguage.ZH, ReportLanguage.of(null));
        assertEquals(ReportLanguage.EN, ReportLanguage.of("en-GB"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ReportLanguage.of("fr"));
        assertTrue(e.getMessage().contains("fr") && e.getMessage().contains("zh"), e.getMessage());
    }
}
