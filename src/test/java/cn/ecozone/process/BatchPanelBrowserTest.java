package cn.ecozone.process;

import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.MapPages;
import cn.ecozone.testsupport.SampleServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 批量研判 panel on the shipped sample: a GeoJSON list of the hand-checked squares (and a point feature, a bad row)
 * uploaded with 光伏 as default industry runs as an asynchronous job; the progress bar finishes and the counts per
 * verdict on screen are the job's summary; the download links answer. The result table sorts by each column (mouse and
 * keyboard) and each row opens its project's site in the planner (desktop and phone).
 */
class BatchPanelBrowserTest {
    @TempDir Path tmp;

    @Test
    void aGeoJsonListRunsAsAJobAndThePanelShowsTheJobsCountsAndDownloads() throws Exception {
        Path list = tmp.resolve("projects.geojson");
        Files.write(list, BatchFixture.geoJson());
        try (SampleServer sample = SampleServer.start();
             HeadlessChromium chromium = new HeadlessChromium(1400, 900)) {
            Http http = sample.http();
            WebDriver driver = chromium.driver();
            JavascriptExecutor js = (JavascriptExecutor) driver;
            MapPages.open(driver, http.base() + "/map/");
            driver.findElement(By.cssSelector("#tabs button[data-tab='batch']")).click();
            assertTrue(driver.findElement(By.id("tab-batch")).isDisplayed());

            // no file: the panel says so
            driver.findElement(By.id("batch-start")).click();
            assertTrue(driver.findElement(By.cssSelector("#batch-result .error")).isDisplayed());

            // a file that is no list: the server's 400 is shown in the panel
            Path notAList = tmp.resolve("notes.csv");
            Files.writeString(notAList, "名称,备注\r\n甲,乙\r\n");
            driver.findElement(By.id("batch-file")).sendKeys(notAList.toAbsolutePath().toString());
            driver.findElement(By.id("batch-start")).click();
            WebElement refused = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                var e = d.findElements(By.cssSelector("#batch-result .error"));
                return e.isEmpty() || !e.get(0).getText().contains("WKT") ? null : e.get(0);
            });
            assertTrue(refused.getText().contains("WKT"), refused.getText());

