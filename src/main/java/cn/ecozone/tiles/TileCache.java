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
    private long bytes;
    private long hits, misses;

    public TileCache(long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    /** The cached tile for the key, or the tile made by {@code make} (then cached if it fits). */
    public byte[] get(Key key, Supplier<byte[]> make) {
        if (maxBytes == 0) return make.get();
        synchronized (this) {
            byte[] t = tiles.get(key);
            if (t != null) {
                hits++;
                return t;
            }
            misses++;
        }
        byte[] t = make.get();
        if (t.length == 0) t = EMPTY;
        long cost = cost(t);
        if (cost > maxBytes) return t;
        synchronized (this) {
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
        return tiles.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
