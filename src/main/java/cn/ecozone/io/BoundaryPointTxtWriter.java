package cn.ecozone.io;

import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.geo.GkZone;
import cn.ecozone.geo.Transforms;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes a site as a 国土 boundary-point file (界址点坐标 TXT) that {@link BoundaryPointTxtReader} reads back:
 * CGCS2000, the 3° Gauss-Krüger zone of the site's centre, X = northing (7 integer digits), Y = easting with the
 * 2-digit zone prefix; outer ring 圈号 1, holes 2, 3 …, in the site's own orientation; each ring closes by repeating
 * its first point. Each polygon of a
 * parcel is one plot (a plot has one outer ring). The plot line's 面积 is the measured ellipsoidal area in 公顷.
 *
 * <p>Coordinates carry 5 decimals (0.01 mm), two more than the usual 0.001 m, so the file re-reads to the site's area
 * within 0.01 m² even for sites of tens of hectares (mm rounding alone moves a 60 ha site's area by ~0.1 m²).
 */
public final class BoundaryPointTxtWriter {
    public static final int DECIMALS = 5;

    private BoundaryPointTxtWriter() {}

    /** The zone the site is written in: the one whose central meridian is nearest its centre. */
    public static GkZone zoneOf(Geometry lonLat) {
        return GkZone.ofLongitude(lonLat.getEnvelopeInternal().centre().x);
    }

    public static String write(SiteInput site) {
        GkZone zone = zoneOf(site.geometry());
        int epsg = zone.epsgWithPrefix();
        StringBuilder b = new StringBuilder();
        b.append(BoundaryPointTxtReader.ATTRIBUTES).append('\n');
        b.append("格式版本号=1.01\n数据产生单位=EcoZone\n数据产生日期=").append(LocalDate.now()).append('\n');
        b.append("坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n");
        b.append("带号=").append(zone.number()).append('\n');
        b.append("精度=0.").append("0".repeat(DECIMALS - 1)).append("1\n转换参数=,,,,,,\n");
        b.append(BoundaryPointTxtReader.PLOTS).append('\n');
        int plotNo = 0;
        for (SiteParcel parcel : site.parcels()) {
            Geometry g = parcel.geometry();
            for (int k = 0; k < g.getNumGeometries(); k++) {
                Polygon lonLat = (Polygon) g.getGeometryN(k);
                Polygon gk = (Polygon) Transforms.apply(lonLat, 4490, epsg);
                String name = parcel.name() == null || parcel.name().isBlank() ? site.name() : parcel.name();
                if (g.getNumGeometries() > 1) name = name + "-" + (k + 1);
                StringBuilder points = new StringBuilder();
                int count = 0, id = 1;
                for (int r = 0; r <= gk.getNumInteriorRing(); r++) {
                    LinearRing ring = r == 0 ? gk.getExteriorRing() : gk.getInteriorRingN(r - 1);
                    Coordinate[] cs = ring.getCoordinates();
                    int first = id;
                    for (int i = 0; i < cs.length; i++) {
                        boolean closing = i == cs.length - 1;
                        String f = "J%d,%d,%." + DECIMALS + "f,%." + DECIMALS + "f\n";
                        points.append(String.format(Locale.ROOT, f, closing ? first : id++, r + 1, cs[i].y, cs[i].x));
                        count++;
                    }
                }
                double ha = AreaOfRecord.m2(lonLat) / 10_000;
                b.append(String.format(Locale.ROOT, "%d,%.4f,%d,%s,面,,,,@%n", count, ha, ++plotNo, clean(name)));
                b.append(points);
            }
        }
        return b.toString();
    }

    /** Names go in a comma-separated line ending in @. */
    private static String clean(String name) {
        return name == null ? "" : name.replace(',', '，').replace("@", "").replace('\n', ' ').replace('\r', ' ');
    }
}
