package cn.ecozone.layer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent set of layers: the catalog and a feature source per layer, in catalog order. Immutable;
 * a reload builds a new set and swaps it in whole.
 */
public record LayerSet(Catalog catalog, Map<String, FeatureSource> sources) {
    public LayerSet {
        sources = Map.copyOf(sources);
    }

    public Optional<FeatureSource> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** The same set with one layer's source replaced (edits swap in a new version of one layer). */
    public LayerSet with(FeatureSource source) {
        Map<String, FeatureSource> next = new java.util.HashMap<>(sources);
        next.put(source.layer().id(), source);
        return new LayerSet(catalog, next);
    }

    /** Sources in catalog order. */
    public List<FeatureSource> inOrder() {
        return catalog.layers().stream().map(l -> sources.get(l.id())).filter(java.util.Objects::nonNull).toList();
    }
}
