package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /analysis/site-check?f=pdf|html&lang=en}: the report in English; an unknown language is a 400 problem. */
class SiteCheckReportLanguageApiTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        LayerLoader.Result r = LayerLoader.load(SiteFixtureLayers.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        server = EcoZoneServer.start(ServerConfig.defaults(0), r.layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> post(String query) throws IOException, InterruptedException {
        byte[] body = SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK"));
        HttpRequest req = http.request("/analysis/site-check" + query).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void langEnGivesTheEnglishReportInPdfAndHtml() throws Exception {
        HttpResponse<byte[]> pdf = post("?f=pdf&industry=pv&lang=en");
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Project Site Check Report") && text.contains("Verdict: Prohibited") && text.contains("Page 1 of "), text);
            assertTrue(!text.contains("研判结论") && !text.contains("第 1 页"), text);
        }
        HttpResponse<byte[]> html = post("?f=html&industry=pv&lang=en");
        assertEquals(200, html.statusCode());
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html><html lang=\"en\">") && page.contains("Verdict by dimension"), page);
        HttpResponse<byte[]> zh = post("?f=html&industry=pv");
        assertTrue(new String(zh.body(), StandardCharsets.UTF_8).contains("逐维度研判"), "Chinese by default");
    }

    @Test
    void anUnknownLanguageIsAFourHundredProblem() throws Exception {
        HttpResponse<byte[]> r = post("?f=pdf&lang=fr");
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode p = Json.MAPPER.readTree(r.body());
        assertTrue(p.get("detail").asText().contains("lang") && p.get("detail").asText().contains("fr"), p.toString());
    }

    @Test
    void theJsonCarriesNoticesBesideTheWarnings() throws Exception {
        JsonNode j = Json.MAPPER.readTree(post("?lang=en").body());
        assertEquals(j.get("warnings").size(), j.get("notices").size());
        assertTrue(j.get("warnings").size() >= 2, "plot 2's area and the missing industry: " + j.get("warnings"));
        for (JsonNode n : j.get("notices")) assertTrue(n.hasNonNull("code") && n.hasNonNull("zh") && n.hasNonNull("en"), n.toString());
    }
}
