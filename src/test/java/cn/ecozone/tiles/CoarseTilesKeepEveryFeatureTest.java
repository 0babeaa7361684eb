package cn.ecozone.tiles;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.TileClient;
import cn.ecozone.testsupport.TileMapLoad;
import cn.ecozone.testsupport.TileMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the coarse grid (zooms 0–7, extent 512) no feature is left out: on the tile-map fixture (3,000 Voronoi units,
 * 4,000 small red lines, many of them smaller than a grid unit at zoom 5), every tile over the layers' extent holds
 * exactly the features whose geometry (read from the file with plain JTS) intersects it — large ones as polygons,
 * those that round to no area as specks — so the map draws every feature at national zooms.
 */
class CoarseTilesKeepEveryFeatureTest {
    @TempDir Path dir;

    @Test
    void everyFeatureIntersectingACoarseTileIsInIt() throws Exception {
        TileMapLoad.write(dir, 3000, 4000);
        Path layers = dir.resolve("layers");
        LayerLoader.Result r = LayerLoader.load(layers);
        assertTrue(r.ok(), r::toString);
        GeometryFactory gf = new GeometryFactory();
        try (EcoZoneServer server = EcoZoneServer.start(new ServerConfig(0, layers, dir.resolve("styles"), Path.of("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded"), r.layers())) {
            TileClient tiles = new TileClient(server.port());
            for (String id : List.of("control_unit", "redline")) {
                List<SourceFeatures.Source> features = SourceFeatures.read(layers, id);
                Envelope all = new Envelope();
                features.forEach(f -> all.expandToInclude(f.jts().getEnvelopeInternal()));
                for (int z : new int[] {5, 7}) {
                    Set<String> seen = new HashSet<>();
                    int specks = 0;
                    for (int x = TileMath.column(all.getMinX(), z); x <= TileMath.column(all.getMaxX(), z); x++) {
                        for (int y = TileMath.row(all.getMaxY(), z); y <= TileMath.row(all.getMinY(), z); y++) {
                            Geometry box = gf.toGeometry(TileMath.lonLat(z, x, y));
                            Set<String> expected = new TreeSet<>();
                            for (SourceFeatures.Source f : features) if (f.jts().intersects(box)) expected.add(f.id());
                            Set<String> got = new TreeSet<>();
                            for (TileClient.Decoded d : tiles.tile(id, z, x, y, "code")) {
                                got.add(d.id());
                                assertTrue(d.geometry().getArea() > 0, id + " " + z + "/" + x + "/" + y + " " + d.id() + ": a polygon of no area");
                                if (TileContentTest.isSpeck(d.geometry())) specks++;
                            }
                            assertEquals(expected, got, id + " " + z + "/" + x + "/" + y);
                            seen.addAll(got);
                        }
                    }
                    assertEquals(features.size(), seen.size(), id + " at zoom " + z + ": every feature in some tile");
                    if (id.equals("redline") && z == 5) assertTrue(specks > 0, "red lines smaller than a grid unit at zoom 5 are specks");
                }
            }
        }
    }
}
