package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.geo.Transforms;
import cn.ecozone.io.BoundaryPoint;
import cn.ecozone.io.SiteParcel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's 界址点坐标表: each parcel's points with X (northing) and Y (easting) in metres of a Gauss-Krüger zone —
 * as the boundary-point file lists them, or, for GeoJSON and WKT sites, projected into the site's own 3° zone (with
 * zone prefix) and numbered J1, J2 … per ring. At most {@link #MAX_ROWS} rows; the rest is counted, not printed.
 */
public final class BoundaryPointTable {
    public static final int MAX_ROWS = 400;

    /** @param caption e.g. "CGCS2000 3 度带第 38 带（EPSG:4526），坐标取自界址点文件" */
    public record Table(String caption, List<String[]> rows, int omitted) {}

    private BoundaryPointTable() {}

    public static Table of(List<SiteParcel> parcels, SiteCheckResult r) {
        return of(parcels, r, ReportLanguage.ZH);
    }

    /** The table with its caption in the report's language. */
    public static Table of(List<SiteParcel> parcels, SiteCheckResult r, ReportLanguage lang) {
        List<String[]> rows = new ArrayList<>();
        int total = 0;
        boolean fromFile = !parcels.isEmpty() && parcels.stream().allMatch(p -> !p.points().isEmpty());
        int epsg = fromFile ? parcels.get(0).pointsEpsg() : r.site().gkEpsg();
        for (SiteParcel p : parcels) {
            List<BoundaryPoint> points = fromFile ? p.points() : projected(p.geometry(), r.site().gkEpsg());
            for (BoundaryPoint b : points) {
                total++;
                if (rows.size() < MAX_ROWS) {
                    rows.add(new String[] {p.name(), b.id(), String.valueOf(b.ring()), String.format(Locale.ROOT, "%.3f", b.x()),
                            String.format(Locale.ROOT, "%.3f", b.y())});
                }
            }
        }
        String caption = lang == ReportLanguage.EN
                ? "CGCS2000 Gauss-Krüger projection (EPSG:" + epsg + "), metres; " + (fromFile ? "coordinates as in the boundary-point file"
                        : "coordinates converted from the uploaded longitude and latitude into the site's 3° zone (Y includes the zone number)")
                : "CGCS2000 高斯-克吕格投影（EPSG:" + epsg + "），单位：米；"
                        + (fromFile ? "坐标取自界址点文件" : "坐标由上传的经纬度换算至地块所在 3 度带（Y 含带号）");
        return new Table(caption, rows, total - rows.size());
    }

    private static List<BoundaryPoint> projected(Geometry lonLat, int epsg) {
        Geometry g = Transforms.apply(lonLat, 4490, epsg);
        List<BoundaryPoint> out = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon poly = (Polygon) g.getGeometryN(i);
            for (int k = 0; k <= poly.getNumInteriorRing(); k++) {
                LineString ring = k == 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k - 1);
                Coordinate[] cs = ring.getCoordinates();
                // the closing point repeats the first: numbered once, as surveyors list it
                for (int j = 0; j < cs.length - 1; j++) out.add(new BoundaryPoint("J" + (++n), k + 1, cs[j].y, cs[j].x));
            }
        }
        return out;
    }
}
