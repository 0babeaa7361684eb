package cn.ecozone.layer;

import cn.ecozone.tiles.TileRequest;
import cn.ecozone.tiles.WebMercatorQuad;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Pre-generalised copies of a layer, one per grid level ({@link #level}: zooms 0–7 at extent 512 use levels −3–4),
 * built lazily the first time a tile on that grid is asked for and kept per layer version (a source whose
 * {@link FeatureSource#version()} changed gets new copies; the old ones go with the old version). A copy holds each
 * polygon's rings already projected to Web Mercator and snapped to the level's global grid, with repeated points and
 * there-and-back spikes dropped, and marks polygons that round to no area — exactly the rounding a tile on that grid
 * applies, done once instead of per tile. A tile then only shifts the integers by its offset and clips, so a national
 * tile touches the few vertices left on its grid instead of projecting every source vertex. Shared boundaries stay
 * closed: a vertex shared by two polygons snaps to the same grid point in both. Points are not copied (the exact path
 * handles them). Packed in flat int arrays ({@link Copy}).
 */
final class LowZoomCopies {
    /**
     * Grid levels kept: level l is the global grid of zoom l at extent {@value TileRequest#EXTENT}, i.e. of zoom
     * l + 3 at extent 512 ({@link #level}). Levels {@value #MIN_LEVEL}–{@value #MAX_ZOOM} are made from the copies.
     */
    static final int MAX_ZOOM = 7, MIN_LEVEL = -4;
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);
    private static final Map<FeatureSource, LowZoomCopies> BY_SOURCE = Collections.synchronizedMap(new WeakHashMap<>());

    private final String version;
    private final AtomicReferenceArray<Copy> byZoom = new AtomicReferenceArray<>(MAX_ZOOM - MIN_LEVEL + 1);

    private LowZoomCopies(String version) {
        this.version = version;
    }

    /**
     * One layer on one grid level, packed in a few arrays (no object per feature or ring: at national scale the
     * per-feature objects had cost more than the vertices): the polygonal features in id order, for each its range
     * of rings, for each ring its range of x, y pairs in {@code coords} (global grid units, open rings) and whether it
     * starts a polygon (a shell; holes follow it). A feature with no rings rounds to no area on this grid.
     */
    static final class Copy {
        private final IndexedFeature[] order;
        private final int[] firstRing;
        private final int[] ringStart;
        private final java.util.BitSet shells;
        final int[] coords;
        /** {@link #order} is the layer's own array (not counted in {@link #bytes()}). */
        private final boolean sharedOrder;

        private Copy(IndexedFeature[] order, boolean sharedOrder, int[] firstRing, int[] ringStart, java.util.BitSet shells, int[] coords) {
            this.order = order;
            this.sharedOrder = sharedOrder;
            this.firstRing = firstRing;
            this.ringStart = ringStart;
            this.shells = shells;
            this.coords = coords;
        }

        /** The feature's position in this copy, or -1 when it is not in it (points, other sources). */
        int indexOf(IndexedFeature f) {
            int o = f.ordinal(); // the position in its layer's id order: the same here when every feature is polygonal
            if (o >= 0 && o < order.length && order[o] == f) return o;
            int lo = 0, hi = order.length - 1;
            String id = f.id();
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = FeatureOrder.IDS.compare(order[mid].id(), id);
                if (c < 0) lo = mid + 1;
                else if (c > 0) hi = mid - 1;
                else return order[mid] == f ? mid : -1;
            }
            return -1;
        }

        /** True when feature i rounds to no area on this grid. */
        boolean nothing(int i) {
            return firstRing[i] == firstRing[i + 1];
        }

        int firstRing(int i) {
            return firstRing[i];
        }

        int endRing(int i) {
            return firstRing[i + 1];
        }

        boolean shell(int ring) {
            return shells.get(ring);
        }

        /** Offset in {@link #coords} of the ring's first x. */
        int start(int ring) {
            return ringStart[ring];
        }

        /** Offset in {@link #coords} just past the ring's last y. */
        int end(int ring) {
            return ringStart[ring + 1];
        }

        int features() {
            return order.length;
        }

        /** Bytes of the arrays (references counted as 8), for the memory benchmark. */
        long bytes() {
            return (sharedOrder ? 0 : 8L * order.length) + 4L * firstRing.length + 4L * ringStart.length + shells.size() / 8 + 4L * coords.length + 5 * 16;
        }
    }

    /**
     * The grid level of tiles of zoom z with this extent (a power of two), or {@link Integer#MIN_VALUE} when no copy
     * serves them (another extent, or a grid finer than level {@value #MAX_ZOOM}).
     */
    static int level(int z, int extent) {
        if (extent <= 0 || Integer.bitCount(extent) != 1) return Integer.MIN_VALUE;
        int l = z + Integer.numberOfTrailingZeros(extent) - Integer.numberOfTrailingZeros(TileRequest.EXTENT);
        return l >= MIN_LEVEL && l <= MAX_ZOOM ? l : Integer.MIN_VALUE;
    }

    /**
     * The copy of the source at grid level z ({@value TileRequest#EXTENT}·2^z grid units a side), built on first use.
     */
    static Copy of(FeatureSource source, int z) {
        if (z < MIN_LEVEL || z > MAX_ZOOM) throw new IllegalArgumentException("grid level " + z);
        String v = source.version();
        LowZoomCopies c;
        synchronized (BY_SOURCE) {
            c = BY_SOURCE.get(source);
            if (c == null || !c.version.equals(v)) {
                c = new LowZoomCopies(v);
                BY_SOURCE.put(source, c);
            }
        }
        Copy m = c.byZoom.get(z - MIN_LEVEL);
        if (m != null) return m;
        synchronized (c) {
            m = c.byZoom.get(z - MIN_LEVEL);
            if (m == null) {
                m = build(source, z);
                c.byZoom.set(z - MIN_LEVEL, m);
            }
        }
        return m;
    }

    /**
     * Lets the source's copy of grid level z go (it is built again if a tile on that grid is asked for): once the
     * tiles made from it are kept elsewhere (the tile warm-up's), holding it as well is a second copy of the same picture.
     */
    static void release(FeatureSource source, int z) {
        if (z < MIN_LEVEL || z > MAX_ZOOM) return;
        LowZoomCopies c = BY_SOURCE.get(source);
        if (c != null && c.version.equals(source.version())) {
            synchronized (c) {
                c.byZoom.set(z - MIN_LEVEL, null);
            }
        }
    }

    /** Forgets every copy (tests, memory measurements). */
    static void clear() {
        BY_SOURCE.clear();
    }

    /** The bytes held by every copy made so far (the memory benchmark). */
    static long bytes() {
        long b = 0;
        synchronized (BY_SOURCE) {
            for (LowZoomCopies c : BY_SOURCE.values()) {
                for (int i = 0; i < c.byZoom.length(); i++) {
                    Copy m = c.byZoom.get(i);
                    if (m != null) b += m.bytes();
                }
            }
        }
        return b;
    }

    /** The polygonal features of the source in id order: the source's own array when every feature is polygonal. */
    private static IndexedFeature[] polygonal(FeatureSource source) {
        if (source instanceof MemoryFeatureSource m) {
            IndexedFeature[] all = m.indexedInOrder();
            boolean every = true;
            for (IndexedFeature f : all) if (f.geometry().getDimension() != 2) every = false;
            if (every) return all; // shared by every level (not changed by anyone)
        }
        List<IndexedFeature> features = new java.util.ArrayList<>();
        for (IndexedFeature f : source.candidates(WORLD)) if (f.geometry().getDimension() == 2) features.add(f); // points: exact path
        features.sort(java.util.Comparator.comparing(IndexedFeature::id, FeatureOrder.IDS));
        return features.toArray(IndexedFeature[]::new);
    }

    private static Copy build(FeatureSource source, int z) {
        double scale = Math.scalb((double) TileRequest.EXTENT, z) / WebMercatorQuad.WORLD_SIZE;
        IndexedFeature[] order = polygonal(source);
        int[] firstRing = new int[order.length + 1];
        IntList ringStart = new IntList(order.length * 2 + 1);
        IntList coords = new IntList(1 << 16);
        java.util.BitSet shells = new java.util.BitSet();
        int rings = 0;
        int[] buf = new int[64];
        for (int i = 0; i < order.length; i++) {
            firstRing[i] = rings;
            Geometry g = order[i].geometry();
            for (int k = 0; k < g.getNumGeometries(); k++) {
                if (!(g.getGeometryN(k) instanceof Polygon p)) continue;
                CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
                if (buf.length < 2 * shell.size()) buf = new int[2 * shell.size()];
                int n = ring(shell, scale, buf);
                if (n == 0) continue;
                shells.set(rings);
                ringStart.add(coords.size());
                coords.addAll(buf, n);
                rings++;
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    CoordinateSequence hole = p.getInteriorRingN(h).getCoordinateSequence();
                    if (buf.length < 2 * hole.size()) buf = new int[2 * hole.size()];
                    n = ring(hole, scale, buf);
                    if (n == 0) continue;
                    ringStart.add(coords.size());
                    coords.addAll(buf, n);
                    rings++;
                }
            }
        }
        firstRing[order.length] = rings;
        ringStart.add(coords.size());
        return new Copy(order, source instanceof MemoryFeatureSource m && order == m.indexedInOrder(), firstRing, ringStart.toArray(), shells, coords.toArray());
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a;
        private int n;

        IntList(int capacity) {
            a = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        void addAll(int[] v, int count) {
            if (n + count > a.length) a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + count));
            System.arraycopy(v, 0, a, n, count);
            n += count;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /**
     * A ring projected and snapped to the global grid, repeats and spikes dropped (open: no closing point), written
     * to {@code xy} from 0; returns the number of ints written (2 per vertex), 0 when degenerate.
     */
    private static int ring(CoordinateSequence cs, double scale, int[] xy) {
        int n = cs.size();
        if (n > 1 && cs.getX(0) == cs.getX(n - 1) && cs.getY(0) == cs.getY(n - 1)) n--;
        int k = 0;
        for (int i = 0; i < n; i++) {
            int x = (int) Math.rint((WebMercatorQuad.x(cs.getX(i)) + WebMercatorQuad.HALF_WORLD) * scale);
            int y = (int) Math.rint((WebMercatorQuad.HALF_WORLD - WebMercatorQuad.y(cs.getY(i))) * scale);
            if (k > 0 && xy[2 * k - 2] == x && xy[2 * k - 1] == y) continue;
            if (k > 1 && xy[2 * k - 4] == x && xy[2 * k - 3] == y) {
                k--;
                continue;
            }
            xy[2 * k] = x;
            xy[2 * k + 1] = y;
            k++;
        }
        int s = 0;
        boolean changed = true;
        while (changed && k - s >= 3) {
            changed = false;
            if (xy[2 * s] == xy[2 * k - 2] && xy[2 * s + 1] == xy[2 * k - 1]) {
                k--;
                changed = true;
            } else if (xy[2 * k - 4] == xy[2 * s] && xy[2 * k - 3] == xy[2 * s + 1]) {
                k--;
                changed = true;
            } else if (xy[2 * s + 2] == xy[2 * k - 2] && xy[2 * s + 3] == xy[2 * k - 1]) {
                s++;
                changed = true;
            }
        }
        if (k - s < 3) return 0;
        if (s > 0) System.arraycopy(xy, 2 * s, xy, 0, 2 * (k - s));
        return 2 * (k - s);
    }
}
