package cn.ecozone.web;

import cn.ecozone.geo.GkZone;
import cn.ecozone.geo.Transforms;
import cn.ecozone.io.Geometries;
import cn.ecozone.testsupport.AccessListWebFixture;
import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.MapSession;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 准入清单 in the web map (issue 12, items 4–6) in headless Chromium: a unit's 管控要求 by dimension on a click,
 * search over every target and requirement text by keyboard, and the planner's flow (the report matches the screen
 * after changing the industry; 清除; a failed upload clears the old result; the plot's real shape and name).
 * Screenshots (desktop 1400×900, phone 390×844) go to the build folder's {@code screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessListBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    static MapSession map;
    static Http http;
    static HeadlessChromium chromium;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        map = MapSession.start(dir, AccessListWebFixture::write);
        http = map.http();
        chromium = map.chromium();
        driver = map.driver();
    }

    @AfterAll
    static void stop() {
        if (map != null) map.close();
    }

    @BeforeEach
    void openTheMap() {
        driver.manage().window().setSize(new Dimension(1400, 900));
        driver.get(http.base() + "/map/");
        waitReady();
    }

    static void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js("return window.ecozone && window.ecozone.ready")));
    }

    static <T> T waitFor(int seconds, java.util.function.Function<WebDriver, T> f) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(f);
    }

    @Test
    @Order(1)
    void clickingAUnitShowsItsRequirementsByDimensionOwnFirstThenGeneral() {
        clickMapAt(113.27, 40.08);  // 平城东, no red line or water source there
        WebElement list = waitFor(10, d -> d.findElements(By.cssSelector("#identify section.unit-list[data-unit='ZH14021320002']"))
                .stream().findFirst().orElse(null));
        List<String> headings = list.findElements(By.cssSelector("h4.dimension-title")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("空间布局约束", "污染物排放管控", "环境风险防控", "资源利用效率"), headings);
        String text = list.getText();
        for (String t : List.of("重点管控单元须落实污染物排放管控要求", AccessListWebFixture.COUNTY_TEXT, AccessListWebFixture.CITY_TEXT,
                AccessListWebFixture.PROVINCE_TEXT, "《平城区“十四五”生态环境保护规划》§7")) assertTrue(text.contains(t), t + " in " + text);
        List<WebElement> emission = list.findElements(By.cssSelector(".dimension[data-dimension='emission'] li.requirement"));
        assertEquals("ZH14021320002-E", emission.get(0).getAttribute("data-id"));
        assertTrue(emission.get(0).getAttribute("class").contains("own"));
        assertEquals("PC-0001", emission.get(1).getAttribute("data-id"));
        assertTrue(emission.get(1).getAttribute("class").contains("general"));
        assertTrue(emission.get(1).getText().contains("平城区总体准入要求"), emission.get(1).getText());
        WebElement cityBadge = list.findElement(By.cssSelector("li.requirement[data-id='DT-0001'] .effect-badge"));
        assertEquals("限制", cityBadge.getText());
        // the list comes before the zones at the point
        assertTrue((Boolean) js("const p = document.getElementById('identify-body');"
                + "return p.querySelector('section.unit-list').compareDocumentPosition(p.querySelector('ul.zones')) === Node.DOCUMENT_POSITION_FOLLOWING"));
        // the same list as the API gives
        JsonNode api = http.get("/access-list/units/ZH14021320002").json();
        int n = 0;
        for (JsonNode d : api.get("dimensions")) n += d.get("requirements").size();
        assertEquals(n, list.findElements(By.cssSelector("li.requirement")).size());
        assertTrue(chromium.consoleErrors().isEmpty());
        chromium.screenshot("10-unit-list");
        driver.findElement(By.id("lang")).click();
        WebElement en = waitFor(5, d -> d.findElements(By.cssSelector("#identify h4.dimension-title")).stream()
                .filter(h -> h.getText().equals("Spatial layout constraints")).findFirst().orElse(null));
        assertNotNull(en);
        driver.findElement(By.id("lang")).click();
        phone("10-unit-list-phone", () -> clickMapAt(113.27, 40.08),
                d -> !d.findElements(By.cssSelector("#identify section.unit-list")).isEmpty());
    }

    @Test
    @Order(2)
    void aUnitsPopupOffersItsListAndTheUnitSearchShowsIt() {
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("云州南", Keys.ENTER);
        WebElement first = waitFor(10, d -> {
            WebElement a = d.switchTo().activeElement();
            return a.getAttribute("class") != null && a.getAttribute("class").contains("result") ? a : null;
        });
        assertEquals("ZH14021530002", first.getAttribute("data-feature"));
        first.sendKeys(Keys.ENTER);
        waitFor(10, d -> !d.findElements(By.cssSelector("#identify section.unit-list[data-unit='ZH14021530002']")).isEmpty());
        WebElement button = waitFor(10, d -> d.findElements(By.cssSelector(".leaflet-popup-content button.show-unit-list")).stream().findFirst().orElse(null));
        assertEquals("查看管控要求", button.getAttribute("textContent").strip(), "read as text content: getText() is empty while the popup fades in");
    }

    @Test
    @Order(3)
    void searchFindsAWaterSourceAndARequirementTextByKeyboard() {
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("安家小村", Keys.ENTER);
        waitFor(10, d -> {
            WebElement a = d.switchTo().activeElement();
            return "water_source".equals(a.getAttribute("data-layer")) ? a : null;
        });
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results li.result"));
        assertEquals(2, results.size(), "both zones of the water source");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        WebElement second = driver.switchTo().activeElement();
        assertEquals("SY-1-2", second.getAttribute("data-feature"));
        second.sendKeys(Keys.ENTER);
        WebElement popup = waitFor(10, d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream().findFirst().orElse(null));
        assertEquals("water_source", popup.getAttribute("data-layer"));
        assertEquals("SY-1-2", popup.getAttribute("data-feature"));
        assertTrue(driver.findElement(By.id("search-results")).getAttribute("hidden") != null, "the list closes");

        input.clear();
        input.sendKeys("煤矸石", Keys.ENTER);
        WebElement hit = waitFor(10, d -> {
            WebElement a = d.switchTo().activeElement();
            return a.getAttribute("class") != null && a.getAttribute("class").contains("requirement-result") ? a : null;
        });
        assertEquals("ZH14021530002-B", hit.getAttribute("data-id"));
        assertTrue(hit.getText().contains(AccessListWebFixture.BAN_TEXT) && hit.getText().contains("云州南"), hit.getText());
        chromium.screenshot("11-search-requirement");
        hit.sendKeys(Keys.ENTER);
        WebElement marked = waitFor(10, d -> d.findElements(By.cssSelector(
                "#identify section.unit-list[data-unit='ZH14021530002'] li.requirement.highlight")).stream().findFirst().orElse(null));
        assertEquals("ZH14021530002-B", marked.getAttribute("data-id"));
        // the map went to the unit
        double lon = ((Number) js("return ecozone.map.getCenter().lng")).doubleValue();
        assertTrue(lon > 113.3 && lon < 113.4, "centred on 云州南: " + lon);
        var console = chromium.consoleErrors();
        assertTrue(console.isEmpty(), () -> "console: " + console);
        chromium.screenshot("11-search-unit-list");
    }

    @Test
    @Order(4)
    void aFailingLayerSearchIsShownInTheList() {
        // a filter the server refuses (an unknown property) must surface as a message, not only in the console
        js("ecozone.layers.monitoring.def.nameProperty = 'no_such_property';"
                + "ecozone.layers.monitoring.def.attributes.push({name: 'no_such_property', type: 'string'})");
        driver.findElement(By.id("search-input")).sendKeys("平城", Keys.ENTER);
        WebElement err = waitFor(10, d -> d.findElements(By.cssSelector("#search-results li.error")).stream().findFirst().orElse(null));
        assertTrue(err.getText().contains("监测点"), err.getText());
        assertFalse(driver.findElements(By.cssSelector("#search-results li.result")).isEmpty(), "the other layers still answer");
        chromium.consoleErrors();  // the refused request itself is logged by the browser; nothing else must be
    }

    @Test
    @Order(5)
    void thePlannersReportMatchesTheScreenAfterChangingTheIndustry() throws Exception {
        // an L-shaped plot in 云州南: coal mining is banned there (ZH14021530002-B), solar is only restricted (DT-0001)
        double[][] ring = {{113.34, 40.02}, {113.346, 40.02}, {113.346, 40.023}, {113.343, 40.023}, {113.343, 40.026}, {113.34, 40.026}, {113.34, 40.02}};
        Path file = dir.resolve("upload-20250101.txt");
        Files.writeString(file, boundaryPointTxt("云州光伏一期", 20.0, ring), Charset.forName("GBK"));
        byte[] bytes = Files.readAllBytes(file);
        driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
        new Select(driver.findElement(By.id("industry"))).selectByValue("pv");
        driver.findElement(By.id("site-file")).sendKeys(file.toString());
        JsonNode pv = siteCheck(bytes, "industry=pv");
        assertEquals("restricted", pv.get("verdict").asText(), "大同市's 限制 holds; no ban for solar");
        waitForVerdict("restricted");
        assertEquals("云州光伏一期", driver.findElement(By.id("project-name")).getAttribute("value"), "the plot's name, not the file's");
        // the plot drawn as it is: six corners, not its bounding box
        assertEquals(7, pv.at("/siteGeometry/coordinates/0").size());
        long corners = ((Number) js("let n = 0; ecozone.map.getPane('site').querySelectorAll('path').forEach(p => {"
                + " n = Math.max(n, (p.getAttribute('d').match(/[LM]/g) || []).length); }); return n;")).longValue();
        assertTrue(corners >= 6, "the L shape has 6 corners, drawn " + corners);
        List<WebElement> dims = driver.findElements(By.cssSelector("li.dimension-verdict"));
        assertEquals(4, dims.size());
        assertEquals(pv.at("/dimensions/0/verdict").asText(), dims.get(0).getAttribute("data-verdict"));

        new Select(driver.findElement(By.id("industry"))).selectByValue("coal");
        JsonNode coal = siteCheck(bytes, "industry=coal&name=" + java.net.URLEncoder.encode("云州光伏一期", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("prohibited", coal.get("verdict").asText());
        WebElement verdict = waitForVerdict("prohibited");
        assertEquals("禁止准入", verdict.getText());
        assertTrue(driver.findElement(By.id("result-industry")).getText().contains("煤炭开采"));
        assertEquals(coal.at("/dimensions/0/verdict").asText(),
                driver.findElement(By.cssSelector("li.dimension-verdict[data-dimension='spatial']")).getAttribute("data-verdict"));
        assertFalse(driver.findElements(By.cssSelector(".clause-dimension[data-dimension='spatial'] li.clause.severity-prohibited[data-clause='ZH14021530002-B']")).isEmpty());
        String clauseText = driver.findElement(By.cssSelector("li.clause[data-clause='ZH14021530002-B']")).getText();
        assertTrue(clauseText.contains("云州南") && clauseText.contains("§7.3"), "names its zone and basis: " + clauseText);
        // the report the button sends: the same request as the result on screen
        String reportUrl = (String) js("return ecozone.reportUrl('html')");
        assertTrue(reportUrl.contains("industry=coal"), reportUrl);
        assertTrue(driver.findElement(By.id("report-html")).isEnabled());
        Http.Response report = http.send(http.request(reportUrl).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertEquals(200, report.status());
        assertTrue(report.body().contains(coal.get("verdictZh").asText()), "report says 禁止准入");
        assertTrue(report.body().contains("云州光伏一期"));
        JsonNode sameAsReport = siteCheck(bytes, reportUrl.substring(reportUrl.indexOf('?') + 1).replace("f=html", "f=json"));
        assertEquals(coal.get("verdict"), sameAsReport.get("verdict"));
        var console = chromium.consoleErrors();
        assertTrue(console.isEmpty(), () -> "console: " + console);
        chromium.screenshot("12-planner-coal");

        // no industry: which industries are banned here, and where
        new Select(driver.findElement(By.id("industry"))).selectByValue("");
        waitFor(15, d -> d.findElements(By.cssSelector("table.industry-verdicts tr[data-industry='coal']")).stream().findFirst().orElse(null));
        WebElement coalRow = driver.findElement(By.cssSelector("table.industry-verdicts tr[data-industry='coal']"));
        assertEquals("prohibited", coalRow.getAttribute("data-verdict"));
        assertTrue(coalRow.getText().contains("云州南"), coalRow.getText());
        assertEquals("restricted", driver.findElement(By.id("verdict")).getAttribute("class").replaceAll(".*verdict-", ""), "no blanket ban");
        chromium.screenshot("12-planner-any-industry");
        phone("12-planner-phone", () -> {
            driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
            driver.findElement(By.id("site-file")).sendKeys(file.toString());
        }, d -> !d.findElements(By.id("verdict")).isEmpty());
    }

    @Test
    @Order(6)
    void clearAndAFailedUploadLeaveNothingOfTheOldSite() throws Exception {
        double[][] ring = {{113.34, 40.02}, {113.346, 40.02}, {113.346, 40.026}, {113.34, 40.026}, {113.34, 40.02}};
        Path good = dir.resolve("good.txt");
        Files.writeString(good, boundaryPointTxt("云州二期", 20.0, ring), Charset.forName("GBK"));
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "这不是坐标文件 not a boundary file");
        driver.findElement(By.cssSelector("#tabs button[data-tab='planner']")).click();
        driver.findElement(By.id("site-file")).sendKeys(good.toString());
        waitFor(20, d -> d.findElements(By.id("verdict")).stream().findFirst().orElse(null));
        assertTrue(sitePaths() > 0);
        driver.findElement(By.id("clear-site")).click();
        assertTrue(driver.findElements(By.id("verdict")).isEmpty());
        assertEquals("", driver.findElement(By.id("planner-result")).getText());
        assertEquals(0, sitePaths());
        assertEquals(0L, ((Number) js("return ecozone.map.getPane('highlight').querySelectorAll('path').length")).longValue());
        assertEquals("", driver.findElement(By.id("project-name")).getAttribute("value"));

        driver.findElement(By.id("site-file")).sendKeys(good.toString());
        waitFor(20, d -> d.findElements(By.id("verdict")).stream().findFirst().orElse(null));
        driver.findElement(By.id("site-file")).sendKeys(bad.toString());
        waitFor(10, d -> d.findElements(By.cssSelector("#planner-result .error")).stream().findFirst().orElse(null));
        assertTrue(driver.findElements(By.id("verdict")).isEmpty(), "the old verdict is gone");
        assertEquals(0, sitePaths(), "the old site is gone");
        assertTrue(driver.findElements(By.id("report-html")).isEmpty());
    }

    private static long sitePaths() {
        return ((Number) js("return ecozone.map.getPane('site').querySelectorAll('path').length")).longValue();
    }

    private static WebElement waitForVerdict(String verdict) {
        return waitFor(20, d -> d.findElements(By.cssSelector("#verdict.verdict-" + verdict)).stream().findFirst().orElse(null));
    }

    private static JsonNode siteCheck(byte[] txt, String query) throws Exception {
        return JSON.readTree(http.send(http.request("/analysis/site-check?" + query).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(txt)).build()).body());
    }

    /** The same view on a phone (390×844): reloads, does it, waits, takes the screenshot, returns to the desktop size. */
    private static void phone(String name, Runnable action, java.util.function.Function<WebDriver, Boolean> done) {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(http.base() + "/map/");
            waitReady();
            action.run();
            waitFor(20, done);
            chromium.screenshot(name);
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 900));
        }
    }

    /** A 国土 boundary-point TXT of one plot (a lon/lat ring, closed) in CGCS2000 GK zone 38. */
    static String boundaryPointTxt(String name, double declaredHa, double[][] ring) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < ring.length; i++) {
            var p = Transforms.apply(Geometries.FACTORY.createPoint(new Coordinate(ring[i][0], ring[i][1])), 4490,
                    new GkZone(38).epsgWithPrefix()).getCoordinate();
            points.append(String.format(Locale.ROOT, "J%d,1,%.3f,%.3f%n", i == ring.length - 1 ? 1 : i + 1, p.y, p.x));
        }
        return "[属性描述]\n格式版本号=1.01\n坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n带号=38\n精度=0.001\n"
                + "[地块坐标]\n" + String.format(Locale.ROOT, "%d,%.4f,1,%s,面,,光伏用地,,@%n", ring.length, declaredHa, name) + points;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private static void clickMapAt(double lon, double lat) {
        js("ecozone.map.closePopup()");
        Map<String, Object> p = (Map<String, Object>) js("const p = ecozone.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                + "const s = ecozone.map.getSize(); return {x: p.x - s.x / 2, y: p.y - s.y / 2};", lon, lat);
        WebElement map = driver.findElement(By.id("map"));
        new Actions(driver).moveToElement(map, (int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).click().pause(Duration.ofMillis(300)).perform();
    }
}
