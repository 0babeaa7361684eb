package cn.ecozone.layer;

import org.geotools.api.filter.Filter;
import org.locationtech.jts.geom.Envelope;

import java.util.List;

/**
 * What to read from a layer. Coordinates are EPSG:4490 lon/lat.
 *
 * @param bbox envelope the feature's geometry must intersect, or null
 * @param filter GeoTools filter over the feature's attributes and geometry, or {@link Filter#INCLUDE}
 * @param sortBy sort keys; features are otherwise in id order, so paging is stable
 * @param limit at most this many features (Long.MAX_VALUE: all)
 */
public record FeatureQuery(Envelope bbox, Filter filter, List<SortKey> sortBy, long offset, long limit) {
    public FeatureQuery {
        filter = filter == null ? Filter.INCLUDE : filter;
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, Filter.INCLUDE, List.of(), 0, Long.MAX_VALUE);
    }

    public FeatureQuery page(long newOffset, long newLimit) {
        return new FeatureQuery(bbox, filter, sortBy, newOffset, newLimit);
    }
}
