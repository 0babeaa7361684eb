package cn.ecozone.ops;

import cn.ecozone.cli.Main;
import cn.ecozone.layer.CompactedLayerFile;
import cn.ecozone.layer.CompactionPolicy;
import cn.ecozone.layer.FeatureBuilder;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.FeatureVersion;
import cn.ecozone.layer.JournaledFeatureEditor;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.MemoryFeatureSource;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Compaction folds the journal into the layer file exactly once, whatever moment it is cut short: {@code ecozone
 * compact} runs in a separate JVM that halts itself (as a SIGKILL would stop it: no shutdown hook, nothing flushed)
 * right after each durable step; the folder then loads clean with every edit once and the full history.
 */
class CompactionTest {
    @TempDir Path dir;

    /** Opens the restoration editor on the folder (as the server does). */
    private JournaledFeatureEditor open() {
        return open(new ArrayList<>());
    }

    /** @param published receives the ids of the layer as the editor publishes it (file + journal replayed) */
    private JournaledFeatureEditor open(List<String> published) {
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), () -> r.problems().toString());
        var m = (MemoryFeatureSource) r.layers().source("restoration").orElseThrow();
        return JournaledFeatureEditor.open(r.layers().catalog(), m, s -> {
            published.clear();
            ((MemoryFeatureSource) s).features().forEach(f -> published.add(f.getID()));
        }, Clock.systemUTC(), CompactionPolicy.NEVER);
    }

    private static SimpleFeature feature(JournaledFeatureEditor e, String json) throws Exception {
        var r = new FeatureBuilder(e.layer(), FeatureTypes.of(e.layer())).build(new ObjectMapper().readTree(json), 0);
        assertFalse(r.hasErrors(), r.problems().toString());
        return r.feature();
    }

    /** 10 inserts, TM-01 replaced 3 times (year 2001..2003), XX-01 deleted. */
    private void edit(JournaledFeatureEditor e, int round) throws Exception {
        for (int i = 0; i < 10; i++) {
            e.insert(feature(e, RestorationFixture.plot("R" + round + "-" + i, "天马泰山", "待修复", 2025, 1.0, 113.32 + i * 0.002, 40.03 + round * 0.002,
                    113.321 + i * 0.002, 40.031 + round * 0.002)), "tester");
        }
        for (int y = 1; y <= 3; y++) {
            String etag = e.current("TM-01").orElseThrow().etag();
            e.replace(feature(e, RestorationFixture.plot("TM-01", "天马泰山", "已验收", 2000 + round * 10 + y, 100.0, 113.31, 40.01, 113.312, 40.0125)), etag, "tester");
        }
        if (round == 0) e.delete("XX-01", e.current("XX-01").orElseThrow().etag(), "tester");
    }

    private void assertState(int rounds) {
        List<String> now = new ArrayList<>();
        try (JournaledFeatureEditor e = open(now)) {
            var ids = new ArrayList<String>();
            for (int round = 0; round < rounds; round++) for (int i = 0; i < 10; i++) ids.add("R" + round + "-" + i);
            for (String id : ids) assertEquals(1, now.stream().filter(id::equals).count(), "exactly once: " + id + " in " + now);
            assertFalse(now.contains("XX-01"), "the delete is kept");
            assertEquals(4 + 10 * rounds, now.size(), now.toString());
            List<FeatureVersion> h = e.history("TM-01");
            assertEquals(1 + 3 * rounds, h.size(), "every version of TM-01 once: " + h.stream().map(FeatureVersion::revision).toList());
            for (int i = 0; i < h.size(); i++) assertEquals(i, h.get(i).revision());
            assertEquals("loaded", h.get(0).action());
            assertEquals(2019, ((Number) h.get(0).feature().getAttribute("year")).intValue());
            assertEquals(2000 + (rounds - 1) * 10 + 3, ((Number) e.current("TM-01").orElseThrow().feature().getAttribute("year")).intValue());
            List<FeatureVersion> xx = e.history("XX-01");
            assertEquals(List.of("loaded", "delete"), xx.stream().map(FeatureVersion::action).toList());
        }
    }

    @ParameterizedTest(name = "halted after {0}")
    @ValueSource(strings = {"history", "written", "renamed", "truncated"})
    void compactionCutShortAfterAnyStepLosesNothingAndAppliesNothingTwice(String step) throws Exception {
        RestorationFixture.write(dir);
        try (var e = open()) {
            edit(e, 0);
        }
        assertEquals(99, compactInOtherJvm(step), "the compaction JVM halted at " + step);
        assertState(1);
        // the next compaction finishes the job; edits after it and a second compaction keep everything once
        assertEquals(0, compactHere());
        assertEquals(0, Files.size(dir.resolve("restoration.journal.jsonl")));
        assertFalse(Files.exists(CompactedLayerFile.tempOf(dir.resolve("restoration.geojson"))));
        assertState(1);
        try (var e = open()) {
            edit(e, 1);
        }
        assertEquals(99, compactInOtherJvm(step));
        assertState(2);
        assertEquals(0, compactHere());
        assertState(2);
        assertTrue(LayerLoader.load(dir).ok());
    }

    @Test
    void compactedFileKeepsItsSeqAndNewEditsContinueTheNumbering() throws Exception {
        RestorationFixture.write(dir);
        try (var e = open()) {
            edit(e, 0);
            var c = e.compact();
            assertEquals(14, c.entries());
            assertEquals(14, c.seq());
            edit(e, 1);
        }
        assertEquals(14, CompactedLayerFile.seqOf(dir.resolve("restoration.geojson")));
        String journal = Files.readString(dir.resolve("restoration.journal.jsonl"));
        assertTrue(journal.startsWith("{\"seq\":15,"), journal.substring(0, 40));
        assertState(2);
    }

    private int compactHere() {
        return Main.run(new String[]{"compact", "--layers", dir.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    }

    private int compactInOtherJvm(String haltAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-Decozone.test.haltCompactionAt=" + haltAt, "-cp", System.getProperty("java.class.path"),
                "cn.ecozone.cli.Main", "compact", "--layers", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("compact.log").toFile())).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
