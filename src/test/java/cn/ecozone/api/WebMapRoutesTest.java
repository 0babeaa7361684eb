package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.WebMapFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the web map reads besides the OGC API: WebJars, styles, the catalog with titles and industries, config.js. */
class WebMapRoutesTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        WebMapFixture.write(dir);
        LayerLoader.Result r = LayerLoader.load(dir.resolve("layers"));
        assertTrue(r.ok(), () -> r.toString());
        ServerConfig config = new ServerConfig(0, dir.resolve("layers"), dir.resolve("styles"), Path.of("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded");
        server = EcoZoneServer.start(config, r.layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void leafletAndLeafletDrawComeFromTheWebJars() {
        Http.Response js = http.get("/webjars/leaflet/1.9.4/dist/leaflet.js");
        assertEquals(200, js.status());
        assertTrue(js.contentType().startsWith("text/javascript"), js.contentType());
        assertTrue(js.body().contains("Leaflet"), "the Leaflet library itself");
        Http.Response css = http.get("/webjars/leaflet-draw/1.0.2/dist/leaflet.draw.css");
        assertEquals(200, css.status());
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
        assertEquals(200, http.get("/webjars/leaflet/1.9.4/dist/images/marker-icon.png").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webjars/../cn/ecozone/api/WebMapRoutes.class", "/webjars/leaflet/1.9.4/../../../../../META-INF/MANIFEST.MF",
            "/webjars/%2e%2e/%2e%2e/META-INF/MANIFEST.MF", "/webjars/leaflet/1.9.4/dist/nothing.js",
            "/styles/..%2F..%2Flayers%2Fcatalog.json", "/styles/../layers/catalog.json", "/styles/nosuchlayer.json"})
    void nothingOutsideTheWebJarsOrStylesCanBeRead(String path) {
        Http.Response r = http.get(path);
        // Jetty itself refuses ambiguous paths (400); what gets through finds nothing (404)
        assertTrue(r.status() == 404 || r.status() == 400, path + " → " + r.status() + " " + r.body());
        assertFalse(r.body().contains("Manifest-Version") || r.body().contains("\"layers\""), r.body());
    }

    @Test
    void pbfForTheVectorTilesComesFromItsWebJar() {
        Http.Response js = http.get("/webjars/pbf/4.0.1/dist/pbf.js");
        assertEquals(200, js.status());
        assertTrue(js.body().contains("Pbf"), "pbf's browser build");
    }

    @Test
    void labelPointsLieInsideTheirFeaturesAndStopAtTheLimit() {
        JsonNode all = http.get("/map/labels/control_unit").json();
        assertTrue(all.get("complete").asBoolean());
        assertEquals(4, all.get("labels").size());
        for (JsonNode l : all.get("labels")) {
            JsonNode f = http.get("/collections/control_unit/items/" + l.get("id").asText() + "?f=json").json();
            org.locationtech.jts.geom.Geometry g = new cn.ecozone.io.GeoJsonGeometryReader().read(f.get("geometry"));
            assertTrue(g.contains(cn.ecozone.io.Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(
                    l.get("lon").asDouble(), l.get("lat").asDouble()))), l.toString());
            assertFalse(l.get("name").asText().isBlank());
        }
        JsonNode some = http.get("/map/labels/control_unit?limit=2").json();
        assertFalse(some.get("complete").asBoolean(), "more than the limit in view: no labels");
        assertEquals(0, some.get("labels").size());
        JsonNode west = http.get("/map/labels/control_unit?bbox=113.20,40.04,113.21,40.06").json();
        assertEquals(1, west.get("labels").size());
        assertEquals("平城西", west.at("/labels/0/name").asText());
        assertEquals(400, http.get("/map/labels/control_unit?bbox=1,2,3").status());
        assertEquals(400, http.get("/map/labels/control_unit?limit=0").status());
        assertEquals(400, http.get("/map/labels/control_unit?zoom=3").status());
        assertEquals(404, http.get("/map/labels/nosuchlayer").status());
    }

    @Test
    void stylesAreServedOneByOneAndAllTogether() {
        JsonNode all = http.get("/styles").json();
        assertEquals(6, all.size());
        assertEquals("type", all.at("/control_unit/property").asText());
        assertEquals(3, all.at("/control_unit/classes").size());
        JsonNode one = http.get("/styles/water_source.json").json();
        assertEquals("level", one.get("property").asText());
        assertEquals("二级保护区", one.at("/classes/1/label/zh").asText());
    }

    @Test
    void catalogGivesAttributeTitlesCountsAndIndustries() {
        JsonNode c = http.get("/map/catalog.json").json();
        JsonNode layers = c.get("layers");
        assertEquals(6, layers.size());
        assertEquals("admin", layers.get(0).get("id").asText());
        JsonNode mon = layers.get(5);
        assertEquals("point", mon.get("geometryType").asText());
        assertEquals(2, mon.get("featureCount").asInt());
        JsonNode quality = mon.get("attributes").get(5);
        assertEquals("quality", quality.get("name").asText());
        assertEquals("json", quality.get("type").asText());
        assertEquals("水质类别", quality.at("/title/zh").asText());
        JsonNode restoration = layers.get(4);
        assertEquals("矿山名称", restoration.at("/attributes/2/title/zh").asText());
        assertEquals("status", restoration.at("/attributes/3/title/zh").asText(), "untitled attributes fall back to their name");
        assertEquals(4, restoration.get("bbox").size());
        assertEquals("pv", c.at("/industries/0/id").asText());
        assertEquals("煤炭开采", c.at("/industries/1/zh").asText());
    }

    @Test
    void configScriptCarriesTheTiandituKeyOnlyFromConfiguration() {
        Http.Response r = http.get("/map/config.js");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/javascript"), r.contentType());
        assertTrue(r.body().startsWith("window.ECOZONE_CONFIG = {"), r.body());
        WebMapRoutes withKey = new WebMapRoutes(ServerConfig.defaults(0), server.layers(), server.accessList(), "abc</script>123");
        io.javalin.Javalin app = io.javalin.Javalin.create(c -> c.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false)));
        withKey.register(app);
        app.start(0);
        try {
            String body = new Http(app.port()).get("/map/config.js").body();
            assertTrue(body.contains("\"tiandituKey\":\"abc\\u003c/script>123\""), body);
        } finally {
            app.stop();
        }
    }

    @Test
    void mapRedirectsToTheFolderAndServesThePage() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/map")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(301, r.statusCode());
        assertEquals("/map/", r.headers().firstValue("Location").orElse(""));
        Http.Response page = http.get("/map/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("/webjars/leaflet/1.9.4/dist/leaflet.js"), "the page loads Leaflet from the WebJar");
        assertEquals(200, http.get("/map/js/layers.js").status());
    }
}
