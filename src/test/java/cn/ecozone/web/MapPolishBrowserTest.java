package cn.ecozone.web;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.MapPages;
import cn.ecozone.testsupport.SampleServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's public-map polish in headless Chromium: the 示意数据 notice (shown on the sample, closable, back after a
 * reload, readable on a phone; absent on other data) and the district statistics panel (every district with the API's
 * 红线占比). Screenshots, desktop 1400×900 and phone 390×844, go to the build folder's {@code screenshots/}.
 */
class MapPolishBrowserTest {
    @TempDir Path dir;

    @Test
    void theSampleShowsAVisibleClosableNoticeThatReturnsOnReloadOnDesktopAndPhone() {
        try (SampleServer sample = SampleServer.start()) {
            assertTrue(sample.http().get("/map/catalog.json").json().at("/title/zh").asText().contains("示意数据"));
            for (int[] size : new int[][]{{1400, 900}, {390, 844}}) {
                String tag = size[0] > 500 ? "desktop" : "phone";
                try (HeadlessChromium chromium = new HeadlessChromium(size[0], size[1])) {
                    WebDriver driver = chromium.driver();
                    MapPages.open(driver, sample.http().base() + "/map/");
                    WebElement notice = driver.findElement(By.id("sample-notice"));
                    assertTrue(notice.isDisplayed(), tag);
                    assertTrue(notice.getText().contains("示意数据") && notice.getText().contains("不是官方成果"), notice.getText());
                    // readable: real text size, wholly inside the map, not the 10.5 px attribution line
                    double px = Double.parseDouble(((String) js(driver, "return getComputedStyle(arguments[0].querySelector('.sample-notice-text')).fontSize", notice)).replace("px", ""));
                    assertTrue(px >= 13, tag + " font " + px);
                    assertInside(driver, notice, "#map", tag);
                    assertTrue(notice.findElement(By.cssSelector(".sample-notice-close")).getAttribute("aria-label").length() > 0);
                    chromium.screenshot("40-sample-notice-" + tag);

                    driver.findElement(By.id("lang")).click();
                    assertTrue(notice.getText().contains("Sample data") && notice.getText().contains("illustrative"), notice.getText());
                    driver.findElement(By.id("lang")).click();

                    notice.findElement(By.cssSelector(".sample-notice-close")).click();
                    assertFalse(notice.isDisplayed(), "closed");
                    MapPages.open(driver, sample.http().base() + "/map/");
                    assertTrue(driver.findElement(By.id("sample-notice")).isDisplayed(), tag + ": back after a reload");
                    assertTrue(chromium.consoleErrors().isEmpty(), "console errors: " + chromium.consoleErrors());

                    openStats(driver);
                    chromium.screenshot("41-sample-stats-" + tag);
                    js(driver, "document.querySelector('#tab-stats .unit-chart').scrollIntoView()");
                    chromium.screenshot("42-sample-stats-units-" + tag);
                }
            }
        }
    }

