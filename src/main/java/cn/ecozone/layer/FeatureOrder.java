package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;

import java.util.Comparator;
import java.util.List;

/** Orders of features: ids in code-point order (as PostgreSQL's "C" collation), and by sort keys with nulls last. */
public final class FeatureOrder {
    /** Plain code-point order, so that paging is the same in memory and in PostGIS ({@code COLLATE "C"}). */
    public static final Comparator<String> IDS = Comparator.naturalOrder();

    private FeatureOrder() {}

    public static Comparator<SimpleFeature> by(List<SortKey> keys) {
        Comparator<SimpleFeature> c = null;
        for (SortKey k : keys) {
            Comparator<SimpleFeature> one = (a, b) -> compareValues(value(a, k.property()), value(b, k.property()));
            if (k.descending()) one = one.reversed();
            c = c == null ? one : c.thenComparing(one);
        }
        Comparator<SimpleFeature> byId = Comparator.comparing(SimpleFeature::getID, IDS);
        return c == null ? byId : c.thenComparing(byId);
    }

    private static Object value(SimpleFeature f, String property) {
        return property.equals("id") ? f.getID() : f.getAttribute(property);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) return ca.compareTo(b);
        return a.toString().compareTo(b.toString());
    }
}
