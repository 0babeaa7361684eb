package cn.ecozone.testsupport;

import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.locationtech.jts.geom.Envelope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A feature source that remembers every query the server ran on it, so tests see what a client made the server do. */
public final class RecordingFeatureSource implements FeatureSource {
    private final FeatureSource delegate;
    private final List<FeatureQuery> queries = new CopyOnWriteArrayList<>();

    public RecordingFeatureSource(FeatureSource delegate) {
        this.delegate = delegate;
    }

    /** The same layers, each wrapped. */
    public static LayerSet wrap(LayerSet set) {
        Map<String, FeatureSource> wrapped = new LinkedHashMap<>();
        set.sources().forEach((id, s) -> wrapped.put(id, new RecordingFeatureSource(s)));
        return new LayerSet(set.catalog(), wrapped);
    }

    public List<FeatureQuery> queries() {
        return List.copyOf(queries);
    }

    public void clear() {
        queries.clear();
    }

    @Override public LayerDef layer() { return delegate.layer(); }

    @Override public SimpleFeatureType featureType() { return delegate.featureType(); }

    @Override public long count() { return delegate.count(); }

    @Override public Envelope extent() { return delegate.extent(); }

    @Override public Optional<SimpleFeature> get(String id) { return delegate.get(id); }

    @Override public long count(FeatureQuery query) { return delegate.count(query); }

    @Override
    public Stream<SimpleFeature> query(FeatureQuery query) {
        queries.add(query);
        return delegate.query(query);
    }

    @Override public List<IndexedFeature> candidates(Envelope lonLat) { return delegate.candidates(lonLat); }

    @Override public String version() { return delegate.version(); }
}
