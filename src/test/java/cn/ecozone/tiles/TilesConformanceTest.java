package cn.ecozone.tiles;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import cn.ecozone.testsupport.SampleServer;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.TileClient;
import cn.ecozone.testsupport.TileClient.Decoded;
import cn.ecozone.testsupport.TileMath;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * OGC API – Tiles Part 1 (core, tileset, tilesets-list, geodata-tilesets, mvt) and the TMS 2.0 JSON tile matrix set,
 * following the requirement classes: resources, links, media types, errors, caching, and tiles invalidated by edits.
 */
class TilesConformanceTest {
    static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";
    static SampleServer server;
    static Http http;
    static TileClient tiles;

    @BeforeAll
    static void start() {
        server = SampleServer.start();
        http = server.http();
        tiles = new TileClient(server.server().port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(String path) {
        Http.Response r = http.get(path);
        assertEquals(200, r.status(), () -> path + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/json"), path + " " + r.contentType());
        return r.json();
    }

    static JsonNode link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) if (l.get("rel").asText().equals(rel)) return l;
        return null;
    }

    static String path(String href) {
        return href.substring(http.base().length());
    }

    @Test
    void conformanceDeclaresTheTilesAndTileMatrixSetClasses() {
        Set<String> declared = new HashSet<>();
        json("/conformance").get("conformsTo").forEach(c -> declared.add(c.asText()));
        for (String c : List.of("core", "tileset", "tilesets-list", "geodata-tilesets", "mvt")) assertTrue(declared.contains(TILES + c), c);
        assertTrue(declared.contains("http://www.opengis.net/spec/tms/2.0/conf/tilematrixset"));
        assertTrue(declared.contains("http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset"));
    }

    // TMS 2.0 /conf/json-tilematrixset; Tiles /req/core: tiling schemes
    @Test
    void theLandingPageLinksToTheTileMatrixSetsAndWebMercatorQuadIsDescribedInTmsJson() {
        JsonNode schemes = link(json("/"), "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes");
        assertNotNull(schemes);
        JsonNode list = json(path(schemes.get("href").asText()));
        assertEquals(1, list.get("tileMatrixSets").size());
        JsonNode entry = list.get("tileMatrixSets").get(0);
        assertEquals("WebMercatorQuad", entry.get("id").asText());
        JsonNode tms = json(path(link(entry, "self").get("href").asText()));
        assertEquals("WebMercatorQuad", tms.get("id").asText());
        assertEquals("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", tms.get("uri").asText());
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/3857", tms.get("crs").asText());
        JsonNode matrices = tms.get("tileMatrices");
        assertEquals(21, matrices.size());
        for (int z = 0; z <= 20; z++) {
            JsonNode m = matrices.get(z);
            assertEquals(String.valueOf(z), m.get("id").asText());
            assertEquals(1L << z, m.get("matrixWidth").asLong());
            assertEquals(1L << z, m.get("matrixHeight").asLong());
            assertEquals(256, m.get("tileWidth").asInt());
            assertEquals("topLeft", m.get("cornerOfOrigin").asText());
            // the standard values of the OGC definition (annex D.1): 156543.03392804097 m at zoom 0
            assertEquals(156543.03392804097 / (1L << z), m.get("cellSize").asDouble(), 1e-6 / (1L << z));
            assertEquals(559082264.0287178 / (1L << z), m.get("scaleDenominator").asDouble(), 1e-3);
            assertEquals(-20037508.3427892, m.get("pointOfOrigin").get(0).asDouble(), 1e-6);
            assertEquals(20037508.3427892, m.get("pointOfOrigin").get(1).asDouble(), 1e-6);
        }
        assertEquals(404, http.get("/tileMatrixSets/WorldCRS84Quad").status());
    }

    // /req/geodata-tilesets, /req/tilesets-list, /req/tileset
    @Test
    void everyCollectionLinksToItsTilesetWhoseMetadataGivesTheTileTemplateAndTheLayerProperties() {
        for (JsonNode c : json("/collections").get("collections")) {
            String id = c.get("id").asText();
            JsonNode tilesetsLink = link(json("/collections/" + id), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
            assertNotNull(tilesetsLink, id);
            JsonNode list = json(path(tilesetsLink.get("href").asText()));
            assertEquals(1, list.get("tilesets").size(), id);
            JsonNode ts = list.get("tilesets").get(0);
            assertEquals("vector", ts.get("dataType").asText());
            assertEquals("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", ts.get("tileMatrixSetURI").asText());
            assertNotNull(link(ts, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"), id);
            JsonNode meta = json(path(link(ts, "self").get("href").asText()));
            assertEquals("vector", meta.get("dataType").asText());
            assertEquals("http://www.opengis.net/def/crs/EPSG/0/3857", meta.get("crs").asText());
            assertNotNull(link(meta, "http://www.opengis.net/def/rel/ogc/1.0/geodata"), id);
            JsonNode item = link(meta, "item");
            assertEquals("application/vnd.mapbox-vector-tile", item.get("type").asText());
            assertTrue(item.get("templated").asBoolean());
            assertTrue(item.get("href").asText().endsWith("/collections/" + id + "/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"));
            assertTrue(meta.get("description").asText().contains("204"), "the metadata says what an empty tile is");
            assertEquals(21, meta.get("tileMatrixSetLimits").size());
            JsonNode layer = meta.get("layers").get(0);
            assertEquals(id, layer.get("id").asText());
            List<String> props = new ArrayList<>();
            layer.get("propertiesSchema").get("properties").fieldNames().forEachRemaining(props::add);
            assertEquals(new HashSet<>(expectedProperties(id)), new HashSet<>(props), id);
            // the template resolves to a tile holding that layer
            var first = SourceFeatures.read(Path.of("layers"), id).get(0).jts().getCoordinates()[0];
            String tile = path(item.get("href").asText().replace("{tileMatrix}", "10")
                    .replace("{tileRow}", String.valueOf(TileMath.row(first.y, 10))).replace("{tileCol}", String.valueOf(TileMath.column(first.x, 10))));
            TileClient.Fetched f = tiles.get(tile);
            assertEquals(200, f.status(), tile);
            assertEquals("application/vnd.mapbox-vector-tile", f.header("Content-Type"));
            List<Decoded> decoded = TileClient.decode(f.body(), id, props.get(0));
            Set<String> source = new HashSet<>(SourceFeatures.ids(Path.of("layers"), id, x -> true));
            assertFalse(decoded.isEmpty(), id);
            for (Decoded d : decoded) assertTrue(source.contains(d.id()), id + " " + d.id());
        }
    }

    static List<String> expectedProperties(String layer) {
        for (JsonNode l : SourceFeatures.catalog(Path.of("layers")).get("layers")) {
            if (l.get("id").asText().equals(layer)) {
                try {
                    return TileContentTest.expectedProperties(l);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError(layer);
    }

    // /req/core/tc-error: outside the limits → 404; not a number → 400; problem JSON in Chinese and English
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "21/0/0, 404", "5/32/0, 404", "5/0/32, 404", "-1/0/0, 404", "0/1/0, 404", "20/1048576/0, 404",
            "a/0/0, 400", "5/1.5/3, 400", "5/3/x, 400", "5/3/99999999999999999999, 400"})
    void tilesOutsideTheMatrixLimitsAre404AndBadNumbersAre400(String zyx, int status) {
        Http.Response r = http.get("/collections/control_unit/tiles/WebMercatorQuad/" + zyx);
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        String detail = r.json().get("detail").asText();
        assertTrue(detail.matches("(?s).*[\\u4e00-\\u9fff].*") && detail.matches("(?s).*[A-Za-z]{4,}.*"), detail);
        assertEquals(404, http.get("/collections/control_unit/tiles/WorldCRS84Quad/5/12/26").status());
        assertEquals(404, http.get("/collections/nothing/tiles/WebMercatorQuad/5/12/26").status());
        assertEquals(400, http.get("/collections/control_unit/tiles/WebMercatorQuad/5/12/26?f=png").status());
    }

    // /req/core/tc-op and caching
    @Test
    void tilesCarryAnEtagAndCacheControlAndAnswer304WhenUnchanged() {
        String path = "/collections/control_unit/tiles/WebMercatorQuad/9/194/415";
        TileClient.Fetched first = tiles.get(path);
        assertEquals(200, first.status());
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals("public, no-cache", first.header("Cache-Control"));
        TileClient.Fetched again = tiles.get(path, "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals(0, again.body().length);
        assertNotEquals(etag, tiles.get("/collections/control_unit/tiles/WebMercatorQuad/9/194/414").header("ETag"), "the address is in the tag");
        assertNotEquals(etag, tiles.get("/collections/redline/tiles/WebMercatorQuad/9/194/415").header("ETag"), "the layer is in the tag");
    }

    @Test
    void aTileChangesAfterARestorationPlotIsEdited(@TempDir Path dir) {
        String forester = "forester-token-0001";
        RestorationFixture.write(dir);
        LayerLoader.Result loaded = LayerLoader.load(dir);
        assertTrue(loaded.ok(), loaded.problems().toString());
        try (EcoZoneServer s = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(
                AccessTokens.parse(List.of(forester + ":forester:王林"), "test")), loaded.layers())) {
            Http h = new Http(s.port());
            TileClient t = new TileClient(s.port());
            int z = 14, x = TileMath.column(113.311, z), y = TileMath.row(40.011, z);
            String path = "/collections/restoration/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x;
            TileClient.Fetched before = t.get(path);
            assertEquals(200, before.status());
            assertEquals("已验收", status(TileClient.decode(before.body(), "restoration", "code"), "TM-01"));
            JsonNode versions = h.get("/collections/restoration/items/TM-01/history").json().get("versions");
            String itemEtag = "\"" + versions.get(versions.size() - 1).get("etag").asText() + "\"";
            String edited = RestorationFixture.plot("TM-01", "天马泰山", "已修复", 2019, 100.0, 113.31, 40.01, 113.312, 40.0125);
            Http.Response put = h.send("PUT", "/collections/restoration/items/TM-01", "application/geo+json", edited,
                    "Authorization", "Bearer " + forester, "If-Match", itemEtag);
            assertEquals(200, put.status(), put.body());
            TileClient.Fetched after = t.get(path, "If-None-Match", before.header("ETag"));
            assertEquals(200, after.status(), "the cached tile is stale after the edit");
            assertNotEquals(before.header("ETag"), after.header("ETag"));
            assertEquals("已修复", status(TileClient.decode(after.body(), "restoration", "code"), "TM-01"));
        }
    }

    static String status(List<Decoded> decoded, String id) {
        for (Decoded d : decoded) if (id.equals(d.id())) return (String) d.properties().get("status");
        return null;
    }
}
