package cn.ecozone.tiles;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Pre-generalised copies of a layer for zooms 0–{@value #MAX_ZOOM}, one per zoom, built lazily the first time a tile of
 * that zoom is asked for and kept per layer version (a source whose {@link FeatureSource#version()} changed gets new
 * copies; the old ones go with the old version). A copy holds each polygon's rings already projected to Web Mercator
 * and snapped to that zoom's global tile grid (extent {@value TileRequest#EXTENT} per tile), with repeated points and
 * there-and-back spikes dropped, and polygons that round to no area left out — exactly the rounding a tile of that zoom
 * applies, done once instead of per tile. A tile then only shifts the integers by its offset and clips, so a z 4 tile
 * touches the few vertices left on the z 4 grid instead of projecting every source vertex. Shared boundaries stay
 * closed: a vertex shared by two polygons snaps to the same grid point in both. Points are not copied (the exact path
 * handles them).
 */
final class LowZoomCopies {
    /**
     * Grid levels kept: level l is the global grid of zoom l at extent {@value TileRequest#EXTENT}, i.e. of zoom
     * l + 3 at extent 512 ({@link #level}). Levels {@value #MIN_LEVEL}–{@value #MAX_ZOOM} are made from the copies.
     */
    static final int MAX_ZOOM = 7, MIN_LEVEL = -4;
    /** Marks a feature that rounds to no area at the copy's zoom: it is left out of that zoom's tiles. */
    static final int[][][] NOTHING = new int[0][][];
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);
    private static final Map<FeatureSource, LowZoomCopies> BY_SOURCE = Collections.synchronizedMap(new WeakHashMap<>());

    private final String version;
    private final AtomicReferenceArray<Map<IndexedFeature, int[][][]>> byZoom = new AtomicReferenceArray<>(MAX_ZOOM - MIN_LEVEL + 1);

    private LowZoomCopies(String version) {
        this.version = version;
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
     * The copy of the source at grid level z (feature → polygon parts → rings of x, y pairs in global grid units:
     * {@value TileRequest#EXTENT}·2^z a side), built on first use.
     */
    static Map<IndexedFeature, int[][][]> of(FeatureSource source, int z) {
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
        Map<IndexedFeature, int[][][]> m = c.byZoom.get(z - MIN_LEVEL);
        if (m != null) return m;
        synchronized (c) {
            m = c.byZoom.get(z - MIN_LEVEL);
            if (m == null) {
                m = build(source.candidates(WORLD), z);
                c.byZoom.set(z - MIN_LEVEL, m);
            }
        }
        return m;
    }

    /** Forgets every copy (tests, memory measurements). */
    static void clear() {
        BY_SOURCE.clear();
    }

    private static Map<IndexedFeature, int[][][]> build(List<IndexedFeature> features, int z) {
        double scale = Math.scalb((double) TileRequest.EXTENT, z) / WebMercatorQuad.WORLD_SIZE;
        Map<IndexedFeature, int[][][]> out = new IdentityHashMap<>(features.size() * 2);
        for (IndexedFeature f : features) {
            Geometry g = f.geometry();
            if (g.getDimension() != 2) continue; // points: exact path
            int[][][] parts = new int[g.getNumGeometries()][][];
            int kept = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!(g.getGeometryN(i) instanceof Polygon p)) continue;
                int[] shell = ring(p.getExteriorRing().getCoordinateSequence(), scale);
                if (shell == null) continue;
                int[][] rings = new int[1 + p.getNumInteriorRing()][];
                rings[0] = shell;
                int n = 1;
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    int[] hole = ring(p.getInteriorRingN(h).getCoordinateSequence(), scale);
                    if (hole != null) rings[n++] = hole;
                }
                parts[kept++] = n == rings.length ? rings : java.util.Arrays.copyOf(rings, n);
            }
            out.put(f, kept == 0 ? NOTHING : kept == parts.length ? parts : java.util.Arrays.copyOf(parts, kept));
        }
        return out;
    }

    /** A ring projected and snapped to the global grid, repeats and spikes dropped (open: no closing point); null when degenerate. */
    private static int[] ring(CoordinateSequence cs, double scale) {
        int n = cs.size();
        if (n > 1 && cs.getX(0) == cs.getX(n - 1) && cs.getY(0) == cs.getY(n - 1)) n--;
        int[] xy = new int[2 * n];
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
        if (k - s < 3) return null;
        return java.util.Arrays.copyOfRange(xy, 2 * s, 2 * k);
    }
}
