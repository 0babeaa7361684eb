package cn.ecozone.api;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The layer set the server answers from. A reload swaps the whole set at once, so a request sees either the
 * old or the new layers, never a mix: handlers take {@link #current()} once per request.
 */
public final class LiveLayers {
    private final AtomicReference<LayerSet> current;

    public LiveLayers(LayerSet initial) {
        this.current = new AtomicReference<>(initial);
    }

    public LayerSet current() {
        return current.get();
    }

    public void replace(LayerSet next) {
        current.set(next);
    }

    /** Atomically replaces the set with a function of the current one (retried if another swap got in first). */
    public void update(UnaryOperator<LayerSet> change) {
        current.updateAndGet(change);
    }

    /** The layer, or a 404 problem naming the layers that exist. */
    public FeatureSource require(String collectionId) {
        LayerSet set = current();
        return set.source(collectionId).orElseThrow(() -> ApiProblem.notFound("没有名为 \"" + collectionId
                + "\" 的图层 / no collection \"" + collectionId + "\"; 现有图层 available: " + set.sources().keySet().stream().sorted().toList()));
    }
}
