package cn.ecozone.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * Plane measures in a CGCS2000 3-degree Gauss-Krüger zone (what surveyors' software reports beside the
 * ellipsoidal area). Input: EPSG:4490 lon/lat geometry.
 */
public final class GaussKrugerMeasure {
    private GaussKrugerMeasure() {}

    /** The zone of the geometry's centroid (a site straddling two zones is measured in the zone of its centre). */
    public static GkZone zoneOf(Geometry lonLat) {
        return GkZone.ofLongitude(lonLat.getEnvelopeInternal().centre().x);
    }

    public static Geometry project(Geometry lonLat, GkZone zone) {
        return Transforms.apply(lonLat, Cgcs2000.EPSG, zone.epsgWithPrefix());
    }

    /** Plane area in m² in the given zone. */
    public static double area(Geometry lonLat, GkZone zone) {
        return project(lonLat, zone).getArea();
    }

    /** Plane perimeter (or length) in m in the given zone. */
    public static double length(Geometry lonLat, GkZone zone) {
        return project(lonLat, zone).getLength();
    }
}
