package cn.ecozone.api;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.LayerStore;

/**
 * The routes' view of the {@link LayerStore}'s layer set. A reload swaps the whole set at once, so a request sees
 * either the old or the new layers, never a mix: handlers take {@link #current()} once per request.
 */
public final class LiveLayers {
    private final LayerStore<?> store;

    public LiveLayers(LayerStore<?> store) {
        this.store = store;
    }

    public LayerSet current() {
        return store.layers();
    }

    /** The store behind this view (styles, editors, reload). */
    public LayerStore<?> store() {
        return store;
    }

    /** The layer, or a 404 problem naming the layers that exist. */
    public FeatureSource require(String collectionId) {
        LayerSet set = current();
        return set.source(collectionId).orElseThrow(() -> ApiProblem.notFound("没有名为 \"" + collectionId
                + "\" 的图层 / no collection \"" + collectionId + "\"; 现有图层 available: " + set.sources().keySet().stream().sorted().toList()));
    }
}
