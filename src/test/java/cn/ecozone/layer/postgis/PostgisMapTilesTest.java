package cn.ecozone.layer.postgis;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.cli.Main;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.TileClient;
import cn.ecozone.testsupport.TileMath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Map tiles (PNG) in PostGIS mode: painted from the features of the tile {@code ST_AsMVT} makes for the address, so every
 * feature of that vector tile has a painted pixel where it lies, and the picture is the embedded mode's where both
 * modes' vector tiles hold the same features (from zoom 9; geometry within a tile unit, an eighth of a pixel here).
 */
class PostgisMapTilesTest {
    static String url;
    static LayerSet memory;
    static EcoZoneServer embedded, postgis;

    @BeforeAll
    static void importAndStart() {
        url = PostgisCluster.shared().createDatabase("pgmaptiles");
        assertEquals(0, Main.run(new String[] {"import", "--db", url, "--layers", "layers"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        memory = LayerLoader.load(Path.of("layers")).layers();
        embedded = EcoZoneServer.start(ServerConfig.defaults(0), memory);
        postgis = EcoZoneServer.start(ServerConfig.defaults(0), PostgisLayers.of(memory.catalog(), Databases.pool(url)));
    }

    @AfterAll
    static void stop() {
        embedded.close();
        postgis.close();
    }

    static BufferedImage png(TileClient.Fetched f, String what) {
        assertEquals(200, f.status(), what);
        assertEquals("image/png", f.header("Content-Type"), what);
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.body()));
            assertNotNull(img, what);
            return img;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mapTilesArePaintedFromThePostgisVectorTileAndMatchTheEmbeddedOnes() {
        TileClient memTiles = new TileClient(embedded.port()), dbTiles = new TileClient(postgis.port());
        int tiles = 0, features = 0;
        long pixels = 0, differing = 0;
        for (var s : memory.inOrder()) {
            String id = s.layer().id(), idProperty = s.layer().idProperty();
            for (int z : new int[] {9, 12}) {
                Set<String> seen = new HashSet<>();
                for (SourceFeatures.Source f : SourceFeatures.read(Path.of("layers"), id)) {
                    org.locationtech.jts.geom.Coordinate c = f.jts().getCoordinates()[0];
                    int x = TileMath.column(c.x, z), y = TileMath.row(c.y, z);
                    if (!seen.add(x + "/" + y) || seen.size() > 4) continue;
                    String where = id + " " + z + "/" + y + "/" + x;
                    String path = "/collections/" + id + "/map/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x + "?scale=2";
                    TileClient.Fetched mvt = dbTiles.get("/collections/" + id + "/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x);
                    TileClient.Fetched a = memTiles.get(path), b = dbTiles.get(path);
                    assertEquals(mvt.status(), b.status(), where + ": a map tile is empty exactly when the vector tile is");
                    assertEquals(a.status(), b.status(), where);
                    if (b.status() == 204) continue;
                    BufferedImage ia = png(a, where), ib = png(b, where);
                    double k = 512.0 / TileClient.extent(mvt.body(), id);
                    for (TileClient.Decoded d : TileClient.decode(mvt.body(), id, idProperty)) {
                        Geometry g = d.geometry();
                        Point p = g.getDimension() == 2 && g.getArea() > 0 ? g.getInteriorPoint() : g.getCentroid();
                        double px = p.getX() * k, py = p.getY() * k;
                        if (!filled(id)) {
                            // outlines only (the districts): a vertex of the outline inside the tile
                            px = -1;
                            for (org.locationtech.jts.geom.Coordinate v : g.getBoundary().getCoordinates()) {
                                if (v.x * k >= 1 && v.y * k >= 1 && v.x * k < 511 && v.y * k < 511) {
                                    px = v.x * k;
                                    py = v.y * k;
                                    break;
                                }
                            }
                        }
                        if (px < 0 || py < 0 || px >= 512 || py >= 512) continue;
                        assertTrue(alphaNear(ib, px, py) > 0, String.format(Locale.ROOT, "%s: %s painted near %.1f, %.1f", where, d.id(), px, py));
                        features++;
                    }
                    for (int py = 0; py < 512; py++) {
                        for (int px = 0; px < 512; px++) {
                            int pa = ia.getRGB(px, py), pb = ib.getRGB(px, py);
                            pixels++;
                            if (Math.abs((pa >>> 24) - (pb >>> 24)) > 64) differing++;
                        }
                    }
                    tiles++;
                }
            }
        }
        assertTrue(tiles >= 10, "tiles compared: " + tiles);
        assertTrue(features > 50, "features checked: " + features);
        System.out.printf(Locale.ROOT, "PostGIS map tiles: %d tiles, %d features painted, %d of %d pixels differ in alpha by > 64%n",
                tiles, features, differing, pixels);
        // geometry within one tile unit (1/8 pixel): only anti-aliased edge pixels may differ, and hardly
        assertTrue(differing <= pixels / 200, "pixels differing from the embedded tiles: " + differing + " of " + pixels);
        String tile = "/collections/control_unit/map/tiles/WebMercatorQuad/9/194/415";
        String before = dbTiles.get(tile).header("ETag");
        assertNotNull(before);
        assertEquals(0, Main.run(new String[] {"import", "--db", url, "--layers", "layers"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        assertFalse(before.equals(dbTiles.get(tile).header("ETag")), "a re-import invalidates the map tiles");
    }

    /** False when the layer's style draws no fill (fill: false in its default), as the districts. */
    private static boolean filled(String layer) {
        try {
            com.fasterxml.jackson.databind.JsonNode st = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.nio.file.Files.readString(Path.of("styles/" + layer + ".json")));
            return !(st.at("/default/fill").isBoolean() && !st.at("/default/fill").asBoolean());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int alphaNear(BufferedImage img, double px, double py) {
        int best = 0;
        for (int y = (int) py - 1; y <= (int) py + 1; y++) {
            for (int x = (int) px - 1; x <= (int) px + 1; x++) {
                if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()) best = Math.max(best, img.getRGB(x, y) >>> 24);
            }
        }
        return best;
    }
}
