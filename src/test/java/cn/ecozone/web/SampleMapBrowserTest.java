package cn.ecozone.web;

import cn.ecozone.testsupport.HeadlessChromium;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SampleServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SCENARIO 4 on the shipped sample layers and styles: what the public sees when they open the map. */
class SampleMapBrowserTest {
    @Test
    void everySampleLayerDrawsWithItsLegendAndBaoziwanShowsItsWaterQuality() {
        try (SampleServer sample = SampleServer.start();
             HeadlessChromium chromium = new HeadlessChromium(1400, 900)) {
            Http http = sample.http();
            WebDriver driver = chromium.driver();
            JavascriptExecutor js = (JavascriptExecutor) driver;
            driver.get(http.base() + "/map/");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript("return window.ecozone && window.ecozone.ready")));

            for (JsonNode c : http.get("/collections").json().get("collections")) {
                String id = c.get("id").asText();
                assertEquals(c.get("featureCount").asLong(), ((Number) js.executeScript("return ecozone.layerCounts[arguments[0]]", id)).longValue(), id);
            }
            JsonNode styles = http.get("/styles").json();
            for (var it = styles.fields(); it.hasNext(); ) {
                var e = it.next();
                WebElement layer = driver.findElement(By.cssSelector(".legend-layer[data-layer='" + e.getKey() + "']"));
                List<WebElement> rows = layer.findElements(By.cssSelector(".legend-class"));
                assertTrue(rows.size() >= e.getValue().path("classes").size(), e.getKey() + ": " + rows.size() + " legend rows");
                for (JsonNode c : e.getValue().path("classes")) {
                    String label = c.at("/label/zh").asText();
                    assertTrue(rows.stream().anyMatch(r -> r.getText().trim().equals(label)), e.getKey() + " legend lacks " + label);
                }
            }

            JsonNode baoziwan = null;
            for (JsonNode f : http.get("/collections/monitoring/items?limit=100").json().get("features")) {
                if (f.at("/properties/name").asText().equals("堡子湾")) baoziwan = f;
            }
            assertTrue(baoziwan != null, "堡子湾 is in the sample");
            assertEquals(113.2427, baoziwan.at("/geometry/coordinates/0").asDouble(), 1e-9);
            assertEquals(40.4063, baoziwan.at("/geometry/coordinates/1").asDouble(), 1e-9);
            js.executeScript("ecozone.zoomToFeature('monitoring', arguments[0])", baoziwan.get("id").asText());
            WebElement chart = new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector(".leaflet-popup svg.quality-chart")).stream().findFirst().orElse(null));
            List<String> classes = chart.findElements(By.tagName("rect")).stream().map(r -> r.getAttribute("data-class")).toList();
            assertEquals(List.of("Ⅳ", "Ⅳ", "Ⅳ", "Ⅴ", "劣Ⅴ", "Ⅳ"), classes, "the plan's 2015–2020 classes for 堡子湾");
            assertTrue(chromium.consoleErrors().isEmpty(), "console errors: " + chromium.consoleErrors());
            chromium.screenshot("10-sample-map-baoziwan");
            js.executeScript("ecozone.map.closePopup(); ecozone.map.fitBounds(ecozone.catalogBounds(), {animate: false})");
            chromium.screenshot("11-sample-map");
        }
    }
}
