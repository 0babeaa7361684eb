package cn.ecozone.io;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * One parcel (地块) of a project site.
 *
 * @param name the parcel's name or number as the file gives it
 * @param geometry Polygon or MultiPolygon, EPSG:4490, x = longitude, y = latitude
 * @param declaredHa the area the file declares, in 公顷, or null when it declares none
 * @param points the 界址点 as a boundary-point file lists them (empty for GeoJSON and WKT), for the report's table
 * @param pointsEpsg the Gauss-Krüger CRS of {@code points} (0 when there are none)
 */
public record SiteParcel(String name, Geometry geometry, Double declaredHa, List<BoundaryPoint> points, int pointsEpsg) {
    public SiteParcel {
        points = List.copyOf(points);
    }

    public SiteParcel(String name, Geometry geometry, Double declaredHa) {
        this(name, geometry, declaredHa, List.of(), 0);
    }
}
