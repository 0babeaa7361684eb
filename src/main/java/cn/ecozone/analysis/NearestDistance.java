package cn.ecozone.analysis;

import cn.ecozone.geo.EllipsoidalMeasure;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Shortest distance in metres on the CGCS2000 ellipsoid between the boundaries of a site and of a zone that does
 * not overlap it (EPSG:4490 lon/lat; a zone inside a hole of the site is measured to the hole's edge). The
 * nearest pair of points is found in a local plane where a degree of longitude is shrunk by cos(latitude), so
 * the plane is nearly true-to-scale around the site; their distance is then measured geodesically (Karney).
 * Never a distance in degrees.
 */
final class NearestDistance {
    private static final double M_PER_DEG_LAT_MIN = 110_500;
    private final double cosLat;
    private final AffineTransformation toPlane;
    private final IndexedFacetDistance siteFacets;
    private final Envelope siteEnvelope;

    NearestDistance(Geometry site) {
        this.siteEnvelope = site.getEnvelopeInternal();
        this.cosLat = Math.cos(Math.toRadians(siteEnvelope.centre().y));
        this.toPlane = AffineTransformation.scaleInstance(cosLat, 1);
        // the site's edges are indexed once, so each zone costs O(m log n) instead of DistanceOp's O(m·n)
        this.siteFacets = new IndexedFacetDistance(toPlane.transform(site));
    }

    double metres(Geometry zone) {
        Coordinate[] near = siteFacets.nearestPoints(toPlane.transform(zone));
        Coordinate a = new Coordinate(near[0].x / cosLat, near[0].y);
        Coordinate b = new Coordinate(near[1].x / cosLat, near[1].y);
        return EllipsoidalMeasure.distance(a, b);
    }

    /** The site's envelope grown by at least {@code metres} on every side (lon/lat degrees). */
    Envelope searchEnvelope(double metres) {
        double maxAbsLat = Math.min(89, Math.max(Math.abs(siteEnvelope.getMinY()), Math.abs(siteEnvelope.getMaxY())) + 0.1);
        double dLat = metres / M_PER_DEG_LAT_MIN * 1.01;
        double dLon = metres / (M_PER_DEG_LAT_MIN * Math.cos(Math.toRadians(maxAbsLat))) * 1.01;
        Envelope e = new Envelope(siteEnvelope);
        e.expandBy(dLon, dLat);
        return e;
    }
}
