package cn.ecozone.accesslist;

import java.util.List;
import java.util.Map;

/**
 * The zones a rule attaches to: features of {@code collection} whose attributes match (each key → the accepted values,
 * compared as text; an empty match takes every feature of the collection).
 */
public record ZoneSelector(String collection, Map<String, List<String>> match) {
    public ZoneSelector {
        match = Map.copyOf(match);
    }

    public boolean matches(String featureCollection, Map<String, Object> properties) {
        if (!collection.equals(featureCollection)) return false;
        for (Map.Entry<String, List<String>> m : match.entrySet()) {
            Object v = properties.get(m.getKey());
            if (v == null || !m.getValue().contains(String.valueOf(v))) return false;
        }
        return true;
    }
}
