package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.Filter;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable in-memory layer: features in id order (looked up by id by binary search) and an STRtree of them
 * (geometries prepared on first use, {@link IndexedFeature}).
 * Safe for any number of concurrent readers; a change makes a new instance. The features given are not changed:
 * one whose geometry is not yet packed ({@link CompactGeometry}) is copied with the packed geometry.
 */
public final class MemoryFeatureSource implements FeatureSource {
    private final LayerDef layer;
    private final SimpleFeatureType type;
    private final List<SimpleFeature> features;
    /** The features with their index entries, in id order: looked up by binary search (no map of 144,604 entries). */
    private final IndexedFeature[] byId;
    private final STRtree index;
    private final Envelope extent;
    private final String version;
    private final String storedDigest;

    public MemoryFeatureSource(LayerDef layer, SimpleFeatureType type, List<SimpleFeature> features, String version) {
        this(layer, type, features, version, null);
    }

    /**
     * As above; {@code storedDigest}: the {@link ContentDigest} of exactly these features, when known without computing
     * it (read from the layer's snapshot), else null.
     */
    MemoryFeatureSource(LayerDef layer, SimpleFeatureType type, List<SimpleFeature> features, String version, String storedDigest) {
        this.layer = layer;
        this.type = type;
        List<SimpleFeature> sorted = new ArrayList<>(features);
        if (!inIdOrder(sorted)) sorted.sort(Comparator.comparing(SimpleFeature::getID, FeatureOrder.IDS)); // a snapshot is in id order already
        this.features = Collections.unmodifiableList(sorted);
        this.byId = new IndexedFeature[sorted.size()];
        this.index = new SortedSTRtree(); // JTS's tree, sorted faster
        this.extent = new Envelope();
        for (int i = 0; i < sorted.size(); i++) {
            SimpleFeature f = sorted.get(i);
            Geometry g = (Geometry) f.getDefaultGeometry();
            Geometry compact = CompactGeometry.of(g);
            if (compact != g) {
                // the caller's feature is left as it was (it may belong to another, live source): a copy holds the packed geometry
                f = SimpleFeatureBuilder.copy(f);
                f.setDefaultGeometry(compact);
                sorted.set(i, f);
                g = compact;
            }
            Envelope e = envelopeOf(g);
            IndexedFeature indexed = new IndexedFeature(f, g, e, i);
            byId[i] = indexed;
            index.insert(e, indexed);
            extent.expandToInclude(e);
        }
        index.build();
        this.version = version;
        this.storedDigest = storedDigest;
    }

    private static boolean inIdOrder(List<SimpleFeature> features) {
        for (int i = 1; i < features.size(); i++) {
            if (FeatureOrder.IDS.compare(features.get(i - 1).getID(), features.get(i).getID()) > 0) return false;
        }
        return true;
    }

    /**
     * The envelope of g, read from its coordinates: {@code Geometry.getEnvelopeInternal} would also keep one in the
     * polygon and one in its shell (JTS 1.20 hands out a copy of the cached one), three per feature with the index's
     * (≈ 14 MB more at national scale); they are made when an analysis first asks.
     */
    static Envelope envelopeOf(Geometry g) {
        Envelope e = new Envelope();
        expand(g, e);
        return e;
    }

    private static void expand(Geometry g, Envelope e) {
        if (g instanceof Polygon p) {
            p.getExteriorRing().getCoordinateSequence().expandEnvelope(e); // the holes are inside the shell
        } else if (g instanceof LineString l) {
            l.getCoordinateSequence().expandEnvelope(e);
        } else if (g instanceof Point pt) {
            pt.getCoordinateSequence().expandEnvelope(e);
        } else if (g instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) expand(c.getGeometryN(i), e);
        } else {
            e.expandToInclude(g.getEnvelopeInternal());
        }
    }

    /** The {@link ContentDigest} of these features when it was read with them (from the layer's snapshot), else null. */
    public String storedDigest() {
        return storedDigest;
    }

    /** The features with their index entries, in id order (position = {@link IndexedFeature#ordinal()}); not to be changed. */
    IndexedFeature[] indexedInOrder() {
        return byId;
    }

    private IndexedFeature find(String id) {
        int lo = 0, hi = byId.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = FeatureOrder.IDS.compare(byId[mid].id(), id);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else {
                // of equal ids (a file with a duplicate, refused by validation) the last, as a map filled in order kept it
                while (mid + 1 < byId.length && byId[mid + 1].id().equals(id)) mid++;
                return byId[mid];
            }
        }
        return null;
    }

    @Override public LayerDef layer() { return layer; }

    @Override public SimpleFeatureType featureType() { return type; }

    @Override public long count() { return features.size(); }

    @Override public Envelope extent() { return new Envelope(extent); }

    @Override public String version() { return version; }

    /** All features in id order (unmodifiable). */
    public List<SimpleFeature> features() {
        return features;
    }

    @Override
    public Optional<SimpleFeature> get(String id) {
        IndexedFeature f = id == null ? null : find(id);
        return f == null ? Optional.empty() : Optional.of(f.feature());
    }

    @Override
    public long count(FeatureQuery q) {
        return matching(q).count();
    }

    @Override
    public Stream<SimpleFeature> query(FeatureQuery q) {
        Stream<SimpleFeature> s = matching(q);
        if (!q.sortBy().isEmpty()) s = s.sorted(FeatureOrder.by(q.sortBy()));
        return s.skip(q.offset()).limit(q.limit());
    }

    private Stream<SimpleFeature> matching(FeatureQuery q) {
        Stream<SimpleFeature> s;
        if (q.bbox() != null) {
            BoxIntersects box = new BoxIntersects(q.bbox());
            s = candidates(q.bbox()).stream()
                    .filter(box::test)
                    .map(IndexedFeature::feature)
                    .sorted(Comparator.comparing(SimpleFeature::getID, FeatureOrder.IDS));
        } else {
            s = features.stream();
        }
        return q.filter() == Filter.INCLUDE ? s : s.filter(q.filter()::evaluate);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<IndexedFeature> candidates(Envelope lonLat) {
        return index.query(lonLat);
    }

    @Override
    public Footprint footprint(Envelope lonLat, long maxCandidates, long maxVertices) {
        long[] nv = new long[2];
        try {
            index.query(lonLat, item -> {
                nv[0]++;
                nv[1] += ((IndexedFeature) item).vertices();
                if (nv[0] > maxCandidates || nv[1] > maxVertices) throw LimitPassed.INSTANCE;
            });
        } catch (LimitPassed stop) {
            return new Footprint(nv[0], nv[1], false);
        }
        return new Footprint(nv[0], nv[1], true);
    }

    /** Stops an index walk once a footprint passes its limit (no stack trace: it is control flow). */
    private static final class LimitPassed extends RuntimeException {
        static final LimitPassed INSTANCE = new LimitPassed();

        private LimitPassed() {
            super(null, null, false, false);
        }
    }

    /** The indexed (prepared) form of a feature, for analyses that start from an id. */
    public Optional<IndexedFeature> indexed(String id) {
        return Optional.ofNullable(id == null ? null : find(id));
    }
}
