package cn.ecozone.layer;

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

    /** The loaded layers and every problem found; {@link #ok()} when there is no error. */
    public record Result(LayerSet layers, List<Problem> problems) {
        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }

        public List<Problem> problemsOf(String layer) {
            return problems.stream().filter(p -> p.layer().equals(layer)).toList();
        }
    }

    public static Result load(Path layersDir) {
        Catalog catalog = CatalogReader.read(layersDir);
        List<Problem> problems = new ArrayList<>();
        Map<String, FeatureSource> sources = new LinkedHashMap<>();
        for (LayerDef def : catalog.layers()) {
            SimpleFeatureType type = FeatureTypes.of(def);
            Path file = catalog.resolve(def.file());
            LayerFileReader.Content content = LayerFileReader.read(file, def, type);
            problems.addAll(content.problems());
            sources.put(def.id(), new MemoryFeatureSource(def, type, content.features(), fileVersion(file)));
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
        return new Result(new LayerSet(catalog, sources), problems);
    }

    private static String fileVersion(Path file) {
        try {
            return Files.exists(file) ? Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "-" + Long.toHexString(Files.size(file)) : "0";
        } catch (IOException e) {
            return "0";
        }
    }
}
