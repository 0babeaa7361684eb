package cn.ecozone.layer;

import cn.ecozone.io.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactGeometryTest {
    @Test
    void packsEveryKindOfGeometryWithoutChangingIt() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        for (String s : new String[] {"POINT (112 39)", "LINESTRING (112 39, 113 40)",
                "POLYGON ((112 39, 113 39, 113 40, 112 39), (112.5 39.2, 112.8 39.2, 112.8 39.4, 112.5 39.2))",
                "MULTIPOLYGON (((112 39, 113 39, 113 40, 112 39)), ((114 39, 115 39, 115 40, 114 39)))",
                "GEOMETRYCOLLECTION (POINT (112 39), LINESTRING (112 39, 113 40))"}) {
            Geometry g = wkt.read(s);
            assertFalse(CompactGeometry.isPacked(g), s);
            Geometry packed = CompactGeometry.of(g);
            assertTrue(CompactGeometry.isPacked(packed), s);
            assertTrue(packed.equalsExact(g), s);
            assertEquals(g.getSRID(), packed.getSRID());
            assertSame(packed, CompactGeometry.of(packed), "packing twice is a no-op");
        }
    }

    @Test
    void theLoadedSampleLayersAreHeldPacked() {
        LayerSet layers = LayerLoader.load(Path.of("layers")).layers();
        for (FeatureSource s : layers.inOrder()) {
            try (var features = s.query(FeatureQuery.all())) {
                features.forEach(f -> assertTrue(CompactGeometry.isPacked((Geometry) f.getDefaultGeometry()), s.layer().id() + " " + f.getID()));
            }
        }
    }
}
