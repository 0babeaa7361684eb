package cn.ecozone.layer;

import org.locationtech.jts.geom.Envelope;

import java.lang.reflect.Field;

/**
 * A memory layer's index walked by JTS's own walk and by the packed one, for the A/B harness in another package
 * ({@code SiteGeometryProfile}): the number of items and their vertices, as {@code SiteCost}'s footprint counts them.
 */
public final class TreeWalkVariants {
    private TreeWalkVariants() {}

    public static SortedSTRtree treeOf(FeatureSource source) throws ReflectiveOperationException {
        Field f = MemoryFeatureSource.class.getDeclaredField("index");
        f.setAccessible(true);
        return (SortedSTRtree) f.get(source);
    }

    /** {items, vertices} met by JTS's walk of the box. */
    public static long[] jts(Object tree, Envelope box) {
        long[] nv = new long[2];
        ((SortedSTRtree) tree).jtsQuery(box, item -> {
            nv[0]++;
            nv[1] += ((IndexedFeature) item).vertices();
        });
        return nv;
    }

    /** {items, vertices} met by the packed walk of the box. */
    public static long[] packed(Object tree, Envelope box) {
        long[] nv = new long[2];
        ((SortedSTRtree) tree).query(box, item -> {
            nv[0]++;
            nv[1] += ((IndexedFeature) item).vertices();
        });
        return nv;
    }
}
