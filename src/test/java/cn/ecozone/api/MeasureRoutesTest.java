package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The measure, stats and checks endpoints on a real server. */
class MeasureRoutesTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(RestorationFixture.write(dir)).layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void measuringACollectionGivesPlotsOverlapsZonesGroupsAndProgress() {
        JsonNode r = http.get("/analysis/measure/restoration?groupBy=mine").json();
        assertEquals(5, r.get("plots").size());
        assertEquals(1.0, r.get("thresholdPct").asDouble());
        JsonNode tm01 = r.get("plots").get(1); // id order: SL-01, TM-01, TM-02, XX-01, ZG-01
        assertEquals("TM-01", tm01.get("id").asText());
        assertTrue(tm01.at("/area/mu").asDouble() > 0);
        assertEquals(38, tm01.get("gkZone").asInt());
        assertEquals("TM-01", r.at("/overlaps/0/a").asText());
        assertEquals("二级", r.at("/zones/0/level").asText());
        assertEquals("XX-01", r.at("/outsideDistricts/0/plotId").asText());
        assertEquals("天马泰山", r.at("/groups/0/key").asText());
        assertEquals(198.85, r.at("/groups/0/declaredMu").asDouble(), 1e-9);
        assertTrue(r.at("/progress/0/restoredShare").asDouble() > 0.9);
    }

    @Test
    void csvStartsWithABomHasChineseHeadersAndRoundTripsChinese() throws Exception {
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(http.request("/analysis/measure/restoration?format=csv").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        byte[] b = r.body();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(b, 3), "UTF-8 BOM for Excel");
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("图斑编号,"), lines.get(0));
        assertTrue(lines.get(0).contains("矿山名称") && lines.get(0).contains("面积(亩)") && lines.get(0).contains("申报面积(亩)"), lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(text.contains("天马泰山") && text.contains("珍国花岗岩") && text.contains("已验收"));
        assertTrue(text.contains("\r\n"));
    }

    @Test
    void fNamesTheFormatAndFormatStaysItsAlias() throws Exception {
        HttpResponse<byte[]> f = csv("f=csv");
        assertEquals(200, f.statusCode());
        assertTrue(f.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertArrayEquals(csv("format=csv").body(), f.body());
        HttpResponse<byte[]> geo = csv("f=" + java.net.URLEncoder.encode("application/geo+json", StandardCharsets.UTF_8));
        assertEquals(200, geo.statusCode());
        assertTrue(geo.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    }

    private static HttpResponse<byte[]> csv(String query) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(http.request("/analysis/measure/restoration?" + query).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> lines(HttpResponse<byte[]> r) {
        byte[] b = r.body();
        return new String(b, 3, b.length - 3, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theSummaryProgressAndPlotTablesAreDifferentCsvsWithUniqueHeadersAndChineseFileNames() throws Exception {
        HttpResponse<byte[]> plots = csv("groupBy=mine&format=csv&table=plots");
        HttpResponse<byte[]> summary = csv("groupBy=mine&format=csv&table=summary");
        HttpResponse<byte[]> progress = csv("groupBy=mine&format=csv&table=progress");
        HttpResponse<byte[]> byStatus = csv("groupBy=status&format=csv&table=summary");
        for (HttpResponse<byte[]> r : List.of(plots, summary, progress, byStatus)) {
            assertEquals(200, r.statusCode());
            List<String> header = List.of(lines(r).get(0).split(","));
            assertEquals(header.size(), new java.util.HashSet<>(header).size(), "duplicated columns: " + header);
            assertFalse(header.stream().anyMatch(h -> h.contains("（")), "one spelling of 申报面积(亩): " + header);
            String cd = r.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(cd.startsWith("attachment; filename=\"") && cd.contains("filename*=UTF-8''"), cd);
        }
        assertFalse(java.util.Arrays.equals(plots.body(), summary.body()));
        assertFalse(java.util.Arrays.equals(summary.body(), progress.body()));
        assertFalse(java.util.Arrays.equals(summary.body(), byStatus.body()), "grouped by mine and by status differ");
        List<String> plotHeader = List.of(lines(plots).get(0).split(","));
        assertEquals("图斑编号", plotHeader.get(0));
        assertFalse(plotHeader.contains("code"), "the id attribute is the 图斑编号 column: " + plotHeader);
        assertTrue(lines(summary).get(0).startsWith("矿山名称,图斑数,"), lines(summary).get(0));
        assertTrue(lines(summary).get(1).startsWith("天马泰山,"), lines(summary).get(1));
        assertTrue(lines(byStatus).stream().anyMatch(l -> l.startsWith("已验收,")), String.join("\n", lines(byStatus)));
        assertTrue(lines(progress).get(0).startsWith("矿山名称,图斑数,已修复图斑数,"), lines(progress).get(0));
        String cd = summary.headers().firstValue("Content-Disposition").orElseThrow();
        String name = java.net.URLDecoder.decode(cd.substring(cd.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
        assertEquals("矿山生态修复图斑-分组汇总.csv", name);
        assertEquals(400, csv("format=csv&table=summary").statusCode(), "a summary needs groupBy");
        assertEquals(400, csv("format=csv&table=nope").statusCode());
    }

    @Test
    void geoJsonExportCarriesMeasuresAsProperties() {
        Http.Response r = http.get("/analysis/measure/restoration?format=geojson");
        assertTrue(r.contentType().startsWith("application/geo+json"), r.contentType());
        JsonNode f = r.json().get("features").get(0);
        assertEquals("Polygon", f.at("/geometry/type").asText());
        assertTrue(f.at("/properties/area_mu").asDouble() > 0);
        assertTrue(f.at("/properties/perimeter_m").asDouble() > 0);
    }

    @Test
    void uploadedPlotsAreMeasuredAgainstTheServersZones() {
        String body = FixtureLayers.collection(RestorationFixture.plot("U-1", "新矿", "待修复", 2025, 50.0, 113.365, 40.075, 113.3745, 40.0795));
        JsonNode r = http.post("/analysis/measure?threshold=5", "application/geo+json", body).json();
        assertEquals("U-1", r.at("/plots/0/id").asText());
        assertEquals(5.0, r.get("thresholdPct").asDouble());
        assertTrue(r.at("/plots/0/declaredMismatch").asBoolean());
        assertEquals("安家小村", r.at("/zones/0/zoneName").asText());
    }

    @Test
    void aSurveyedBoundaryPointTxtIsMeasuredWithItsDeclaredAreaCompared() {
        // two plots in GK zone 38, GBK as surveyors send them; the second declares 1 公顷 more than it measures
        double[] a = cn.ecozone.testsupport.BoundaryPointTxt.rect(113.365, 40.075, 113.3745, 40.0795);
        double[] b = cn.ecozone.testsupport.BoundaryPointTxt.rect(113.40, 40.05, 113.405, 40.054);
        double haA = cn.ecozone.geo.EllipsoidalMeasure.area(ring(a)) / 10_000, haB = cn.ecozone.geo.EllipsoidalMeasure.area(ring(b)) / 10_000;
        String txt = new cn.ecozone.testsupport.BoundaryPointTxt()
                .plot("修复区一", Math.round(haA * 10_000) / 10_000.0, a).plot("修复区二", haB + 1, b).text();
        Http.Response r = http.send(http.request("/analysis/measure").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(txt.getBytes(java.nio.charset.Charset.forName("GBK")))).build());
        assertEquals(200, r.status(), r.body());
        JsonNode plots = r.json().get("plots");
        assertEquals(2, plots.size());
        assertEquals("修复区一", plots.get(0).get("id").asText());
        assertEquals(haA, plots.get(0).at("/area/ha").asDouble(), haA * 1e-4);
        assertFalse(plots.get(0).get("declaredMismatch").asBoolean());
        assertTrue(plots.get(1).get("declaredMismatch").asBoolean());
    }

    private static org.locationtech.jts.geom.Geometry ring(double[] lonLat) {
        org.locationtech.jts.geom.Coordinate[] cs = new org.locationtech.jts.geom.Coordinate[lonLat.length / 2 + 1];
        for (int k = 0; k < lonLat.length / 2; k++) cs[k] = new org.locationtech.jts.geom.Coordinate(lonLat[2 * k], lonLat[2 * k + 1]);
        cs[cs.length - 1] = cs[0];
        return new org.locationtech.jts.geom.GeometryFactory().createPolygon(cs);
    }

    @Test
    void badInputGetsPlannerReadable4xx() {
        assertEquals(400, http.post("/analysis/measure", "application/json", "{\"type\":\"Point\"}").status());
        assertEquals(400, http.post("/analysis/measure", "application/json", "not json").status());
        Http.Response point = http.post("/analysis/measure", "application/json", FixtureLayers.collection(
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[113.2,40.0]}}"));
        assertEquals(400, point.status());
        assertTrue(point.json().get("detail").asText().contains("不是面"), point.body());
        Http.Response bad = http.get("/analysis/measure/restoration?threshold=abc");
        assertEquals(400, bad.status());
        assertTrue(bad.json().get("detail").asText().contains("threshold"));
        Http.Response group = http.get("/analysis/measure/restoration?groupBy=nope");
        assertEquals(400, group.status());
        assertTrue(group.json().get("detail").asText().contains("mine"), "lists the attributes that exist");
        assertEquals(404, http.get("/analysis/measure/nope").status());
        assertEquals(400, http.get("/analysis/measure/restoration?format=xls").status());
        assertEquals(400, http.get("/analysis/measure/restoration?f=csv&format=json").status(), "f and its alias format disagree");
        assertEquals(400, http.get("/analysis/measure/restoration?f=csv&table=nope").status());
    }

    @Test
    void statsGiveTheRedLineIndicatorPerDistrict() {
        JsonNode r = http.get("/analysis/stats").json();
        JsonNode pc = r.get("districts").get(0);
        assertEquals("平城区", pc.get("name").asText());
        assertEquals("生态保护红线面积占国土面积比例", pc.at("/redline/label").asText());
        assertTrue(pc.at("/redline/share").asDouble() > 0.05 && pc.at("/redline/share").asDouble() < 0.07);
        assertTrue(r.get("total").at("/area/ha").asDouble() > 18_000);
    }

    @Test
    void checksFindOverlappingPlotsAndConfirmControlUnitsTile() {
        JsonNode plots = http.get("/analysis/checks/restoration").json();
        assertFalse(plots.get("ok").asBoolean());
        assertEquals(1, plots.get("overlaps").size());
        JsonNode units = http.get("/analysis/checks/control_unit").json();
        assertTrue(units.get("ok").asBoolean(), units.toString());
        assertEquals("admin", units.get("tilesLayer").asText());
        JsonNode water = http.get("/analysis/checks/water_source").json();
        assertTrue(water.get("ok").asBoolean(), "nested levels are by design");
        assertTrue(water.at("/overlaps/0/contains").asBoolean());
    }
}
