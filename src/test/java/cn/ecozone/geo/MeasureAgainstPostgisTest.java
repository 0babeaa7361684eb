package cn.ecozone.geo;

import cn.ecozone.testsupport.PostgisCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our ellipsoidal and Gauss-Krüger measures against PostGIS on the same polygons: star-shaped polygons of
 * 1 m² to 1000 km², with holes and multi-parts, around Datong (zone 38) and 朔城区 (both sides of 112.5°E).
 * DESIGN §5: agreement within 0.01 %.
 */
class MeasureAgainstPostgisTest {
    private static String url;

    @BeforeAll
    static void database() {
        url = PostgisCluster.shared().createDatabase("measure");
    }

    @Test
    void areasAndPerimetersAgreeWithPostgisWithinOneHundredthOfAPercent() throws Exception {
        List<Geometry> polygons = generated(60);
        String sql = "SELECT ST_Area(g::geography), ST_Area(ST_Transform(g, ?)), ST_Perimeter(g::geography) "
                + "FROM (SELECT ST_GeomFromText(?, 4490) g) t";
        int compared = 0;
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Geometry g : polygons) {
                GkZone zone = GaussKrugerMeasure.zoneOf(g);
                ps.setInt(1, zone.epsgWithPrefix());
                ps.setString(2, new WKTWriter().write(g));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertClose("ellipsoidal area", rs.getDouble(1), EllipsoidalMeasure.area(g), g);
                    assertClose("GK area zone " + zone.number(), rs.getDouble(2), GaussKrugerMeasure.area(g, zone), g);
                    assertClose("ellipsoidal perimeter", rs.getDouble(3), EllipsoidalMeasure.length(g), g);
                    compared++;
                }
            }
        }
        assertTrue(compared == polygons.size());
    }

    private static void assertClose(String what, double expected, double actual, Geometry g) {
        double tolerance = Math.max(Math.abs(expected) * 1e-4, 1e-3);
        assertTrue(Math.abs(expected - actual) <= tolerance,
                what + ": PostGIS " + expected + " vs EcoZone " + actual + " for " + g.toText().substring(0, 60));
    }

    static List<Geometry> generated(int n) {
        GeometryFactory f = new GeometryFactory();
        Random r = new Random(4490);
        double[][] centres = {{113.30, 40.08}, {113.25, 40.35}, {113.60, 39.95}, {112.43, 39.33}, {112.57, 39.30}};
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % centres.length];
            double radiusDeg = Math.pow(10, -5 + r.nextDouble() * 4.5); // ~1 m to ~30 km
            Polygon shell = star(f, r, c[0], c[1], radiusDeg, 8 + r.nextInt(40));
            Geometry g = shell;
            if (i % 3 == 1) {
                LinearRing hole = star(f, r, c[0], c[1], radiusDeg * 0.3, 6).getExteriorRing();
                g = f.createPolygon(shell.getExteriorRing(), new LinearRing[]{hole});
            } else if (i % 3 == 2) {
                g = f.createMultiPolygon(new Polygon[]{shell, star(f, r, c[0] + radiusDeg * 3, c[1], radiusDeg, 12)});
            }
            out.add(g);
        }
        return out;
    }

    private static Polygon star(GeometryFactory f, Random r, double cx, double cy, double radius, int vertices) {
        Coordinate[] cs = new Coordinate[vertices + 1];
        for (int k = 0; k < vertices; k++) {
            double a = 2 * Math.PI * k / vertices;
            double rr = radius * (0.6 + 0.4 * r.nextDouble());
            cs[k] = new Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
        }
        cs[vertices] = cs[0];
        return f.createPolygon(cs);
    }
}
