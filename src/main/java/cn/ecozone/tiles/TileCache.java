package cn.ecozone.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Encoded tiles, least recently used first out, bounded by bytes: the tiles' lengths plus {@value #ENTRY_OVERHEAD} bytes
 * per entry for the key and map entry (empty tiles, answered 204, are cached too and cost only the overhead). The key
 * holds the layer, the layer's data version, the tile and the attributes carried, so a tile of an old version is never
 * served: an edit, reload or re-import changes the version (as it changes the ETag) and the old entries just age out.
 * Size: the setting {@code server.tile-cache-bytes} (env {@code ECOZONE_TILE_CACHE_BYTES}), default 64 MiB; 0 turns the
 * cache off. Thread-safe; a tile being made is not locked, so two
 * clients asking for the same cold tile at once may both make it (same bytes).
 * <p>
 * Tiles made with {@code keep} (the warm-up's: the national and provincial views of the web map) are not evicted by
 * other tiles, up to half the bound; they count in {@link #bytes()} like the others. A layer's kept tiles go when a
 * tile of another version of the layer is kept (its next warm-up) or when {@link #forget} is called.
 */
public final class TileCache {
    /** The default of {@code server.tile-cache-bytes} ({@code cn.ecozone.config.Setting} lists it from here). */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Bytes counted per entry besides the tile: key strings, record, map entry (a rough upper figure). */
    public static final int ENTRY_OVERHEAD = 200;
    private static final byte[] EMPTY = new byte[0];

    public record Key(String layer, String version, int z, int x, int y, List<String> properties) {}

    private final long maxBytes;
    private final LinkedHashMap<Key, byte[]> tiles = new LinkedHashMap<>(256, 0.75f, true);
    /** Tiles never evicted by others (at most half of {@link #maxBytes}). */
    private final java.util.HashMap<Key, byte[]> kept = new java.util.HashMap<>();
    private long bytes, keptBytes;
    private long hits, misses;

    public TileCache(long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    /** The cached tile for the key, or the tile made by {@code make} (then cached if it fits). */
    public byte[] get(Key key, Supplier<byte[]> make) {
        return get(key, make, false);
    }

    /**
     * As {@link #get(Key, Supplier)}; with {@code keep} a tile made (or found) here is held apart from the least recently
     * used ones, so other tiles do not evict it — while the kept tiles stay within half of {@link #maxBytes()}
     * (beyond that it is cached as any other). True when the tile is kept now.
     */
    public byte[] get(Key key, Supplier<byte[]> make, boolean keep) {
        if (maxBytes == 0) return make.get();
        synchronized (this) {
            byte[] t = kept.get(key);
            if (t == null) t = tiles.get(key);
            if (t != null) {
                hits++;
                if (keep) keep(key, t);
                return t;
            }
            misses++;
        }
        byte[] t = make.get();
        if (t.length == 0) t = EMPTY;
        long cost = cost(t);
        if (cost > maxBytes) return t;
        synchronized (this) {
            if (keep && keep(key, t)) return t;
            byte[] old = tiles.put(key, t);
            bytes += cost;
            if (old != null) bytes -= cost(old);
            Iterator<Map.Entry<Key, byte[]>> it = tiles.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                bytes -= cost(it.next().getValue());
                it.remove();
            }
        }
        return t;
    }

    /** Moves the tile to the kept ones if they have room (dropping the layer's kept tiles of other versions first). */
    private boolean keep(Key key, byte[] t) {
        if (kept.containsKey(key)) return true;
        Iterator<Map.Entry<Key, byte[]>> stale = kept.entrySet().iterator();
        while (stale.hasNext()) {
            Map.Entry<Key, byte[]> e = stale.next();
            if (e.getKey().layer().equals(key.layer()) && !e.getKey().version().equals(key.version())) {
                long c = cost(e.getValue());
                keptBytes -= c;
                bytes -= c;
                stale.remove();
            }
        }
        long cost = cost(t);
        if (keptBytes + cost > maxBytes / 2) return false;
        byte[] old = tiles.remove(key);
        if (old != null) bytes -= cost(old);
        kept.put(key, t);
        keptBytes += cost;
        bytes += cost;
        Iterator<Map.Entry<Key, byte[]>> it = tiles.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= cost(it.next().getValue());
            it.remove();
        }
        return true;
    }

    /** Whether the tile is held apart from the least recently used ones. */
    public synchronized boolean isKept(Key key) {
        return kept.containsKey(key);
    }

    /** Drops every tile of the layer, kept or not (tests; a layer gone). */
    public synchronized void forget(String layer) {
        kept.entrySet().removeIf(e -> {
            if (!e.getKey().layer().equals(layer)) return false;
            long c = cost(e.getValue());
            keptBytes -= c;
            bytes -= c;
            return true;
        });
        tiles.entrySet().removeIf(e -> {
            if (!e.getKey().layer().equals(layer)) return false;
            bytes -= cost(e.getValue());
            return true;
        });
    }

    /** Bytes of the kept tiles (with their overhead), part of {@link #bytes()}. */
    public synchronized long keptBytes() {
        return keptBytes;
    }

    private static long cost(byte[] t) {
        return (long) t.length + ENTRY_OVERHEAD;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Bytes held now (tiles plus the per-entry overhead); never more than {@link #maxBytes()}. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return tiles.size() + kept.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
