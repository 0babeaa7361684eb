package cn.ecozone.sample;

import org.locationtech.jts.geom.Geometry;

/** One county-level district of the sample: code, name, city and outline. */
record District(String code, String name, String city, String abbr, Geometry geometry) {
    District withGeometry(Geometry g) {
        return new District(code, name, city, abbr, g);
    }
}
