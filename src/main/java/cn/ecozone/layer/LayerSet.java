package cn.ecozone.layer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One consistent set of layers: the catalog and a feature source per layer, in catalog order. Immutable;
 * a reload builds a new set and swaps it in whole.
 */
public record LayerSet(Catalog catalog, Map<String, FeatureSource> sources) {
    /** The layer kind whose {@code code} attribute lists the control units an access list may name. */
    public static final String UNIT_LAYER_KIND = "control_unit", UNIT_CODE = "code";

    public LayerSet {
        sources = Map.copyOf(sources);
    }

    public Optional<FeatureSource> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** The same set with one layer's source replaced (edits swap in a new version of one layer). */
    public LayerSet with(FeatureSource source) {
        Map<String, FeatureSource> next = new HashMap<>(sources);
        next.put(source.layer().id(), source);
        return new LayerSet(catalog, next);
    }

    /** Sources in catalog order. */
    public List<FeatureSource> inOrder() {
        return catalog.layers().stream().map(l -> sources.get(l.id())).filter(Objects::nonNull).toList();
    }

    /** The codes of every feature of the layers of kind {@code control_unit} (attribute {@code code}): the units an access list may name. */
    public Set<String> unitCodes() {
        Set<String> out = new LinkedHashSet<>();
        for (FeatureSource s : inOrder()) {
            if (!UNIT_LAYER_KIND.equals(s.layer().kind())) continue;
            try (var features = s.query(FeatureQuery.all())) {
                features.forEach(f -> {
                    Object code = f.getAttribute(UNIT_CODE);
                    if (code != null) out.add(code.toString());
                });
            }
        }
        return out;
    }
}
