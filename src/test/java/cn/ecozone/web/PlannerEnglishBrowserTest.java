package cn.ecozone.web;

import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.MapSession;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.MapPages;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The planner in English (issue 17): with the English toggle on, the planner panel — labels, buttons, the result with
 * its warnings, tables and clauses, and a refused file's error — holds no Chinese characters and no full-width
 * punctuation, and no field names written for programs. Desktop 1400×900 and phone 390×844.
 *
 * <p>Exempt, exactly: elements marked {@code data-verbatim}, which the page uses only for values quoted from the data as
 * they are — names of zones and places from the layers (hits, nearby zones, the zone a clause was triggered by, where
 * an industry is banned), the site's own name as given or read from its file, and a clause's basis (the document's
 * title and issuer as published). Everything else is checked, attribute texts (title, aria-label, placeholder) too.
 * The server's warnings come as legacy "中文 / English" strings (or structured notices): only the English is shown.
 */
class PlannerEnglishBrowserTest {
    static final int[][] SIZES = {{1400, 900}, {390, 844}};
    /** Over the red line HX-1/HX-2 and 平城西, and 0.01° west of the data: a coverage warning and banned industries. */
    static final String SITE = "{\"type\":\"Polygon\",\"coordinates\":[[[113.19,40.005],[113.235,40.005],[113.235,40.025],[113.19,40.025],[113.19,40.005]]]}";
    static final Pattern CJK = Pattern.compile("[\\x{3400}-\\x{9fff}\\x{f900}-\\x{faff}]");
    static final Pattern FULL_WIDTH = Pattern.compile("[\\x{3000}-\\x{303f}\\x{ff00}-\\x{ffef}]");
    /** A field name such as industryVerdicts or siteShare (lower camel case). */
    static final Pattern CODE_WORD = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");
    /** The panel's text and attribute texts with data-verbatim elements left out. */
    static final String TEXT_OF = "const c = arguments[0].cloneNode(true); c.querySelectorAll('[data-verbatim]').forEach(e => e.remove());"
            + "const texts = []; const w = document.createTreeWalker(c, NodeFilter.SHOW_TEXT); while (w.nextNode()) texts.push(w.currentNode.nodeValue);"
            + "const attrs = Array.from(c.querySelectorAll('[title],[aria-label],[placeholder]'))"
            + ".map(e => [e.getAttribute('title'), e.getAttribute('aria-label'), e.getAttribute('placeholder')].filter(Boolean).join(' '));"
            + "return texts.join('\\n') + '\\n' + attrs.join('\\n');";
    @TempDir static Path dir;
    static MapSession map;
    static Http http;
    static HeadlessChromium chromium;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        map = MapSession.start(dir);
        http = map.http();
        chromium = map.chromium();
        driver = map.driver();
    }

    @AfterAll
    static void stop() {
        if (map != null) map.close();
    }

    @Test
    void theEnglishPlannerShowsNoChineseAndNoFullWidthPunctuationOutsideQuotedDataValues() throws Exception {
        // what the server says: warnings in both languages, written for people (no field names)
        JsonNode direct = http.post("/analysis/site-check?f=json", "application/json", SITE).json();
        List<String> warnings = direct.findValuesAsText("warnings").isEmpty() ? List.of() : toList(direct.get("warnings"));
        assertTrue(warnings.size() >= 2, warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains(" / ") && CJK.matcher(w).find()), "legacy bilingual warnings: " + warnings);
        assertTrue(warnings.stream().noneMatch(w -> w.matches("(?s).*\\b[a-z]+[A-Z][A-Za-z]*\\b.*")), "no warning names a field: " + warnings);
        Path site = dir.resolve("site.geojson");
        Files.writeString(site, SITE);
        Path point = dir.resolve("point.geojson");
        Files.writeString(point, "{\"type\":\"Point\",\"coordinates\":[113.25,40.05]}");

        for (int[] size : SIZES) {
            String tag = size[0] < 600 ? "phone" : "desktop";
            driver.manage().window().setSize(new Dimension(size[0], size[1]));
            driver.get("about:blank");
            MapPages.open(driver, http.base() + "/map/");
            js("localStorage.removeItem('ecozone.lang')");
            driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
            driver.findElement(By.id("lang")).click();
            assertEquals("en", js("return document.documentElement.lang"));

            // no industry: the verdict per industry, banned industries named, the coverage warning
            driver.findElement(By.id("site-file")).sendKeys(site.toString());
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
            List<String> shown = driver.findElements(By.cssSelector("#planner-result ul.warnings li")).stream().map(e -> e.getAttribute("textContent")).toList();
            assertEquals(warnings.size(), shown.size(), shown.toString());
            // each warning as the server's notice writes it in English (one notice per warning, same order)
            JsonNode notices = direct.get("notices");
            assertEquals(warnings.size(), notices.size(), "one notice per warning");
            for (int i = 0; i < warnings.size(); i++) {
                String en = notices.get(i).get("en").asText();
                assertTrue(shown.get(i).startsWith(en), shown.get(i) + " ← " + en);
            }
            assertFalse(driver.findElements(By.cssSelector("#industry-verdicts, table.industry-verdicts")).isEmpty(), "the verdict per industry");
            assertEnglish(tag + " no industry", js(TEXT_OF, driver.findElement(By.id("tab-planner"))));
            // the exempt elements are data: zone and place names as in the layers
            List<String> verbatim = driver.findElements(By.cssSelector("#planner-result [data-verbatim]")).stream().map(e -> e.getAttribute("textContent")).toList();
            assertTrue(verbatim.stream().anyMatch(v -> v.contains("采凉山")), verbatim.toString());
            chromium.screenshot("45-planner-english-" + tag);

            // an industry: prohibited in the red line
            new Select(driver.findElement(By.id("industry"))).selectByValue("pv");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#verdict.verdict-prohibited")).isEmpty()
                    && d.findElements(By.cssSelector("#planner-result .stale")).isEmpty());
            assertEquals("Prohibited", driver.findElement(By.id("verdict")).getText());
            assertEnglish(tag + " pv", js(TEXT_OF, driver.findElement(By.id("tab-planner"))));

            // a refused file: the server's problem in English only
            driver.findElement(By.id("site-file")).sendKeys(point.toString());
            String error = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                var e = d.findElements(By.cssSelector("#planner-result .error"));
                return e.isEmpty() ? null : e.get(0).getText();
            });
            assertTrue(error.contains("polygon"), error);
            assertEnglish(tag + " error", js(TEXT_OF, driver.findElement(By.id("tab-planner"))));

            // and back in Chinese: the Chinese halves, no English tails
            driver.findElement(By.id("site-file")).sendKeys(site.toString());
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
            driver.findElement(By.id("lang")).click();
            List<String> zh = driver.findElements(By.cssSelector("#planner-result ul.warnings li")).stream().map(e -> e.getAttribute("textContent")).toList();
            assertFalse(zh.isEmpty());
            zh.forEach(w -> assertFalse(w.contains(" / ") || w.contains("outside the control units") || w.contains("industries are banned"), w));
            js("localStorage.removeItem('ecozone.lang')");
        }
        var errors = chromium.consoleErrors().stream().map(e -> e.getMessage()).filter(m -> !m.contains("/analysis/site-check") || !m.contains("400")).toList();
        assertTrue(errors.isEmpty(), "console errors (the refused point's 400 aside): " + errors);
    }

    private static void assertEnglish(String what, Object text) {
        String s = String.valueOf(text);
        for (Pattern p : new Pattern[] {CJK, FULL_WIDTH, CODE_WORD}) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                int from = Math.max(0, m.start() - 60), to = Math.min(s.length(), m.end() + 60);
                fail(what + ": '" + m.group() + "' in …" + s.substring(from, to).replace('\n', ' ') + "…");
            }
        }
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
