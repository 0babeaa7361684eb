package cn.ecozone.layer;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JTS's {@link STRtree}, built faster: the same tree, node for node (so every query answers the same items in the same
 * order), with its two sorts — boundables by the x of their centre, then each vertical slice by the y — done on
 * primitive keys instead of with comparators over a list of objects. Building the index of a national layer was a
 * fifth of the Java time of a start from snapshots, and the comparator sorts were among the largest JIT compilations.
 *
 * <p>The order is exactly JTS's: its sort is stable (ties keep the order they came in) and compares centres as
 * doubles, {@code -0.0} equal to {@code 0.0}; here each boundable's key is the rank of its centre among the distinct
 * centres, and ties are broken by position.
 */
final class SortedSTRtree extends STRtree {
    private static final long serialVersionUID = 1L;

    SortedSTRtree() {
        super();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List createParentBoundables(List childBoundables, int newLevel) {
        if (childBoundables.isEmpty()) return super.createParentBoundables(childBoundables, newLevel); // JTS's assertion
        int minLeafCount = (int) Math.ceil(childBoundables.size() / (double) getNodeCapacity());
        List sorted = sorted(childBoundables, true);
        List[] slices = verticalSlices(sorted, (int) Math.ceil(Math.sqrt(minLeafCount)));
        List parents = new ArrayList();
        for (List slice : slices) parents.addAll(createParentBoundablesFromVerticalSlice(slice, newLevel));
        return parents;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List createParentBoundablesFromVerticalSlice(List childBoundables, int newLevel) {
        if (childBoundables.isEmpty()) return super.createParentBoundablesFromVerticalSlice(childBoundables, newLevel);
        List parents = new ArrayList();
        parents.add(createNode(newLevel));
        for (Object child : sorted(childBoundables, false)) {
            if (lastNode(parents).getChildBoundables().size() == getNodeCapacity()) parents.add(createNode(newLevel));
            lastNode(parents).addChildBoundable((Boundable) child);
        }
        return parents;
    }

    /** The boundables by the x (else y) of their centre, ties in the order given: what JTS's stable sort gives. */
    private static List<Object> sorted(List<?> items, boolean byX) {
        int n = items.size();
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            Envelope e = (Envelope) ((Boundable) items.get(i)).getBounds();
            // JTS: centre = avg(min, max) = (min + max) / 2; + 0.0 makes -0.0 the 0.0 it compares equal to
            key[i] = (byX ? (e.getMinX() + e.getMaxX()) / 2d : (e.getMinY() + e.getMaxY()) / 2d) + 0.0;
        }
        double[] distinct = key.clone();
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < n; i++) if (m == 0 || distinct[i] != distinct[m - 1]) distinct[m++] = distinct[i];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) order[i] = ((long) Arrays.binarySearch(distinct, 0, m, key[i]) << 32) | i;
        Arrays.sort(order);
        List<Object> out = new ArrayList<>(n);
        for (long o : order) out.add(items.get((int) o));
        return out;
    }
}
