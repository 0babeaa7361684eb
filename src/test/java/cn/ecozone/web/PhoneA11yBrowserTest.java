package cn.ecozone.web;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.MapPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, "Phone and accessibility", in headless Chromium at 1400×900 and 390×844: the phone's bottom sheet (map
 * above, identify panel inside the sheet, one thing per tap, the verdict stays visible, nothing overflows sideways),
 * WAI-ARIA tabs with arrow keys, a labelled file input, visible focus, and the English toggle reaching popup values.
 */
class PhoneA11yBrowserTest {
    static final int[][] SIZES = {{1400, 900}, {390, 844}};
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = MapPages.startFixtureServer(dir);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Chromium for a size; windows do not go below 500 px, so the phone is Chrome's device-metrics emulation. */
    static HeadlessChromium browser(int[] size) {
        HeadlessChromium c = new HeadlessChromium(Math.max(size[0], 500), size[1]);
        if (size[0] < 500) {
            c.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", true));
        }
        return c;
    }

    static String tag(int[] size) {
        return size[0] > 700 ? "desktop" : "phone";
    }

    @Test
    void onAPhoneTheSheetHoldsResultsAndIdentifyAndATapOpensOneThing() throws Exception {
        Path file = dir.resolve("新荣光伏.txt");
        Files.writeString(file, WebMapBrowserTest.boundaryPointTxt("光伏一区", 46.45, 113.215, 40.015, 113.222, 40.022), Charset.forName("GBK"));
        for (int[] size : SIZES) {
            String tag = tag(size);
            boolean phone = size[0] < 700;
            try (HeadlessChromium chromium = browser(size)) {
                WebDriver driver = chromium.driver();
                MapPages.open(driver, http.base() + "/map/");
                assertEquals(size[0], ((Number) js(driver, "return window.innerWidth")).intValue(), tag + " viewport");
                assertNoSidewaysOverflow(driver, tag + " map");
                Map<String, Object> r = rects(driver);
                if (phone) {
                    assertTrue(num(r, "mapBottom") <= num(r, "sheetTop") + 1, tag + ": the map above the sheet " + r);
                    assertTrue(num(r, "sheetBottom") <= size[1] + 1, tag + ": the sheet on screen " + r);
                    assertEquals("auto", js(driver, "return getComputedStyle(document.getElementById('sidebar')).overflowY"));
                }
                // a site check, then a tap on the map
                driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("industry"))).selectByValue("pv");
                driver.findElement(By.id("site-file")).sendKeys(file.toString());
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
                assertNoSidewaysOverflow(driver, tag + " planner result");
                chromium.screenshot("50-planner-" + tag);
                tap(driver, 113.225, 40.02);
                WebElement panel = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                        d.findElements(By.cssSelector("#identify li.zone")).isEmpty() ? null : d.findElement(By.id("identify")));
                assertTrue(panel.isDisplayed());
                WebElement verdict = phone ? driver.findElement(By.id("sheet-verdict")) : driver.findElement(By.id("verdict"));
                assertTrue(verdict.isDisplayed() && inViewport(driver, verdict), tag + ": the verdict stays visible after identify");
                assertTrue(verdict.getText().contains("禁止准入"), verdict.getText());
                if (phone) {
                    assertEquals("sidebar", js(driver, "return document.getElementById('identify').parentElement.id"), "the panel lives in the sheet");
                    assertFalse(overlaps(driver, "#identify", "#map"), "the panel does not float over the map");
                    assertEquals(0L, js(driver, "return document.querySelectorAll('.leaflet-popup').length"), "a tap opens the panel only");
                    assertTrue(inViewport(driver, panel.findElement(By.tagName("h2"))), "the panel's title is on screen");
                } else {
                    assertEquals("main", js(driver, "return document.getElementById('identify').parentElement.tagName.toLowerCase()"));
                }
                assertNoSidewaysOverflow(driver, tag + " identify");
                chromium.screenshot("51-identify-" + tag);
                if (phone) {
                    driver.findElement(By.cssSelector("#tabs button[data-tab='layers']")).click();
                    assertFalse(panel.isDisplayed(), "another tab closes the panel");
                    driver.findElement(By.id("sheet-toggle")).click();
                    assertTrue(num(rects(driver), "sheetTop") < size[1] * 0.3, "expanded sheet");
                    chromium.screenshot("52-sheet-expanded-" + tag);
                }
                assertTrue(chromium.consoleErrors().isEmpty(), tag + " " + chromium.consoleErrors());
            }
        }
    }

    @Test
    void ogcItemsTablesScrollInsideTheirOwnBox() {
        for (int[] size : SIZES) {
            try (HeadlessChromium chromium = browser(size)) {
                WebDriver driver = chromium.driver();
                driver.get(http.base() + "/collections/control_unit/items?f=html");
                assertFalse(driver.findElements(By.cssSelector(".table-scroll > table")).isEmpty(), "table in a scroll box");
                assertNoSidewaysOverflow(driver, tag(size) + " items page");
                chromium.screenshot("53-ogc-items-" + tag(size));
            }
        }
    }

    @Test
    void tabsAreAriaTabsWithArrowKeysAndTheFileInputHasAChineseLabel() {
        for (int[] size : SIZES) {
            String tag = tag(size);
            try (HeadlessChromium chromium = browser(size)) {
                WebDriver driver = chromium.driver();
                MapPages.open(driver, http.base() + "/map/");
                assertEquals("tablist", driver.findElement(By.id("tabs")).getAttribute("role"));
                List<WebElement> tabs = driver.findElements(By.cssSelector("#tabs [role=tab]"));
                assertEquals(List.of("tab-btn-layers", "tab-btn-planner", "tab-btn-forester", "tab-btn-batch", "tab-btn-stats"), tabs.stream().map(t -> t.getAttribute("id")).toList());
                for (WebElement t : tabs) {
                    WebElement panel = driver.findElement(By.id(t.getAttribute("aria-controls")));
                    assertEquals("tabpanel", panel.getAttribute("role"));
                    assertEquals(t.getAttribute("id"), panel.getAttribute("aria-labelledby"));
                }
                assertEquals("true", tabs.get(0).getAttribute("aria-selected"));
                tabs.get(0).click();
                tabs.get(0).sendKeys(Keys.ARROW_RIGHT);
                assertEquals("tab-btn-planner", js(driver, "return document.activeElement.id"));
                assertEquals("true", tabs.get(1).getAttribute("aria-selected"));
                assertEquals("false", tabs.get(0).getAttribute("aria-selected"));
                assertEquals("-1", tabs.get(0).getAttribute("tabindex"));
                assertTrue(driver.findElement(By.id("tab-planner")).isDisplayed());
                assertTrue((Boolean) js(driver, "return document.activeElement.matches(':focus-visible')"));
                assertEquals("solid", js(driver, "return getComputedStyle(document.activeElement).outlineStyle"), tag + ": focus visible");
                chromium.screenshot("54-tabs-focus-" + tag);
                tabs.get(1).sendKeys(Keys.ARROW_LEFT);
                tabs.get(0).sendKeys(Keys.ARROW_LEFT);
                assertEquals("tab-btn-stats", js(driver, "return document.activeElement.id"), "wraps around");
                driver.switchTo().activeElement().sendKeys(Keys.HOME);
                assertEquals("tab-btn-layers", js(driver, "return document.activeElement.id"));
                // the file input's accessible name is Chinese
                String label = driver.findElement(By.id("site-file")).getAttribute("aria-label");
                assertTrue(label.matches(".*[\\u4e00-\\u9fff].*"), label);
                assertTrue(driver.findElement(By.id("site-file-name")).getAttribute("textContent").startsWith("未选择文件"), "no English 'No file chosen'");
            }
        }
    }

    @Test
    void englishTranslatesPopupValuesAndItsTextHasNoFullWidthPunctuation() throws Exception {
        String i18n = Files.readString(Path.of("web/js/i18n.js"));
        Matcher start = Pattern.compile("\\n\\s*en: \\{").matcher(i18n);
        assertTrue(start.find(), "the English dictionary in i18n.js");
        String en = i18n.substring(start.start(), i18n.indexOf("const listeners"));
        Matcher m = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(en);
        int values = 0;
        while (m.find()) {
            String s = m.group(1) != null ? m.group(1) : m.group(2);
            // VOCAB keys are Chinese data values, not English text; the English values after them are checked
            if (en.startsWith(":", m.end()) || en.startsWith("]", m.end()) && s.matches(".*[\\u4e00-\\u9fff].*")) continue;
            values++;
            assertFalse(s.matches(".*[，。、；：（）“”].*"), "full-width punctuation in English text: " + s);
        }
        assertTrue(values > 150, "English strings scanned: " + values);
        for (int[] size : SIZES) {
            String tag = tag(size);
            try (HeadlessChromium chromium = browser(size)) {
                WebDriver driver = chromium.driver();
                MapPages.open(driver, http.base() + "/map/");
                driver.findElement(By.id("lang")).click();
                assertEquals("en", js(driver, "return document.documentElement.lang"));
                assertEquals("Upload the site boundary file (TXT, GeoJSON or WKT)", driver.findElement(By.id("site-file")).getAttribute("aria-label"));
                js(driver, "ecozone.zoomToFeature('control_unit', 'ZH14021310001')");
                WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream().findFirst().orElse(null));
                // textContent: getText() is empty while Leaflet's popup is still fading in on a busy machine
                String text = popup.getAttribute("textContent");
                assertTrue(text.contains("Priority protection") && !text.contains("优先保护"), text);
                assertEquals("Worse than V", js(driver, "ecozone.lang = 'en'; return ecozone.term('劣Ⅴ')"));
                chromium.screenshot("55-english-popup-" + tag);
                driver.findElement(By.id("lang")).click();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------

    static void assertNoSidewaysOverflow(WebDriver driver, String what) {
        long scroll = ((Number) js(driver, "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")).longValue();
        long width = ((Number) js(driver, "return window.innerWidth")).longValue();
        assertTrue(scroll <= width, what + ": page " + scroll + " px wide in a " + width + " px viewport");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> rects(WebDriver driver) {
        return (Map<String, Object>) js(driver, "const m = document.getElementById('map').getBoundingClientRect(), s = document.getElementById('sidebar').getBoundingClientRect();"
                + "return {mapBottom: m.bottom, sheetTop: s.top, sheetBottom: s.bottom};");
    }

    static double num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    static boolean inViewport(WebDriver driver, WebElement e) {
        return (Boolean) js(driver, "const r = arguments[0].getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;", e);
    }

    static boolean overlaps(WebDriver driver, String a, String b) {
        return (Boolean) js(driver, "const x = document.querySelector(arguments[0]).getBoundingClientRect(), y = document.querySelector(arguments[1]).getBoundingClientRect();"
                + "return x.left < y.right && y.left < x.right && x.top < y.bottom && y.top < x.bottom;", a, b);
    }

    @SuppressWarnings("unchecked")
    static void tap(WebDriver driver, double lon, double lat) {
        js(driver, "ecozone.map.closePopup(); ecozone.map.setView([arguments[1], arguments[0]], 13, {animate: false})", lon, lat);
        Map<String, Object> p = (Map<String, Object>) js(driver, "const p = ecozone.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                + "const s = ecozone.map.getSize(); return {x: p.x - s.x / 2, y: p.y - s.y / 2};", lon, lat);
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), (int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).click().pause(Duration.ofMillis(300)).perform();
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
