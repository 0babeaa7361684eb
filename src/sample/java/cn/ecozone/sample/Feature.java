package cn.ecozone.sample;

import org.locationtech.jts.geom.Geometry;

import java.util.Map;
import java.util.TreeMap;

/** A GeoJSON feature: its id, its properties (kept sorted by key) and its geometry. */
record Feature(String id, Map<String, Object> properties, Geometry geometry) {
    Feature {
        properties = new TreeMap<>(properties);
    }

    Object get(String key) {
        return properties.get(key);
    }
}
