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
    }

    private int compare(Connection c, LayerSet layers) throws Exception {
        var source = layers.source("restoration").orElseThrow();
        List<Plot> plots = Plot.of(source);
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
        try (PreparedStatement ps = c.prepareStatement("SELECT ST_Area(ST_Intersection(p.g, z.g)::geography) FROM plot p, zone z WHERE p.id = ? AND z.id = ?")) {
            for (var z : report.zones()) {
                ps.setString(1, z.plotId());
                ps.setString(2, z.layer() + "/" + z.zoneId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!z.touchOnly()) close("zone overlap " + z.plotId() + " × " + z.zoneId(), rs.getDouble(1), z.overlap().m2());
                    n++;
                }
            }
        }
        return n;
    }

    private static void close(String what, double postgis, double ours) {
        assertTrue(Math.abs(postgis - ours) <= Math.max(Math.abs(postgis) * 1e-4, 1e-3), what + ": PostGIS " + postgis + " vs EcoZone " + ours);
    }
}
