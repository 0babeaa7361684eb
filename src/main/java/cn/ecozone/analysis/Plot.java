package cn.ecozone.analysis;

import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plot to measure: its id, its geometry (EPSG:4490, x = longitude, y = latitude) and its attributes
 * (mine, status, declared area …) in schema order.
 */
public record Plot(String id, Geometry geometry, Map<String, Object> attributes) {
    public Plot {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Object attribute(String name) {
        return name == null ? null : attributes.get(name);
    }

    /** Every feature of a layer as plots, in id order. */
    public static List<Plot> of(FeatureSource source) {
        try (var s = source.query(FeatureQuery.all())) {
            return s.map(f -> of(f, source.layer().attributes())).toList();
        }
    }

    public static Plot of(SimpleFeature f, List<AttributeDef> schema) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (AttributeDef a : schema) {
            Object v = f.getAttribute(a.name());
            if (v != null) attrs.put(a.name(), v);
        }
        return new Plot(f.getID(), (Geometry) f.getDefaultGeometry(), attrs);
    }
}