    @Test
    void otherDataHasNoNoticeAndTheStatsPanelListsEveryDistrictWithTheApisRedlineShare() {
        EcoZoneServer server = MapPages.startFixtureServer(dir);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 900)) {
            Http http = new Http(server.port());
            assertFalse(http.get("/map/catalog.json").json().at("/title/zh").asText().contains("示意数据"));
            WebDriver driver = chromium.driver();
            MapPages.open(driver, http.base() + "/map/");
            assertTrue(driver.findElements(By.id("sample-notice")).isEmpty(), "no 示意数据 notice on data that is not the sample");

            JsonNode stats = http.get("/analysis/stats").json();
            openStats(driver);
            JsonNode districts = stats.get("districts");
            assertTrue(districts.size() >= 2, "fixture districts: " + districts);
            List<WebElement> bars = driver.findElements(By.cssSelector("#tab-stats .redline-chart g.bar"));
            assertEquals(districts.size() + 1, bars.size(), "one bar per district and the total");
            for (JsonNode d : districts) {
                String code = d.get("code").asText();
                double share = d.at("/redline/share").asDouble();
                String pct = String.format(Locale.ROOT, "%.2f%%", share * 100);
                WebElement bar = driver.findElement(By.cssSelector("#tab-stats .redline-chart g.bar[data-district='" + code + "']"));
                assertEquals(d.get("name").asText(), bar.findElement(By.cssSelector("text.label")).getAttribute("textContent"));
                assertEquals(share, Double.parseDouble(bar.findElement(By.cssSelector("rect.value")).getAttribute("data-share")), 0, code);
                assertEquals(pct, bar.findElement(By.cssSelector("text.figure")).getAttribute("textContent"), code);
                WebElement row = driver.findElement(By.cssSelector("#tab-stats table.stats-redline tr[data-district='" + code + "']"));
                List<WebElement> cells = row.findElements(By.tagName("td"));
                assertEquals(d.get("name").asText(), cells.get(0).getText());
                assertEquals(pct, cells.get(3).getText(), code + " 红线占比");
                assertEquals(String.format(Locale.ROOT, "%,.2f 平方千米", d.at("/area/m2").asDouble() / 1e6), cells.get(1).getText());
                // every control-unit type of the district in the stacked bar, with the API's share
                for (var it = d.get("controlUnitByType").fields(); it.hasNext(); ) {
                    var t = it.next();
                    List<WebElement> seg = driver.findElements(By.cssSelector("#tab-stats .unit-chart g.stack[data-district='" + code + "'] rect[data-type='" + t.getKey() + "']"));
                    if (t.getValue().get("share").asDouble() > 0) {
                        assertEquals(1, seg.size(), code + " " + t.getKey());
                        assertEquals(t.getValue().get("share").asDouble(), Double.parseDouble(seg.get(0).getAttribute("data-share")), 0);
                    }
                }
                assertEquals(1, driver.findElements(By.cssSelector("#tab-stats table.stats-water tr[data-district='" + code + "']")).size());
                assertEquals(1, driver.findElements(By.cssSelector("#tab-stats table.stats-restoration tr[data-district='" + code + "']")).size());
            }
            String text = driver.findElement(By.id("tab-stats")).getText();
            assertTrue(text.contains("CGCS2000 椭球面积") && text.contains("公顷") && text.contains("平方千米"), "units and area basis: " + text);
            // per control-unit type across districts: one block per type, one row per district with the API's share
            for (var it = stats.get("total").get("controlUnitByType").fields(); it.hasNext(); ) {
                String type = it.next().getKey();
                WebElement block = driver.findElement(By.cssSelector("#tab-stats .stats-type[data-type='" + type + "']"));
                assertEquals(districts.size(), block.findElements(By.cssSelector("tbody tr")).size(), type);
                for (JsonNode d : districts) {
                    List<WebElement> cells = block.findElements(By.cssSelector("tr[data-district='" + d.get("code").asText() + "'] td"));
                    assertEquals(String.format(Locale.ROOT, "%.2f%%", d.at("/controlUnitByType/" + type + "/share").asDouble() * 100), cells.get(2).getText(), type);
                }
            }
            assertTrue(chromium.consoleErrors().isEmpty(), "console errors: " + chromium.consoleErrors());
            chromium.screenshot("43-fixture-stats");
        } finally {
            server.close();
        }
    }

    private static void openStats(WebDriver driver) {
        driver.findElement(By.cssSelector("#tabs button[data-tab='stats']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#tab-stats .redline-chart")).isEmpty());
    }

    private static void assertInside(WebDriver driver, WebElement e, String container, String tag) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) js(driver, "const a = arguments[0].getBoundingClientRect(), b = document.querySelector(arguments[1]).getBoundingClientRect();"
                + " return [a.left - b.left, a.top - b.top, b.right - a.right, b.bottom - a.bottom, a.width, a.height];", e, container);
        for (int i = 0; i < 4; i++) assertTrue(r.get(i).doubleValue() >= 0, tag + ": notice outside the map " + r);
        assertTrue(r.get(4).doubleValue() > 150 && r.get(5).doubleValue() > 20, tag + ": notice size " + r);
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
