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
import org.locationtech.jts.geom.Envelope;
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
        int[] counts = new int[3];
        List<String> problems = new ArrayList<>();
        int withHits = 0, zone37 = 0, holes = 0, multi = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            for (SiteInput site : sites) {
                SiteCheckResult r = compare(c, site, counts, problems);
                Geometry g = site.geometry();
                if (GaussKrugerMeasure.zoneOf(g).number() == 37) zone37++;
                if (site.parcels().size() > 1) multi++;
                if (site.parcels().stream().anyMatch(p -> ((Polygon) p.geometry().getGeometryN(0)).getNumInteriorRing() > 0)) holes++;
                if (r.hits().stream().anyMatch(h -> !h.collection().equals("admin"))) withHits++;
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " disagreements with PostGIS:\n" + String.join("\n", problems));
        assertTrue(sites.size() >= 50);
        assertTrue(counts[0] >= 150, "overlaps compared: " + counts[0]);
        assertTrue(counts[1] >= 30, "distances compared: " + counts[1]);
        assertTrue(withHits >= 40 && withHits < sites.size(), "some sites hit zones, some hit none: " + withHits);
        assertTrue(zone37 >= 5 && holes >= 10 && multi >= 10, "zone 37: " + zone37 + ", with holes: " + holes + ", multi-parcel: " + multi);
    }

    /**
     * Sites built from the zones themselves, where boundaries coincide: a part of a zone cut by a box (shares the
     * zone's edges from inside), the zone's surroundings (a box minus the zone: shares its edges from outside, the
     * zone fills the site's hole), a box with a hole around a zone (the zone inside the site's hole, not touching),
     * a zone's hole as a site (shares the hole's edges), a site shrunk into a zone's hole, a triangle sharing one
     * vertex with a zone, and two-parcel sites whose parcels overlap or touch each other. Every one is held to
     * PostGIS as above (PostGIS forms the union of the parcels itself, with ST_UnaryUnion).
     */
    @Test
    void sitesSharingEdgesAndVerticesWithZonesHolesAndTouchingParcelsAgreeWithPostgis() throws SQLException {
        Map<String, List<SiteInput>> kinds = new TreeMap<>();
        for (FeatureSource s : layers.inOrder()) {
            if (!s.layer().isPolygon()) continue;
            List<Polygon> zones = new ArrayList<>();
            try (var features = s.query(cn.ecozone.layer.FeatureQuery.all())) {
                for (SimpleFeature f : (Iterable<SimpleFeature>) features::iterator) {
                    Geometry g = (Geometry) f.getDefaultGeometry();
                    for (int i = 0; i < g.getNumGeometries(); i++) zones.add((Polygon) g.getGeometryN(i));
                }
            }
            String l = s.layer().id();
            for (int i = 0; i < zones.size(); i += Math.max(1, zones.size() / 6)) {
                Polygon z = zones.get(i);
                String n = l + "#" + i;
                Envelope e = z.getEnvelopeInternal();
                // the zone's west half (edges shared from inside)
                Geometry half = z.intersection(Geometries.FACTORY.toGeometry(new Envelope(e.getMinX() - 1, e.centre().x, e.getMinY() - 1, e.getMaxY() + 1)));
                add(kinds, "edges shared from inside", n, largest(half));
                // the zone's surroundings: its box widened by a tenth, minus the zone (the zone fills the site's hole)
                Envelope wide = new Envelope(e);
                wide.expandBy(e.getWidth() * 0.1, e.getHeight() * 0.1);
                add(kinds, "zone fills the site's hole (edges shared from outside)", n,
                        largest(Geometries.FACTORY.toGeometry(wide).difference(z)));
                // a box with a hole around the zone: the zone inside the site's hole, apart from it
                Envelope inner = new Envelope(e);
                inner.expandBy(e.getWidth() * 0.05, e.getHeight() * 0.05);
                add(kinds, "zone inside the site's hole", n, Geometries.FACTORY.createPolygon(ring(wide), new LinearRing[] {ring(inner)}));
                // a triangle on one of the zone's vertices, pointing away from the zone's centre
                Coordinate v = z.getExteriorRing().getCoordinateN(z.getExteriorRing().getNumPoints() / 3);
                Coordinate m = z.getCentroid().getCoordinate();
                double dx = v.x - m.x, dy = v.y - m.y, len = Math.hypot(dx, dy), size = Math.max(0.002, Math.min(0.02, len));
                dx /= len;
                dy /= len;
                double a = Math.toRadians(20);
                Coordinate p1 = new Coordinate(v.x + size * (dx * Math.cos(a) - dy * Math.sin(a)), v.y + size * (dx * Math.sin(a) + dy * Math.cos(a)));
                Coordinate p2 = new Coordinate(v.x + size * (dx * Math.cos(a) + dy * Math.sin(a)), v.y + size * (-dx * Math.sin(a) + dy * Math.cos(a)));
                add(kinds, "one vertex shared", n, Geometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(v), p1, p2, new Coordinate(v)}));
                for (int h = 0; h < z.getNumInteriorRing(); h++) {
                    Polygon hole = Geometries.FACTORY.createPolygon(Geometries.FACTORY.createLinearRing(z.getInteriorRingN(h).getCoordinates()));
                    add(kinds, "a zone's hole as the site (hole edges shared)", n + "h" + h, hole);
                    double hr = Math.min(hole.getEnvelopeInternal().getWidth(), hole.getEnvelopeInternal().getHeight());
                    add(kinds, "site inside a zone's hole", n + "h" + h, largest(hole.buffer(-hr * 0.1)));
                    add(kinds, "site around a zone's hole (overlaps a thin ring)", n + "h" + h, largest(hole.buffer(hr * 0.05)));
                }
                // two parcels on the zone's inner point: overlapping stars, and two boxes sharing an edge
                Coordinate ip = z.getInteriorPoint().getCoordinate();
                Random rnd = new Random(i * 31L + l.hashCode());
                double r = Math.max(0.002, Math.min(0.01, Math.min(e.getWidth(), e.getHeight()) / 3));
                kinds.computeIfAbsent("parcels overlap each other", k -> new ArrayList<>()).add(new SiteInput(n + " overlapping parcels", "wkt", "CRS84",
                        List.of(new SiteParcel("P1", star(rnd, ip.x, ip.y, r, false), null), new SiteParcel("P2", star(rnd, ip.x + r * 0.6, ip.y, r, false), null)), List.of()));
                Polygon b1 = (Polygon) Geometries.FACTORY.toGeometry(new Envelope(ip.x - r, ip.x, ip.y - r / 2, ip.y + r / 2));
                Polygon b2 = (Polygon) Geometries.FACTORY.toGeometry(new Envelope(ip.x, ip.x + r, ip.y - r, ip.y + r / 3));
                kinds.computeIfAbsent("parcels touch each other", k -> new ArrayList<>()).add(new SiteInput(n + " touching parcels", "wkt", "CRS84",
                        List.of(new SiteParcel("P1", b1, null), new SiteParcel("P2", b2, null)), List.of()));
            }
        }
        int[] counts = new int[3];
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            for (var kind : kinds.entrySet()) for (SiteInput site : kind.getValue()) compare(c, site.withName(kind.getKey() + ": " + site.name()), counts, problems);
        }
        assertTrue(problems.isEmpty(), problems.size() + " disagreements with PostGIS:\n" + String.join("\n", problems));
        Map<String, Integer> sizes = new TreeMap<>();
        kinds.forEach((k, v) -> sizes.put(k, v.size()));
        assertEquals(10, sizes.size(), "every kind of site is present: " + sizes);
        assertTrue(sizes.values().stream().allMatch(v -> v >= 1), sizes.toString());
        assertTrue(counts[0] >= 100, "overlaps compared: " + counts[0]);
        assertTrue(counts[2] >= 20, "zones touching a site (PostGIS: ST_Intersects with zero-area intersection) compared: " + counts[2]);
    }

    private static void add(Map<String, List<SiteInput>> kinds, String kind, String name, Polygon p) {
        if (p == null || p.isEmpty() || !p.isValid() || p.getArea() < 1e-8) return;
        kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(new SiteInput(name, "wkt", "CRS84", List.of(new SiteParcel("P1", p, null)), List.of()));
    }

    private static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) best = p;
        }
        return best;
    }

    private static LinearRing ring(Envelope e) {
        return Geometries.FACTORY.createLinearRing(new Coordinate[] {new Coordinate(e.getMinX(), e.getMinY()), new Coordinate(e.getMaxX(), e.getMinY()),
                new Coordinate(e.getMaxX(), e.getMaxY()), new Coordinate(e.getMinX(), e.getMaxY()), new Coordinate(e.getMinX(), e.getMinY())});
    }

    /**
     * Checks one site against PostGIS; counts[0] += overlaps compared, counts[1] += distances compared, counts[2] +=
     * zones that touch the site without overlapping. PostGIS gets the parcels as a collection and unions them itself.
     */
    static SiteCheckResult compare(Connection c, SiteInput site, int[] counts, List<String> problems) throws SQLException {
        SiteCheckResult r = check.run(site, null, 1000);
        WKTWriter w = new WKTWriter();
        String parcels = "GEOMETRYCOLLECTION(" + String.join(",", site.parcels().stream().map(p -> w.write(p.geometry())).toList()) + ")";
        String siteSql = "ST_UnaryUnion(ST_GeomFromText(?, 4490))";
        close(problems, site.name() + " site area", scalar(c, "SELECT ST_Area(" + siteSql + "::geography)", parcels), r.site().areaM2());
        for (FeatureSource s : layers.inOrder()) {
            String coll = s.layer().id();
            Map<String, Double> expectedHits = new TreeMap<>();
            Map<String, Double> expectedNear = new TreeMap<>();
            // geography edges are geodesics, ours (like PostGIS geometry) are straight in lon/lat: a 10 km edge along a
            // parallel differs by ~2 m at its middle. Segmentizing to 0.001° (~100 m) makes PostGIS measure our edges.
            String sql = "SELECT fid, ST_Area(ST_Intersection(geom, s)::geography), ST_Intersects(geom, s), "
                    + "ST_Distance(ST_Segmentize(geom, 0.001)::geography, ST_Segmentize(s, 0.001)::geography) "
                    + "FROM layer_" + coll + ", (SELECT " + siteSql + " s) q WHERE ST_DWithin(geom::geography, s::geography, 1000)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, parcels);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean hit = s.layer().isPolygon() && rs.getBoolean(3) && rs.getDouble(2) > SiteCheck.MIN_OVERLAP_M2;
                        if (hit) expectedHits.put(rs.getString(1), rs.getDouble(2));
                        else expectedNear.put(rs.getString(1), rs.getDouble(4));
                        if (!hit && rs.getBoolean(3)) counts[2]++;
                    }
                }
            }
            Map<String, Double> actualHits = r.hits().stream().filter(h -> h.collection().equals(coll))
                    .collect(Collectors.toMap(SiteCheckResult.Hit::featureId, SiteCheckResult.Hit::overlapM2, (a, b) -> a, TreeMap::new));
            if (!expectedHits.keySet().equals(actualHits.keySet())) {
                problems.add(site.name() + " hits in " + coll + ": PostGIS " + expectedHits + ", ours " + actualHits);
            } else {
                for (var e : expectedHits.entrySet()) {
                    close(problems, site.name() + " overlap with " + coll + "/" + e.getKey(), e.getValue(), actualHits.get(e.getKey()));
                    counts[0]++;
                }
            }
            Map<String, Double> actualNear = r.nearby().stream().filter(n -> n.collection().equals(coll))
                    .collect(Collectors.toMap(SiteCheckResult.Nearby::featureId, SiteCheckResult.Nearby::distanceM, (a, b) -> a, TreeMap::new));
            // a zone right at the 1000 m edge may fall either side of it: compare the ones clearly inside
            expectedNear.values().removeIf(d -> d > 999);
            actualNear.values().removeIf(d -> d > 999);
            if (!expectedNear.keySet().equals(actualNear.keySet())) {
                problems.add(site.name() + " nearby in " + coll + ": PostGIS " + expectedNear + ", ours " + actualNear);
                continue;
            }
            for (var e : expectedNear.entrySet()) {
                double exp = e.getValue(), act = actualNear.get(e.getKey());
                if (Math.abs(exp - act) > Math.max(0.5, exp * 1e-3)) {
                    problems.add(site.name() + " distance to " + coll + "/" + e.getKey() + ": PostGIS " + exp + " m, ours " + act + " m");
                }
                counts[1]++;
            }
        }
        return r;
    }

    static void close(List<String> problems, String what, double expected, double actual) {
        if (Math.abs(expected - actual) > Math.max(1.0, Math.abs(expected) * 1e-4)) problems.add(what + ": PostGIS " + expected + " m², ours " + actual + " m²");
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
