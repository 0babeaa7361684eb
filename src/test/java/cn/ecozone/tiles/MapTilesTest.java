package cn.ecozone.tiles;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import cn.ecozone.testsupport.TileClient;
import cn.ecozone.testsupport.TileMapLoad;
import cn.ecozone.testsupport.TileMath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * OGC API – Tiles map tiles (PNG, {@code /collections/{id}/map/tiles/WebMercatorQuad/{z}/{y}/{x}}): decoded here
 * with ImageIO and held to the geometry they were painted from — painted where features are, transparent where none
 * are, every tiny feature at least one pixel at coarse zooms, every feature of the vector tile of the same address
 * painted, colours from the style file; caching and invalidation by an edit; the tileset metadata and conformance.
 */
class MapTilesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FORESTER = "forester-token-0001";

    /** Red lines: 7 × 6 squares of 0.005° (≈ 500 m) every 0.3° over 110–112°E, 30–31.5°N; control units: three 1° boxes. */
    static final double SPECK = 0.005, STEP = 0.3;
    static final String CATALOG = """
            {"title": {"zh": "地图切片测试", "en": "Map tiles test"}, "dataDate": "2025-01-01",
             "layers": [
              {"id": "control_unit", "kind": "control_unit", "title": {"zh": "环境管控单元", "en": "Control units"},
               "file": "control_unit.geojson", "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "type", "type": "string", "required": true, "values": ["优先保护", "重点管控", "一般管控"]}]},
              {"id": "redline", "kind": "redline", "title": {"zh": "生态保护红线", "en": "Red line"}, "file": "redline.geojson",
               "idProperty": "code", "nameProperty": "name",
               "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true},
                 {"name": "function", "type": "string"}]}
             ]}
            """;
    static final String[] TYPES = {"优先保护", "重点管控", "一般管控"};

    static List<double[]> specks() {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) for (int j = 0; j < 6; j++) out.add(new double[] {110 + i * STEP, 30 + j * STEP});
        return out;
    }

    static Path fixture(Path dir) {
        FixtureLayers.put(dir, "catalog.json", CATALOG);
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            units.add(RestorationFixture.box("u", String.format("{\"code\": \"U%d\", \"name\": \"单元%d\", \"type\": \"%s\"}", i, i, TYPES[i]),
                    100 + 1.5 * i, 20, 101 + 1.5 * i, 21));
        }
        FixtureLayers.put(dir, "control_unit.geojson", FixtureLayers.collection(String.join(",", units)));
        List<String> red = new ArrayList<>();
        List<double[]> s = specks();
        for (int k = 0; k < s.size(); k++) {
            red.add(RestorationFixture.box("r", String.format("{\"code\": \"R%02d\", \"name\": \"红线%d\", \"function\": \"水源涵养\"}", k, k),
                    s.get(k)[0], s.get(k)[1], s.get(k)[0] + SPECK, s.get(k)[1] + SPECK));
        }
        FixtureLayers.put(dir, "redline.geojson", FixtureLayers.collection(String.join(",", red)));
        return dir;
    }

    static EcoZoneServer start(Path dir) {
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), r.problems().toString());
        return EcoZoneServer.start(new ServerConfig(0, dir, Path.of("styles"), Path.of("web"), ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded"), r.layers());
    }

    static BufferedImage png(TileClient.Fetched f) {
        assertEquals(200, f.status(), () -> new String(f.body()));
        assertEquals("image/png", f.header("Content-Type"));
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.body()));
            assertNotNull(img, "a PNG ImageIO can read");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mapTile(String layer, int z, int x, int y, int scale) {
        return "/collections/" + layer + "/map/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x + (scale == 1 ? "" : "?scale=" + scale);
    }

    /** Pixel of a lon/lat in a tile painted at 256·scale pixels (x east, y down, fractional). */
    static double[] pixel(double lon, double lat, int z, int x, int y, int scale) {
        Coordinate c = TileMath.toTile(lon, lat, z, x, y); // the server's tile units at z
        double k = 256.0 * scale / TileMath.extentAt(z);
        return new double[] {c.x * k, c.y * k};
    }

    /** The largest alpha within r pixels of (px, py). */
    static int alphaNear(BufferedImage img, double px, double py, int r) {
        int best = 0;
        for (int y = (int) Math.floor(py) - r; y <= (int) Math.floor(py) + r; y++) {
            for (int x = (int) Math.floor(px) - r; x <= (int) Math.floor(px) + r; x++) {
                if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) continue;
                best = Math.max(best, img.getRGB(x, y) >>> 24);
            }
        }
        return best;
    }

    @Test
    void everyTinyRedLineIsAtLeastOnePaintedPixelAndTheRestIsTransparent(@TempDir Path dir) {
        try (EcoZoneServer s = start(fixture(dir))) {
            TileClient t = new TileClient(s.port());
            int tiles = 0;
            for (int z : new int[] {3, 5, 7, 9}) {
                for (int scale : new int[] {1, 2}) {
                    int x0 = TileMath.column(110, z), x1 = TileMath.column(112, z), y0 = TileMath.row(31.6, z), y1 = TileMath.row(30, z);
                    for (int x = x0; x <= x1; x++) {
                        for (int y = y0; y <= y1; y++) {
                            Envelope box = TileMath.lonLat(z, x, y);
                            List<double[]> inside = specks().stream().filter(p -> box.intersects(new Envelope(p[0], p[0] + SPECK, p[1], p[1] + SPECK))).toList();
                            TileClient.Fetched f = t.get(mapTile("redline", z, x, y, scale));
                            if (inside.isEmpty()) {
                                assertEquals(204, f.status(), "a tile without features is 204: " + z + "/" + y + "/" + x);
                                continue;
                            }
                            BufferedImage img = png(f);
                            assertEquals(256 * scale, img.getWidth());
                            assertEquals(256 * scale, img.getHeight());
                            String where = z + "/" + y + "/" + x + " ×" + scale;
                            for (double[] p : inside) {
                                double[] c = pixel(p[0] + SPECK / 2, p[1] + SPECK / 2, z, x, y, scale);
                                if (c[0] < 0 || c[1] < 0 || c[0] >= img.getWidth() || c[1] >= img.getHeight()) continue;
                                assertTrue(alphaNear(img, c[0], c[1], 1) > 0, where + ": the red line at " + p[0] + ", " + p[1] + " is painted");
                            }
                            // far (≥ 4 px) from every feature nothing is painted: a transparent background
                            int transparent = 0, far = 0;
                            for (int py = 0; py < img.getHeight(); py++) {
                                for (int px = 0; px < img.getWidth(); px++) {
                                    boolean near = false;
                                    for (double[] p : inside) {
                                        double[] a = pixel(p[0], p[1] + SPECK, z, x, y, scale), b = pixel(p[0] + SPECK, p[1], z, x, y, scale);
                                        if (px >= a[0] - 4 && px <= b[0] + 4 && py >= a[1] - 4 && py <= b[1] + 4) near = true;
                                    }
                                    if (near) continue;
                                    far++;
                                    if ((img.getRGB(px, py) >>> 24) == 0) transparent++;
                                }
                            }
                            assertTrue(far > img.getWidth() * img.getHeight() / 2, where);
                            assertEquals(far, transparent, where + ": pixels away from every feature are transparent");
                            tiles++;
                        }
                    }
                }
            }
            assertTrue(tiles >= 8, "tiles checked: " + tiles);
        }
    }

    @Test
    void fillsAndOutlinesComeFromTheStyleFile(@TempDir Path dir) throws IOException {
        JsonNode style = JSON.readTree(Files.readString(Path.of("styles/control_unit.json")));
        try (EcoZoneServer s = start(fixture(dir))) {
            TileClient t = new TileClient(s.port());
            int z = 7;
            for (int i = 0; i < 3; i++) {
                JsonNode cls = null;
                for (JsonNode c : style.get("classes")) if (c.get("value").asText().equals(TYPES[i])) cls = c.get("style");
                assertNotNull(cls, TYPES[i]);
                Color fill = Color.decode(cls.get("fillColor").asText()), stroke = Color.decode(cls.get("color").asText());
                int fillAlpha = (int) Math.round(255 * cls.get("fillOpacity").asDouble());
                double west = 100 + 1.5 * i, east = west + 1, cx = west + 0.5, cy = 20.5;
                int x = TileMath.column(cx, z), y = TileMath.row(cy, z);
                BufferedImage img = png(t.get(mapTile("control_unit", z, x, y, 2)));
                double[] c = pixel(cx, cy, z, x, y, 2);
                Color centre = new Color(img.getRGB((int) c[0], (int) c[1]), true);
                String what = TYPES[i] + " centre " + centre + " alpha " + centre.getAlpha();
                assertEquals(fillAlpha, centre.getAlpha(), 2, what);
                assertEquals(fill.getRed(), centre.getRed(), 3, what);
                assertEquals(fill.getGreen(), centre.getGreen(), 3, what);
                assertEquals(fill.getBlue(), centre.getBlue(), 3, what);
                // the west edge: the outline, opaque stroke colour over the fill, where it lies
                double[] edge = pixel(west, cy, z, x, y, 2);
                Color best = null;
                for (int px = (int) edge[0] - 1; px <= (int) edge[0] + 1; px++) {
                    if (px < 0 || px >= img.getWidth()) continue;
                    Color p = new Color(img.getRGB(px, (int) c[1]), true);
                    if (best == null || p.getAlpha() > best.getAlpha()) best = p;
                }
                assertNotNull(best);
                assertTrue(best.getAlpha() > fillAlpha + 40, TYPES[i] + " outline more opaque than the fill: " + best.getAlpha());
                assertTrue(distance(best, stroke) < distance(best, fill), TYPES[i] + " outline " + best + " is the stroke colour " + stroke);
                // outside the box: nothing
                double[] out = pixel(east + 0.2, cy, z, x, y, 2);
                if (out[0] < img.getWidth()) assertEquals(0, img.getRGB((int) out[0], (int) c[1]) >>> 24, "outside the unit");
            }
        }
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    /**
     * On a generated load (Voronoi units, scattered small red lines), every feature of each coarse vector tile over
     * the extent has a painted pixel within one pixel of a point inside its tile geometry in the map tile of the same
     * address — the map tile draws exactly what the vector tile holds.
     */
    @Test
    void everyFeatureOfTheVectorTileIsPaintedInTheMapTileOfTheSameAddress(@TempDir Path dir) throws IOException {
        TileMapLoad.write(dir, 300, 1500);
        LayerLoader.Result r = LayerLoader.load(dir.resolve("layers"));
        assertTrue(r.ok(), r::toString);
        try (EcoZoneServer s = EcoZoneServer.start(new ServerConfig(0, dir.resolve("layers"), dir.resolve("styles"), Path.of("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded"), r.layers())) {
            TileClient t = new TileClient(s.port());
            long checked = 0;
            for (String layer : List.of("redline", "control_unit")) {
                Envelope e = s.layers().require(layer).extent();
                for (int z : new int[] {4, 6}) {
                    for (int x = TileMath.column(e.getMinX(), z); x <= TileMath.column(e.getMaxX(), z); x++) {
                        for (int y = TileMath.row(e.getMaxY(), z); y <= TileMath.row(e.getMinY(), z); y++) {
                            TileClient.Fetched mvt = t.get("/collections/" + layer + "/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x);
                            TileClient.Fetched map = t.get(mapTile(layer, z, x, y, 2));
                            assertEquals(mvt.status(), map.status(), "the map tile is empty exactly when the vector tile is");
                            if (mvt.status() == 204) continue;
                            int extent = TileClient.extent(mvt.body(), layer);
                            BufferedImage img = png(map);
                            double k = 512.0 / extent;
                            for (TileClient.Decoded d : TileClient.decode(mvt.body(), layer, "code")) {
                                Geometry g = d.geometry();
                                Point p = g.getArea() > 0 ? g.getInteriorPoint() : g.getCentroid();
                                double px = p.getX() * k, py = p.getY() * k;
                                if (px < 0 || py < 0 || px >= 512 || py >= 512) continue; // in the buffer only
                                assertTrue(alphaNear(img, px, py, 1) > 0, String.format(Locale.ROOT, "%s %d/%d/%d: %s is painted near %.1f, %.1f",
                                        layer, z, y, x, d.id(), px, py));
                                checked++;
                            }
                        }
                    }
                }
            }
            assertTrue(checked > 1500, "features checked: " + checked);
        }
    }

    @Test
    void tagsAnswer304AndAnEditRepaintsTheTile(@TempDir Path dir) {
        RestorationFixture.write(dir);
        LayerLoader.Result loaded = LayerLoader.load(dir);
        assertTrue(loaded.ok(), loaded.problems().toString());
        try (EcoZoneServer s = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(
                AccessTokens.parse(List.of(FORESTER + ":forester:王林"), "test")), loaded.layers())) {
            Http h = new Http(s.port());
            TileClient t = new TileClient(s.port());
            // a point of TM-01 outside TM-02 (they overlap), and the tile holding it
            double lon = 113.3105, lat = 40.0105;
            int z = 14, x = TileMath.column(lon, z), y = TileMath.row(lat, z);
            String path = mapTile("restoration", z, x, y, 2);
            TileClient.Fetched first = t.get(path);
            BufferedImage before = png(first);
            String etag = first.header("ETag");
            assertNotNull(etag);
            assertEquals("public, no-cache", first.header("Cache-Control"));
            TileClient.Fetched again = t.get(path, "If-None-Match", etag);
            assertEquals(304, again.status(), "unchanged: 304");
            assertEquals(0, again.body().length);
            TileClient.Fetched scale1 = t.get(mapTile("restoration", z, x, y, 1));
            assertNotEquals(etag, scale1.header("ETag"), "each scale has its own tag");
            assertEquals(256, png(scale1).getWidth());

            // its colour is the class of its status
            double[] c = pixel(lon, lat, z, x, y, 2);
            assertSameColour(colour("restoration", "已验收"), rgb(before, c), "TM-01 已验收");
            JsonNode versions = h.get("/collections/restoration/items/TM-01/history").json().get("versions");
            String itemEtag = "\"" + versions.get(versions.size() - 1).get("etag").asText() + "\"";
            String edited = RestorationFixture.plot("TM-01", "天马泰山", "待修复", 2019, 100.0, 113.31, 40.01, 113.312, 40.0125);
            Http.Response put = h.send("PUT", "/collections/restoration/items/TM-01", "application/geo+json", edited,
                    "Authorization", "Bearer " + FORESTER, "If-Match", itemEtag);
            assertEquals(200, put.status(), put.body());
            TileClient.Fetched after = t.get(path, "If-None-Match", etag);
            assertEquals(200, after.status(), "the old tag no longer matches after the edit");
            assertNotEquals(etag, after.header("ETag"));
            assertSameColour(colour("restoration", "待修复"), rgb(png(after), c), "repainted with the edited status, never from the cache");
            assertEquals(304, t.get(path, "If-None-Match", after.header("ETag")).status());
        }
    }

    /** Equal RGB but for compositing's rounding (±3 per channel). */
    private static void assertSameColour(int expected, int actual, String what) {
        String m = what + String.format(": expected #%06x, got #%06x", expected, actual);
        for (int shift : new int[] {0, 8, 16}) assertEquals((expected >> shift) & 0xff, (actual >> shift) & 0xff, 3, m);
    }

    private static int rgb(BufferedImage img, double[] c) {
        return img.getRGB((int) c[0], (int) c[1]) & 0xffffff;
    }

    /** The fill colour of a class in the layer's style file, as RGB (restoration fills are 0.8 opaque: compared without alpha). */
    private static int colour(String layer, String value) {
        try {
            JsonNode style = JSON.readTree(Files.readString(Path.of("styles/" + layer + ".json")));
            for (JsonNode c : style.get("classes")) {
                if (c.get("value").asText().equals(value)) return Color.decode(c.at("/style/fillColor").asText()).getRGB() & 0xffffff;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(value);
    }

    @Test
    void tilesetsMetadataErrorsAndConformance(@TempDir Path dir) {
        try (EcoZoneServer s = start(fixture(dir))) {
            Http h = new Http(s.port());
            JsonNode conf = h.get("/conformance").json();
            assertTrue(conf.get("conformsTo").toString().contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png"));
            JsonNode list = h.get("/collections/redline/map/tiles?f=json").json();
            assertEquals("map", list.at("/tilesets/0/dataType").asText());
            assertEquals(WebMercatorQuad.URI, list.at("/tilesets/0/tileMatrixSetURI").asText());
            JsonNode collection = h.get("/collections/redline?f=json").json();
            assertTrue(collection.get("links").toString().contains("http://www.opengis.net/def/rel/ogc/1.0/tilesets-map"));
            assertTrue(h.get("/collections/redline/tiles?f=json").json().get("links").toString().contains("/collections/redline/map/tiles"));
            JsonNode meta = h.get("/collections/redline/map/tiles/WebMercatorQuad?f=json").json();
            assertEquals("map", meta.get("dataType").asText());
            JsonNode item = null;
            for (JsonNode l : meta.get("links")) if (l.get("rel").asText().equals("item")) item = l;
            assertNotNull(item);
            assertEquals("image/png", item.get("type").asText());
            assertTrue(item.get("templated").asBoolean());
            String template = item.get("href").asText();
            assertTrue(template.endsWith("/collections/redline/map/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"), template);
            // the template, filled in, gives a tile
            int z = 5, x = TileMath.column(110.0025, z), y = TileMath.row(30.0025, z);
            String url = template.replace("{tileMatrix}", "" + z).replace("{tileRow}", "" + y).replace("{tileCol}", "" + x)
                    .replace("http://127.0.0.1:" + s.port(), "").replace("http://localhost:" + s.port(), "");
            assertEquals(200, h.get(url).status(), url);
            assertEquals(204, h.get("/collections/redline/map/tiles/WebMercatorQuad/5/0/0").status(), "empty tile");
            assertEquals(404, h.get("/collections/redline/map/tiles/WebMercatorQuad/5/32/0").status(), "outside the matrix");
            assertEquals(404, h.get("/collections/redline/map/tiles/WebMercatorQuad/21/0/0").status());
            assertEquals(400, h.get("/collections/redline/map/tiles/WebMercatorQuad/5/a/0").status());
            assertEquals(400, h.get("/collections/redline/map/tiles/WebMercatorQuad/5/0/0?scale=3").status());
            assertEquals(400, h.get("/collections/redline/map/tiles/WebMercatorQuad/5/0/0?f=jpeg").status());
            assertEquals(400, h.get("/collections/redline/map/tiles/WebMercatorQuad/5/0/0?bogus=1").status());
            assertEquals(404, h.get("/collections/redline/map/tiles/WorldCRS84Quad/5/0/0").status());
            assertEquals(404, h.get("/collections/nope/map/tiles/WebMercatorQuad/5/0/0").status());
        }
    }
}
