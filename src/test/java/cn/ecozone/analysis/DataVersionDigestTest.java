package cn.ecozone.analysis;

import cn.ecozone.io.Geometries;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.MemoryFeatureSource;
import cn.ecozone.testsupport.RandomShapes;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-feature digest of {@link DataVersion} reads polygons without holes straight from their coordinates; it must
 * give the bytes of the definition, which digests {@code Geometry.norm()} (kept here as the oracle, as it was written
 * before the fast path): random rings in both orientations from every start vertex, ties on the least x, repeated
 * points, packed and object sequences, one-part multipolygons, and (through the fallback) holes, several parts,
 * points; and every feature of the sample layers.
 */
class DataVersionDigestTest {
    private static final PackedCoordinateSequenceFactory PACKED = PackedCoordinateSequenceFactory.DOUBLE_FACTORY;

    @Test
    void fastDigestEqualsTheNormalisedDefinition() throws Exception {
        List<Geometry> shapes = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            Polygon star = RandomShapes.star(rnd, 100 + rnd.nextDouble(), 30 + rnd.nextDouble(), 0.01, 3 + rnd.nextInt(40));
            shapes.add(star);
            shapes.add(star.reverse());
            shapes.add(rotated(star, 1 + rnd.nextInt(star.getNumPoints() - 1)));
            shapes.add(packed(rotated((Polygon) star.reverse(), rnd.nextInt(star.getNumPoints() - 1))));
            shapes.add(Geometries.FACTORY.createMultiPolygon(new Polygon[]{star}));
        }
        // ties on the least x (a vertical west edge), from every start, both ways
        Polygon box = poly(0, 0, 0, 2, 0, 1, 3, 2, 3, 0);
        for (int s = 0; s < 5; s++) {
            shapes.add(rotated(box, s));
            shapes.add(rotated((Polygon) box.reverse(), s));
        }
        shapes.add(poly(1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 1, 2)); // repeated points
        Polygon holed = (Polygon) Geometries.FACTORY.createPolygon(ring(0, 0, 10, 0, 10, 10, 0, 10)).difference(poly(2, 2, 4, 2, 4, 4, 2, 4));
        shapes.add(holed);
        shapes.add(Geometries.FACTORY.createMultiPolygon(new Polygon[]{poly(5, 5, 6, 5, 6, 6), poly(0, 0, 1, 0, 1, 1)}));
        shapes.add(Geometries.FACTORY.createPoint(new Coordinate(112.5, 36.25)));
        shapes.add(Geometries.FACTORY.createLineString(new Coordinate[]{new Coordinate(1, 2), new Coordinate(0, 0)}));
        shapes.add(Geometries.FACTORY.createPolygon());

        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("t");
        tb.add("geom", Geometry.class);
        tb.add("code", String.class);
        tb.add("n", Long.class);
        var type = tb.buildFeatureType();
        List<String> attributes = List.of("code", "n");
        int i = 0;
        for (Geometry g : shapes) {
            SimpleFeature f = SimpleFeatureBuilder.build(type, new Object[]{g, "c" + i, (long) i}, "f" + i);
            assertEquals(HexFormat.of().formatHex(definition(f, attributes)), HexFormat.of().formatHex(DataVersion.featureDigest(f, attributes)),
                    "shape " + i + ": " + g);
            i++;
        }
    }

    @Test
    void sampleLayersDigestAsDefined() throws Exception {
        LayerSet layers = LayerLoader.load(Path.of("layers")).layers();
        int n = 0;
        for (FeatureSource s : layers.inOrder()) {
            List<String> attributes = s.layer().attributes().stream().map(AttributeDef::name).sorted().toList();
            try (var features = s.query(FeatureQuery.all())) {
                for (SimpleFeature f : (Iterable<SimpleFeature>) features::iterator) {
                    assertEquals(HexFormat.of().formatHex(definition(f, attributes)), HexFormat.of().formatHex(DataVersion.featureDigest(f, attributes)),
                            s.layer().id() + " " + f.getID());
                    n++;
                }
            }
        }
        assertTrue(n > 100, "sample features digested: " + n);
    }

    /**
     * A layer read from its snapshot quotes the digest stored with it (no pass over its vertices); that must be the
     * digest of the same layer parsed from its GeoJSON and hashed feature by feature, for every layer of the sample.
     */
    @Test
    void aLayerReadFromItsSnapshotHasTheDataVersionOfTheLayerParsedAndHashed(@TempDir Path dir) throws Exception {
        try (var files = Files.list(Path.of("layers"))) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.copy(f, dir.resolve(f.getFileName()));
        }
        LayerLoader.Result parsed = LayerLoader.load(dir, Long.MAX_VALUE);
        LayerLoader.load(dir, 0); // writes the snapshots
        LayerLoader.Result snap = LayerLoader.load(dir, 0);
        assertEquals(parsed.layers().inOrder().size(), snap.fromSnapshot().size(), "every layer read from its snapshot");
        for (FeatureSource p : parsed.layers().inOrder()) {
            MemoryFeatureSource s = (MemoryFeatureSource) snap.layers().source(p.layer().id()).orElseThrow();
            assertNull(((MemoryFeatureSource) p).storedDigest(), "parsed without snapshots: hashed on first use");
            assertNotNull(s.storedDigest(), p.layer().id());
            assertEquals(DataVersion.layerHash(p), DataVersion.layerHash(s), p.layer().id());
        }
        assertEquals(DataVersion.of(parsed.layers(), null), DataVersion.of(snap.layers(), null));
    }

    private static Polygon rotated(Polygon p, int start) {
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        int m = cs.length - 1;
        Coordinate[] out = new Coordinate[cs.length];
        for (int k = 0; k < m; k++) out[k] = cs[(start + k) % m].copy();
        out[m] = out[0].copy();
        return Geometries.FACTORY.createPolygon(out);
    }

    private static Polygon packed(Polygon p) {
        return Geometries.FACTORY.createPolygon(Geometries.FACTORY.createLinearRing(PACKED.create(p.getExteriorRing().getCoordinates())));
    }

    private static Coordinate[] ring(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        cs[cs.length - 1] = cs[0].copy();
        return cs;
    }

    private static Polygon poly(double... xy) {
        return Geometries.FACTORY.createPolygon(ring(xy));
    }

    /** The digest as first written: id and attributes as text, then the coordinates of {@code Geometry.norm()}. */
    private static byte[] definition(SimpleFeature f, List<String> attributes) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        StringBuilder b = new StringBuilder();
        b.append("id=").append(f.getID()).append('\n');
        for (String a : attributes) b.append(a).append('=').append(DataVersion.canonical(f.getAttribute(a))).append('\n');
        d.update(b.toString().getBytes(StandardCharsets.UTF_8));
        if (f.getDefaultGeometry() instanceof Geometry geometry) {
            Geometry n = geometry.norm();
            ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
            for (int i = 0; i < n.getNumGeometries(); i++) {
                buf = put(d, buf, Double.NaN, Double.NaN);
                Geometry part = n.getGeometryN(i);
                if (part instanceof Polygon p) {
                    buf = ring(d, buf, p.getExteriorRing().getCoordinates());
                    for (int r = 0; r < p.getNumInteriorRing(); r++) buf = ring(d, buf, p.getInteriorRingN(r).getCoordinates());
                } else {
                    buf = ring(d, buf, part.getCoordinates());
                }
            }
            buf.flip();
            d.update(buf);
        }
        return d.digest();
    }

    private static ByteBuffer ring(MessageDigest d, ByteBuffer buf, Coordinate[] cs) {
        buf = put(d, buf, Double.POSITIVE_INFINITY, cs.length);
        for (Coordinate c : cs) buf = put(d, buf, c.x, c.y);
        return buf;
    }

    private static ByteBuffer put(MessageDigest d, ByteBuffer buf, double x, double y) {
        if (buf.remaining() < 16) {
            buf.flip();
            d.update(buf);
            buf.clear();
        }
        buf.putDouble(x == 0 ? 0 : x).putDouble(y == 0 ? 0 : y);
        return buf;
    }
}
