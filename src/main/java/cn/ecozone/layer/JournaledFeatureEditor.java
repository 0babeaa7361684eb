package cn.ecozone.layer;

import com.fasterxml.jackson.databind.JsonNode;
import org.geotools.api.feature.simple.SimpleFeature;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedded {@link FeatureEditor}: the layer's features in memory over its file, every change appended to a
 * {@link FeatureJournal} (fsynced) before it is acknowledged, and the journal replayed over the file at start.
 * After each change a new immutable {@link MemoryFeatureSource} is published (readers see old or new, never a mix).
 * Changes are serialised by this object's lock. The layer file itself is never rewritten.
 */
public final class JournaledFeatureEditor implements FeatureEditor, AutoCloseable {
    /** The journal of a layer sits beside its file: {@code <layers>/<layerId>.journal.jsonl}. */
    public static Path journalOf(Catalog catalog, LayerDef layer) {
        return catalog.resolve(layer.id() + ".journal.jsonl");
    }

    private final MemoryFeatureSource base;
    private final FeatureJournal journal;
    private final Consumer<FeatureSource> publish;
    private final Clock clock;
    private final FeatureBuilder builder;
    private final Map<String, SimpleFeature> features = new LinkedHashMap<>();
    private final Map<String, List<FeatureVersion>> history = new LinkedHashMap<>();
    private int changes;

    /**
     * Replays the journal over {@code base} and publishes the result.
     *
     * @param publish receives every new version of the layer (e.g. swaps it into the server's live layers)
     * @throws CatalogException when a journal entry no longer fits the layer's schema
     */
    public JournaledFeatureEditor(MemoryFeatureSource base, FeatureJournal journal, Consumer<FeatureSource> publish, Clock clock) {
        this.base = base;
        this.journal = journal;
        this.publish = publish;
        this.clock = clock;
        this.builder = new FeatureBuilder(base.layer(), base.featureType());
        for (SimpleFeature f : base.features()) {
            features.put(f.getID(), f);
            record(new FeatureVersion(f.getID(), 0, "loaded", f, FeatureEtag.of(f, base.layer()), null, null));
        }
        int line = 0;
        for (FeatureJournal.Entry e : journal.entries()) {
            line++;
            SimpleFeature f = e.feature() == null ? null : rebuild(e.feature(), line);
            apply(e.op(), e.id(), f, e.by(), e.at());
        }
        publishCurrent();
    }

    private SimpleFeature rebuild(JsonNode node, int line) {
        FeatureBuilder.Result r = builder.build(node, 0);
        if (r.hasErrors() || r.feature() == null) {
            throw new CatalogException(journal.file() + " 第 " + line + " 条编辑不再符合图层定义 / journal entry " + line
                    + " no longer fits the layer: " + r.problems().stream().map(Problem::message).toList());
        }
        return r.feature();
    }

    private FeatureVersion apply(String op, String id, SimpleFeature f, String by, java.time.Instant at) {
        if (op.equals("delete")) features.remove(id);
        else features.put(id, f);
        changes++;
        return record(new FeatureVersion(id, history.getOrDefault(id, List.of()).size() == 0 ? 1 : lastRevision(id) + 1, op, f,
                f == null ? null : FeatureEtag.of(f, base.layer()), by, at));
    }

    private int lastRevision(String id) {
        List<FeatureVersion> h = history.get(id);
        return h.get(h.size() - 1).revision();
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
        return v;
    }

    @Override
    public synchronized List<FeatureVersion> history(String id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public void close() {
        journal.close();
    }
}
