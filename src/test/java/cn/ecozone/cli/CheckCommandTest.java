package cn.ecozone.cli;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SCENARIO 2: {@code check site.txt --industry 光伏 --format pdf --out report.pdf} gives what the web page gives. */
class CheckCommandTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkWritesJsonAndPdfForATxtSite() throws Exception {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        SiteFixtureLayers.write(layers);
        Path txt = dir.resolve("site.txt");
        Files.write(txt, SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK")));

        Run json = run("check", txt.toString(), "--industry", "光伏", "--layers", layers.toString());
        assertEquals(0, json.code(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("prohibited", j.get("verdict").asText());
        assertEquals("光伏一区", j.get("name").asText(), "the first plot names the site when no --name is given");

        Path pdf = dir.resolve("report.pdf");
        Run p = run("check", txt.toString(), "--industry", "光伏", "--format", "pdf", "--out", pdf.toString(), "--name", "新荣区光伏电站",
                "--layers", layers.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.err().contains("禁止准入"), p.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("新荣区光伏电站") && text.contains("光伏项目应避让林地和生态敏感区"), text);
        }
        if (System.getProperty("ecozone.preview") != null) {
            Path preview = Files.createDirectories(Path.of(System.getProperty("ecozone.preview")));
            Files.copy(pdf, preview.resolve("report.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            run("check", txt.toString(), "--industry", "光伏", "--format", "html", "--out", preview.resolve("report.html").toString(),
                    "--layers", layers.toString());
        }
    }

    @Test
    void badSitesAndBadArgumentsGiveReadableErrorsAndExitCodes() throws Exception {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        SiteFixtureLayers.write(layers);
        Path xian = dir.resolve("xian.txt");
        Files.write(xian, SiteFixtureLayers.scenario1SolarFarm().coordinateSystem("1980西安坐标系").text().getBytes(Charset.forName("GBK")));
        Run r = run("check", xian.toString(), "--layers", layers.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("1980西安坐标系"), r.err());
        assertEquals(2, run("check", xian.toString(), "--format", "pdf", "--layers", layers.toString()).code(), "pdf needs --out");
        assertEquals(2, run("check", "--layers", layers.toString()).code());
        assertEquals(1, run("check", dir.resolve("missing.txt").toString(), "--layers", layers.toString()).code());
    }

    /**
     * Issue 16 item 3: {@code ecozone check} and {@code POST /analysis/site-check} run the same use case, so the same
     * site against the same layers gives the same JSON (the result has no timestamps or generated ids to leave out:
     * its data version is a content hash of the same files).
     */
    @Test
    void theCommandAndTheRouteGiveTheSameJsonForTheSameSite() throws Exception {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        SiteFixtureLayers.write(layers);
        byte[] txt = SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK"));
        Path site = Files.write(dir.resolve("site.txt"), txt);
        Run cli = run("check", site.toString(), "--industry", "光伏", "--name", "新荣区光伏电站", "--layers", layers.toString());
        assertEquals(0, cli.code(), cli.err());
        JsonNode fromCli = new ObjectMapper().readTree(cli.out());

        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(layers).layers())) {
            Http http = new Http(server.port());
            String query = "?industry=" + URLEncoder.encode("光伏", StandardCharsets.UTF_8) + "&name=" + URLEncoder.encode("新荣区光伏电站", StandardCharsets.UTF_8);
            HttpResponse<String> r = HttpClient.newHttpClient().send(http.request("/analysis/site-check" + query).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(txt)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode fromHttp = new ObjectMapper().readTree(r.body());
            assertEquals("prohibited", fromHttp.get("verdict").asText());
            assertTrue(fromHttp.get("hits").size() > 0 && fromHttp.get("clauses").size() > 0, r.body());
            assertEquals(fromHttp, fromCli);

            // the HTML report too (the same format class writes both)
            Path html = dir.resolve("report.html");
            assertEquals(0, run("check", site.toString(), "--industry", "光伏", "--name", "新荣区光伏电站", "--format", "html", "--out", html.toString(),
                    "--layers", layers.toString()).code());
            HttpResponse<byte[]> page = HttpClient.newHttpClient().send(http.request("/analysis/site-check" + query + "&f=html")
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(txt)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, page.statusCode());
            // the report is stamped with the minute it was made and a number hashed from it: those may differ
            assertEquals(unstamped(Files.readString(html)), unstamped(new String(page.body(), StandardCharsets.UTF_8)));
        }
    }

    private static String unstamped(String report) {
        String s = report.replaceAll("EZ-\\d{8}-[0-9A-F]{6}", "EZ-…").replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "…");
        assertTrue(s.contains("EZ-…"), "the report carries a number");
        return s;
    }
}
