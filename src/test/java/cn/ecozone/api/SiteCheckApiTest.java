package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.BoundaryPointTxt;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SCENARIO 1 end to end through HTTP: a planner uploads a GBK boundary-point TXT of a solar farm in 新荣区
 * (zone 38, two plots, one with a hole), industry 光伏, and gets hits, clauses, a verdict and a PDF report.
 */
class SiteCheckApiTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;
    static final Charset GBK = Charset.forName("GBK");
    static final String NAME = "新荣区光伏电站一期";

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

    static BoundaryPointTxt solarFarm() {
        return SiteFixtureLayers.scenario1SolarFarm();
    }

    static HttpResponse<byte[]> post(String query, byte[] body, String contentType) {
        try {
            HttpRequest req = http.request("/analysis/site-check" + query).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(new String(r.body(), StandardCharsets.UTF_8), e);
        }
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void scenario1SolarFarmFromAGbkTxtIsProhibitedByTheRedLine() {
        HttpResponse<byte[]> r = post("?industry=" + q("光伏") + "&name=" + q(NAME), solarFarm().text().getBytes(GBK), "text/plain");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode j = json(r);
        assertEquals(NAME, j.get("name").asText());
        assertEquals("prohibited", j.get("verdict").asText());
        assertEquals("pv", j.get("industry").asText());
        JsonNode site = j.get("site");
        assertEquals(2, site.get("parcelCount").asInt());
        assertEquals(38, site.get("gkZone").asInt());
        assertEquals("txt", site.get("format").asText());
        assertEquals(site.get("areaM2").asDouble() / 10_000, site.get("areaHa").asDouble(), 1e-9);
        assertEquals(site.get("areaM2").asDouble() / (10_000.0 / 15), site.get("areaMu").asDouble(), 1e-9);
        JsonNode plot1 = site.get("parcels").get(0), plot2 = site.get("parcels").get(1);
        assertEquals(452.81, plot1.get("declaredHa").asDouble());
        assertEquals(plot1.get("areaHa").asDouble() - 452.81, plot1.get("differenceHa").asDouble(), 1e-9);
        assertTrue(Math.abs(plot1.get("differencePct").asDouble()) < 0.01, "plot 1 matches its declared area");
        assertEquals((plot2.get("areaHa").asDouble() - 180) / 180 * 100, plot2.get("differencePct").asDouble(), 1e-9);
        assertTrue(j.get("warnings").toString().contains("光伏二区") && !j.get("warnings").toString().contains("光伏一区"), j.get("warnings").toString());

        List<String> hits = new ArrayList<>();
        j.get("hits").forEach(h -> hits.add(h.get("collection").asText() + "/" + h.get("featureId").asText()));
        assertTrue(hits.containsAll(List.of("admin/140212", "redline/HX140212-01", "control_unit/ZH14021210007", "control_unit/ZH14021230003")), hits.toString());
        double unitSum = 0;
        for (JsonNode h : j.get("hits")) {
            assertTrue(h.get("overlapM2").asDouble() > 0);
            assertTrue(h.get("siteShare").asDouble() > 0 && h.get("siteShare").asDouble() <= 1);
            if (h.get("collection").asText().equals("control_unit")) unitSum += h.get("overlapM2").asDouble();
        }
        assertEquals(site.get("areaM2").asDouble(), unitSum, 0.05, "the units tile the district, so their overlaps add up to the site");

        JsonNode ws = null;
        for (JsonNode n : j.get("nearby")) if (n.get("featureId").asText().equals("WS-AJXC-2")) ws = n;
        assertTrue(ws != null && ws.get("distanceM").asDouble() > 780 && ws.get("distanceM").asDouble() < 820, String.valueOf(ws));

        List<String> clauses = new ArrayList<>();
        j.get("clauses").forEach(c -> clauses.add(c.get("clauseId").asText() + ":" + c.get("severity").asText()));
        assertTrue(clauses.containsAll(List.of("RL-01:prohibited", "ZH14021210007-S:restricted", "ZH14021210007-P:required",
                "ZH14021230003-S:required", "XR-01:required")), clauses.toString());
        assertEquals("prohibited", j.at("/dimensions/0/verdict").asText(), "空间布局约束 carries the red line's ban");
        assertEquals("空间布局约束", j.at("/dimensions/0/dimensionZh").asText());
        assertEquals(4, j.get("dimensions").size());
        assertEquals("《关于在国土空间规划中统筹划定落实三条控制线的指导意见》", j.get("clauses").get(0).get("basis").asText());
        assertEquals("2025-06-30", j.get("dataDate").asText());
    }

    @Test
    void scenario1PdfReportHasTheChineseSiteNameClauseAndMap() throws IOException {
        HttpResponse<byte[]> r = post("?f=pdf&industry=" + q("光伏") + "&name=" + q(NAME), solarFarm().text().getBytes(GBK), "text/plain");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(r.body(), 4));
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains(NAME), text);
            assertTrue(text.contains("生态保护红线内禁止开发性、生产性建设活动"), text);
            assertTrue(text.contains("禁止准入"), text);
            assertTrue(text.contains("安家小村水源地二级保护区"), "nearby water source listed");
            assertTrue(text.contains("采凉山水源涵养生态保护红线"), text);
            assertTrue(doc.getPage(0).getResources().getFontNames().iterator().hasNext(), "a font is embedded");
            int pages = doc.getNumberOfPages();
            assertTrue(text.contains("第1页共" + pages + "页") && text.contains("第" + pages + "页共" + pages + "页"), "page numbers on every page");
            assertTrue(text.matches(".*报告编号：EZ-\\d{8}-[0-9A-F]{6}.*"), "a report number");
            assertTrue(text.contains("编制人") && text.contains("审核人") && text.contains("盖章"), "signature and seal block");
            assertTrue(text.contains("逐维度研判") && text.contains("（一）空间布局约束：禁止准入"), text);
            assertFalse(text.contains("（prohibited）"), "the Chinese report does not mix in English verdict ids");
            assertFalse(text.contains("示意数据"), "the fixture is not the illustrative sample");
            // the 界址点 appendix lists the points exactly as the TXT gives them (X north, Y east with zone prefix)
            assertTrue(text.contains("界址点坐标") && text.contains("EPSG:4526"), "boundary-point table");
            String firstPoint = java.util.Arrays.stream(solarFarm().text().split("\\R")).filter(l -> l.startsWith("J1,")).findFirst().orElseThrow();
            String[] f = firstPoint.split(",");
            assertTrue(text.contains("光伏一区J11" + f[2] + f[3]), "J1 of plot 1 with its X and Y as in the file: " + firstPoint);
            // 禁则: no line of the PDF starts with closing punctuation or ends with opening punctuation
            PDFTextStripper lines = new PDFTextStripper();
            for (String line : lines.getText(doc).split("\\R")) {
                String l = line.strip();
                if (l.isEmpty()) continue;
                assertTrue(LineBreakingRules.mayStart(l.charAt(0)), "line starts with closing punctuation: " + l);
                assertTrue(LineBreakingRules.mayEnd(l.charAt(l.length() - 1)), "line ends with opening punctuation: " + l);
            }
        }
    }

    @Test
    void htmlReportIsPrintableChineseWithAnSvgMap() {
        HttpResponse<byte[]> r = post("?f=html&industry=pv&name=" + q(NAME), solarFarm().text().getBytes(GBK), "text/plain");
        assertEquals(200, r.statusCode());
        String html = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.contains("<svg") && html.contains("fill-rule=\"evenodd\""), "map figure drawn as SVG");
        assertTrue(html.contains(NAME) && html.contains("禁止准入") && html.contains("《关于在国土空间规划中统筹划定落实三条控制线的指导意见》"));
        assertTrue(html.contains(">采凉山水源涵养生态保护红线</text>"), "hit zones are labelled on the figure");
        assertTrue(html.contains("位置示意") && html.contains(">新荣区</text>"), "a locator inset names the district");
        assertTrue(html.contains("示意数据") == false && html.contains("报告编号：EZ-") && html.contains("编制人"), "number and signature block");
        assertTrue(html.contains("逐维度研判") && html.contains("（一）空间布局约束：禁止准入") && html.contains("（四）资源利用效率：有条件准入"), html);
        assertTrue(html.contains("数据日期：2025-06-30"));
    }

    /**
     * Issue 16 item 7: the site check keeps its flat areas ({@code areaM2/areaHa/areaMu}) and gains the nested
     * {@code {m2, ha, mu}} objects of measure and stats, holding the same numbers.
     */
    @Test
    void areasAreFlatAndNestedWithTheSameNumbers() {
        JsonNode j = json(post("?industry=pv", solarFarm().text().getBytes(GBK), "text/plain"));
        JsonNode site = j.get("site");
        assertEquals(site.get("areaM2").asDouble(), site.at("/area/m2").asDouble(), 0);
        assertEquals(site.get("areaHa").asDouble(), site.at("/area/ha").asDouble(), 0);
        assertEquals(site.get("areaMu").asDouble(), site.at("/area/mu").asDouble(), 0);
        assertEquals(site.get("areaM2").asDouble() * 15 / 10_000, site.at("/area/mu").asDouble(), 1e-6, "1 亩 = 10000/15 m²");
        assertEquals(site.get("gkAreaM2").asDouble(), site.at("/gkArea/m2").asDouble(), 0);
        JsonNode parcel = site.at("/parcels/0");
        assertEquals(parcel.get("areaHa").asDouble(), parcel.at("/area/ha").asDouble(), 0);
        assertEquals(parcel.get("declaredHa").asDouble(), parcel.at("/declared/ha").asDouble(), 1e-9);
        assertTrue(j.get("hits").size() > 0);
        for (JsonNode h : j.get("hits")) {
            assertEquals(h.get("overlapM2").asDouble(), h.at("/overlap/m2").asDouble(), 0);
            assertEquals(h.get("overlapMu").asDouble(), h.at("/overlap/mu").asDouble(), 0);
            assertEquals(h.get("zoneAreaM2").asDouble(), h.at("/zoneArea/m2").asDouble(), 0);
        }
        assertEquals("prohibited", j.get("verdict").asText(), "the verdict is written as before");
        assertEquals("prohibited", j.at("/dimensions/0/verdict").asText());
    }

    /** Issue 16 item 7: {@code f} names the format; {@code format} is its alias; a media type finds a format too. */
    @Test
    void theFormatIsChosenByFWithFormatAsAnAliasOrByMediaType() {
        byte[] site = solarFarm().text().getBytes(GBK);
        HttpResponse<byte[]> html = post("?format=html&industry=pv", site, "text/plain");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<byte[]> pdf = post("?f=" + q("application/pdf") + "&industry=pv", site, "text/plain");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(200, post("?f=json&format=json", site, "text/plain").statusCode(), "the same value twice is fine");
        HttpResponse<byte[]> both = post("?f=json&format=pdf", site, "text/plain");
        assertEquals(400, both.statusCode());
        assertTrue(json(both).get("detail").asText().contains("format"), new String(both.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> unknown = post("?format=docx", site, "text/plain");
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("detail").asText().contains("json、html 或 pdf"), new String(unknown.body(), StandardCharsets.UTF_8));
    }

    @Test
    void headerZoneMismatchLoadsWithAWarningAndXian80IsRefused() {
        HttpResponse<byte[]> ok = post("?industry=pv", solarFarm().headerZone(39).text().getBytes(GBK), "text/plain");
        assertEquals(200, ok.statusCode());
        assertTrue(json(ok).get("warnings").toString().contains("带号=39"));
        HttpResponse<byte[]> xian = post("", solarFarm().coordinateSystem("1980西安坐标系").text().getBytes(GBK), "text/plain");
        assertEquals(400, xian.statusCode());
        assertTrue(xian.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(json(xian).get("detail").asText().contains("1980西安坐标系"));
    }

    @Test
    void geoJsonInAGaussKrugerCrsAndMultipartUploadsWork() {
        String gk = "{\"type\":\"Polygon\",\"coordinates\":[[[38431093.3,4462946.4],[38431944.1,4462954.7],[38431935.8,4463065.7],[38431093.3,4462946.4]]]}";
        HttpResponse<byte[]> r = post("?crs=EPSG:4526", gk.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("EPSG:4526", json(r).at("/site/sourceCrs").asText());

        String boundary = "----ecozone";
        byte[] file = solarFarm().text().getBytes(GBK);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        HttpResponse<byte[]> m = post("?industry=pv", body, "multipart/form-data; boundary=" + boundary);
        assertEquals(200, m.statusCode(), new String(m.body(), StandardCharsets.UTF_8));
        assertEquals("prohibited", json(m).get("verdict").asText());
    }

    @Test
    void theSiteShapeIsEchoedWhereTheClientCannotDrawItAndOnRequest() {
        String ring = "[[113.34,40.02],[113.346,40.02],[113.346,40.023],[113.343,40.023],[113.343,40.026],[113.34,40.026],[113.34,40.02]]";
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
        String feature = "{\"type\":\"Feature\",\"properties\":{\"name\":\"L\"},\"geometry\":" + polygon + "}";
        String two = "{\"type\":\"FeatureCollection\",\"features\":[" + feature + ",{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[113.35,40.02],[113.351,40.02],[113.351,40.021],[113.35,40.02]]]}}]}";
        byte[] txt = solarFarm().text().getBytes(GBK);
        // lon/lat GeoJSON, one parcel: the client holds the shape
        assertFalse(json(post("", polygon.getBytes(StandardCharsets.UTF_8), "application/geo+json")).has("siteGeometry"));
        assertFalse(json(post("", feature.getBytes(StandardCharsets.UTF_8), "application/json")).has("siteGeometry"));
        assertFalse(json(post("?crs=EPSG:4490", polygon.getBytes(StandardCharsets.UTF_8), "application/json")).has("siteGeometry"));
        // … unless asked for: the same numbers (they have 3 decimals)
        JsonNode forced = json(post("?siteGeometry=true", polygon.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertEquals("Polygon", forced.at("/siteGeometry/type").asText());
        JsonNode echoed = forced.at("/siteGeometry/coordinates/0");
        assertEquals(7, echoed.size());
        assertEquals(113.346, echoed.get(1).get(0).asDouble(), 0.0);
        assertEquals(40.023, echoed.get(2).get(1).asDouble(), 0.0);
        // what the browser cannot draw itself is echoed: 国土 TXT (GK metres), GK GeoJSON, WKT, several parcels
        JsonNode fromTxt = json(post("?industry=pv", txt, "text/plain"));
        assertTrue(fromTxt.has("siteGeometry"), "a 国土 TXT is echoed in lon/lat");
        for (String v : fromTxt.get("siteGeometry").toString().replaceAll("[^0-9.,-]", ",").split(",")) {
            if (v.contains(".")) assertTrue(v.length() - v.indexOf('.') - 1 <= 9, "at most 9 decimals (0.1 mm): " + v);
        }
        String gk = "{\"type\":\"Polygon\",\"coordinates\":[[[38431093.3,4462946.4],[38431944.1,4462954.7],[38431935.8,4463065.7],[38431093.3,4462946.4]]]}";
        JsonNode fromGk = json(post("?crs=EPSG:4526", gk.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertTrue(fromGk.at("/siteGeometry/coordinates/0/0/0").asDouble() > 112 && fromGk.at("/siteGeometry/coordinates/0/0/0").asDouble() < 114,
                "GK input echoed in degrees: " + fromGk.get("siteGeometry"));
        assertTrue(json(post("", "POLYGON((113.34 40.02, 113.346 40.02, 113.346 40.023, 113.34 40.02))".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .has("siteGeometry"), "WKT is echoed");
        assertTrue(json(post("", two.getBytes(StandardCharsets.UTF_8), "application/json")).has("siteGeometry"), "two parcels: their union is echoed");
        // … unless refused
        assertFalse(json(post("?siteGeometry=false&industry=pv", txt, "text/plain")).has("siteGeometry"));
        HttpResponse<byte[]> bad = post("?siteGeometry=maybe", polygon.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(400, bad.statusCode());
        String detail = json(bad).get("detail").asText();
        assertTrue(detail.contains("siteGeometry") && detail.contains("应为 true 或 false") && detail.contains("must be true or false"), detail);
    }

    @Test
    void badInputIsAFourHundredProblemNeverAFiveHundred() {
        record Case(String query, String body, int status, String detailContains) {}
        for (Case c : List.of(
                new Case("", "POLYGON((113.20 40.30, 113.21 40.31, 113.21 40.30, 113.20 40.31, 113.20 40.30))", 400, "自相交"),
                new Case("", "{\"type\":\"Polygon\",\"coordinates\":[[[40.30,113.20],[40.30,113.21],[40.31,113.21],[40.30,113.20]]]}", 400, "纬度写在前面"),
                new Case("?industry=" + q("炼钢"), "POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.30))", 400, "炼钢"),
                new Case("?f=docx", "POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.30))", 400, "f "),
                new Case("?nearbyM=abc", "POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.30))", 400, "nearbyM"),
                new Case("", "", 400, "没有收到地块数据"),
                new Case("?crs=EPSG:3857", "POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.30))", 400, "不支持的坐标系"))) {
            HttpResponse<byte[]> r = post(c.query(), c.body().getBytes(StandardCharsets.UTF_8), "text/plain");
            assertEquals(c.status(), r.statusCode(), c.toString());
            String detail = json(r).get("detail").asText();
            assertTrue(detail.contains(c.detailContains()), c + " → " + detail);
        }
    }

    @Test
    void sitesOverOneHundredThousandVerticesAndBodiesOverTenMegabytesAre413() {
        StringBuilder wkt = new StringBuilder("POLYGON((");
        int n = 100_001;
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            wkt.append(String.format(Locale.ROOT, "%.7f %.7f,", 113.21 + 0.01 * Math.cos(a), 40.25 + 0.01 * Math.sin(a)));
        }
        wkt.setLength(wkt.length() - 1);
        HttpResponse<byte[]> many = post("", (wkt + "))").getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(413, many.statusCode());
        assertTrue(json(many).get("detail").asText().contains("100000"));

        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<byte[]> big = post("", huge, "text/plain");
        assertEquals(413, big.statusCode());
    }

    /**
     * The body is read straight into an array of its Content-Length (SiteCheckRoutes.body): the answer is the same
     * byte for byte whether the body comes with a length, chunked (no length: Javalin's own read), or with a length
     * but in pieces the server must wait for; an over-long declared length is still the 413 it was.
     */
    @Test
    void theBodyIsReadWholeWithALengthChunkedOrInPieces() throws Exception {
        String geoJson = "{\"type\":\"Polygon\",\"coordinates\":[[[113.2,40.33],[113.23,40.33],[113.23,40.36],[113.2,40.36],[113.2,40.33]]]}";
        for (byte[] body : List.of(solarFarm().text().getBytes(GBK), geoJson.getBytes(StandardCharsets.US_ASCII))) {
            String type = body[0] == '{' ? "application/geo+json" : "text/plain";
            HttpResponse<byte[]> withLength = post("?industry=" + q("光伏"), body, type);
            assertEquals(200, withLength.statusCode(), new String(withLength.body(), StandardCharsets.UTF_8));
            HttpRequest req = http.request("/analysis/site-check?industry=" + q("光伏")).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
            HttpResponse<byte[]> chunked = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, chunked.statusCode());
            assertArrayEquals(withLength.body(), chunked.body());
            assertArrayEquals(withLength.body(), inPieces("/analysis/site-check?industry=" + q("光伏"), type, body));
        }
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("POST /analysis/site-check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                    + (11 * 1024 * 1024) + "\r\nConnection: close\r\n\r\nabc").getBytes(StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", head);
        }
    }

    /** POSTs the body with its Content-Length in two writes 100 ms apart; the answer's body. */
    private static byte[] inPieces(String path, String type, byte[] body) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            var out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(100);
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            byte[] answer = s.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 200"), text.lines().findFirst().orElse(""));
            int end = text.indexOf("\r\n\r\n");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\r\nContent-Length: (\\d+)").matcher(text.substring(0, end));
            assertTrue(m.find(), text.substring(0, end));
            return java.util.Arrays.copyOfRange(answer, end + 4, end + 4 + Integer.parseInt(m.group(1)));
        }
    }

    @Test
    void identifyAnswersEveryZoneAtAPointAndRefusesSwappedCoordinates() {
        JsonNode j = http.get("/analysis/identify?lon=113.208&lat=40.345").json();
        List<String> zones = new ArrayList<>();
        j.get("zones").forEach(z -> zones.add(z.get("collection").asText() + "/" + z.get("featureId").asText()));
        assertEquals(List.of("admin/140212", "control_unit/ZH14021230003", "water_source/WS-AJXC-1", "water_source/WS-AJXC-2"), zones.stream().sorted().toList());
        Http.Response swapped = http.get("/analysis/identify?lon=40.345&lat=113.208");
        assertEquals(400, swapped.status());
        assertTrue(swapped.json().get("detail").asText().contains("写反"));
        assertEquals(400, http.get("/analysis/identify?lon=113.2").status());
    }

    /** The marks of GB/T 15834's rules, written out here independently of the report's own list. */
    static final class LineBreakingRules {
        static boolean mayStart(char c) {
            return "，。、；：！？）》」』〕】”’".indexOf(c) < 0;
        }

        static boolean mayEnd(char c) {
            return "（《「『〔【“‘".indexOf(c) < 0;
        }
    }
}
