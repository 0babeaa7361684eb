package cn.ecozone.hardening;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin reloads the layers again and again while readers keep asking: no request fails, and every answer comes
 * from either the old or the new layer set, never a mix; a reload of broken files is refused and the old layers
 * keep serving.
 */
class ReloadWhileServingTest {
    static final String ADMIN = "admin-token-reload-01";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void readersNeverFailAndSeeEitherTheOldOrTheNewLayers() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("layers"))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().contains("journal")).toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path monitoring = dir.resolve("monitoring.geojson");
        String original = Files.readString(monitoring);
        int base = MAPPER.readTree(original).get("features").size();
        String extended = withExtraStation(original);

        LayerLoader.Result loaded = LayerLoader.load(dir);
        assertTrue(loaded.ok(), loaded.problems().toString());
        AccessTokens tokens = AccessTokens.parse(List.of(ADMIN + ":admin:管理员"), "test");
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0).withTokens(tokens), loaded.layers())) {
            Http http = new Http(server.port());
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> failures = new CopyOnWriteArrayList<>();
            Set<Integer> seenCounts = ConcurrentHashMap.newKeySet();
            AtomicInteger reads = new AtomicInteger();
            List<Thread> readers = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Thread reader = new Thread(() -> {
                    while (running.get()) {
                        Http.Response items = http.get("/collections/monitoring/items?limit=1000");
                        Http.Response identify = http.get("/analysis/identify?lon=113.30&lat=40.08");
                        reads.incrementAndGet();
                        if (items.status() != 200 || identify.status() != 200) {
                            failures.add(items.status() + "/" + identify.status() + " " + items.body());
                            continue;
                        }
                        int matched = items.json().get("numberMatched").asInt();
                        int returned = items.json().get("features").size();
                        seenCounts.add(matched);
                        if (matched != returned || (matched != base && matched != base + 1)) failures.add("mixed answer: matched " + matched + ", returned " + returned);
                    }
                });
                reader.start();
                readers.add(reader);
            }
            for (int round = 0; round < 12; round++) {
                Files.writeString(monitoring, round % 2 == 0 ? extended : original);
                Http.Response r = http.send("POST", "/admin/reload", null, null, "Authorization", "Bearer " + ADMIN);
                assertEquals(200, r.status(), r.body());
                Thread.sleep(50);
            }
            // a broken file: refused, the last good layers keep serving
            Files.writeString(monitoring, "{ not json");
            Http.Response broken = http.send("POST", "/admin/reload", null, null, "Authorization", "Bearer " + ADMIN);
            assertEquals(422, broken.status(), broken.body());
            assertTrue(broken.json().get("detail").asText().contains("monitoring.geojson"), broken.body());
            running.set(false);
            for (Thread reader : readers) reader.join();

            System.out.println("Reload: 12 reloads + 1 refused during " + reads.get() + " read pairs; counts seen " + seenCounts);
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failed or mixed reads");
            assertEquals(Set.of(base, base + 1), seenCounts, "readers saw both the old and the new layer set");
            assertEquals(base, http.get("/collections/monitoring/items?limit=1000").json().get("numberMatched").asInt(),
                    "the last good reload (the original file) is what serves after the refused one");
        }
    }

    private static String withExtraStation(String collection) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(collection);
        ArrayNode features = (ArrayNode) root.get("features");
        ObjectNode extra = features.get(0).deepCopy();
        extra.put("id", "JC-RELOAD-TEST");
        ((ObjectNode) extra.get("properties")).put("code", "JC-RELOAD-TEST").put("name", "重新加载测试点");
        features.add(extra);
        return MAPPER.writeValueAsString(root);
    }
}
