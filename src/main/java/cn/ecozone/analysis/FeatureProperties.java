package cn.ecozone.analysis;

import cn.ecozone.layer.FeatureTypes;
import org.geotools.api.feature.Property;
import org.geotools.api.feature.simple.SimpleFeature;

import java.util.LinkedHashMap;
import java.util.Map;

/** A feature's attributes without its geometry, in schema order, for results. */
final class FeatureProperties {
    private FeatureProperties() {}

    static Map<String, Object> of(SimpleFeature f) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Property p : f.getProperties()) {
            String name = p.getName().getLocalPart();
            if (!name.equals(FeatureTypes.GEOMETRY) && p.getValue() != null) m.put(name, p.getValue());
        }
        return m;
    }

    static String name(SimpleFeature f, String nameProperty) {
        Object v = nameProperty == null ? null : f.getAttribute(nameProperty);
        return v == null ? f.getID() : String.valueOf(v);
    }
}
