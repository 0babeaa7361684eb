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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OGC API – Features Part 1 (core, geojson, html, oas30), following the abstract test suite: landing page,
 * API definition, conformance, collections, items with paging/bbox/limit, single features, content negotiation,
 * caching and errors.
 */
class OgcPart1Test {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        Path layers = OgcFixtureLayers.write(dir);
        // one unit of the 准入清单, so the access-list paths described in /api answer 200 too
        try {
            Files.writeString(layers.resolve("access-list.json"), """
                    {"format": "ecozone-access-list/2", "title": {"zh": "测试", "en": "Test"}, "industries": [],
                     "units": [{"code": "ZH14060210001", "name": "管控单元1", "province": "山西省", "city": "朔州市", "county": "朔城区", "type": "优先保护"}],
                     "requirements": [{"id": "U1-S", "level": "单元", "scope": "ZH14060210001", "dimension": "空间布局约束", "effect": "要求",
                       "text": {"zh": "落实生态环境保护基本要求", "en": "Basic protection"}, "basis": {"issuer": "朔城区", "document": "《朔城区规划》", "article": "§1"}},
                       {"id": "U1-0", "level": "单元", "scope": "ZH14060210001", "dimension": "污染物排放管控", "effect": "要求",
                        "text": {"zh": "执行国家和地方标准", "en": "Standards"}, "basis": {"issuer": "朔城区", "document": "《朔城区规划》", "article": "§1"}},
                       {"id": "U1-1", "level": "单元", "scope": "ZH14060210001", "dimension": "环境风险防控", "effect": "要求",
                        "text": {"zh": "执行国家和地方标准", "en": "Standards"}, "basis": {"issuer": "朔城区", "document": "《朔城区规划》", "article": "§1"}},
                       {"id": "U1-2", "level": "单元", "scope": "ZH14060210001", "dimension": "资源利用效率", "effect": "要求",
                        "text": {"zh": "执行国家和地方标准", "en": "Standards"}, "basis": {"issuer": "朔城区", "document": "《朔城区规划》", "article": "§1"}}]}
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LayerLoader.Result r = LayerLoader.load(layers);
        assertTrue(r.ok(), () -> "fixture is valid: " + r.problems());
        server = EcoZoneServer.start(ServerConfig.defaults(0), r.layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        // the site-check job of the /api test was kept beside the layer folder
        cn.ecozone.testsupport.TestDirs.delete(EcoZoneServer.jobsDir(server.layers().current()));
    }

    private static JsonNode json(String path) {
        Http.Response r = http.get(path);
        assertEquals(200, r.status(), () -> path + ": " + r.body());
        return r.json();
    }

    private static JsonNode link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) if (l.get("rel").asText().equals(rel)) return l;
        return null;
    }

    // /conf/core/root-op, root-success
    @Test
    void landingPageLinksToApiDefinitionConformanceAndData() {
        JsonNode root = json("/");
        assertFalse(root.get("title").asText().isBlank());
        for (String rel : List.of("self", "service-desc", "service-doc", "conformance", "data")) {
            JsonNode l = link(root, rel);
            assertNotNull(l, "landing page link " + rel);
            assertTrue(l.get("href").asText().startsWith(http.base()), "absolute href: " + l);
            assertEquals(200, http.get(l.get("href").asText().substring(http.base().length())).status(), rel + " resolves");
        }
        assertEquals("application/vnd.oai.openapi+json;version=3.0", link(root, "service-desc").get("type").asText());
    }

    // /conf/html: landing page in HTML for browsers, Chinese with English, linking to the web map
    @Test
    void browsersGetHtmlPagesThatLinkToTheMap() {
        Http.Response r = http.get("/", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertTrue(r.body().contains("href=\"/map/\""), "links to the web map");
        assertTrue(r.body().contains("地图") && r.body().contains("map"), "Chinese with English beside");
        for (String path : List.of("/collections", "/collections/control_unit", "/collections/control_unit/items",
                "/collections/control_unit/items/ZH14060210001", "/conformance", "/api", "/collections/control_unit/queryables")) {
            Http.Response h = http.get(path + "?f=html");
            assertEquals(200, h.status(), path);
            assertTrue(h.contentType().startsWith("text/html"), path + " " + h.contentType());
            assertTrue(h.body().startsWith("<!DOCTYPE html>") && h.body().contains("/map/"), path);
        }
        assertTrue(http.get("/collections/control_unit/items?f=html").body().contains("管控单元1"));
    }

    @Test
    void clientsAskingForJsonGetJson() {
        assertTrue(http.get("/", "Accept", "application/json").contentType().startsWith("application/json"));
        assertTrue(http.get("/collections/control_unit/items", "Accept", "application/geo+json, application/json")
                .contentType().startsWith("application/geo+json"));
        assertTrue(http.get("/?f=json", "Accept", "text/html").contentType().startsWith("application/json"), "f wins over Accept");
    }

    // /conf/core/conformance-success
    @Test
    void conformanceDeclaresPartsOneToFour() {
        Set<String> declared = new HashSet<>();
        json("/conformance").get("conformsTo").forEach(c -> declared.add(c.asText()));
        assertEquals(Set.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
                // OGC API – Tiles and the tile matrix set: proved by TilesConformanceTest and TileContentTest
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png",
                "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
                "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset",
                "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description",
                "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
                "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
                "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss"), declared);
    }

    // /conf/oas30: the API definition is valid OpenAPI 3.0 and describes everything served
    @Test
    void apiDefinitionIsValidOpenApiDescribingEveryPathAndParameter() {
        Http.Response r = http.get("/api");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/vnd.oai.openapi+json"), r.contentType());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), () -> "OpenAPI problems: " + parsed.getMessages());
        assertNotNull(parsed.getOpenAPI());
        assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3.0"));

        JsonNode doc = r.json();
        JsonNode params = doc.at("/components/parameters");
        Map<String, List<String>> served = Map.of(
                "/", List.of("f"), "/conformance", List.of("f"), "/api", List.of("f"), "/collections", List.of("f"),
                "/collections/{collectionId}", List.of("collectionId", "f"),
                "/collections/{collectionId}/items", List.of("collectionId", "f", "limit", "offset", "bbox", "bbox-crs", "crs",
                        "filter", "filter-lang", "filter-crs", "sortby", "properties", "skipGeometry"),
                "/collections/{collectionId}/items/{featureId}", List.of("collectionId", "featureId", "f", "crs"),
                "/collections/{collectionId}/queryables", List.of("collectionId", "f"),
                "/collections/control_unit/items", List.of("f", "limit", "bbox", "filter", "code", "name", "type", "county_code", "area_mu", "year"),
                "/collections/monitoring/items", List.of("level", "river", "year"));
        served.forEach((path, expected) -> {
            JsonNode op = doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get");
            assertFalse(op.isMissingNode(), "path described: " + path);
            assertTrue(op.has("responses") && op.get("responses").has("200"), path);
            List<String> names = new ArrayList<>();
            for (JsonNode p : op.get("parameters")) {
                JsonNode resolved = p.has("$ref") ? params.get(p.get("$ref").asText().replace("#/components/parameters/", "")) : p;
                assertNotNull(resolved, "reference resolves: " + p);
                names.add(resolved.get("name").asText());
                if (resolved.get("in").asText().equals("path")) {
                    assertTrue(path.contains("{" + resolved.get("name").asText() + "}"), path);
                }
            }
            assertTrue(names.containsAll(expected), path + " describes " + expected + " but has " + names);
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
            while (m.find()) assertTrue(names.contains(m.group(1)), path + " declares path parameter " + m.group(1));
        });
        // a finished job, so the job paths answer too
        Http.Response created = http.post("/processes/site-check/execution", "application/json",
                "{\"inputs\": {\"site\": \"POLYGON((112.2 40.1, 112.21 40.1, 112.21 40.11, 112.2 40.11, 112.2 40.1))\"}}",
                "Prefer", "respond-async");
        assertEquals(201, created.status(), created.body());
        String jobId = created.json().get("jobID").asText();
        for (int i = 0; i < 200 && !http.get("/jobs/" + jobId).json().get("status").asText().equals("successful"); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        Iterator<String> paths = doc.get("paths").fieldNames();
        while (paths.hasNext()) {
            String raw = paths.next();
            if (!doc.get("paths").get(raw).has("get")) continue;
            String p = raw.replace("{processId}", "site-check").replace("{jobId}", jobId).replace("{outputId}", "result")
                    .replace("{collectionId}", "control_unit").replace("{featureId}", "ZH14060210001")
                    .replace("{unitCode}", "ZH14060210001")
                    .replace("{tileMatrixSetId}", "WebMercatorQuad").replace("{tileMatrix}/{tileRow}/{tileCol}", "0/0/0");
            if (p.equals("/access-list/search")) p += "?q=%E7%94%9F%E6%80%81";
            if (p.equals("/analysis/identify")) p += "?lon=112.15&lat=39.65";
            assertEquals(200, http.get(p).status(), "every described path is served: " + p);
        }
    }

    // /conf/core/fc-md-*: collections metadata
    @Test
    void collectionsDescribeEveryLayerWithLinksExtentAndCrs() {
        JsonNode cs = json("/collections");
        assertNotNull(link(cs, "self"));
        List<String> ids = new ArrayList<>();
        cs.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertEquals(SourceFeatures.layerIds(dir), ids);
        for (JsonNode c : cs.get("collections")) {
            String id = c.get("id").asText();
            assertEquals(SourceFeatures.read(dir, id).size(), c.get("featureCount").asInt(), id);
            JsonNode items = link(c, "items");
            assertEquals("application/geo+json", items.get("type").asText());
            assertEquals(http.base() + "/collections/" + id + "/items", items.get("href").asText());
            assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", c.at("/extent/spatial/crs").asText());
            assertEquals(4, c.at("/extent/spatial/bbox/0").size());
            assertEquals(c, json("/collections/" + id), "the collection resource repeats its entry");
        }
        JsonNode units = json("/collections/control_unit");
        assertEquals(112.1, units.at("/extent/spatial/bbox/0/0").asDouble(), 1e-9);
        assertEquals(40.2, units.at("/extent/spatial/bbox/0/3").asDouble(), 1e-9);
    }

    // /conf/core/fc-limit-*, fc-links, fc-response: page through with next until the end
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 10, 48, 10000})
    void followingNextReturnsEveryFeatureExactlyOnce(int limit) {
        List<String> expected = SourceFeatures.ids(dir, "control_unit", f -> true);
        List<String> seen = new ArrayList<>();
        String url = "/collections/control_unit/items?limit=" + limit;
        int pages = 0;
        while (url != null) {
            JsonNode page = json(url);
            assertEquals("FeatureCollection", page.get("type").asText());
            assertEquals(expected.size(), page.get("numberMatched").asInt());
            assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
            assertTrue(page.get("numberReturned").asInt() <= limit);
            page.get("features").forEach(f -> seen.add(f.get("id").asText()));
            JsonNode next = link(page, "next");
            if (pages > 0) assertNotNull(link(page, "prev"), "later pages link back");
            url = next == null ? null : next.get("href").asText().substring(http.base().length());
            assertTrue(++pages <= expected.size() + 1, "paging ends");
        }
        assertEquals(expected, seen);
        assertEquals((expected.size() + limit - 1) / limit, pages);
    }

    @Test
    void defaultLimitIsTenAndLimitsAboveTheMaximumAreCapped() {
        assertEquals(10, json("/collections/control_unit/items").get("numberReturned").asInt());
        JsonNode all = json("/collections/control_unit/items?limit=20000");
        assertEquals(48, all.get("numberReturned").asInt());
        assertNull(link(all, "next"));
    }

    // /conf/core/fc-bbox-response: features intersecting the bbox, computed from the source file
    @ParameterizedTest
    @ValueSource(strings = {"112.25,39.75,112.45,39.95", "112.0,39.0,112.15,39.65", "112.55,40.05,113.5,41.0", "100,30,101,31",
            "112.25,39.75,0,112.45,39.95,100"})
    void bboxReturnsExactlyTheFeaturesItIntersects(String bbox) {
        double[] p = java.util.Arrays.stream(bbox.split(",")).mapToDouble(Double::parseDouble).toArray();
        int h = p.length / 2;
        double w = p[0], s = p[1], e = p[h], n = p[h + 1];
        // the fixture's geometries are rectangles and points, and no box falls in the MultiPolygon's gap,
        // so overlap of coordinate ranges is exactly intersection
        for (String layer : List.of("control_unit", "monitoring")) {
            List<String> expected = SourceFeatures.ids(dir, layer, f -> {
                double[] b = f.bbox();
                return b[0] <= e && b[2] >= w && b[1] <= n && b[3] >= s;
            });
            JsonNode page = json("/collections/" + layer + "/items?limit=1000&bbox=" + bbox);
            List<String> got = new ArrayList<>();
            page.get("features").forEach(f -> got.add(f.get("id").asText()));
            assertEquals(expected, got, layer + " bbox " + bbox);
            assertEquals(expected.size(), page.get("numberMatched").asInt());
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void singleFeatureHasItsSourceGeometryAndProperties() {
        SourceFeatures.Source src = SourceFeatures.read(dir, "monitoring").get(4);
        Http.Response r = http.get("/collections/monitoring/items/" + src.id());
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/geo+json"));
        JsonNode f = r.json();
        assertEquals(src.id(), f.get("id").asText());
        assertEquals(src.geometry(), f.get("geometry"));
        assertEquals(src.properties(), f.get("properties"));
        assertNotNull(link(f, "collection"));
        assertEquals(404, http.get("/collections/monitoring/items/NO-SUCH").status());
    }

    @Test
    void propertiesAndSkipGeometryShapeTheFeatures() {
        JsonNode page = json("/collections/control_unit/items?properties=name,type&skipGeometry=true&limit=3");
        for (JsonNode f : page.get("features")) {
            assertTrue(f.get("geometry").isNull());
            List<String> names = new ArrayList<>();
            f.get("properties").fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("name", "type"), names);
        }
    }

    @Test
    void sortbyOrdersTheFeatures() {
        JsonNode page = json("/collections/control_unit/items?sortby=-area_mu&limit=3&properties=area_mu");
        double prev = Double.MAX_VALUE;
        for (JsonNode f : page.get("features")) {
            double v = f.at("/properties/area_mu").asDouble();
            assertTrue(v <= prev);
            prev = v;
        }
        assertEquals(1000.5 + 48 * 10.25, page.at("/features/0/properties/area_mu").asDouble(), 1e-9);
    }

    @Test
    void propertyEqualityFiltersUseQueryableAttributes() {
        List<String> expected = SourceFeatures.ids(dir, "control_unit", f -> "优先保护".equals(f.text("type")));
        JsonNode page = json("/collections/control_unit/items?limit=100&type=" + enc("优先保护"));
        List<String> got = new ArrayList<>();
        page.get("features").forEach(f -> got.add(f.get("id").asText()));
        assertEquals(expected, got);
        assertFalse(expected.isEmpty());
        List<String> y2020 = SourceFeatures.ids(dir, "control_unit", f -> f.properties().path("year").asInt() == 2020);
        assertEquals(y2020.size(), json("/collections/control_unit/items?year=2020").get("numberMatched").asInt());
    }

    @Test
    void everyGetHasAnEtagAndCacheControlAndAnswers304WhenUnchanged() {
        for (String path : List.of("/", "/conformance", "/api", "/collections", "/collections/monitoring",
                "/collections/monitoring/items?limit=5", "/collections/monitoring/items/JC001", "/collections/monitoring/queryables")) {
            Http.Response r = http.get(path);
            String etag = r.header("ETag");
            assertNotNull(etag, path);
            assertNotNull(r.header("Cache-Control"), path);
            Http.Response again = http.get(path, "If-None-Match", etag);
            assertEquals(304, again.status(), path);
            assertEquals("", again.body());
            assertEquals(200, http.get(path, "If-None-Match", "W/\"other\"").status());
        }
        assertFalse(http.get("/collections/monitoring/items?limit=5").header("ETag")
                .equals(http.get("/collections/monitoring/items?limit=6").header("ETag")), "the tag depends on the request");
    }

    @Test
    void largeAnswersAreGzippedWhenAsked() throws IOException {
        var req = http.request("/collections/control_unit/items?limit=48", "Accept-Encoding", "gzip").GET().build();
        try {
            HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
            String body = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"numberReturned\":48"), body.substring(0, 200));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "/collections/nope/items; 404; nope",
            "/collections/nope; 404; nope",
            "/collections/control_unit/items?bbox=1,2,3; 400; bbox",
            "/collections/control_unit/items?bbox=a,b,c,d; 400; bbox",
            "/collections/control_unit/items?bbox=113,41,112,40; 400; bbox",
            "/collections/control_unit/items?bbox=112,39,200,41; 400; bbox",
            "/collections/control_unit/items?limit=-1; 400; limit",
            "/collections/control_unit/items?limit=0; 400; limit",
            "/collections/control_unit/items?limit=ten; 400; limit",
            "/collections/control_unit/items?offset=-5; 400; offset",
            "/collections/control_unit/items?colour=red; 400; colour",
            "/collections/control_unit/items?f=xml; 400; f",
            "/collections/control_unit/items?sortby=nope; 400; nope",
            "/collections/control_unit/items?properties=nope; 400; nope",
            "/collections/control_unit/items?skipGeometry=maybe; 400; skipGeometry",
            "/collections/control_unit/items?year=abc; 400; year",
            "/collections?foo=1; 400; foo",
            "/?bar=2; 400; bar"})
    void badRequestsAreProblemJson(String path, int status, String mentioned) {
        Http.Response r = http.get(path);
        assertEquals(status, r.status(), path + " → " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.json().get("detail").asText().contains(mentioned), r.body());
    }
}
