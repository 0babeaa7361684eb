package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layers read from their binary snapshot are the layers parsed from the GeoJSON; stale or damaged snapshots are never used. */
class LayerSnapshotTest {
    @TempDir Path dir;

    @BeforeEach
    void copySample() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("layers"))) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.copy(f, dir.resolve(f.getFileName()));
        }
    }

    @Test
    void everyFeatureReadFromTheSnapshotEqualsTheFeatureParsedFromTheGeoJson() {
        LayerLoader.Result parsed = LayerLoader.load(dir, Long.MAX_VALUE);
        LayerLoader.Result first = LayerLoader.load(dir, 0);
        assertEquals(List.of(), first.fromSnapshot(), "the first load parses the files and writes the snapshots");
        for (LayerDef def : first.layers().catalog().layers()) assertTrue(Files.isRegularFile(LayerSnapshot.fileOf(dir, def)), def.id());
        LayerLoader.Result second = LayerLoader.load(dir, 0);
        assertEquals(parsed.layers().catalog().layers().stream().map(LayerDef::id).toList(), second.fromSnapshot());
        assertSame(parsed, second);
        assertEquals(parsed.problems(), second.problems());
    }

    @Test
    void multiPolygonsNullsAndJsonAttributesComeBackFromTheSnapshotUnchanged(@TempDir Path other) {
        Path d = cn.ecozone.testsupport.OgcFixtureLayers.write(other);
        LayerLoader.Result parsed = LayerLoader.load(d, Long.MAX_VALUE);
        LayerLoader.load(d, 0);
        LayerLoader.Result snap = LayerLoader.load(d, 0);
        assertEquals(List.of("admin", "control_unit", "monitoring"), snap.fromSnapshot());
        assertTrue(((MemoryFeatureSource) snap.layers().source("control_unit").orElseThrow()).features().stream()
                .anyMatch(f -> f.getDefaultGeometry() instanceof org.locationtech.jts.geom.MultiPolygon), "the fixture has a MultiPolygon");
        assertSame(parsed, snap);
    }

    @Test
    void aChangedSourceFileIsParsedAgainAndItsSnapshotRewritten() throws IOException {
        LayerLoader.load(dir, 0);
        Path file = dir.resolve("control_unit.geojson");
        String text = Files.readString(file);
        String firstName = (String) LayerLoader.load(dir, Long.MAX_VALUE).layers().source("control_unit").orElseThrow()
                .query(new FeatureQuery(null, null, null, 0, 1)).findFirst().orElseThrow().getAttribute("name");
        FileTime mtime = Files.getLastModifiedTime(file);
        // same size, same modification time: only the content tells
        Files.writeString(file, text.replace(firstName, new StringBuilder(firstName).reverse().toString()));
        Files.setLastModifiedTime(file, mtime);
        LayerLoader.Result r = LayerLoader.load(dir, 0);
        assertFalse(r.fromSnapshot().contains("control_unit"));
        assertSame(LayerLoader.load(dir, Long.MAX_VALUE), r);
        assertTrue(LayerLoader.load(dir, 0).fromSnapshot().contains("control_unit"), "rewritten for the new content");
    }

    @Test
    void aTouchedButUnchangedFileKeepsItsSnapshot() throws IOException {
        LayerLoader.load(dir, 0);
        Files.setLastModifiedTime(dir.resolve("redline.geojson"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(LayerLoader.load(dir, 0).fromSnapshot().contains("redline"));
    }

    @Test
    void aCorruptSnapshotIsIgnoredAndRewritten() throws IOException {
        LayerLoader.load(dir, 0);
        LayerDef def = LayerLoader.load(dir, 0).layers().catalog().layer("restoration").orElseThrow();
        Path snap = LayerSnapshot.fileOf(dir, def);
        try (RandomAccessFile raf = new RandomAccessFile(snap.toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x5a);
        }
        LayerLoader.Result r = LayerLoader.load(dir, 0);
        assertFalse(r.fromSnapshot().contains("restoration"));
        assertSame(LayerLoader.load(dir, Long.MAX_VALUE), r);
        assertTrue(LayerLoader.load(dir, 0).fromSnapshot().contains("restoration"));
    }

    @Test
    void aTruncatedOrEmptySnapshotIsIgnored() throws IOException {
        LayerLoader.load(dir, 0);
        LayerDef def = LayerLoader.load(dir, 0).layers().catalog().layer("water_source").orElseThrow();
        Path snap = LayerSnapshot.fileOf(dir, def);
        byte[] all = Files.readAllBytes(snap);
        Files.write(snap, java.util.Arrays.copyOf(all, all.length / 3));
        LayerLoader.Result r = LayerLoader.load(dir, 0);
        assertFalse(r.fromSnapshot().contains("water_source"));
        assertSame(LayerLoader.load(dir, Long.MAX_VALUE), r);
        Files.write(snap, new byte[0]);
        assertFalse(LayerLoader.load(dir, 0).fromSnapshot().contains("water_source"));
    }

    @Test
    void aSchemaChangeInTheCatalogDropsTheSnapshot() throws IOException {
        LayerLoader.load(dir, 0);
        Path catalog = dir.resolve("catalog.json");
        String text = Files.readString(catalog);
        int i = text.indexOf("\"id\": \"monitoring\"");
        assertTrue(i >= 0, "sample catalog names the monitoring layer");
        int t = text.indexOf("\"zh\": \"", i) + 7;
        Files.writeString(catalog, text.substring(0, t) + "改" + text.substring(t));
        assertFalse(LayerLoader.load(dir, 0).fromSnapshot().contains("monitoring"));
    }

    /** Same layers, same features in the same order: ids, every attribute and every coordinate bit for bit. */
    static void assertSame(LayerLoader.Result expected, LayerLoader.Result actual) {
        for (FeatureSource e : expected.layers().inOrder()) {
            MemoryFeatureSource es = (MemoryFeatureSource) e;
            MemoryFeatureSource as = (MemoryFeatureSource) actual.layers().source(e.layer().id()).orElseThrow();
            assertEquals(es.count(), as.count(), e.layer().id());
            assertEquals(es.version(), as.version());
            assertEquals(es.extent(), as.extent());
            List<SimpleFeature> ef = es.features(), af = as.features();
            for (int i = 0; i < ef.size(); i++) {
                SimpleFeature a = ef.get(i), b = af.get(i);
                assertEquals(a.getID(), b.getID());
                assertEquals(a.getFeatureType(), b.getFeatureType());
                for (AttributeDef d : e.layer().attributes()) {
                    Object x = a.getAttribute(d.name()), y = b.getAttribute(d.name());
                    assertEquals(x, y, a.getID() + "." + d.name());
                    if (x != null) assertEquals(x.getClass(), y.getClass());
                }
                // parsed features hold their id and id attribute as one String; so do snapshot features (heap at scale)
                if (a.getAttribute(e.layer().idProperty()) == a.getID()) {
                    assertTrue(b.getAttribute(e.layer().idProperty()) == b.getID(), "id shared with " + e.layer().idProperty());
                }
                Geometry ga = (Geometry) a.getDefaultGeometry(), gb = (Geometry) b.getDefaultGeometry();
                assertEquals(ga.getClass(), gb.getClass(), a.getID());
                assertEquals(ga.getSRID(), gb.getSRID());
                assertTrue(ga.equalsExact(gb, 0), a.getID());
                var ca = ga.getCoordinates();
                var cb = gb.getCoordinates();
                assertArrayEquals(ca, cb, a.getID());
                for (int k = 0; k < ca.length; k++) {
                    assertEquals(Double.doubleToRawLongBits(ca[k].x), Double.doubleToRawLongBits(cb[k].x));
                    assertEquals(Double.doubleToRawLongBits(ca[k].y), Double.doubleToRawLongBits(cb[k].y));
                }
            }
        }
    }
}
