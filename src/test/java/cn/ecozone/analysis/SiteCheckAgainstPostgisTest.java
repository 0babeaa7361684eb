package cn.ecozone.analysis;

import cn.ecozone.geo.GaussKrugerMeasure;
import cn.ecozone.io.Geometries;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.SiteFixtureLayers;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The independent oracle: the same layers in a real PostGIS, and for 72 generated sites (inside, across and
 * outside zones, with holes, multi-parcel, in GK zones 37 and 38 incl. 朔城区 across 112.5°E) every overlap area
 * must equal {@code ST_Area(ST_Intersection(site, zone)::geography)} within 0.01 % or 1 m², the hit set must
 * equal {@code ST_Intersects} with a positive-area intersection, and the nearby distances must equal
 * {@code ST_Distance(geography)} (of the lon/lat-straight edges, segmentized) within 0.1 % or 0.5 m.
 */
class SiteCheckAgainstPostgisTest {
    @TempDir static Path dir;
    static LayerSet layers;
    static SiteCheck check;
    static String url;

    @BeforeAll
    static void load() throws SQLException {
        LayerLoader.Result r = LayerLoader.load(SiteFixtureLayers.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        layers = r.layers();
        check = new SiteCheck(layers, cn.ecozone.accesslist.AccessListJson.read(dir.resolve("access-list.json")));
        url = PostgisCluster.shared().createDatabase("sitecheck");
        try (Connection c = DriverManager.getConnection(url)) {
            for (FeatureSource s : layers.inOrder()) load(c, s);
        }
    }

    /** Our own small loader: a table per layer with the feature id and the geometry, as WKT through ST_GeomFromText. */
    static void load(Connection c, FeatureSource s) throws SQLException {
        String table = "layer_" + s.layer().id();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (fid text PRIMARY KEY, geom geometry(Geometry, 4490) NOT NULL)");
        }
        WKTWriter wkt = new WKTWriter();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ST_GeomFromText(?, 4490))");
             var features = s.query(cn.ecozone.layer.FeatureQuery.all())) {
            for (SimpleFeature f : (Iterable<SimpleFeature>) features::iterator) {
                ps.setString(1, f.getID());
                ps.setString(2, wkt.write((Geometry) f.getDefaultGeometry()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON " + table + " USING gist (geom)");
        }
    }

    @Test
    void everyOverlapAreaHitSetAndNearbyDistanceAgreesWithPostgis() throws SQLException {
        List<SiteInput> sites = generatedSites(72);
        int overlapsCompared = 0, distancesCompared = 0, withHits = 0, zone37 = 0, holes = 0, multi = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            for (SiteInput site : sites) {
                SiteCheckResult r = check.run(site, null, 1000);
                Geometry g = site.geometry();
                String wkt = new WKTWriter().write(g);
                if (GaussKrugerMeasure.zoneOf(g).number() == 37) zone37++;
                if (site.parcels().size() > 1) multi++;
                if (site.parcels().stream().anyMatch(p -> ((Polygon) p.geometry().getGeometryN(0)).getNumInteriorRing() > 0)) holes++;
                assertClose(site.name() + " site area", scalar(c, "SELECT ST_Area(ST_GeomFromText(?, 4490)::geography)", wkt), r.site().areaM2());
                for (FeatureSource s : layers.inOrder()) {
                    String coll = s.layer().id();
                    Map<String, Double> expectedHits = new TreeMap<>();
                    Map<String, Double> expectedNear = new TreeMap<>();
                    // geography edges are geodesics, ours (like PostGIS geometry) are straight in lon/lat: a 10 km edge along a
                    // parallel differs by ~2 m at its middle. Segmentizing to 0.001° (~100 m) makes PostGIS measure our edges.
                    String sql = "SELECT fid, ST_Area(ST_Intersection(geom, s)::geography), ST_Intersects(geom, s), "
                            + "ST_Distance(ST_Segmentize(geom, 0.001)::geography, ST_Segmentize(s, 0.001)::geography) "
                            + "FROM layer_" + coll + ", (SELECT ST_GeomFromText(?, 4490) s) q WHERE ST_DWithin(geom::geography, s::geography, 1000)";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, wkt);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                boolean hit = s.layer().isPolygon() && rs.getBoolean(3) && rs.getDouble(2) > SiteCheck.MIN_OVERLAP_M2;
                                if (hit) expectedHits.put(rs.getString(1), rs.getDouble(2));
                                else expectedNear.put(rs.getString(1), rs.getDouble(4));
                            }
                        }
                    }
                    Map<String, Double> actualHits = r.hits().stream().filter(h -> h.collection().equals(coll))
                            .collect(Collectors.toMap(SiteCheckResult.Hit::featureId, SiteCheckResult.Hit::overlapM2, (a, b) -> a, TreeMap::new));
                    assertEquals(expectedHits.keySet(), actualHits.keySet(), site.name() + " hits in " + coll);
                    for (var e : expectedHits.entrySet()) {
                        assertClose(site.name() + " overlap with " + coll + "/" + e.getKey(), e.getValue(), actualHits.get(e.getKey()));
                        overlapsCompared++;
                    }
                    Map<String, Double> actualNear = r.nearby().stream().filter(n -> n.collection().equals(coll))
                            .collect(Collectors.toMap(SiteCheckResult.Nearby::featureId, SiteCheckResult.Nearby::distanceM, (a, b) -> a, TreeMap::new));
                    // a zone right at the 1000 m edge may fall either side of it: compare the ones clearly inside
                    expectedNear.values().removeIf(d -> d > 999);
                    actualNear.values().removeIf(d -> d > 999);
                    assertEquals(expectedNear.keySet(), actualNear.keySet(), site.name() + " nearby in " + coll);
                    for (var e : expectedNear.entrySet()) {
                        double exp = e.getValue(), act = actualNear.get(e.getKey());
                        assertTrue(Math.abs(exp - act) <= Math.max(0.5, exp * 1e-3), site.name() + " distance to " + coll + "/" + e.getKey()
                                + ": PostGIS " + exp + " m, ours " + act + " m");
                        distancesCompared++;
                    }
                }
                if (r.hits().stream().anyMatch(h -> !h.collection().equals("admin"))) withHits++;
            }
        }
        assertTrue(sites.size() >= 50);
        assertTrue(overlapsCompared >= 150, "overlaps compared: " + overlapsCompared);
        assertTrue(distancesCompared >= 30, "distances compared: " + distancesCompared);
        assertTrue(withHits >= 40 && withHits < sites.size(), "some sites hit zones, some hit none: " + withHits);
        assertTrue(zone37 >= 5 && holes >= 10 && multi >= 10, "zone 37: " + zone37 + ", with holes: " + holes + ", multi-parcel: " + multi);
    }

    static double scalar(Connection c, String sql, String wkt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, wkt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    static void assertClose(String what, double expected, double actual) {
        double tol = Math.max(1.0, Math.abs(expected) * 1e-4);
        assertTrue(Math.abs(expected - actual) <= tol, what + ": PostGIS " + expected + " m², ours " + actual + " m²");
    }

    /**
     * Deterministic sites: star-shaped polygons of 8–40 vertices and radius 0.002–0.03° around places that matter
     * (the red lines, the water sources, unit corners, 112.5°E in 朔城区, and anywhere in or beyond the districts);
     * every 3rd has a hole, every 5th a second parcel.
     */
    static List<SiteInput> generatedSites(int n) {
        Random rnd = new Random(20250630);
        double[][] focus = {{113.26, 40.36}, {113.05, 40.25}, {113.208, 40.345}, {113.075, 40.35}, {113.20, 40.35}, {112.50, 39.31},
                {112.50, 39.42}, {112.45, 39.35}, {113.325, 40.20}, {112.70, 39.50}};
        List<SiteInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] f = i < 50 ? focus[i % focus.length] : new double[] {112.1 + rnd.nextDouble() * 1.5, 39.1 + rnd.nextDouble() * 1.5};
            double cx = f[0] + (rnd.nextDouble() - 0.5) * 0.03, cy = f[1] + (rnd.nextDouble() - 0.5) * 0.03;
            double r = 0.002 + rnd.nextDouble() * 0.028;
            List<SiteParcel> parcels = new ArrayList<>();
            parcels.add(new SiteParcel("P1", star(rnd, cx, cy, r, i % 3 == 1), null));
            if (i % 5 == 2) parcels.add(new SiteParcel("P2", star(rnd, cx + 2.5 * r, cy + 0.3 * r, r * 0.6, false), null));
            out.add(new SiteInput("site-" + i, "wkt", "CRS84", parcels, List.of()));
        }
        return out;
    }

    static Polygon star(Random rnd, double cx, double cy, double r, boolean hole) {
        int k = 8 + rnd.nextInt(33);
        Coordinate[] cs = new Coordinate[k + 1];
        double phase = rnd.nextDouble();
        for (int j = 0; j < k; j++) {
            double a = 2 * Math.PI * (j + phase) / k;
            double rr = r * (0.55 + 0.45 * rnd.nextDouble());
            cs[j] = new Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
        }
        cs[k] = cs[0];
        LinearRing shell = Geometries.FACTORY.createLinearRing(cs);
        if (!hole) return Geometries.FACTORY.createPolygon(shell);
        double hr = r * 0.3;
        Coordinate[] hs = {new Coordinate(cx - hr, cy - hr), new Coordinate(cx - hr, cy + hr), new Coordinate(cx + hr, cy + hr),
                new Coordinate(cx + hr, cy - hr), new Coordinate(cx - hr, cy - hr)};
        return Geometries.FACTORY.createPolygon(shell, new LinearRing[] {Geometries.FACTORY.createLinearRing(hs)});
    }
}
