package cn.ecozone.tiles;

import cn.ecozone.testsupport.SampleServer;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.SourceFeatures.Source;
import cn.ecozone.testsupport.TileClient;
import cn.ecozone.testsupport.TileClient.Decoded;
import cn.ecozone.testsupport.TileMath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The content of the vector tiles, decoded with the MVT library's reader and compared with the layer files read in
 * plain Jackson + JTS (tile formulas in {@link TileMath}, independent of the server): which features are in a tile,
 * their attributes, their geometry within the tile's resolution, and closed shared boundaries between neighbours.
 */
class TileContentTest {
    static final Path LAYERS = Path.of("layers");
    static final GeometryFactory GF = new GeometryFactory();
    static SampleServer server;
    static TileClient tiles;

    @BeforeAll
    static void start() {
        server = SampleServer.start();
        tiles = new TileClient(server.server().port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Tile(int z, int x, int y) {
        Envelope lonLat() {
            return TileMath.lonLat(z, x, y);
        }
    }

    /** The attributes a tile should carry, from the catalog and the style files: id, name and the style's property. */
    static List<String> expectedProperties(JsonNode layer) throws IOException {
        Set<String> p = new LinkedHashSet<>();
        p.add(layer.get("idProperty").asText());
        p.add(layer.path("nameProperty").asText(layer.get("idProperty").asText()));
        JsonNode style = new ObjectMapper().readTree(new File("styles/" + layer.path("style").asText(layer.get("id").asText() + ".json")));
        p.add(style.get("property").asText());
        return new ArrayList<>(p);
    }

    /** Tiles at zoom z holding the first vertex of some feature of the layer (at most {@code max}, in feature order). */
    static List<Tile> tilesOf(List<Source> features, int z, int max) {
        Set<Tile> out = new LinkedHashSet<>();
        for (Source s : features) {
            Coordinate c = s.jts().getCoordinates()[0];
            out.add(new Tile(z, TileMath.column(c.x, z), TileMath.row(c.y, z)));
            if (out.size() == max) break;
        }
        return new ArrayList<>(out);
    }

    @ParameterizedTest(name = "zoom {0}")
    @ValueSource(ints = {5, 9, 12})
    void everyTileHoldsExactlyTheFeaturesIntersectingItWithTheirAttributesAndGeometry(int z) throws IOException {
        for (JsonNode layer : SourceFeatures.catalog(LAYERS).get("layers")) {
            String id = layer.get("id").asText(), idProperty = layer.get("idProperty").asText();
            List<Source> features = SourceFeatures.read(LAYERS, id);
            Map<String, Source> byId = new HashMap<>();
            features.forEach(f -> byId.put(f.id(), f));
            List<String> props = expectedProperties(layer);
            int checked = 0, specks = 0;
            for (Tile t : tilesOf(features, z, 12)) {
                Geometry box = GF.toGeometry(t.lonLat());
                Set<String> expected = new TreeSet<>();
                for (Source s : features) if (s.jts().intersects(box)) expected.add(s.id());
                TileClient.Fetched fetched = tiles.get("/collections/" + id + "/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x());
                List<Decoded> decoded = tiles.tile(id, t.z(), t.x(), t.y(), idProperty);
                if (fetched.status() == 200) {
                    assertEquals(TileMath.extentAt(z), TileClient.extent(fetched.body(), id), id + " " + t + ": the extent documented for zoom " + z);
                }
                Set<String> got = new TreeSet<>();
                for (Decoded d : decoded) assertTrue(got.add(d.id()), id + " " + t + ": one feature per id, " + d.id());
                assertTrue(expected.containsAll(got), id + " " + t + ": only features intersecting the tile; extra " + minus(got, expected));
                for (String missing : minus(expected, got)) {
                    // left out only when it rounds to no area on the tile grid (smaller than a tile unit)
                    Geometry inTile = TileMath.toTile(byId.get(missing).jts(), t.z(), t.x(), t.y());
                    Envelope e = inTile.getEnvelopeInternal();
                    assertTrue(inTile.getDimension() == 2 && (e.getWidth() < 2 || e.getHeight() < 2 || inTile.getArea() < 4),
                            id + " " + t + ": " + missing + " intersects the tile but is missing (" + e + ")");
                }
                if (z >= 9) assertEquals(expected, got, id + " " + t + ": at zoom " + z + " every feature is larger than a tile unit");
                // on the coarse grid (zoom <= 7) nothing is left out: a polygon that rounds to no area is a speck
                if (z <= TileMath.COARSE_MAX_ZOOM) assertEquals(expected, got, id + " " + t + ": at zoom " + z + " every feature is in the tile");
                for (Decoded d : decoded) {
                    Source s = byId.get(d.id());
                    assertEquals(new TreeSet<>(props), new TreeSet<>(d.properties().keySet()), id + " " + d.id() + " properties");
                    for (String p : props) assertSameValue(s.properties().get(p), d.properties().get(p), id + " " + d.id() + "." + p);
                    if (z <= TileMath.COARSE_MAX_ZOOM && isSpeck(d.geometry())) {
                        assertSpeck(s.jts(), d.geometry(), t, id + " " + d.id() + " " + t);
                        specks++;
                    } else {
                        assertWithinResolution(s.jts(), d.geometry(), t, id + " " + d.id() + " " + t);
                    }
                    checked++;
                }
            }
            assertTrue(checked > 0, id + ": some features checked at zoom " + z);
            if (z >= 9) assertEquals(0, specks, id + ": no specks from zoom 8");
        }
    }

    /** A polygon of one grid cell: the unit square a feature that rounds to no area is drawn as at zooms up to 7. */
    static boolean isSpeck(Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        return g.getDimension() == 2 && g.getNumGeometries() == 1 && e.getWidth() == 1 && e.getHeight() == 1 && g.getArea() == 1;
    }

    /**
     * A speck stands for a feature whose part in the tile is too small for the grid: that part, projected, has no
     * side of 2 units or more or less than 4 units² of area (the same test as for features left out at fine zooms),
     * and the speck is the grid cell holding the centre of the source's envelope clipped to the tile square.
     */
    static void assertSpeck(Geometry source, Geometry speck, Tile t, String what) {
        int extent = TileMath.extentAt(t.z());
        Geometry inTile = TileMath.toTile(source, t.z(), t.x(), t.y()).intersection(GF.toGeometry(new Envelope(0, extent, 0, extent)));
        Envelope e = inTile.getEnvelopeInternal();
        assertTrue(e.getWidth() < 2 || e.getHeight() < 2 || inTile.getArea() < 4, what + ": a speck for a feature of " + e + " in the tile");
        Envelope cell = speck.getEnvelopeInternal();
        Envelope clipped = TileMath.toTile(source, t.z(), t.x(), t.y()).getEnvelopeInternal().intersection(new Envelope(0, extent, 0, extent));
        Coordinate centre = clipped.centre();
        double eps = 1e-6;
        assertTrue(cell.getMinX() - eps <= centre.x && centre.x <= cell.getMaxX() + eps && cell.getMinY() - eps <= centre.y && centre.y <= cell.getMaxY() + eps,
                what + ": speck " + cell + " does not hold the centre " + centre + " of the feature's part in the tile");
    }

    static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.removeAll(b);
        return s;
    }

    static void assertSameValue(JsonNode source, Object decoded, String what) {
        if (source.isNumber()) {
            assertTrue(decoded instanceof Number, what + ": " + decoded);
            assertEquals(source.asDouble(), ((Number) decoded).doubleValue(), Math.abs(source.asDouble()) * 1e-7, what);
        } else {
            assertEquals(source.asText(), decoded, what);
        }
    }

    /**
     * Geometry within the tile's resolution: inside the tile, every decoded vertex lies within √½ tile unit (grid
     * rounding) of the source boundary projected with the slippy-map formulas, and every source vertex within √½
     * unit of the decoded polygon. (Vertices outside the tile are clip points in the buffer.)
     */
    static void assertWithinResolution(Geometry source, Geometry decoded, Tile t, String what) {
        Geometry expected = TileMath.toTile(source, t.z(), t.x(), t.y());
        double tolerance = Math.sqrt(0.5) + 1e-6;
        if (expected.getDimension() == 0 || decoded.getDimension() == 0) {
            assertEquals(0, DistanceOp.distance(expected, decoded), tolerance, what);
            return;
        }
        int extent = TileMath.extentAt(t.z());
        Envelope tile = new Envelope(0, extent, 0, extent);
        Geometry eb = expected.getBoundary();
        for (Coordinate c : decoded.getCoordinates()) {
            if (!tile.contains(c)) continue;
            double d = eb.distance(GF.createPoint(c));
            assertTrue(d <= tolerance, what + ": decoded vertex " + c + " is " + d + " units from the source boundary");
        }
        Envelope inner = new Envelope(1, extent - 1, 1, extent - 1);
        for (Coordinate c : expected.getCoordinates()) {
            if (!inner.contains(c)) continue;
            // to the decoded polygon (area): a hole that rounded to nothing is filled, its vertices are inside
            double d = decoded.distance(GF.createPoint(c));
            if (d > tolerance && t.z() <= TileMath.COARSE_MAX_ZOOM) {
                // on the coarse grid a narrow part can round to a there-and-back spike (a, b, a), which is dropped: then
                // the vertex's grid point b is the spike's tip, one grid step from the kept polygon
                double tip = decoded.distance(GF.createPoint(new Coordinate(Math.rint(c.x), Math.rint(c.y))));
                assertTrue(tip <= Math.sqrt(2) + 1e-6, what + ": source vertex " + c + " is " + d + " units from the decoded polygon, its grid point " + tip);
                continue;
            }
            assertTrue(d <= tolerance, what + ": source vertex " + c + " is " + d + " units from the decoded polygon");
        }
    }

    /** Pairs of control units whose boundaries share a stretch (a line of positive length), from the source file. */
    static List<Source[]> neighbours() {
        List<Source> units = SourceFeatures.read(LAYERS, "control_unit");
        List<Source[]> pairs = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            for (int j = i + 1; j < units.size(); j++) {
                Geometry a = units.get(i).jts(), b = units.get(j).jts();
                if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) continue;
                Geometry shared = a.getBoundary().intersection(b.getBoundary());
                if (shared.getDimension() == 1 && shared.getLength() > 0.01) pairs.add(new Source[] {units.get(i), units.get(j)});
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "zoom {0}")
    @ValueSource(ints = {5, 9, 13})
    void sharedBoundariesOfAdjacentControlUnitsStayClosed(int z) {
        List<Source[]> pairs = neighbours();
        assertTrue(pairs.size() >= 10, "the sample has adjacent units: " + pairs.size());
        Map<Tile, List<Decoded>> cache = new HashMap<>();
        int sharedVertices = 0;
        for (Source[] pair : pairs) {
            Geometry a = pair[0].jts(), b = pair[1].jts();
            Geometry shared = a.getBoundary().intersection(b.getBoundary());
            // a point in the middle of the shared stretch, and its tile
            LineString longest = null;
            for (int i = 0; i < shared.getNumGeometries(); i++) {
                Geometry g = shared.getGeometryN(i);
                if (g instanceof LineString l && (longest == null || l.getLength() > longest.getLength())) longest = l;
            }
            Coordinate mid = new org.locationtech.jts.linearref.LengthIndexedLine(longest).extractPoint(longest.getLength() / 2);
            Tile t = new Tile(z, TileMath.column(mid.x, z), TileMath.row(mid.y, z));
            List<Decoded> decoded = cache.computeIfAbsent(t, k -> tiles.tile("control_unit", k.z(), k.x(), k.y(), "code"));
            Geometry da = find(decoded, pair[0].id()), db = find(decoded, pair[1].id());
            if (da == null || db == null) {
                // only a unit smaller than a tile unit may be missing (at zoom 5)
                assertTrue(z <= 5, pair[0].id() + "/" + pair[1].id() + " in " + t);
                continue;
            }
            // the source vertices on the shared stretch (vertices of both units in the file) land on the same grid
            // point in both decoded polygons: neither boundary can leave the other, so no gap opens
            Set<Coordinate> allA = vertices(da), allB = vertices(db);
            Envelope inside = new Envelope(1, TileMath.extentAt(z) - 1, 1, TileMath.extentAt(z) - 1);
            Set<Coordinate> bVertices = vertices(b);
            for (Coordinate v : a.getCoordinates()) {
                if (!bVertices.contains(new Coordinate(v.x, v.y)) || longest.distance(GF.createPoint(v)) > 0) continue;
                Coordinate p = TileMath.toTile(v.x, v.y, z, t.x(), t.y());
                if (!inside.contains(p)) continue;
                boolean same = false;
                for (Coordinate g : allA) {
                    if (Math.abs(g.x - p.x) <= 0.5 + 1e-6 && Math.abs(g.y - p.y) <= 0.5 + 1e-6 && allB.contains(g)) same = true;
                }
                assertTrue(same, pair[0].id() + "/" + pair[1].id() + ": shared vertex " + v + " (" + p + " in tile " + t
                        + ") is not one common grid vertex of both decoded polygons");
                sharedVertices++;
            }
            Geometry line = TileMath.toTile(longest, z, t.x(), t.y());
            // and they do not overlap beyond grid rounding
            Geometry fa = GeometryFixer.fix(da), fb = GeometryFixer.fix(db);
            double overlap = fa.intersection(fb).getArea();
            assertTrue(overlap <= 0.5 * Math.max(1, line.getLength()) , pair[0].id() + "/" + pair[1].id() + " overlap " + overlap + " at " + t);
        }
        assertTrue(sharedVertices > 0, "shared boundary vertices were compared at zoom " + z);
    }

    static Geometry find(List<Decoded> decoded, String id) {
        for (Decoded d : decoded) if (id.equals(d.id())) return d.geometry();
        return null;
    }

    static Set<Coordinate> vertices(Geometry g) {
        Set<Coordinate> s = new HashSet<>();
        for (Coordinate c : g.getCoordinates()) s.add(new Coordinate(c.x, c.y));
        return s;
    }


    @Test
    void aTileWithoutFeaturesIs204WithNoBody() {
        // the middle of the Pacific at zoom 6
        TileClient.Fetched f = tiles.get("/collections/control_unit/tiles/WebMercatorQuad/6/28/3");
        assertEquals(204, f.status());
        assertEquals(0, f.body().length);
        assertFalse(f.header("ETag") == null, "an empty tile is validated too");
    }
}
