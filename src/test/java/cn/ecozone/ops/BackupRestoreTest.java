package cn.ecozone.ops;

import cn.ecozone.cli.Main;
import cn.ecozone.layer.CompactionPolicy;
import cn.ecozone.layer.FeatureBuilder;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.FeatureVersion;
import cn.ecozone.layer.JournaledFeatureEditor;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.MemoryFeatureSource;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code ecozone backup} / {@code restore}: round trip, corrupt and mismatched backups refused, backups taken while editing. */
class BackupRestoreTest {
    @TempDir Path tmp;

    private record Opened(JournaledFeatureEditor editor, List<String> ids) {}

    private static Opened open(Path dir, CompactionPolicy policy) {
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), () -> r.problems().toString());
        List<String> ids = new ArrayList<>();
        var e = JournaledFeatureEditor.open(r.layers().catalog(), (MemoryFeatureSource) r.layers().source("restoration").orElseThrow(), s -> {
            synchronized (ids) {
                ids.clear();
                ((MemoryFeatureSource) s).features().forEach(f -> ids.add(f.getID()));
            }
        }, Clock.systemUTC(), policy);
        return new Opened(e, ids);
    }

    private static void insert(JournaledFeatureEditor e, String id, int i) throws Exception {
        var r = new FeatureBuilder(e.layer(), FeatureTypes.of(e.layer())).build(new ObjectMapper().readTree(RestorationFixture.plot(id, "天马泰山", "待修复",
                2025, 1.0, 113.32 + (i % 50) * 0.0015, 40.03 + (i / 50) * 0.0015 % 0.06, 113.321 + (i % 50) * 0.0015, 40.031 + (i / 50) * 0.0015 % 0.06)), 0);
        e.insert(r.feature(), "tester");
    }

    private static void replaceTm01(JournaledFeatureEditor e, int year) throws Exception {
        var r = new FeatureBuilder(e.layer(), FeatureTypes.of(e.layer())).build(new ObjectMapper().readTree(
                RestorationFixture.plot("TM-01", "天马泰山", "已验收", year, 100.0, 113.31, 40.01, 113.312, 40.0125)), 0);
        e.replace(r.feature(), e.current("TM-01").orElseThrow().etag(), "tester");
    }

    private static int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    }

    private static String runErr(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Backup.sha256(p));
        }
        return out;
    }

    @Test
    void roundTripKeepsLayersJournalsAndHistory() throws Exception {
        Path layers = RestorationFixture.write(Files.createDirectories(tmp.resolve("layers")));
        Files.createDirectories(tmp.resolve("styles"));
        Files.writeString(tmp.resolve("styles/restoration.json"), "{\"property\":\"status\"}");
        List<String> before;
        List<FeatureVersion> historyBefore;
        Opened o = open(layers, CompactionPolicy.NEVER);
        for (int i = 0; i < 8; i++) insert(o.editor(), "B-" + i, i);
        replaceTm01(o.editor(), 2021);
        o.editor().compact();
        for (int i = 8; i < 12; i++) insert(o.editor(), "B-" + i, i);
        replaceTm01(o.editor(), 2022);
        before = List.copyOf(o.ids());
        historyBefore = o.editor().history("TM-01");
        o.editor().close();

        Path backup = tmp.resolve("backup");
        assertEquals(0, run("backup", "--to", backup.toString(), "--layers", layers.toString(), "--styles", tmp.resolve("styles").toString()));
        JsonNode manifest = new ObjectMapper().readTree(backup.resolve("manifest.json").toFile());
        assertEquals("2025-01-01", manifest.get("dataDate").asText());
        assertFalse(manifest.get("ecozoneVersion").asText().isBlank());
        List<String> paths = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            paths.add(f.get("path").asText());
            assertEquals(Backup.sha256(backup.resolve(f.get("path").asText())), f.get("sha256").asText());
            assertEquals(Files.size(backup.resolve(f.get("path").asText())), f.get("bytes").asLong());
        }
        assertTrue(paths.containsAll(List.of("layers/catalog.json", "layers/restoration.geojson", "layers/restoration.journal.jsonl",
                "layers/restoration.history.jsonl", "styles/restoration.json")), paths.toString());
        assertNotEquals(0, run("backup", "--to", backup.toString(), "--layers", layers.toString()), "never overwrites a backup");

        Path target = tmp.resolve("restored");
        assertEquals(0, run("restore", "--from", backup.toString(), "--layers", target.toString()));
        Opened r = open(target, CompactionPolicy.NEVER);
        assertEquals(before, r.ids());
        assertEquals(historyBefore.stream().map(v -> v.revision() + v.action() + v.etag()).toList(),
                r.editor().history("TM-01").stream().map(v -> v.revision() + v.action() + v.etag()).toList());
        r.editor().close();

        // restoring over an existing folder moves it aside
        assertEquals(0, run("restore", "--from", backup.toString(), "--layers", layers.toString()));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("layers.before-restore-")));
        }
    }

    @Test
    void corruptOrMismatchedBackupIsRefusedAndNothingChanges() throws Exception {
        Path layers = RestorationFixture.write(Files.createDirectories(tmp.resolve("layers")));
        Opened o = open(layers, CompactionPolicy.NEVER);
        for (int i = 0; i < 3; i++) insert(o.editor(), "C-" + i, i);
        o.editor().close();
        Path backup = tmp.resolve("backup");
        assertEquals(0, run("backup", "--to", backup.toString(), "--layers", layers.toString()));
        // the target: the same catalog, other data
        Path target = RestorationFixture.write(Files.createDirectories(tmp.resolve("target")));
        Map<String, String> targetBefore = hashes(target);

        // one byte changed in the journal
        Path journal = backup.resolve("layers/restoration.journal.jsonl");
        byte[] b = Files.readAllBytes(journal);
        byte[] original = b.clone();
        b[b.length / 2] = (byte) (b[b.length / 2] == 'A' ? 'B' : 'A');
        Files.write(journal, b);
        String err = runErr("restore", "--from", backup.toString(), "--layers", target.toString());
        assertTrue(err.contains("SHA-256") && err.contains("restoration.journal.jsonl"), err);
        assertEquals(targetBefore, hashes(target), "nothing changed");
        Files.write(journal, original);

        // a file missing
        Path redline = backup.resolve("layers/redline.geojson");
        byte[] red = Files.readAllBytes(redline);
        Files.delete(redline);
        err = runErr("restore", "--from", backup.toString(), "--layers", target.toString());
        assertTrue(err.contains("missing") && err.contains("redline.geojson"), err);
        assertEquals(targetBefore, hashes(target));
        Files.write(redline, red);

        // a backup of another data set (the target's catalog has other layers)
        String otherCatalog = Files.readString(target.resolve("catalog.json")).replace("\"id\": \"redline\"", "\"id\": \"redline2\"");
        Files.writeString(target.resolve("catalog.json"), otherCatalog);
        Map<String, String> otherBefore = hashes(target);
        err = runErr("restore", "--from", backup.toString(), "--layers", target.toString());
        assertTrue(err.contains("--force"), err);
        assertEquals(otherBefore, hashes(target));

        // no manifest
        err = runErr("restore", "--from", tmp.resolve("layers").toString(), "--layers", target.toString());
        assertTrue(err.contains("manifest.json"), err);

        // the intact backup restores
        assertEquals(0, run("restore", "--from", backup.toString(), "--layers", target.toString(), "--force"));
        Opened r = open(target, CompactionPolicy.NEVER);
        assertTrue(r.ids().containsAll(List.of("C-0", "C-1", "C-2")));
        r.editor().close();
    }

    @Test
    void backupsTakenWhileEditsAndCompactionsStreamInAreConsistent() throws Exception {
        Path layers = RestorationFixture.write(Files.createDirectories(tmp.resolve("layers")));
        Opened o = open(layers, new CompactionPolicy(5, 0)); // compacting every few edits, concurrently with the backups
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread editor = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    insert(o.editor(), "S-" + i, i);
                    acknowledged.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        editor.start();
        try {
            for (int n = 0; n < 6; n++) {
                while (acknowledged.get() < 10 * (n + 1)) Thread.sleep(5);
                int ackedBefore = acknowledged.get();
                Path backup = tmp.resolve("backup-" + n);
                assertEquals(0, run("backup", "--to", backup.toString(), "--layers", layers.toString()));
                Path target = tmp.resolve("restored-" + n);
                assertEquals(0, run("restore", "--from", backup.toString(), "--layers", target.toString()));
                Opened r = open(target, CompactionPolicy.NEVER);
                List<Integer> inserted = r.ids().stream().filter(id -> id.startsWith("S-")).map(id -> Integer.parseInt(id.substring(2))).sorted().toList();
                // a consistent snapshot: the inserts form a prefix S-0 … S-k, each once, at least those acknowledged before
                for (int i = 0; i < inserted.size(); i++) assertEquals(i, inserted.get(i), "backup " + n + ": " + inserted);
                assertTrue(inserted.size() >= ackedBefore, "backup " + n + " has " + inserted.size() + " of " + ackedBefore + " acknowledged");
                assertEquals(inserted.size() + 5, r.ids().size());
                r.editor().close();
            }
        } finally {
            stop.set(true);
            editor.join();
            o.editor().close();
        }
        assertTrue(Files.readString(layers.resolve("restoration.geojson")).contains("ecozone:journalSeq"), "compactions ran meanwhile");
    }
}
