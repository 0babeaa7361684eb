package cn.ecozone.layer;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
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
 *
 * <p>Queries walk a packed copy of the built tree: every node's and item's box in one array of doubles, each node's
 * children side by side (their boxes read one after another instead of one {@code Envelope} object each, reached
 * through the child lists of {@code AbstractNode}s), visited in JTS's order — children in list order, depth first —
 * with JTS's test ({@link Envelope#intersects(Envelope)}), so a query answers the same items in the same order. The
 * index walk of a site check (its cost count, then the check itself) was 7.8 % of the request threads' CPU on the
 * national load, most of it pointer-chasing. {@code PackedTreeWalkTest} holds it to JTS's own walk.
 */
final class SortedSTRtree extends STRtree {
    private static final long serialVersionUID = 1L;

    SortedSTRtree() {
        super();
    }

    /** The packed tree (entry 0 the root; null until built, and after a removal: then JTS's own walk answers). */
    private transient volatile Packed packed;

    /**
     * The built tree in arrays: entry e has its box at 4e (minX, minY, maxX, maxY); a node's children are the entries
     * first[e] … first[e] + count[e] − 1 (count −1 for an item, whose object is items[e]).
     */
    private record Packed(double[] box, int[] first, int[] count, Object[] items) {}

    /** Set by a removal: JTS's own walk answers from then on (a removal changes the nodes in place). */
    private transient volatile boolean changed;

    @Override
    public synchronized void build() {
        super.build();
        if (packed == null && !changed) packed = pack(root); // the field: getRoot() would call build() again
    }

    @Override
    public synchronized boolean remove(Envelope itemEnv, Object item) {
        changed = true;
        packed = null;
        return super.remove(itemEnv, item);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List query(Envelope searchEnv) {
        Packed p = packed;
        if (p == null) return super.query(searchEnv);
        List matches = new ArrayList();
        walk(p, searchEnv, matches, null);
        return matches;
    }

    @Override
    public void query(Envelope searchEnv, ItemVisitor visitor) {
        Packed p = packed;
        if (p == null) {
            super.query(searchEnv, visitor);
            return;
        }
        walk(p, searchEnv, null, visitor);
    }

    /** JTS's walk: nothing for an empty tree; the root's box, then each child met, depth first, in list order. */
    @SuppressWarnings("rawtypes")
    private static void walk(Packed p, Envelope search, List matches, ItemVisitor visitor) {
        if (p.count[0] == 0 || search.isNull()) return; // an empty tree; a null box meets nothing (Envelope.intersects)
        double minX = search.getMinX(), minY = search.getMinY(), maxX = search.getMaxX(), maxY = search.getMaxY();
        double[] box = p.box;
        if (minX > box[2] || maxX < box[0] || minY > box[3] || maxY < box[1]) return;
        walk(p, p.first[0], p.count[0], minX, minY, maxX, maxY, matches, visitor);
    }

    /** The children first … first + count − 1 of a node met by the box, in order; a node's own children before the next. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void walk(Packed p, int first, int count, double minX, double minY, double maxX, double maxY, List matches, ItemVisitor visitor) {
        double[] box = p.box;
        for (int e = first, end = first + count; e < end; e++) {
            int b = 4 * e;
            // Envelope.intersects: apart when the search box lies wholly beyond the child's box on some side
            if (minX > box[b + 2] || maxX < box[b] || minY > box[b + 3] || maxY < box[b + 1]) continue;
            int c = p.count[e];
            if (c < 0) {
                if (matches != null) matches.add(p.items[e]); else visitor.visitItem(p.items[e]);
            } else if (c > 0) {
                walk(p, p.first[e], c, minX, minY, maxX, maxY, matches, visitor);
            }
        }
    }

    /** The built tree in arrays, each node's children side by side (breadth first). */
    private static Packed pack(AbstractNode root) {
        List<Object> entries = new ArrayList<>();
        entries.add(root);
        List<Integer> firsts = new ArrayList<>(), counts = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            Object b = entries.get(e);
            if (b instanceof AbstractNode node) {
                List<?> children = node.getChildBoundables();
                firsts.add(entries.size());
                counts.add(children.size());
                entries.addAll(children);
            } else {
                firsts.add(0);
                counts.add(-1);
            }
        }
        int n = entries.size();
        double[] box = new double[4 * n];
        int[] first = new int[n], count = new int[n];
        Object[] items = new Object[n];
        for (int e = 0; e < n; e++) {
            Object b = entries.get(e);
            first[e] = firsts.get(e);
            count[e] = counts.get(e);
            if (b instanceof ItemBoundable item) items[e] = item.getItem();
            else if (!(b instanceof AbstractNode)) throw new IllegalStateException("unknown boundable " + b);
            Envelope env = (Envelope) ((Boundable) b).getBounds();
            // an empty root has no bounds: it is never walked (count 0)
            if (env == null) continue;
            box[4 * e] = env.getMinX();
            box[4 * e + 1] = env.getMinY();
            box[4 * e + 2] = env.getMaxX();
            box[4 * e + 3] = env.getMaxY();
        }
        return new Packed(box, first, count, items);
    }

    /** JTS's own walk of the same tree, for the test that holds the packed walk to it (and the A/B harness). */
    @SuppressWarnings("rawtypes")
    List jtsQuery(Envelope searchEnv) {
        return super.query(searchEnv);
    }

    /** As {@link #jtsQuery(Envelope)}, with a visitor. */
    void jtsQuery(Envelope searchEnv, ItemVisitor visitor) {
        super.query(searchEnv, visitor);
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
