package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.OgcFixtureLayers;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.SourceFeatures.Source;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OGC API – Features Part 3 (filter, features-filter, queryables, queryables-query-parameters) with CQL2 text,
 * basic CQL2 and the basic spatial functions. Every case's expected ids are computed from the source file in
 * plain Java, never by the server's code.
 */
class OgcPart3FilterTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(OgcFixtureLayers.write(dir)).layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static double num(Source f, String p) {
        return f.properties().path(p).asDouble();
    }

    static boolean isNull(Source f, String p) {
        return f.properties().path(p).isNull() || f.properties().path(p).isMissingNode();
    }

    /** Point in the feature's rectangle(s)/at the point: the fixture's geometries are axis-aligned rectangles and points. */
    static boolean covers(Source f, double lon, double lat) {
        JsonNode g = f.geometry();
        List<JsonNode> rings = new ArrayList<>();
        if (g.get("type").asText().equals("Polygon")) rings.add(g.at("/coordinates/0"));
        else g.get("coordinates").forEach(p -> rings.add(p.get(0)));
        for (JsonNode r : rings) {
            double w = r.get(0).get(0).asDouble(), s = r.get(0).get(1).asDouble(), e = r.get(2).get(0).asDouble(), n = r.get(2).get(1).asDouble();
            if (lon >= w && lon <= e && lat >= s && lat <= n) return true;
        }
        return false;
    }

    static boolean inBox(Source f, double w, double s, double e, double n) {
        double[] b = f.bbox();
        return b[0] >= w && b[2] <= e && b[1] >= s && b[3] <= n;
    }

    static boolean overlapsBox(Source f, double w, double s, double e, double n) {
        double[] b = f.bbox();
        return b[0] <= e && b[2] >= w && b[1] <= n && b[3] >= s;
    }

    static Arguments cql(String layer, String filter, Predicate<Source> expected) {
        return Arguments.of(layer, filter, expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                cql("control_unit", "type = '优先保护'", f -> "优先保护".equals(f.text("type"))),
                cql("control_unit", "\"type\" <> '优先保护'", f -> !"优先保护".equals(f.text("type"))),
                cql("control_unit", "area_mu > 1300", f -> num(f, "area_mu") > 1300),
                cql("control_unit", "area_mu >= 1205.5 AND area_mu < 1400", f -> num(f, "area_mu") >= 1205.5 && num(f, "area_mu") < 1400),
                cql("control_unit", "area_mu <= 1100", f -> num(f, "area_mu") <= 1100),
                cql("control_unit", "name LIKE '管控单元1%'", f -> f.text("name").startsWith("管控单元1")),
                cql("control_unit", "name LIKE '%单元_'", f -> f.text("name").matches(".*单元.")),
                cql("control_unit", "name IN ('管控单元3', '管控单元17', '不存在')", f -> List.of("管控单元3", "管控单元17").contains(f.text("name"))),
                cql("control_unit", "name NOT IN ('管控单元3', '管控单元17')", f -> !List.of("管控单元3", "管控单元17").contains(f.text("name"))),
                cql("control_unit", "year BETWEEN 2019 AND 2021", f -> !isNull(f, "year") && num(f, "year") >= 2019 && num(f, "year") <= 2021),
                cql("control_unit", "year IS NULL", f -> isNull(f, "year")),
                cql("control_unit", "year IS NOT NULL", f -> !isNull(f, "year")),
                cql("control_unit", "NOT (type = '一般管控') AND year > 2020", f -> !"一般管控".equals(f.text("type")) && !isNull(f, "year") && num(f, "year") > 2020),
                cql("control_unit", "type = '重点管控' OR area_mu < 1100", f -> "重点管控".equals(f.text("type")) || num(f, "area_mu") < 1100),
                cql("control_unit", "S_INTERSECTS(geometry, POINT(112.35 39.85))", f -> covers(f, 112.35, 39.85)),
                cql("control_unit", "s_intersects(geometry, BBOX(112.25, 39.75, 112.45, 39.95))", f -> overlapsBox(f, 112.25, 39.75, 112.45, 39.95)),
                cql("control_unit", "S_WITHIN(geometry, POLYGON((112.0 39.0, 112.45 39.0, 112.45 39.95, 112.0 39.95, 112.0 39.0)))",
                        f -> inBox(f, 112.0, 39.0, 112.45, 39.95)),
                cql("control_unit", "S_CONTAINS(geometry, POINT(112.65 40.15)) AND type <> 'x'", f -> covers(f, 112.65, 40.15)),
                cql("control_unit", "S_INTERSECTS(geometry, LINESTRING(112.15 39.65, 112.85 39.65))", f -> overlapsBox(f, 112.15, 39.65, 112.85, 39.65)),
                cql("monitoring", "river IS NULL", f -> isNull(f, "river")),
                cql("monitoring", "level = '国控' AND S_INTERSECTS(geometry, POLYGON((112.0 39.0, 112.6 39.0, 112.6 40.5, 112.0 40.5, 112.0 39.0)))",
                        f -> "国控".equals(f.text("level")) && overlapsBox(f, 112.0, 39.0, 112.6, 40.5)),
                cql("monitoring", "river = '桑干河' OR (year >= 2020 AND level LIKE '省%')",
                        f -> "桑干河".equals(f.text("river")) || (num(f, "year") >= 2020 && f.text("level").startsWith("省"))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void cql2TextFiltersReturnTheFeaturesThePredicateSelects(String layer, String filter, Predicate<Source> expected) {
        List<String> want = SourceFeatures.ids(dir, layer, expected);
        Http.Response r = http.get("/collections/" + layer + "/items?limit=1000&filter-lang=cql2-text&filter=" + OgcPart1Test.enc(filter));
        assertEquals(200, r.status(), r.body());
        assertEquals(want, OgcPart2CrsTest.ids(r.json()), filter);
        assertEquals(want.size(), r.json().get("numberMatched").asInt());
    }

    @Test
    void casesAreNotTrivial() {
        cases().forEach(a -> {
            @SuppressWarnings("unchecked") Predicate<Source> p = (Predicate<Source>) a.get()[2];
            int n = SourceFeatures.ids(dir, (String) a.get()[0], p).size();
            assertTrue(n > 0 && n < SourceFeatures.read(dir, (String) a.get()[0]).size(), a.get()[1] + " selects some but not all: " + n);
        });
    }

    @Test
    void filterCombinesWithBboxPropertyFiltersAndPaging() {
        List<String> want = SourceFeatures.ids(dir, "control_unit",
                f -> num(f, "area_mu") > 1150 && "重点管控".equals(f.text("type")) && overlapsBox(f, 112.0, 39.0, 112.55, 41.0));
        List<String> got = new ArrayList<>();
        String url = "/collections/control_unit/items?limit=2&bbox=112.0,39.0,112.55,41.0&type=" + OgcPart1Test.enc("重点管控")
                + "&filter=" + OgcPart1Test.enc("area_mu > 1150");
        while (url != null) {
            JsonNode page = http.get(url).json();
            got.addAll(OgcPart2CrsTest.ids(page));
            url = null;
            for (JsonNode l : page.get("links")) if (l.get("rel").asText().equals("next")) url = l.get("href").asText().substring(http.base().length());
        }
        assertEquals(want, got);
        assertTrue(want.size() > 2, "needs more than one page");
    }

    @Test
    void filterCrsSetsTheAxisOrderOfGeometryLiterals() {
        String crs84 = http.get("/collections/control_unit/items?filter=" + OgcPart1Test.enc("S_INTERSECTS(geometry, POINT(112.35 39.85))")).body();
        Http.Response latLon = http.get("/collections/control_unit/items?filter-crs=" + OgcPart2CrsTest.EPSG + "4490&filter="
                + OgcPart1Test.enc("S_INTERSECTS(geometry, POINT(39.85 112.35))"));
        assertEquals(200, latLon.status(), latLon.body());
        assertEquals(OgcPart2CrsTest.ids(http.get("/collections/control_unit/items?filter=" + OgcPart1Test.enc("S_INTERSECTS(geometry, POINT(112.35 39.85))")).json()),
                OgcPart2CrsTest.ids(latLon.json()));
        assertFalse(crs84.isEmpty());
        assertEquals(1, OgcPart2CrsTest.ids(latLon.json()).size());
    }

    @Test
    void queryablesAreAJsonSchemaOfTheScalarAttributesAndTheGeometry() {
        Http.Response r = http.get("/collections/monitoring/queryables");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/schema+json"), r.contentType());
        JsonNode s = r.json();
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
        assertEquals("object", s.get("type").asText());
        assertEquals(http.base() + "/collections/monitoring/queryables", s.get("$id").asText());
        List<String> names = new ArrayList<>();
        s.get("properties").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("geometry", "code", "name", "level", "river", "year"), names, "json-typed quality is not queryable");
        assertEquals("integer", s.at("/properties/year/type").asText());
        assertEquals("geometry-point", s.at("/properties/geometry/format").asText());
        JsonNode unitType = http.get("/collections/control_unit/queryables").json().at("/properties/type/enum");
        assertEquals(3, unitType.size());
        boolean linked = false;
        for (JsonNode l : http.get("/collections/monitoring").json().get("links")) {
            linked |= l.get("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/queryables");
        }
        assertTrue(linked, "the collection links to its queryables");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "type = | character 6",
            "type = 'a' AND AND | character 16",
            "S_INTERSECTS(geometry, POINT(112 40) | character",
            "colour = 'red' | colour",
            "quality = 'x' | quality",
            "S_INTERSECTS(geometry, BBOX(1,2,3)) | BBOX",
            "'unclosed | CQL2"})
    void badFiltersAreBadRequestsThatSayWhatAndWhere(String filter, String mentioned) {
        Http.Response r = http.get("/collections/monitoring/items?filter=" + OgcPart1Test.enc(filter));
        assertEquals(400, r.status(), filter + " → " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        String detail = r.json().get("detail").asText();
        assertTrue(detail.contains(mentioned), detail);
    }

    @Test
    void onlyCql2TextIsAccepted() {
        Http.Response r = http.get("/collections/monitoring/items?filter-lang=cql2-json&filter=" + OgcPart1Test.enc("{\"op\":\"=\"}"));
        assertEquals(400, r.status());
        assertTrue(r.json().get("detail").asText().contains("cql2-text"));
    }
}
