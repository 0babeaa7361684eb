package cn.ecozone.layer;

import cn.ecozone.text.LocalizedText;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A source is immutable and leaves the features it is given as they were (they may belong to another, live source). */
class MemoryFeatureSourceTest {
    @Test
    void theFeaturesGivenAreNotChanged() throws Exception {
        LayerDef def = new LayerDef("plots", "restoration", LocalizedText.of("图斑", "plots"), null, "plots.geojson", null,
                "polygon", "id", "id", null, false, null, List.of());
        SimpleFeatureType type = FeatureTypes.of(def);
        // a geometry as a reader makes it (JTS's default coordinate arrays), not yet packed
        Geometry plain = new WKTReader(new GeometryFactory()).read("POLYGON((113.2 40.3, 113.21 40.3, 113.21 40.31, 113.2 40.31, 113.2 40.3))");
        assertNotSame(plain, CompactGeometry.of(plain), "the fixture must be a geometry the source packs");
        SimpleFeatureBuilder b = new SimpleFeatureBuilder(type);
        b.set(FeatureTypes.GEOMETRY, plain);
        SimpleFeature given = b.buildFeature("p1");

        MemoryFeatureSource source = new MemoryFeatureSource(def, type, List.of(given), "v1");

        assertSame(plain, given.getDefaultGeometry(), "the caller's feature keeps its own geometry");
        SimpleFeature held = source.get("p1").orElseThrow();
        assertNotSame(given, held);
        Geometry packed = (Geometry) held.getDefaultGeometry();
        assertSame(packed, CompactGeometry.of(packed), "the source holds the packed geometry");
        assertTrue(packed.equalsExact(plain), "with the same coordinates");
    }
}
