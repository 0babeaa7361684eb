package cn.ecozone.io;

import org.locationtech.jts.geom.Geometry;

/**
 * One parcel (地块) of a project site.
 *
 * @param name the parcel's name or number as the file gives it
 * @param geometry Polygon or MultiPolygon, EPSG:4490, x = longitude, y = latitude
 * @param declaredHa the area the file declares, in 公顷, or null when it declares none
 */
public record SiteParcel(String name, Geometry geometry, Double declaredHa) {}
