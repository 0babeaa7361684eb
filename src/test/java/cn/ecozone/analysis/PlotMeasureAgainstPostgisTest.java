package cn.ecozone.analysis;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.RestorationFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTWriter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plot measures against PostGIS on the same plots (DESIGN §5: within 0.01 %): ellipsoidal area
 * ({@code ST_Area(geography)}), GK plane area in the plot's zone, perimeter, the overlap areas of plot pairs and
 * of plots with protected zones. Uses the shipped sample plots when present, plus the fixture's.
 */
class PlotMeasureAgainstPostgisTest {
    @TempDir Path dir;
    private int zonePairs;
    private long touchPairs;

    @Test
    void plotMeasuresAndOverlapsAgreeWithPostgisWithinOneHundredthOfAPercent() throws Exception {
        List<LayerSet> sets = new java.util.ArrayList<>(List.of(LayerLoader.load(RestorationFixture.write(dir)).layers()));
        if (java.nio.file.Files.exists(Path.of("layers/catalog.json"))) sets.add(LayerLoader.load(Path.of("layers")).layers());
        String url = PostgisCluster.shared().createDatabase("plots");
        int compared = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            for (LayerSet layers : sets) compared += compare(c, layers);
        }
        assertTrue(compared >= 7, "compared " + compared);
        assertTrue(zonePairs >= 20 && touchPairs >= 5, "plot × zone pairs compared: " + zonePairs + ", of them touching only: " + touchPairs);
    }

    private int compare(Connection c, LayerSet layers) throws Exception {
        var source = layers.source("restoration").orElseThrow();
        List<Plot> plots = new java.util.ArrayList<>(Plot.of(source));
        plots.addAll(plotsOnZones(PlotContext.from(layers)));
        PlotReport report = PlotAnalysis.run(plots, PlotSchema.detect(source.layer().attributes().stream().map(a -> a.name()).toList()),
                PlotContext.from(layers), null, 1.0);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS plot; DROP TABLE IF EXISTS zone; CREATE TABLE plot (id text primary key, g geometry(Geometry, 4490));"
                    + "CREATE TABLE zone (id text primary key, g geometry(Geometry, 4490))");
        }
        WKTWriter wkt = new WKTWriter();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plot VALUES (?, ST_GeomFromText(?, 4490))")) {
            for (Plot p : plots) {
                ps.setString(1, p.id());
                ps.setString(2, wkt.write(p.geometry()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO zone VALUES (?, ST_GeomFromText(?, 4490))")) {
            for (var z : PlotContext.from(layers).protectedZones()) {
                for (Plot p : Plot.of(z)) {
                    ps.setString(1, z.layer().id() + "/" + p.id());
                    ps.setString(2, wkt.write(p.geometry()));
                    ps.executeUpdate();
                }
            }
        }
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT ST_Area(g::geography), ST_Area(ST_Transform(g, ?)), ST_Perimeter(g::geography) FROM plot WHERE id = ?")) {
            for (PlotMeasure m : report.plots()) {
                ps.setInt(1, 4488 + m.gkZone());
                ps.setString(2, m.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    close("area " + m.id(), rs.getDouble(1), m.area().m2());
                    close("GK area " + m.id(), rs.getDouble(2), m.gkArea().m2());
                    close("perimeter " + m.id(), rs.getDouble(3), m.perimeterM());
                    n++;
                }
            }
        }
        Map<String, Double> pairs = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT a.id, b.id, ST_Area(ST_Intersection(a.g, b.g)::geography) FROM plot a "
                + "JOIN plot b ON a.id < b.id AND ST_Intersects(a.g, b.g) WHERE ST_IsValid(a.g) AND ST_IsValid(b.g)")) {
            while (rs.next()) if (rs.getDouble(3) > OverlapPairs.TOLERANCE_M2) pairs.put(rs.getString(1) + "|" + rs.getString(2), rs.getDouble(3));
        }
        assertEquals(pairs.size(), report.overlaps().size(), "overlapping pairs " + pairs.keySet());
        for (var o : report.overlaps()) {
            String key = o.a().compareTo(o.b()) < 0 ? o.a() + "|" + o.b() : o.b() + "|" + o.a();
            close("overlap " + key, pairs.get(key), o.overlap().m2());
            n++;
        }
        // plot × zone both ways: every pair PostGIS finds intersecting (valid, non-empty plots, as EcoZone checks) must be
        // in the report and every reported pair must be one PostGIS finds; an overlap over 1 m² must be reported as an
        // overlap (not touch-only) with PostGIS's area, and a touch-only pair must have at most 1 m² in PostGIS
        Map<String, Double> expectedZones = new java.util.TreeMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT p.id, z.id, ST_Area(ST_Intersection(p.g, z.g)::geography) FROM plot p "
                + "JOIN zone z ON ST_Intersects(p.g, z.g) WHERE ST_IsValid(p.g) AND NOT ST_IsEmpty(p.g)")) {
            while (rs.next()) expectedZones.put(rs.getString(1) + " × " + rs.getString(2), rs.getDouble(3));
        }
        Map<String, PlotReport.ZoneOverlap> actualZones = new java.util.TreeMap<>();
        for (var z : report.zones()) actualZones.put(z.plotId() + " × " + z.layer() + "/" + z.zoneId(), z);
        assertEquals(expectedZones.keySet(), actualZones.keySet(), "plot × zone pairs that intersect (PostGIS ST_Intersects vs EcoZone)");
        for (var e : expectedZones.entrySet()) {
            var z = actualZones.get(e.getKey());
            if (e.getValue() > OverlapPairs.TOLERANCE_M2) {
                assertTrue(!z.touchOnly(), e.getKey() + ": PostGIS overlap " + e.getValue() + " m², EcoZone says touch only");
                close("zone overlap " + e.getKey(), e.getValue(), z.overlap().m2());
            } else {
                assertTrue(z.touchOnly(), e.getKey() + ": PostGIS overlap " + e.getValue() + " m² (touch), EcoZone " + z.overlap().m2() + " m²");
            }
            n++;
        }
        zonePairs += expectedZones.size();
        touchPairs += expectedZones.values().stream().filter(v -> v <= OverlapPairs.TOLERANCE_M2).count();
        return n;
    }

    /**
     * Plots made from the protected zones where boundaries coincide: half of a zone (its edges shared from inside),
     * the zone's surroundings (a box minus the zone: edges shared from outside), the zone itself, a triangle on one of
     * its vertices pointing outwards, each hole of it as a plot and shrunk into the hole.
     */
    static List<Plot> plotsOnZones(PlotContext context) {
        List<Plot> out = new java.util.ArrayList<>();
        var f = cn.ecozone.io.Geometries.FACTORY;
        for (var source : context.protectedZones()) {
            int k = 0;
            for (Plot zone : Plot.of(source)) {
                for (int i = 0; i < zone.geometry().getNumGeometries(); i++) {
                    var z = (org.locationtech.jts.geom.Polygon) zone.geometry().getGeometryN(i);
                    String id = "gen-" + source.layer().id() + "-" + (k++);
                    var e = z.getEnvelopeInternal();
                    List<org.locationtech.jts.geom.Geometry> made = new java.util.ArrayList<>();
                    made.add(z.intersection(f.toGeometry(new org.locationtech.jts.geom.Envelope(e.getMinX() - 1, e.centre().x, e.getMinY() - 1, e.getMaxY() + 1))));
                    var wide = new org.locationtech.jts.geom.Envelope(e);
                    wide.expandBy(e.getWidth() * 0.1, e.getHeight() * 0.1);
                    made.add(f.toGeometry(wide).difference(z));
                    made.add(z.copy());
                    var v = z.getExteriorRing().getCoordinateN(z.getExteriorRing().getNumPoints() / 3);
                    var m = z.getCentroid().getCoordinate();
                    double dx = v.x - m.x, dy = v.y - m.y, len = Math.hypot(dx, dy), size = Math.max(0.001, Math.min(0.01, len));
                    dx /= len;
                    dy /= len;
                    double a = Math.toRadians(20), cos = Math.cos(a), sin = Math.sin(a);
                    made.add(f.createPolygon(new org.locationtech.jts.geom.Coordinate[] {new org.locationtech.jts.geom.Coordinate(v),
                            new org.locationtech.jts.geom.Coordinate(v.x + size * (dx * cos - dy * sin), v.y + size * (dx * sin + dy * cos)),
                            new org.locationtech.jts.geom.Coordinate(v.x + size * (dx * cos + dy * sin), v.y + size * (-dx * sin + dy * cos)),
                            new org.locationtech.jts.geom.Coordinate(v)}));
                    for (int h = 0; h < z.getNumInteriorRing(); h++) {
                        var hole = f.createPolygon(f.createLinearRing(z.getInteriorRingN(h).getCoordinates()));
                        made.add(hole);
                        var he = hole.getEnvelopeInternal();
                        made.add(hole.buffer(-0.1 * Math.min(he.getWidth(), he.getHeight())));
                    }
                    int j = 0;
                    for (var g : made) {
                        if (!(g instanceof org.locationtech.jts.geom.Polygonal) || g.isEmpty() || !g.isValid() || g.getArea() < 1e-9) continue;
                        out.add(new Plot(id + "-" + (j++), g, Map.of()));
                    }
                }
            }
        }
        return out;
    }

    private static void close(String what, double postgis, double ours) {
        assertTrue(Math.abs(postgis - ours) <= Math.max(Math.abs(postgis) * 1e-4, 1e-3), what + ": PostGIS " + postgis + " vs EcoZone " + ours);
    }
}
