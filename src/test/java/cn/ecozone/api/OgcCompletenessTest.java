package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.OgcFixtureLayers;
import cn.ecozone.testsupport.SourceFeatures;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the OGC test suite (ets-ogcapi-features10) found missing: {@code datetime}, antimeridian bboxes,
 * {@code timeStamp}; and readable collection pages, titled item tables and the analysis endpoints in {@code /api}.
 */
class OgcCompletenessTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        Path layers = OgcFixtureLayers.write(dir);
        LayerLoader.Result r = LayerLoader.load(layers);
        assertTrue(r.ok(), () -> "fixture is valid: " + r.problems());
        server = EcoZoneServer.start(ServerConfig.defaults(0), r.layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(String path) {
        Http.Response r = http.get(path);
        assertEquals(200, r.status(), () -> path + ": " + r.body());
        return r.json();
    }

    private static List<String> ids(String path) {
        List<String> got = new ArrayList<>();
        json(path).get("features").forEach(f -> got.add(f.get("id").asText()));
        return got;
    }

    private static List<String> withYear(String layer, IntPredicate years) {
        return SourceFeatures.ids(dir, layer, f -> f.properties().hasNonNull("year") && years.test(f.properties().get("year").asInt()));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2020-06-01T12:00:00Z; 2020; 2020",
            "2020-06-01; 2020; 2020",
            "2019-01-01T00:00:00+08:00/2021-12-31T23:59:59+08:00; 2019; 2021",
            "../2019-07-01T00:00:00Z; 0; 2019",
            "2021-01-01T00:00:00Z/..; 2021; 9999",
            "2021-01-01/; 2021; 9999",
            // 2020-12-31 20:00 UTC is 2021-01-01 04:00 in China: the year of record is 2021
            "2020-12-31T20:00:00Z; 2021; 2021"})
    void datetimeKeepsTheFeaturesWhoseYearTheInstantOrIntervalTouches(String datetime, int from, int to) {
        for (String layer : List.of("control_unit", "monitoring")) {
            List<String> expected = withYear(layer, y -> y >= from && y <= to);
            if (to - from < 100) assertFalse(expected.isEmpty(), "the case selects something");
            JsonNode page = json("/collections/" + layer + "/items?limit=1000&datetime=" + enc(datetime));
            List<String> got = new ArrayList<>();
            page.get("features").forEach(f -> got.add(f.get("id").asText()));
            assertEquals(expected, got, layer + " datetime=" + datetime);
            assertEquals(expected.size(), page.get("numberMatched").asInt());
        }
    }

    @Test
    void datetimeOnALayerWithoutTemporalDataReturnsEveryFeature() {
        assertEquals(ids("/collections/admin/items?limit=1000"), ids("/collections/admin/items?limit=1000&datetime=2020-01-01T00:00:00Z"));
        assertEquals(1, ids("/collections/admin/items?datetime=" + enc("2000-01-01T00:00:00Z/2001-01-01T00:00:00Z")).size());
    }

    @Test
    void featuresWithoutAYearDoNotMatchADatetime() {
        List<String> all = ids("/collections/control_unit/items?limit=1000&datetime=" + enc("../.."));
        assertEquals(withYear("control_unit", y -> true), all);
        assertEquals(OgcFixtureLayers.UNITS - OgcFixtureLayers.UNITS / 5, all.size());
    }

    @Test
    void datetimeCombinesWithBboxAndFilter() {
        List<String> expected = SourceFeatures.ids(dir, "control_unit", f -> f.properties().hasNonNull("year")
                && f.properties().get("year").asInt() == 2019 && f.text("type").equals("优先保护"));
        assertEquals(expected, ids("/collections/control_unit/items?limit=1000&datetime=2019-03-01&filter=" + enc("type = '优先保护'")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2020-13-01", "2020-06-01T25:00:00Z", "2021-01-01/2019-01-01", "2020/2021/2022", "..", "",
            "2020-06-01T12:00:00"})
    void aMalformedDatetimeIsA400NamingTheParameter(String datetime) {
        Http.Response r = http.get("/collections/control_unit/items?datetime=" + enc(datetime));
        assertEquals(400, r.status(), datetime + " → " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertTrue(r.json().get("detail").asText().contains("datetime"), r.body());
        assertEquals(400, http.get("/collections/admin/items?datetime=" + enc(datetime)).status(), "checked on every layer");
    }

    @Test
    void theApiDeclaresDatetimeOnEveryItemsPath() {
        JsonNode doc = json("/api");
        assertEquals("datetime", doc.at("/components/parameters/datetime/name").asText());
        for (String path : List.of("/collections/{collectionId}/items", "/collections/control_unit/items", "/collections/admin/items")) {
            List<String> refs = new ArrayList<>();
            doc.at("/paths/" + path.replace("/", "~1") + "/get/parameters").forEach(p -> refs.add(p.path("$ref").asText()));
            assertTrue(refs.contains("#/components/parameters/datetime"), path + " " + refs);
        }
    }

    @Test
    void aBboxCrossingTheAntimeridianIsAnsweredAsTwoBoxes() {
        // 170°E → 113°E eastwards across 180°: covers 170…180 and −180…113, i.e. the units west of 113°E
        List<String> expected = SourceFeatures.ids(dir, "control_unit", f -> {
            double[] b = f.bbox();
            return b[1] <= 40.0 && b[3] >= 39.7 && (b[0] <= 112.5 || b[2] >= 170);
        });
        List<String> got = ids("/collections/control_unit/items?limit=1000&bbox=170,39.7,112.5,40.0");
        assertEquals(expected, got);
        assertTrue(!got.isEmpty() && got.size() < OgcFixtureLayers.UNITS);
        // and one that spans the antimeridian only, far from the data, matches nothing
        JsonNode none = json("/collections/control_unit/items?bbox=170,39,-170,41");
        assertEquals(0, none.get("numberMatched").asInt());
        // latitude-first CRSs keep their axis order: lat,lon,lat,lon
        assertEquals(got, ids("/collections/control_unit/items?limit=1000&bbox=39.7,170,40.0,112.5&bbox-crs="
                + enc("http://www.opengis.net/def/crs/EPSG/0/4490")));
    }

    @Test
    void itemsResponsesCarryATimeStamp() {
        JsonNode page = json("/collections/monitoring/items?limit=3");
        Instant t = Instant.parse(page.get("timeStamp").asText());
        assertTrue(Duration.between(t, Instant.now()).abs().getSeconds() < 60, t.toString());
    }

    @Test
    void theCollectionPagePrintsExtentAndCrsAsTextWithAMapPreview() {
        Http.Response r = http.get("/collections/control_unit?f=html");
        assertEquals(200, r.status());
        String html = r.body();
        assertFalse(html.contains("{spatial=") || html.contains("bbox=[["), "no Java map printed");
        assertTrue(html.contains("西 W 112.1000°E") && html.contains("北 N 40.2000°N"), html);
        assertTrue(html.contains("<svg") && html.contains("class=\"layer-extent\""), "inline SVG preview of the extent");
        assertTrue(html.contains("CGCS2000 / 3-degree Gauss-Kruger CM 111E (EPSG:4546)"), "CRS by name");
        assertTrue(html.contains("CGCS2000 (EPSG:4490)") || html.contains("China Geodetic Coordinate System 2000 (EPSG:4490)"), "storage CRS by name");
        assertTrue(html.contains("纬度, 经度 latitude, longitude"), "axis order in words");
    }

    @Test
    void itemTablesHeadAttributesWithTheirTitles() {
        String page = http.get("/collections/control_unit/items?f=html").body();
        assertTrue(page.contains("<th>单元编码 Unit code (code)</th>"), page);
        assertTrue(page.contains("<th>year</th>"), "an attribute without a title keeps its name");
        String one = http.get("/collections/control_unit/items/ZH14060210001?f=html").body();
        assertTrue(one.contains("<td>单元编码 Unit code (code)</td>"), one);
    }

    @Test
    void theApiDocumentsTheAnalysisEndpointsAndStaysValidOpenApi() {
        Http.Response r = http.get("/api");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), () -> "OpenAPI problems: " + parsed.getMessages());
        JsonNode doc = r.json();
        JsonNode site = doc.at("/paths/~1analysis~1site-check/post");
        assertFalse(site.isMissingNode());
        assertTrue(site.at("/requestBody/content").has("text/plain") && site.at("/requestBody/content").has("multipart/form-data"));
        assertEquals("#/components/schemas/SiteCheckResult", site.at("/responses/200/content/application~1json/schema/$ref").asText());
        JsonNode result = doc.at("/components/schemas/SiteCheckResult/properties");
        for (String p : List.of("site", "verdict", "hits", "nearby", "clauses", "warnings")) assertTrue(result.has(p), p);
        assertTrue(site.at("/responses").has("413"));
        for (String p : List.of("/analysis/identify", "/analysis/measure/{collectionId}", "/analysis/stats", "/analysis/checks/{collectionId}")) {
            assertFalse(doc.at("/paths/" + p.replace("/", "~1") + "/get").isMissingNode(), p);
        }
        assertFalse(doc.at("/paths/~1analysis~1measure/post/requestBody").isMissingNode());
        // what the document says identify answers is what it answers
        JsonNode identify = json("/analysis/identify?lon=112.15&lat=39.65");
        assertTrue(identify.has("zones") && identify.get("zones").size() >= 1);
        JsonNode zone = identify.get("zones").get(0);
        doc.at("/components/schemas/ZoneAtPoint/properties").fieldNames().forEachRemaining(f -> assertTrue(zone.has(f), f));
    }
}
