package cn.ecozone.api;

import cn.ecozone.layer.EmbeddedTiles;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.TileMapLoad;
import cn.ecozone.tiles.TileAddress;
import cn.ecozone.tiles.WebMercatorQuad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tile warm-up keeps every map tile it paints (zooms 0–7 over each large layer) and then lets go of the low-zoom
 * copies they were painted from; the national view is answered from the kept tiles without building a copy again.
 */
class TileWarmUpTest {
    @TempDir Path dir;

    @Test
    void theWarmUpKeepsItsTilesAndLetsGoOfTheCopies() throws Exception {
        TileMapLoad.write(dir, 3000, 4000);
        Path layers = dir.resolve("layers");
        LayerLoader.Result r = LayerLoader.load(layers);
        assertTrue(r.ok(), r::toString);
        ServerConfig config = new ServerConfig(0, layers, dir.resolve("styles"), Path.of("web"), ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded");
        try (EcoZoneServer server = EcoZoneServer.start(config, r.layers())) {
            TilesRoutes t = new TilesRoutes(config, server.layers());
            FeatureSource units = server.layers().current().source("control_unit").orElseThrow();
            Envelope e = units.extent();
            long before = EmbeddedTiles.lowZoomCopyBytes();
            // a map tile of each coarse zoom asked for directly builds the copies of both grids it needs
            byte[][] painted = new byte[8][];
            for (int z = 0; z <= 7; z++) painted[z] = t.mapTile(units, centre(e, z), TilesRoutes.MAP_SCALE);
            long built = EmbeddedTiles.lowZoomCopyBytes();
            assertTrue(built > before, "copies built: " + built + " > " + before);
            t.warmUp();
            long after = EmbeddedTiles.lowZoomCopyBytes();
            assertTrue(after <= before, "every copy the warm-up used let go: " + after + " ≤ " + before + " (built " + built + ")");
            for (int z = 0; z <= 7; z++) {
                assertTrue(t.mapTileKept(units, centre(e, z), TilesRoutes.MAP_SCALE), "kept z " + z);
                assertArrayEquals(painted[z], t.mapTile(units, centre(e, z), TilesRoutes.MAP_SCALE), "the same picture at z " + z);
            }
            // a tile beside the layers (no feature: 204) builds no copy either
            assertTrue(t.mapTile(units, new TileAddress(5, 0, 0), TilesRoutes.MAP_SCALE).length == 0);
            assertTrue(EmbeddedTiles.lowZoomCopyBytes() <= before, "answered from the kept tiles, no copy built again");
            assertTrue(t.cache().bytes() <= t.cache().maxBytes());
            assertTrue(t.cache().keptBytes() > 0 && t.cache().keptBytes() <= t.cache().maxBytes() / 2);
        }
    }

    private static TileAddress centre(Envelope e, int z) {
        return new TileAddress(z, WebMercatorQuad.column(e.centre().x, z), WebMercatorQuad.row(e.centre().y, z));
    }
}
