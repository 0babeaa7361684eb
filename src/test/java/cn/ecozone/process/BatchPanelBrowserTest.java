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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 批量研判 panel on the shipped sample: a GeoJSON list of the hand-checked squares (and a point feature, a bad row)
 * uploaded with 光伏 as default industry runs as an asynchronous job; the progress bar finishes and the counts per
 * verdict on screen are the job's summary; the download links answer.
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
        }
    }
}
