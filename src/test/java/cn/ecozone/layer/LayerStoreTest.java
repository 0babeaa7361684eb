package cn.ecozone.layer;

import cn.ecozone.error.EcoZoneException;
import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer store owns the live layers, the editors (journals), the access list and the styles: loaded together,
 * swapped together, edited only through it. The "access list" here is a text kept in a file, so the store is seen
 * to need nothing from the access-list package.
 */
class LayerStoreTest {
    @TempDir Path dir;
    Path layersDir;
    Path stylesDir;
    Path listFile;
    LayerStore<String> store;

    /** A list "store" over a text file; a list containing "ERROR" has errors. */
    final class TextList implements LayerStore.ListStore<String> {
        @Override
        public String load() {
            try {
                String s = Files.readString(listFile);
                if (s.contains("ERROR")) throw EcoZoneException.badInput("清单有错误 / list has errors: " + s);
                return s;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void store(String list) throws IOException {
            Files.writeString(listFile, list);
        }

        @Override
        public String describe() {
            return listFile.toString();
        }
    }

    @BeforeEach
    void open() throws IOException {
        layersDir = RestorationFixture.write(Files.createDirectories(dir.resolve("layers")));
        stylesDir = Files.createDirectories(dir.resolve("styles"));
        Files.writeString(stylesDir.resolve("restoration.json"), "{\"property\": \"status\"}");
        Files.writeString(stylesDir.resolve("redline.json"), "{ broken");
        listFile = dir.resolve("list.txt");
        Files.writeString(listFile, "list v1");
        store = LayerStore.open(load(), new TextList(), stylesDir, CompactionPolicy.NEVER, Clock.systemUTC(), true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LayerSet load() {
        LayerLoader.Result r = LayerLoader.load(layersDir);
        assertTrue(r.ok(), r.problems().toString());
        return r.layers();
    }

    private SimpleFeature plot(String code, double w, double s) throws IOException {
        LayerDef def = store.editable("restoration").orElseThrow();
        String json = RestorationFixture.plot(code, "天马泰山", "待修复", 2025, 1.0, w, s, w + 0.001, s + 0.001);
        FeatureBuilder.Result r = new FeatureBuilder(def, FeatureTypes.of(def)).build(new ObjectMapper().readTree(json), 0);
        assertTrue(r.problems().stream().noneMatch(Problem::isError), r.problems().toString());
        return r.feature();
    }

    private long plots() {
        return store.layers().source("restoration").orElseThrow().count();
    }

    @Test
    void editsGoThroughTheStoreAndAreLiveAndDurable() throws IOException {
        long before = plots();
        FeatureVersion v = store.insert("restoration", plot("N-1", 113.33, 40.03), "张三");
        assertEquals(before + 1, plots(), "the edit is in the live layer set at once");
        assertEquals(v.etag(), store.current("restoration", "N-1").orElseThrow().etag());
        FeatureVersion d = store.delete("restoration", "N-1", v.etag(), "李四");
        assertNull(d.feature());
        assertEquals(before, plots());
        assertEquals(List.of("张三", "李四"), store.history("restoration", "N-1").stream().map(FeatureVersion::editor).toList());
        store.insert("restoration", plot("N-2", 113.34, 40.03), "张三");
        store.close();
        // a second store over the same files replays the journal: the edits survived
        store = LayerStore.open(load(), new TextList(), stylesDir, CompactionPolicy.NEVER, Clock.systemUTC(), true);
        assertEquals(before + 1, plots());
        assertTrue(store.current("restoration", "N-2").isPresent());
        assertTrue(store.current("restoration", "N-1").isEmpty());
    }

    @Test
    void readOnlyLayersHaveNoEditor() throws IOException {
        assertTrue(store.editable("redline").isEmpty());
        assertTrue(store.editable("nosuch").isEmpty());
        SimpleFeature f = plot("N-3", 113.33, 40.03);
        EditRejected e = assertThrows(EditRejected.class, () -> store.insert("redline", f, "张三"));
        assertEquals(EditRejected.Reason.NOT_FOUND, e.reason());
    }

    @Test
    void stylesAreReadWithTheLayersAndABrokenOneSaysWhy() throws IOException {
        assertEquals("status", store.style("restoration").orElseThrow().json().get("property").asText());
        LayerStore.Style broken = store.style("redline").orElseThrow();
        assertNull(broken.json());
        assertTrue(broken.error().contains("redline.json"), broken.error());
        assertTrue(store.style("admin").isEmpty(), "no file, no style");
        // a changed file is seen at the next reload, with the layers
        Files.writeString(stylesDir.resolve("restoration.json"), "{\"property\": \"mine\"}");
        assertEquals("status", store.style("restoration").orElseThrow().json().get("property").asText());
        store.reload();
        assertEquals("mine", store.style("restoration").orElseThrow().json().get("property").asText());
    }

    @Test
    void aReloadSwapsLayersAccessListAndStylesTogetherAndKeepsTheEdits() throws IOException {
        store.insert("restoration", plot("N-4", 113.33, 40.03), "张三");
        long withEdit = plots();
        FixtureLayers.put(layersDir, "redline.geojson", FixtureLayers.collection(
                RestorationFixture.box("r", "{\"code\": \"HX-9\", \"name\": \"新红线\"}", 113.21, 40.01, 113.23, 40.03)));
        Files.writeString(listFile, "list v2");
        LayerSet before = store.layers();
        LayerSet after = store.reload();
        assertSame(after, store.layers());
        assertEquals(1, after.source("redline").orElseThrow().count());
        assertEquals("list v2", store.accessList());
        assertEquals(withEdit, plots(), "the journal is replayed over the reloaded file");
        assertEquals(2, before.source("redline").orElseThrow().count(), "the old set is untouched");
        // edits go to the new editors
        store.insert("restoration", plot("N-5", 113.34, 40.03), "张三");
        assertEquals(withEdit + 1, plots());
    }

    @Test
    void aReloadWithErrorsChangesNothing() throws IOException {
        LayerSet before = store.layers();
        // the access list has errors: the (good) new layer files are not taken either
        FixtureLayers.put(layersDir, "redline.geojson", FixtureLayers.collection(
                RestorationFixture.box("r", "{\"code\": \"HX-9\", \"name\": \"新红线\"}", 113.21, 40.01, 113.23, 40.03)));
        Files.writeString(listFile, "list ERROR");
        LayerStore.ReloadRefused list = assertThrows(LayerStore.ReloadRefused.class, store::reload);
        assertEquals(LayerStore.ReloadRefused.Reason.ACCESS_LIST, list.reason());
        assertSame(before, store.layers());
        assertEquals("list v1", store.accessList());
        // a broken layer file: the (good) new access list is not taken either
        Files.writeString(listFile, "list v3");
        Files.writeString(layersDir.resolve("redline.geojson"), "{ not json");
        LayerStore.ReloadRefused layers = assertThrows(LayerStore.ReloadRefused.class, store::reload);
        assertEquals(LayerStore.ReloadRefused.Reason.LAYERS, layers.reason());
        assertTrue(layers.getMessage().contains("redline.geojson"), layers.getMessage());
        assertSame(before, store.layers());
        assertEquals("list v1", store.accessList());
        // and the editors still work (compaction was resumed, the journals are open)
        store.insert("restoration", plot("N-6", 113.33, 40.03), "张三");
        assertEquals(before.source("restoration").orElseThrow().count() + 1, plots());
    }

    @Test
    void layersFromADatabaseAreNotReloadedFromFiles() {
        LayerStore<String> other = LayerStore.open(load(), new TextList(), stylesDir, CompactionPolicy.NEVER, Clock.systemUTC(), false);
        try {
            assertEquals(LayerStore.ReloadRefused.Reason.NOT_FROM_FILES, assertThrows(LayerStore.ReloadRefused.class, other::reload).reason());
        } finally {
            other.close();
        }
    }

    @Test
    void replacingTheAccessListStoresItFirst() throws IOException {
        store.replaceAccessList("list v9");
        assertEquals("list v9", store.accessList());
        assertEquals("list v9", Files.readString(listFile));
    }

    @Test
    void editsDuringReloadsAreNeitherLostNorFailed() throws Exception {
        long base = plots();
        int writers = 3, each = 15;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean reloading = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger reloads = new java.util.concurrent.atomic.AtomicInteger();
        Thread reloader = new Thread(() -> {
            while (reloading.get()) {
                try {
                    store.reload();
                    reloads.incrementAndGet();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        });
        reloader.start();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        store.insert("restoration", plot("C-" + writer + "-" + i, 113.31 + writer * 0.02, 40.01 + i * 0.002), "写入者" + writer);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        reloading.set(false);
        reloader.join();
        assertEquals(List.of(), failures);
        assertTrue(reloads.get() >= 2, "reloads ran while the writers wrote: " + reloads.get());
        assertEquals(base + writers * each, plots(), "every edit is live after the reloads");
        store.close();
        store = LayerStore.open(load(), new TextList(), stylesDir, CompactionPolicy.NEVER, Clock.systemUTC(), true);
        assertEquals(base + writers * each, plots(), "and durable");
        assertNotNull(store.current("restoration", "C-2-14").orElse(null));
    }
}
