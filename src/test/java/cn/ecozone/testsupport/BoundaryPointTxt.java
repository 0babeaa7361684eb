package cn.ecozone.testsupport;

import cn.ecozone.geo.GkZone;
import cn.ecozone.geo.Transforms;
import cn.ecozone.io.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes 国土 boundary-point TXT files for tests, the way surveyors' software does: lon/lat rings in, GK
 * coordinates (X north 7 digits, Y east with the zone prefix) out, rings closed by repeating the first point.
 * Switches reproduce the real-world pitfalls (wrong header zone, east-first columns, Xian 80, unclosed rings).
 */
public final class BoundaryPointTxt {
    private final List<Plot> plots = new ArrayList<>();
    private String coordinateSystem = "2000国家大地坐标系";
    private Integer headerZone;
    private int zone = 38;
    private boolean eastFirst, numericIds, repeatFirst = true, zonePrefix = true, leadingSpace;
    private String areaSuffix = "";

    public BoundaryPointTxt zone(int z) { this.zone = z; return this; }

    public BoundaryPointTxt headerZone(Integer z) { this.headerZone = z; return this; }

    public BoundaryPointTxt coordinateSystem(String cs) { this.coordinateSystem = cs; return this; }

    public BoundaryPointTxt eastFirst() { this.eastFirst = true; return this; }

    public BoundaryPointTxt numericIds() { this.numericIds = true; return this; }

    public BoundaryPointTxt unclosedRings() { this.repeatFirst = false; return this; }

    public BoundaryPointTxt withoutZonePrefix() { this.zonePrefix = false; return this; }

    /** A stray space before the section headers and "公顷" after the area, as some generators write. */
    public BoundaryPointTxt sloppy() { this.leadingSpace = true; this.areaSuffix = "公顷"; return this; }

    /**
     * A plot: rings as lon/lat arrays {lon0, lat0, lon1, lat1, …} (open, the first point is not repeated);
     * the first ring is the outer ring (圈号 1), the others holes (圈号 2, 3, …).
     */
    public BoundaryPointTxt plot(String name, Double declaredHa, double[]... rings) {
        plots.add(new Plot(name, declaredHa, rings));
        return this;
    }

    private record Plot(String name, Double declaredHa, double[][] rings) {}

    /** Rendered at {@link #text()} time, so switches given after {@code plot(…)} still apply. */
    private String render(int index, String name, Double declaredHa, double[][] rings) {
        StringBuilder b = new StringBuilder();
        int points = 0;
        StringBuilder lines = new StringBuilder();
        int id = 1;
        for (int r = 0; r < rings.length; r++) {
            double[] ring = rings[r];
            int n = ring.length / 2;
            int firstId = id;
            for (int i = 0; i <= n; i++) {
                if (i == n && !repeatFirst) break;
                int k = i % n;
                double[] xy = gk(ring[2 * k], ring[2 * k + 1]);
                String pid = (numericIds ? "" : "J") + (i == n ? firstId : id++);
                double north = xy[1], east = zonePrefix ? xy[0] : xy[0] - zone * 1_000_000.0;
                lines.append(eastFirst
                        ? String.format(Locale.ROOT, "%s,%d,%.3f,%.3f%n", pid, r + 1, east, north)
                        : String.format(Locale.ROOT, "%s,%d,%.3f,%.3f%n", pid, r + 1, north, east));
                points++;
            }
        }
        b.append(String.format(Locale.ROOT, "%d,%s,%d,%s,面,,临时用地,,@%n", points,
                declaredHa == null ? "" : String.format(Locale.ROOT, "%.4f", declaredHa) + areaSuffix, index + 1, name));
        b.append(lines);
        return b.toString();
    }

    private double[] gk(double lon, double lat) {
        Geometry p = Transforms.apply(Geometries.FACTORY.createPoint(new Coordinate(lon, lat)), 4490, new GkZone(zone).epsgWithPrefix());
        return new double[] {p.getCoordinate().x, p.getCoordinate().y};
    }

    public String text() {
        String sp = leadingSpace ? " " : "";
        StringBuilder b = new StringBuilder();
        b.append(sp).append("[属性描述]\n");
        b.append("格式版本号=1.01\n数据产生单位=大同市规划和自然资源局新荣分局\n数据产生日期=2025-6-15\n");
        if (coordinateSystem != null) b.append("坐标系=").append(coordinateSystem).append('\n');
        b.append("几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n");
        b.append("带号=").append(headerZone == null ? zone : headerZone).append('\n');
        b.append("精度=0.001\n转换参数=,,,,,,\n");
        b.append(sp).append("[地块坐标]\n");
        for (int i = 0; i < plots.size(); i++) b.append(render(i, plots.get(i).name(), plots.get(i).declaredHa(), plots.get(i).rings()));
        return b.toString();
    }

    /** Rectangle ring {w,s, e,s, e,n, w,n} counter-clockwise. */
    public static double[] rect(double w, double s, double e, double n) {
        return new double[] {w, s, e, s, e, n, w, n};
    }

    /** Same rectangle clockwise (the orientation holes usually have in survey files). */
    public static double[] rectClockwise(double w, double s, double e, double n) {
        return new double[] {w, s, w, n, e, n, e, s};
    }
}