            driver.findElement(By.id("batch-file")).clear();
            driver.findElement(By.id("batch-file")).sendKeys(list.toAbsolutePath().toString());
            new Select(driver.findElement(By.id("batch-industry"))).selectByValue("光伏");
            driver.findElement(By.id("batch-start")).click();
            WebElement status = new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
                var s = d.findElements(By.cssSelector("#batch-status[data-status='successful']"));
                return s.isEmpty() ? null : s.get(0);
            });
            String jobId = status.getAttribute("data-job");
            assertEquals("100", driver.findElement(By.id("batch-progress")).getAttribute("value"));

            JsonNode job = http.get("/jobs/" + jobId).json();
            assertEquals("successful", job.get("status").asText());
            assertEquals(BatchFixture.GOOD.size() + 1, job.get("total").asInt());
            assertEquals(job.get("total").asInt(), job.get("processed").asInt());
            JsonNode summary = http.get("/jobs/" + jobId + "/results").json().get("summary");
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = summary.get("perVerdict").fields(); it.hasNext(); ) {
                var e = it.next();
                expected.put(e.getKey(), e.getValue().asInt());
            }
            Map<String, Integer> shown = new LinkedHashMap<>();
            for (WebElement tr : driver.findElements(By.cssSelector("#batch-summary tbody tr"))) {
                shown.put(tr.getAttribute("data-verdict"), Integer.parseInt(tr.findElement(By.cssSelector("td.num")).getText().trim()));
            }
            assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(shown));
            assertEquals(2, shown.get("prohibited"), "red line and 一级保护区 with 光伏");
            assertEquals(1, shown.get("error"), "the point feature");
            assertTrue(driver.findElement(By.id("batch-errors")).getText().contains("一个点"));

            for (String k : new String[] {"table", "tableXlsx"}) {
                String href = driver.findElement(By.id("batch-dl-" + k)).getAttribute("href");
                assertEquals(200, http.get(href.substring(http.base().length())).status(), href);
            }
            // the browser logs the intended 400 of the file that is no list; nothing else
            var errors = chromium.consoleErrors().stream().map(e -> e.getMessage())
                    .filter(m -> !(m.contains("/processes/batch-check/execution") && m.contains("400"))).toList();
            assertTrue(errors.isEmpty(), "console errors: " + errors);
            js.executeScript("document.getElementById('batch-result').scrollIntoView()");
            chromium.screenshot("30-batch-panel");

            resultTableSortsAndOpensRows(driver, js, chromium, job.get("total").asInt());
        }
    }

    /**
     * The result table (issue 15 item 5): one row per project; each heading sorts (again: reversed), with the keyboard
     * too; verdicts as coloured badges with their text; a row opens its project's site in the planner, desktop and phone.
     */
    private static void resultTableSortsAndOpensRows(WebDriver driver, JavascriptExecutor js, HeadlessChromium chromium, int total) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#batch-projects tbody tr"));
        assertEquals(total, rows.size());
        assertEquals(rowNumbers(driver).stream().sorted().toList(), rowNumbers(driver), "first in list order");

        // verdict: by severity, then reversed
        driver.findElement(By.cssSelector("#batch-projects button.sort[data-key='verdict']")).click();
        assertEquals("ascending", driver.findElement(By.cssSelector("#batch-projects th[data-key='verdict']")).getAttribute("aria-sort"));
        List<String> severity = List.of("prohibited", "restricted", "conditional", "allowed", "outside", "error");
        List<Integer> ranks = verdicts(driver).stream().map(severity::indexOf).toList();
        assertFalse(ranks.contains(-1), verdicts(driver).toString());
        assertEquals(ranks.stream().sorted().toList(), ranks, "most severe first: " + verdicts(driver));
        assertEquals("prohibited", verdicts(driver).get(0));
        driver.findElement(By.cssSelector("#batch-projects button.sort[data-key='verdict']")).click();
        assertEquals("descending", driver.findElement(By.cssSelector("#batch-projects th[data-key='verdict']")).getAttribute("aria-sort"));
        List<Integer> back = verdicts(driver).stream().map(severity::indexOf).toList();
        assertEquals(ranks.stream().sorted(Comparator.reverseOrder()).toList(), back, verdicts(driver).toString());
        // verdict cells: the planner's colours, and the words
        WebElement prohibited = driver.findElement(By.cssSelector("#batch-projects tr[data-verdict='prohibited'] td.col-verdict .verdict"));
        assertEquals("禁止准入", prohibited.getText());
        assertEquals("rgba(198, 40, 40, 1)", prohibited.getCssValue("background-color"));
        assertEquals("无法研判", driver.findElement(By.cssSelector("#batch-projects tr[data-verdict='error'] td.col-verdict")).getText());

        // area: numerically, the row without a site last both ways
        driver.findElement(By.cssSelector("#batch-projects button.sort[data-key='area']")).click();
        List<Double> areas = areas(driver);
        assertNull(areas.get(areas.size() - 1), "the bad row has no area: " + areas);
        List<Double> known = areas.subList(0, areas.size() - 1);
        assertEquals(known.stream().sorted().toList(), known);
        driver.findElement(By.cssSelector("#batch-projects button.sort[data-key='area']")).click();
        areas = areas(driver);
        assertNull(areas.get(areas.size() - 1));
        assertEquals(known.stream().sorted(Comparator.reverseOrder()).toList(), areas.subList(0, areas.size() - 1));

        // the keyboard: a heading is a button; Enter sorts, Enter again reverses, focus stays on it
        WebElement byRow = driver.findElement(By.cssSelector("#batch-projects button.sort[data-key='row']"));
        byRow.sendKeys(Keys.ENTER);
        assertEquals("ascending", driver.findElement(By.cssSelector("#batch-projects th[data-key='row']")).getAttribute("aria-sort"));
        List<Integer> ascending = rowNumbers(driver);
        assertEquals(ascending.stream().sorted().toList(), ascending);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("descending", driver.findElement(By.cssSelector("#batch-projects th[data-key='row']")).getAttribute("aria-sort"));
        assertEquals(ascending.stream().sorted(Comparator.reverseOrder()).toList(), rowNumbers(driver));
        chromium.screenshot("31-batch-table-desktop");

        // a row without a site (the point): said so, the planner stays closed
        driver.findElement(By.cssSelector("#batch-projects tr[data-verdict='error']")).click();
        assertTrue(driver.findElement(By.id("batch-open-note")).getText().contains("无法在地图上打开"));
        assertEquals("true", driver.findElement(By.id("tab-btn-batch")).getAttribute("aria-selected"));

        // a row opens its site: desktop (red line) and phone (一级保护区), verdict as in the table
        int[][] sizes = {{1400, 900}, {390, 844}};
        for (int k = 0; k < sizes.length; k++) {
            BatchFixture.Square sq = BatchFixture.GOOD.get(k);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(sizes[k][0], sizes[k][1]));
            driver.findElement(By.id("tab-btn-batch")).click();
            WebElement row = driver.findElement(By.xpath("//table[@id='batch-projects']//tr[.//button[normalize-space()='" + sq.name() + "']]"));
            String verdict = row.getAttribute("data-verdict");
            assertEquals(sq.expected(), verdict, sq.name());
            js.executeScript("window.__sent = []; if (!window.__fetch) { window.__fetch = window.fetch; window.fetch = function (u, o) {"
                    + " if (String(u).indexOf('/analysis/site-check') >= 0) window.__sent.push(o.body); return window.__fetch.apply(this, arguments); }; }");
            row.findElement(By.cssSelector("button.open-project")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#verdict.verdict-" + verdict)).isEmpty());
            assertEquals("true", driver.findElement(By.id("tab-btn-planner")).getAttribute("aria-selected"));
            assertEquals("光伏", js.executeScript("return document.getElementById('industry').value"));
            assertEquals(sq.name(), js.executeScript("return document.getElementById('project-name').value"));
            @SuppressWarnings("unchecked")
            List<String> sent = (List<String>) js.executeScript("return window.__sent");
            assertEquals(1, sent.size());
            JsonNode ring = readJson(sent.get(0)).at("/coordinates/0");
            double[][] corners = {{sq.x() - sq.d(), sq.y() - sq.d()}, {sq.x() + sq.d(), sq.y() - sq.d()}, {sq.x() + sq.d(), sq.y() + sq.d()}, {sq.x() - sq.d(), sq.y() + sq.d()}};
            assertEquals(5, ring.size(), sent.get(0));
            for (int i = 0; i < 4; i++) {
                assertEquals(corners[i][0], ring.at("/" + i + "/0").asDouble(), 2e-6, "the project's own square: " + sent.get(0));
                assertEquals(corners[i][1], ring.at("/" + i + "/1").asDouble(), 2e-6, "the project's own square: " + sent.get(0));
            }
            // drawn and zoomed to: the map's view holds the square, and not much more than its surroundings
            Object inView = js.executeScript("const b = ecozone.map.getBounds(); return b.contains([[arguments[1] - arguments[2], arguments[0] - arguments[2]],"
                    + " [arguments[1] + arguments[2], arguments[0] + arguments[2]]]) && (b.getEast() - b.getWest()) < 0.2", sq.x(), sq.y(), sq.d());
            assertEquals(Boolean.TRUE, inView);
            assertFalse(driver.findElements(By.cssSelector(".leaflet-site-pane path")).isEmpty(), "the site is drawn");
            assertTrue(driver.findElement(By.id("site-tools-note")).getText().contains(sq.name()));
            chromium.screenshot("32-batch-row-opened-" + (sizes[k][0] < 600 ? "phone" : "desktop"));
            driver.findElement(By.id("back-to-batch")).click();
            assertEquals("true", driver.findElement(By.id("tab-btn-batch")).getAttribute("aria-selected"));
        }
        var errors = chromium.consoleErrors().stream().map(e -> e.getMessage())
                .filter(m -> !(m.contains("/processes/batch-check/execution") && m.contains("400"))).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    private static JsonNode readJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Integer> rowNumbers(WebDriver driver) {
        return driver.findElements(By.cssSelector("#batch-projects tbody tr")).stream().map(r -> Integer.parseInt(r.getAttribute("data-row"))).toList();
    }

    private static List<String> verdicts(WebDriver driver) {
        return driver.findElements(By.cssSelector("#batch-projects tbody tr")).stream().map(r -> r.getAttribute("data-verdict")).toList();
    }

    private static List<Double> areas(WebDriver driver) {
        List<Double> out = new ArrayList<>();
        for (WebElement td : driver.findElements(By.cssSelector("#batch-projects tbody td.col-area"))) {
            String t = td.getText().replace(",", "").trim();
            out.add(t.matches("[0-9.]+") ? Double.parseDouble(t) : null);
        }
        return out;
    }
}
