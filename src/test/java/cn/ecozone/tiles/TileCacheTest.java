package cn.ecozone.tiles;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.EmbeddedTiles;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import cn.ecozone.testsupport.TileClient;
import cn.ecozone.testsupport.TileClient.Decoded;
import cn.ecozone.testsupport.TileMath;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The tile cache: cached tiles are the fresh ones, an edit is never answered from the cache, the byte bound holds. */
class TileCacheTest {
    static final String FORESTER = "forester-token-0001";

    @Test
    void aCachedTileIsTheFreshTileAndAnEditChangesIt(@TempDir Path dir) {
        RestorationFixture.write(dir);
        LayerLoader.Result loaded = LayerLoader.load(dir);
        assertTrue(loaded.ok(), loaded.problems().toString());
        try (EcoZoneServer s = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(
                AccessTokens.parse(List.of(FORESTER + ":forester:王林"), "test")), loaded.layers())) {
            Http h = new Http(s.port());
            TileClient t = new TileClient(s.port());
            TileCache cache = s.tileCache();
            int z = 14, x = TileMath.column(113.311, z), y = TileMath.row(40.011, z);
            String path = "/collections/restoration/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x;
            long hits0 = cache.hits(), misses0 = cache.misses();
            TileClient.Fetched cold = t.get(path);
            assertEquals(200, cold.status());
            assertEquals(misses0 + 1, cache.misses(), "the first request makes the tile");
            TileClient.Fetched warm = t.get(path);
            assertEquals(hits0 + 1, cache.hits(), "the second is answered from the cache");
            assertArrayEquals(cold.body(), warm.body(), "cached = fresh");
            // and both are what the source makes now, with the properties the tile carries
            FeatureSource source = s.layers().require("restoration");
            List<String> props = List.copyOf(TileClient.decode(cold.body(), "restoration", "code").get(0).properties().keySet());
            byte[] fresh = EmbeddedTiles.encode(source, TileRequest.of(new TileAddress(z, x, y), "restoration", props));
            assertEquals(TileClient.decode(fresh, "restoration", "code").toString(), TileClient.decode(warm.body(), "restoration", "code").toString());
            assertEquals("已验收", status(TileClient.decode(warm.body(), "restoration", "code"), "TM-01"));

            JsonNode versions = h.get("/collections/restoration/items/TM-01/history").json().get("versions");
            String itemEtag = "\"" + versions.get(versions.size() - 1).get("etag").asText() + "\"";
            String edited = RestorationFixture.plot("TM-01", "天马泰山", "已修复", 2019, 100.0, 113.31, 40.01, 113.312, 40.0125);
            Http.Response put = h.send("PUT", "/collections/restoration/items/TM-01", "application/geo+json", edited,
                    "Authorization", "Bearer " + FORESTER, "If-Match", itemEtag);
            assertEquals(200, put.status(), put.body());
            TileClient.Fetched after = t.get(path);
            assertEquals(200, after.status());
            assertEquals("已修复", status(TileClient.decode(after.body(), "restoration", "code"), "TM-01"), "never the old version's tile");
            assertFalse(java.util.Arrays.equals(warm.body(), after.body()));
            assertArrayEquals(after.body(), t.get(path).body(), "the new version is cached in turn");
            assertTrue(cache.bytes() <= cache.maxBytes());
        }
    }

    @Test
    void theCacheNeverHoldsMoreThanItsByteBoundAndDropsTheLeastRecentlyUsed() {
        long max = 10_000;
        TileCache cache = new TileCache(max);
        java.util.Random random = new java.util.Random(7);
        TileCache.Key first = key(0);
        cache.get(first, () -> new byte[100]);
        for (int i = 1; i < 2000; i++) {
            int n = random.nextInt(3000);
            byte[] tile = new byte[n];
            random.nextBytes(tile);
            byte[] got = cache.get(key(i), () -> tile);
            assertSame(tile.length == 0 ? got : tile, got);
            assertTrue(cache.bytes() <= max, "bytes " + cache.bytes() + " > " + max + " after " + i);
            if (i < 3) cache.get(first, () -> fail("first is cached and recently used"));
        }
        assertTrue(cache.size() > 0);
        // a tile larger than the whole cache is served but not kept
        byte[] huge = new byte[20_000];
        assertSame(huge, cache.get(key(-1), () -> huge));
        assertTrue(cache.bytes() <= max);
        int[] made = new int[1];
        cache.get(key(-1), () -> { made[0]++; return huge; });
        assertEquals(1, made[0], "too large to cache");
        // off
        TileCache off = new TileCache(0);
        off.get(key(1), () -> new byte[1]);
        assertEquals(0, off.size());
    }

    @Test
    void keptTilesAreNotEvictedByOthersStayWithinHalfTheBoundAndGoWithTheirVersion() {
        long max = 20_000;
        TileCache cache = new TileCache(max);
        int cost = 1000 + TileCache.ENTRY_OVERHEAD;
        // 8 kept tiles fit in half the bound (8 × 1,200 ≤ 10,000); the 9th is cached as any other
        for (int i = 0; i < 9; i++) cache.get(key(10_000 + i), () -> new byte[1000], true);
        for (int i = 0; i < 8; i++) assertTrue(cache.isKept(key(10_000 + i)), "kept " + i);
        assertFalse(cache.isKept(key(10_008)), "beyond half the bound");
        assertEquals(8L * cost, cache.keptBytes());
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 500; i++) {
            byte[] t = new byte[random.nextInt(3000)];
            cache.get(key(i), () -> t);
            assertTrue(cache.bytes() <= max, "bytes " + cache.bytes());
        }
        for (int i = 0; i < 8; i++) cache.get(key(10_000 + i), () -> fail("a kept tile was evicted"));
        assertEquals(8L * cost, cache.keptBytes());
        // an LRU tile asked with keep moves over; one of a new version of the layer drops the old version's kept tiles
        TileCache.Key v2 = new TileCache.Key("l", "v2", 10, 10_000, 0, List.of("code"));
        cache.get(v2, () -> new byte[10], true);
        assertTrue(cache.isKept(v2));
        assertEquals(10 + TileCache.ENTRY_OVERHEAD, cache.keptBytes(), "v1's kept tiles gone");
        int[] made = new int[1];
        cache.get(key(10_000), () -> { made[0]++; return new byte[1000]; });
        assertEquals(1, made[0], "v1's tile was dropped");
        assertTrue(cache.bytes() <= max);
        cache.forget("l");
        assertEquals(0, cache.bytes());
        assertEquals(0, cache.size());
        assertEquals(0, cache.keptBytes());
    }

    static TileCache.Key key(int i) {
        return new TileCache.Key("l", "v1", 10, i, 0, List.of("code"));
    }

    static String status(List<Decoded> decoded, String id) {
        for (Decoded d : decoded) if (id.equals(d.id())) return (String) d.properties().get("status");
        return null;
    }
}
