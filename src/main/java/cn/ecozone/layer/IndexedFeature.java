package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/** A feature with its prepared geometry, for fast repeated intersection tests in the analyses. */
public record IndexedFeature(SimpleFeature feature, PreparedGeometry prepared) {
    public String id() {
        return feature.getID();
    }

    public Geometry geometry() {
        return prepared.getGeometry();
    }
}
