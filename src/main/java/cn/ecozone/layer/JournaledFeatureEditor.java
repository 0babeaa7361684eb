package cn.ecozone.layer;

import com.fasterxml.jackson.databind.JsonNode;
import org.geotools.api.feature.simple.SimpleFeature;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The embedded {@link FeatureEditor}: the layer's features in memory over its file, every change appended to a
 * {@link FeatureJournal} (fsynced) before it is acknowledged, and the journal replayed over the file at start.
 * After each change a new immutable {@link MemoryFeatureSource} is published (readers see old or new, never a mix).
 * Changes are serialised by this object's lock.
 *
 * <p><b>Compaction</b> ({@link #compact}, automatic after an edit when the {@link CompactionPolicy} says so) folds the
 * journal into the layer file, under the lock, in three durable steps: (1) the journal's entries are appended to the
 * layer's append-only history {@code <layer>.history.jsonl} (with, before a feature's first edit, the feature as the
 * file had it), (2) the current features are written to a temporary file with the last journal seq, fsynced and
 * renamed over the layer file ({@link CompactedLayerFile}), (3) the journal is truncated. Replay skips journal entries
 * at or below the file's seq and history entries above it, so a crash between any two steps — or inside one — loses
 * no acknowledged edit and applies none twice.
 */
public final class JournaledFeatureEditor implements FeatureEditor, AutoCloseable {
    /** The journal of a layer sits beside its file: {@code <layers>/<layerId>.journal.jsonl}. */
    public static Path journalOf(Catalog catalog, LayerDef layer) {
        return catalog.resolve(layer.id() + ".journal.jsonl");
    }

    /** The edits already folded into the layer file: {@code <layers>/<layerId>.history.jsonl} (append-only). */
    public static Path historyOf(Catalog catalog, LayerDef layer) {
        return catalog.resolve(layer.id() + ".history.jsonl");
    }

    private static final ExecutorService COMPACTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ecozone-compaction");
        t.setDaemon(true);
        return t;
    });

    /** What a compaction folded. */
    public record Compaction(String layer, int entries, long seq, long journalBytesBefore) {}

    private final MemoryFeatureSource base;
    private final FeatureJournal journal;
    private final FeatureJournal historyLog; // null: no layer file to compact into (tests building editors by hand)
    private final Path layerFile;
    private final CompactionPolicy policy;
    private final Consumer<FeatureSource> publish;
    private final Clock clock;
    private final FeatureBuilder builder;
    private final Map<String, SimpleFeature> features = new LinkedHashMap<>();
    private final Map<String, List<FeatureVersion>> history = new LinkedHashMap<>();
    private final Set<String> idsInHistoryLog = new HashSet<>();
    private final AtomicBoolean compactionScheduled = new AtomicBoolean();
    private long fileSeq;
    private int changes;
    private boolean compactionSuspended;
    private boolean closed;

    /**
     * Opens the layer's journal and history beside its file, replays them over {@code base} and publishes the result.
     *
     * @throws CatalogException when a journal entry no longer fits the layer's schema
     */
    public static JournaledFeatureEditor open(Catalog catalog, MemoryFeatureSource base, Consumer<FeatureSource> publish, Clock clock,
                                              CompactionPolicy policy) {
        LayerDef def = base.layer();
        Path file = catalog.resolve(def.file());
        try {
            Files.deleteIfExists(CompactedLayerFile.tempOf(file)); // a compaction cut short before its rename
        } catch (IOException ignored) {
            // left for the next compaction to overwrite
        }
        return new JournaledFeatureEditor(base, FeatureJournal.open(journalOf(catalog, def)), FeatureJournal.open(historyOf(catalog, def)),
                file, CompactedLayerFile.seqOf(file), publish, clock, policy);
    }

    /** An editor over a journal only (never compacted). */
    public JournaledFeatureEditor(MemoryFeatureSource base, FeatureJournal journal, Consumer<FeatureSource> publish, Clock clock) {
        this(base, journal, null, null, 0, publish, clock, CompactionPolicy.NEVER);
    }

    private JournaledFeatureEditor(MemoryFeatureSource base, FeatureJournal journal, FeatureJournal historyLog, Path layerFile, long fileSeq,
                                   Consumer<FeatureSource> publish, Clock clock, CompactionPolicy policy) {
        this.base = base;
        this.journal = journal;
        this.historyLog = historyLog;
        this.layerFile = layerFile;
        this.fileSeq = fileSeq;
        this.policy = policy;
        this.publish = publish;
        this.clock = clock;
        this.builder = new FeatureBuilder(base.layer(), base.featureType());
        for (SimpleFeature f : base.features()) features.put(f.getID(), f);
        if (historyLog != null) {
            int line = 0;
            for (FeatureJournal.Entry e : historyLog.entries()) {
                line++;
                idsInHistoryLog.add(e.id());
                if (e.seq() > fileSeq) continue; // appended by a compaction that did not get to rename its file
                SimpleFeature f = e.feature() == null ? null : rebuild(historyLog, e.feature(), line);
                if (e.op().equals("loaded")) record(new FeatureVersion(e.id(), 0, "loaded", f, FeatureEtag.of(f, base.layer()), null, null));
                else record(new FeatureVersion(e.id(), nextRevision(e.id()), e.op(), f, f == null ? null : FeatureEtag.of(f, base.layer()), e.by(), e.at()));
            }
        }
        for (SimpleFeature f : base.features()) {
            if (!history.containsKey(f.getID())) {
                record(new FeatureVersion(f.getID(), 0, "loaded", f, FeatureEtag.of(f, base.layer()), null, null));
            }
        }
        int line = 0;
        for (FeatureJournal.Entry e : journal.entries()) {
            line++;
            if (e.seq() <= fileSeq) continue; // already folded into the layer file
            SimpleFeature f = e.feature() == null ? null : rebuild(journal, e.feature(), line);
            apply(e.op(), e.id(), f, e.by(), e.at());
        }
        journal.continueAfter(Math.max(fileSeq, historyLog == null ? 0 : historyLog.lastSeq()));
        publishCurrent();
    }

    private SimpleFeature rebuild(FeatureJournal from, JsonNode node, int line) {
        FeatureBuilder.Result r = builder.build(node, 0);
        if (r.hasErrors() || r.feature() == null) {
            throw new CatalogException(from.file() + " 第 " + line + " 条编辑不再符合图层定义 / journal entry " + line
                    + " no longer fits the layer: " + r.problems().stream().map(Problem::message).toList());
        }
        return r.feature();
    }

    private FeatureVersion apply(String op, String id, SimpleFeature f, String by, Instant at) {
        if (op.equals("delete")) features.remove(id);
        else features.put(id, f);
        changes++;
        return record(new FeatureVersion(id, nextRevision(id), op, f, f == null ? null : FeatureEtag.of(f, base.layer()), by, at));
    }

    private int nextRevision(String id) {
        List<FeatureVersion> h = history.get(id);
        return h == null || h.isEmpty() ? 1 : h.get(h.size() - 1).revision() + 1;
    }

    private FeatureVersion record(FeatureVersion v) {
        history.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(v);
        return v;
    }

    private void publishCurrent() {
        publish.accept(new MemoryFeatureSource(base.layer(), base.featureType(), new ArrayList<>(features.values()),
                base.version() + "+" + changes));
    }

    @Override
    public LayerDef layer() {
        return base.layer();
    }

    @Override
    public synchronized Optional<FeatureVersion> current(String id) {
        SimpleFeature f = features.get(id);
        if (f == null) return Optional.empty();
        List<FeatureVersion> h = history.get(id);
        return Optional.of(h.get(h.size() - 1));
    }

    @Override
    public synchronized FeatureVersion insert(SimpleFeature feature, String editor) {
        if (features.containsKey(feature.getID())) {
            throw new EditRejected(EditRejected.Reason.EXISTS, "编号 " + feature.getID() + " 已存在 / id already exists");
        }
        return commit("insert", feature.getID(), feature, editor);
    }

    @Override
    public synchronized FeatureVersion replace(SimpleFeature feature, String expectedEtag, String editor) {
        checkCurrent(feature.getID(), expectedEtag);
        return commit("replace", feature.getID(), feature, editor);
    }

    @Override
    public synchronized FeatureVersion delete(String id, String expectedEtag, String editor) {
        checkCurrent(id, expectedEtag);
        return commit("delete", id, null, editor);
    }

    private void checkCurrent(String id, String expectedEtag) {
        FeatureVersion now = current(id).orElseThrow(() ->
                new EditRejected(EditRejected.Reason.NOT_FOUND, "没有编号为 " + id + " 的要素 / no feature " + id));
        if (!now.etag().equals(expectedEtag)) {
            throw new EditRejected(EditRejected.Reason.STALE, "要素 " + id + " 已被他人修改（" + now.editor() + "，" + now.at()
                    + "），请重新读取后再改 / the feature changed since you read it; reload it and edit again");
        }
    }

    private FeatureVersion commit(String op, String id, SimpleFeature f, String editor) {
        var at = clock.instant();
        // durable first: if the append fails nothing in memory has changed
        journal.append(new FeatureJournal.Entry(op, id, editor, at, f == null ? null : FeatureJson.of(f, base.layer())));
        FeatureVersion v = apply(op, id, f, editor, at);
        publishCurrent();
        if (historyLog != null && policy.due(journal.entries().size(), journal.sizeBytes()) && compactionScheduled.compareAndSet(false, true)) {
            COMPACTOR.execute(() -> {
                compactionScheduled.set(false);
                try {
                    compact();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(JournaledFeatureEditor.class).error("compaction of {} failed", base.layer().id(), e);
                }
            });
        }
        return v;
    }

    /**
     * Folds the journal into the layer file (see the class comment); edits wait for it. Returns what was folded
     * (0 entries when the journal was empty or compaction is suspended).
     */
    public synchronized Compaction compact() {
        long bytesBefore = journal.sizeBytes();
        if (historyLog == null || closed || compactionSuspended) return new Compaction(base.layer().id(), 0, fileSeq, bytesBefore);
        List<FeatureJournal.Entry> pending = journal.entries().stream().filter(e -> e.seq() > fileSeq).toList();
        if (pending.isEmpty()) {
            if (bytesBefore > 0) journal.truncate(); // only entries already in the file (a compaction cut short after its rename)
            return new Compaction(base.layer().id(), 0, fileSeq, bytesBefore);
        }
        // 1. the history keeps every folded edit (and the feature as the file had it before its first edit)
        List<FeatureJournal.Entry> toHistory = new ArrayList<>();
        long logged = historyLog.lastSeq();
        for (FeatureJournal.Entry e : pending) {
            if (e.seq() <= logged) continue;
            if (idsInHistoryLog.add(e.id())) {
                List<FeatureVersion> h = history.get(e.id());
                FeatureVersion first = h == null || h.isEmpty() ? null : h.get(0);
                if (first != null && first.action().equals("loaded") && first.feature() != null) {
                    toHistory.add(new FeatureJournal.Entry(e.seq(), "loaded", e.id(), null, null, FeatureJson.of(first.feature(), base.layer())));
                }
            }
            toHistory.add(e);
        }
        historyLog.appendAll(toHistory);
        haltForTest("history");
        // 2. the layer file with everything up to the journal's last seq, atomically
        long seq = pending.get(pending.size() - 1).seq();
        Path tmp = CompactedLayerFile.writeTemp(layerFile, base.layer(), features.values(), seq);
        haltForTest("written");
        CompactedLayerFile.install(tmp, layerFile);
        fileSeq = seq;
        haltForTest("renamed");
        // 3. the journal is empty again (its seq numbering goes on)
        journal.truncate();
        haltForTest("truncated");
        return new Compaction(base.layer().id(), pending.size(), seq, bytesBefore);
    }

    /** Fault tests: {@code -Decozone.test.haltCompactionAt=history|written|renamed|truncated} halts the JVM there. */
    private static void haltForTest(String step) {
        if (step.equals(System.getProperty("ecozone.test.haltCompactionAt"))) Runtime.getRuntime().halt(99);
    }

    /** No compaction starts until {@link #resumeCompaction} (a reload reads the files meanwhile); waits for a running one. */
    public synchronized void suspendCompaction() {
        compactionSuspended = true;
    }

    public synchronized void resumeCompaction() {
        compactionSuspended = false;
    }

    /** Entries in the journal now, and its size in bytes (metrics). */
    public synchronized int journalEntries() {
        return journal.entries().size();
    }

    public long journalBytes() {
        return journal.sizeBytes();
    }

    /** fsyncs the journal (every append already did; shutdown calls it to be sure). */
    public void sync() {
        journal.force();
    }

    @Override
    public synchronized List<FeatureVersion> history(String id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        journal.close();
        if (historyLog != null) historyLog.close();
    }
}
