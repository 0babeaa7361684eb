package cn.ecozone.layer;

import cn.ecozone.geo.Transforms;
import org.geotools.api.feature.simple.SimpleFeatureType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the catalog's files into memory (the embedded mode) and validates them: per-feature problems from
 * {@link FeatureBuilder}, then tiling rules across layers.
 */
public final class LayerLoader {
    private LayerLoader() {}

    /**
     * The loaded layers and every problem found; {@link #ok()} when there is no error. {@code fromSnapshot}: the
     * layers read from their {@link LayerSnapshot} instead of their GeoJSON.
     */
    public record Result(LayerSet layers, List<Problem> problems, List<String> fromSnapshot) {
        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }

        public List<Problem> problemsOf(String layer) {
            return problems.stream().filter(p -> p.layer().equals(layer)).toList();
        }
    }

    /** Loads with snapshots for files of 1 MiB and more. */
    public static Result load(Path layersDir) {
        return load(layersDir, true);
    }

    /** Loads with snapshots for files of 1 MiB and more when {@code snapshots} (configuration {@code ops.snapshots}), else without. */
    public static Result load(Path layersDir, boolean snapshots) {
        return load(layersDir, snapshots ? LayerSnapshot.DEFAULT_MIN_BYTES : Long.MAX_VALUE);
    }

    /**
     * Loads the catalog's layers, in parallel. A layer file of at least {@code snapshotMinBytes} is read from its
     * {@link LayerSnapshot} when that stands for the file as it is now; otherwise the GeoJSON is parsed and (when it
     * has no errors) the snapshot rewritten. {@code Long.MAX_VALUE} never uses snapshots.
     */
    public static Result load(Path layersDir, long snapshotMinBytes) {
        // build CGCS2000 (GeoTools' referencing and units classes: ≈ 1 s of class loading the first time) while the layers are read; feature types need it
        Thread epsg = new Thread(() -> Transforms.crs(4490), "epsg-warm-up");
        epsg.setDaemon(true);
        epsg.start();
        Catalog catalog = CatalogReader.read(layersDir);
        List<Problem> problems = new ArrayList<>();
        Map<String, FeatureSource> sources = new LinkedHashMap<>();
        List<Loaded> loaded = catalog.layers().parallelStream()
                .map(def -> loadLayer(catalog, def, snapshotMinBytes))
                .toList();
        List<String> fromSnapshot = new ArrayList<>();
        for (Loaded l : loaded) {
            if (l.fromSnapshot()) fromSnapshot.add(l.source().layer().id());
            problems.addAll(l.problems());
            sources.put(l.source().layer().id(), l.source());
        }
        for (LayerDef def : catalog.layers()) {
            if (def.tiles() == null) continue;
            FeatureSource parent = sources.get(def.tiles().layer());
            if (parent == null) {
                problems.add(Problem.error(def.id(), null, "tiles 指向的图层不存在 / tiling parent layer missing: " + def.tiles().layer()));
                continue;
            }
            problems.addAll(TilingCheck.check(sources.get(def.id()), parent, def.tiles()));
        }
        return new Result(new LayerSet(catalog, sources), problems, List.copyOf(fromSnapshot));
    }

    private record Loaded(MemoryFeatureSource source, List<Problem> problems, boolean fromSnapshot) {}

    private static Loaded loadLayer(Catalog catalog, LayerDef def, long snapshotMinBytes) {
        Path file = catalog.resolve(def.file());
        String version = fileVersion(file);
        String key = null;
        Path snapshot = LayerSnapshot.fileOf(catalog.dir(), def);
        try {
            if (Files.isRegularFile(file) && Files.size(file) >= snapshotMinBytes) key = LayerSnapshot.key(file, def);
        } catch (IOException e) {
            key = null;
        }
        if (key != null) {
            SimpleFeatureType[] typeOf = new SimpleFeatureType[1];
            var stored = LayerSnapshot.read(snapshot, key, def, () -> typeOf[0] = FeatureTypes.of(def));
            if (stored.isPresent()) {
                LayerSnapshot.Stored st = stored.get();
                return new Loaded(new MemoryFeatureSource(def, typeOf[0], st.features(), version, st.digest()), st.problems(), true);
            }
        }
        SimpleFeatureType type = FeatureTypes.of(def);
        LayerFileReader.Content content = LayerFileReader.read(file, def, type);
        boolean keep = key != null && content.problems().stream().noneMatch(Problem::isError);
        // the content digest is stored with the features it stands for (computed once here, not at every start)
        String digest = keep ? ContentDigest.of(def, content.features()) : null;
        MemoryFeatureSource source = new MemoryFeatureSource(def, type, content.features(), version, digest);
        if (keep) LayerSnapshot.write(snapshot, key, def, source.features(), content.problems(), digest);
        return new Loaded(source, content.problems(), false);
    }

    private static String fileVersion(Path file) {
        try {
            return Files.exists(file) ? Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "-" + Long.toHexString(Files.size(file)) : "0";
        } catch (IOException e) {
            return "0";
        }
    }
}
