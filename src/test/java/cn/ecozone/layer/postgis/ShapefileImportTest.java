package cn.ecozone.layer.postgis;

import cn.ecozone.cli.Main;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.geo.Transforms;
import cn.ecozone.testsupport.PostgisCluster;
import org.geotools.referencing.CRS;
import org.h2gis.functions.factory.H2GISFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SCENARIO 5: the natural-resources bureau's red-line shapefile — GBK .dbf, .prj in CGCS2000 GK zone 38 with the
 * zone prefix — replaces the red-line layer in PostGIS with names intact and areas right.
 */
class ShapefileImportTest {
    @TempDir Path dir;

    static final String[][] ROWS = {
            {"HX-OFFICIAL-01", "采凉山水源涵养生态保护红线", "水源涵养", "采凉山森林公园", "新荣区"},
            {"HX-OFFICIAL-02", "桑干河湿地生态保护红线", "生物多样性维护", "桑干河省级自然保护区", "云州区"}};
    // GK zone 38 (EPSG:4526): northing ~4.44e6, easting with the zone prefix 38
    static final String[] GK = {
            "POLYGON((38443000 4449000, 38446000 4449000, 38446000 4452000, 38443000 4452000, 38443000 4449000))",
            "POLYGON((38460000 4430000, 38463500 4430000, 38463500 4432000, 38460000 4432000, 38460000 4430000))"};

    @Test
    void aGbkShapefileInGaussKrugerZone38ReplacesTheRedLineLayer() throws Exception {
        Path shp = dir.resolve("生态保护红线.shp");
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:shpwrite;DB_CLOSE_DELAY=0")) {
            H2GISFunctions.load(h2);
            try (Statement st = h2.createStatement()) {
                st.execute("CREATE TABLE RL (THE_GEOM GEOMETRY(POLYGON, 4526), CODE VARCHAR, NAME VARCHAR, FUNCTION VARCHAR, SOURCE VARCHAR, DISTRICT VARCHAR)");
            }
            try (PreparedStatement ps = h2.prepareStatement("INSERT INTO RL VALUES (ST_GeomFromText(?, 4526), ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ROWS.length; i++) {
                    ps.setString(1, GK[i]);
                    for (int k = 0; k < 5; k++) ps.setString(k + 2, ROWS[i][k]);
                    ps.executeUpdate();
                }
            }
            try (Statement st = h2.createStatement()) {
                st.execute("CALL SHPWrite('" + shp + "', 'RL', 'cp936')");
            }
        }
        // the bureau's .prj, as GIS software writes it (no .cpg: GBK is the default for Chinese data)
        Files.writeString(dir.resolve("生态保护红线.prj"), CRS.decode("EPSG:4526").toWKT());
        Files.deleteIfExists(dir.resolve("生态保护红线.cpg"));
        byte[] dbf = Files.readAllBytes(dir.resolve("生态保护红线.dbf"));
        assertTrue(new String(dbf, "GBK").contains("采凉山"), "the .dbf really is GBK");

        String url = PostgisCluster.shared().createDatabase("shpimport");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"import", "--db", url, "--layer", "redline", "--from", shp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT fid, name, function, ST_Area(geom::geography), ST_SRID(geom) FROM redline ORDER BY fid")) {
            for (int i = 0; i < ROWS.length; i++) {
                assertTrue(rs.next());
                assertEquals(ROWS[i][0], rs.getString(1));
                assertEquals(ROWS[i][1], rs.getString(2), "Chinese names intact");
                assertEquals(ROWS[i][2], rs.getString(3));
                assertEquals(4490, rs.getInt(5));
                Geometry lonLat = Transforms.apply(new WKTReader().read(GK[i]), 4526, 4490);
                double expected = EllipsoidalMeasure.area(lonLat);
                assertEquals(expected, rs.getDouble(4), expected * 1e-4);
                // a 3 km × 3 km square in the GK plane is ~9 km² on the ellipsoid too (scale factor near the CM)
                if (i == 0) assertEquals(9_000_000, rs.getDouble(4), 9_000_000 * 0.002);
            }
        }
    }

    @Test
    void aShapefileThatFailsValidationImportsNothing() throws Exception {
        Path shp = dir.resolve("bad.shp");
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:shpbad;DB_CLOSE_DELAY=0")) {
            H2GISFunctions.load(h2);
            try (Statement st = h2.createStatement()) {
                st.execute("CREATE TABLE RL (THE_GEOM GEOMETRY(POLYGON, 4526), CODE VARCHAR, NAME VARCHAR)");
                st.execute("INSERT INTO RL VALUES (ST_GeomFromText('" + GK[0] + "', 4526), 'HX-X', '缺少功能类型')");
                st.execute("CALL SHPWrite('" + shp + "', 'RL', 'cp936')");
            }
        }
        Files.writeString(dir.resolve("bad.prj"), CRS.decode("EPSG:4526").toWKT());
        String url = PostgisCluster.shared().createDatabase("shpbad");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"import", "--db", url, "--layer", "redline", "--from", shp.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("HX-X") && e.contains("function") && e.contains("未导入"), e);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'redline'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing was created");
        }
    }
}
