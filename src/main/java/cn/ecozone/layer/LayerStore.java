package cn.ecozone.layer;

import cn.ecozone.error.EcoZoneException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The data a server answers from and edits, kept together: the live {@link LayerSet}, an editor per editable layer
 * (journals replayed over the files in embedded mode; the database's own editors in PostGIS mode), the access list
 * and the layers' styles. They are loaded together and swapped together — at start, by {@link #reload()} — so a
 * request sees the old or the new data, never a mix. Routes only call the store, as a handler of pg_featureserv sees
 * only its catalog: they never open journals, stage layers or look at what kind of source a layer is.
 *
 * <p>The access list is typed {@code L} and reached through {@link ListStore}: the access-list package depends on
 * {@code layer} (it reads unit codes from a layer set), so {@code layer} must not depend on it. See
 * {@code docs/architecture.md} §Layer store.
 *
 * @param <L> the access list ({@code cn.ecozone.accesslist.AccessList} in the server)
 */
public final class LayerStore<L> implements AutoCloseable {
    /** Where the access list is kept (a file beside the catalog or PostGIS tables), seen from the store. */
    public interface ListStore<L> {
        /** The stored list, checked. @throws EcoZoneException of kind BAD_INPUT when it has errors (then it is not used) */
        L load();

        /** Stores a checked list atomically: after a failure the old list is still stored, whole. */
        void store(L list) throws IOException;

        /** A human name for messages ({@code layers/access-list.json}, {@code PostGIS}). */
        String describe();
    }

    /** A reload that changed nothing, and why. */
    public static final class ReloadRefused extends RuntimeException {
        public enum Reason {
            /** The layers are read from a database: there are no files to reload. */
            NOT_FROM_FILES,
            /** The access list has errors. */
            ACCESS_LIST,
            /** A layer file has errors. */
            LAYERS
        }

        private final Reason reason;

        ReloadRefused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** One layer's style file: its JSON, or why it could not be read. */
    public record Style(JsonNode json, String error) {}

    /**
     * Everything live, swapped as one value.
     *
     * @param opening the {@code Staging} the editors were opened with: only they may publish into this state
     */
    private record State<L>(LayerSet layers, Map<String, FeatureEditor> editors, L accessList, Map<String, Style> styles, Object opening) {
        State<L> withLayers(LayerSet next) {
            return new State<>(next, editors, accessList, styles, opening);
        }

        State<L> withAccessList(L next) {
            return new State<>(layers, editors, next, styles, opening);
        }
    }

    /*
     * The one lock of the store. It guards which layer set, editors, access list and styles are live: every change
     * holds it — an edit (insert, replace, delete: the editor is looked up and called under it, so no edit lands on an
     * editor that a reload is closing), the layer versions editors publish, an access-list replacement, a reload. Reads
     * take no lock: they read the volatile state once. Each editor still serialises its own layer with its own monitor
     * (and compaction runs under that monitor, not this one, so folding a journal never blocks reads or other layers'
     * bookkeeping beyond that layer's edits).
     */
    private final Object lock = new Object();
    private volatile State<L> state;
    private final ListStore<L> lists;
    private final Path stylesDir;
    private final CompactionPolicy compaction;
    private final Clock clock;
    private final boolean fromFiles;

    private LayerStore(ListStore<L> lists, Path stylesDir, CompactionPolicy compaction, Clock clock, boolean fromFiles) {
        this.lists = lists;
        this.stylesDir = stylesDir;
        this.compaction = compaction;
        this.clock = clock;
        this.fromFiles = fromFiles;
    }

    /**
     * Opens the editors (replaying the embedded journals), reads the access list and the styles, and makes them live.
     *
     * @param fromFiles the layers were read from the catalog's files (embedded mode): only then can they be reloaded
     * @throws EcoZoneException of kind BAD_INPUT when the access list has errors
     */
    public static <L> LayerStore<L> open(LayerSet loaded, ListStore<L> lists, Path stylesDir, CompactionPolicy compaction, Clock clock,
                                         boolean fromFiles) {
        LayerStore<L> s = new LayerStore<>(lists, stylesDir, compaction, clock, fromFiles);
        L list = lists.load();
        synchronized (s.lock) {
            s.state = s.opened(loaded, list);
        }
        return s;
    }

    /** The layer set now; take it once per request. */
    public LayerSet layers() {
        return state.layers();
    }

    /** The access list now; take it once per request. */
    public L accessList() {
        return state.accessList();
    }

    /** Where the access list is kept, for messages. */
    public String describeAccessList() {
        return lists.describe();
    }

    /** The catalog layer's style (its file in the styles folder as read at start or the last reload), or empty. */
    public Optional<Style> style(String layerId) {
        return Optional.ofNullable(state.styles().get(layerId));
    }

    /** The editable layer's definition, or empty when the layer does not exist or is read-only. */
    public Optional<LayerDef> editable(String layerId) {
        FeatureEditor e = state.editors().get(layerId);
        return e == null ? Optional.empty() : Optional.of(e.layer());
    }

    /** The current version of a feature of an editable layer (its ETag), or empty. */
    public Optional<FeatureVersion> current(String layerId, String featureId) {
        FeatureEditor e = state.editors().get(layerId);
        return e == null ? Optional.empty() : e.current(featureId);
    }

    /** Every version of a feature of an editable layer, oldest first (empty when there is none). */
    public List<FeatureVersion> history(String layerId, String featureId) {
        FeatureEditor e = state.editors().get(layerId);
        return e == null ? List.of() : e.history(featureId);
    }

    /** Adds a validated feature; {@link EditRejected} as {@link FeatureEditor#insert}, or NOT_FOUND when the layer is not editable. */
    public FeatureVersion insert(String layerId, SimpleFeature feature, String editor) {
        synchronized (lock) {
            return editor(layerId).insert(feature, editor);
        }
    }

    public FeatureVersion replace(String layerId, SimpleFeature feature, String expectedEtag, String editor) {
        synchronized (lock) {
            return editor(layerId).replace(feature, expectedEtag, editor);
        }
    }

    public FeatureVersion delete(String layerId, String featureId, String expectedEtag, String editor) {
        synchronized (lock) {
            return editor(layerId).delete(featureId, expectedEtag, editor);
        }
    }

    private FeatureEditor editor(String layerId) {
        FeatureEditor e = state.editors().get(layerId);
        if (e == null) throw new EditRejected(EditRejected.Reason.NOT_FOUND, "图层 " + layerId + " 不可编辑 / layer " + layerId + " is not editable");
        return e;
    }

    /** Folds every embedded journal into its layer file now (each under its editor's own lock). */
    public List<JournaledFeatureEditor.Compaction> compact() {
        return journaledEditors().stream().map(JournaledFeatureEditor::compact).toList();
    }

    /** The embedded editors (journals), for metrics and the fsync at shutdown; edits go through the store. */
    public List<JournaledFeatureEditor> journaledEditors() {
        return journaled(state);
    }

    private static List<JournaledFeatureEditor> journaled(State<?> s) {
        return s.editors().values().stream().filter(e -> e instanceof JournaledFeatureEditor).map(e -> (JournaledFeatureEditor) e).toList();
    }

    /** Stores a checked access list, then makes it live with the same layers. */
    public void replaceAccessList(L next) throws IOException {
        synchronized (lock) {
            lists.store(next);
            state = state.withAccessList(next);
        }
    }

    /**
     * Reads the catalog's files, the access list and the styles again and swaps them in together; the journals are
     * replayed over the new files. When anything has errors nothing changes.
     *
     * @throws ReloadRefused why nothing changed
     */
    public LayerSet reload() {
        if (!fromFiles) {
            throw new ReloadRefused(ReloadRefused.Reason.NOT_FROM_FILES, "PostGIS 模式下数据由 import 更新，所有服务器立即可见 / "
                    + "in PostGIS mode the data changes through import and every server sees it at once");
        }
        synchronized (lock) {
            L list;
            try {
                list = lists.load();
            } catch (EcoZoneException e) {
                if (e.kind() != EcoZoneException.Kind.BAD_INPUT) throw e; // e.g. the database is unavailable: 503, not the list's fault
                throw new ReloadRefused(ReloadRefused.Reason.ACCESS_LIST, e.getMessage());
            }
            // no compaction may rewrite a layer file while it is read (and the old editors are replaced)
            List<JournaledFeatureEditor> old = journaled(state);
            old.forEach(JournaledFeatureEditor::suspendCompaction);
            LayerLoader.Result r = LayerLoader.load(state.layers().catalog().dir());
            if (!r.ok()) {
                old.forEach(JournaledFeatureEditor::resumeCompaction);
                throw new ReloadRefused(ReloadRefused.Reason.LAYERS, r.problems().stream().filter(Problem::isError).map(Problem::describe)
                        .collect(Collectors.joining("\n")));
            }
            old.forEach(JournaledFeatureEditor::close);
            state = opened(r.layers(), list);
            return state.layers();
        }
    }

    /** Under the lock: the editors of {@code loaded} opened (journals replayed) and the styles read; the caller makes it live. */
    private State<L> opened(LayerSet loaded, L list) {
        Staging staging = new Staging(loaded);
        Map<String, FeatureEditor> editors = new LinkedHashMap<>();
        for (FeatureSource s : loaded.inOrder()) {
            if (!s.layer().editable()) continue;
            if (s instanceof FeatureEditor e) {
                editors.put(s.layer().id(), e); // a database source edits itself, in transactions
            } else if (s instanceof MemoryFeatureSource m) {
                editors.put(s.layer().id(), JournaledFeatureEditor.open(loaded.catalog(), m, staging::publish, clock, compaction));
            }
        }
        staging.live = true;
        return new State<>(staging.staged, Map.copyOf(editors), list, readStyles(stylesDir, loaded.catalog()), staging);
    }

    /**
     * Where the versions editors publish go: while they are being opened, into the layer set being staged; once it
     * is live, into the live state — and never again after a reload replaced them.
     */
    private final class Staging {
        private LayerSet staged;
        private boolean live;

        Staging(LayerSet loaded) {
            this.staged = loaded;
        }

        void publish(FeatureSource s) {
            synchronized (lock) {
                if (!live) {
                    staged = staged.with(s);
                } else if (state != null && state.opening() == this) {
                    state = state.withLayers(state.layers().with(s));
                }
            }
        }
    }

    /** fsyncs and closes the journals. */
    @Override
    public void close() {
        synchronized (lock) {
            for (JournaledFeatureEditor e : journaled(state)) {
                e.sync();
                e.close();
            }
        }
    }

    /** Plain file names only: nothing can climb out of the styles folder. */
    private static final Pattern STYLE_FILE = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every catalog layer's style file that exists, keyed by layer id. */
    static Map<String, Style> readStyles(Path stylesDir, Catalog catalog) {
        Map<String, Style> out = new LinkedHashMap<>();
        for (LayerDef l : catalog.layers()) readStyle(stylesDir, l).ifPresent(s -> out.put(l.id(), s));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The layer's style file in {@code stylesDir} ({@code style} in the catalog, else {@code <id>.json}), or empty when
     * it has none; a file that is not JSON is a style with an error. Only a plain file name is ever opened.
     */
    public static Optional<Style> readStyle(Path stylesDir, LayerDef layer) {
        String name = layer.style() == null || layer.style().isBlank() ? layer.id() + ".json" : layer.style();
        if (stylesDir == null || !STYLE_FILE.matcher(name).matches()) return Optional.empty();
        Path file = stylesDir.resolve(name);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(new Style(JSON.readTree(file.toFile()), null));
        } catch (IOException e) {
            return Optional.of(new Style(null, "样式文件 " + name + " 不是有效的 JSON / not valid JSON: " + e.getMessage()));
        }
    }
}
