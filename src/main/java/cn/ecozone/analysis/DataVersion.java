package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.ContentDigest;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.MemoryFeatureSource;
import com.fasterxml.jackson.databind.JsonNode;
import org.geotools.api.feature.simple.SimpleFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.stream.Stream;

/**
 * The zoning data a result was computed from: the catalog's data date and SHA-256 hashes of the layers' and the
 * access list's <b>content</b> (not their files): each feature's id, declared attributes and normalised geometry
 * coordinates, in an order-independent digest per layer; the access list as canonical JSON (keys sorted). The same
 * data therefore has the same version whether it is served from the GeoJSON files or from PostGIS.
 *
 * @param id {@code <dataDate>-<first 12 hex digits of the combined hash>}, what a planner quotes
 * @param layersHash hash of every layer's content (hex)
 * @param accessListHash hash of the access list (hex)
 */
public record DataVersion(String id, String dataDate, String layersHash, String accessListHash) {
    /** Per source object (identity): {version, hash}. Keyed by the object, so two folders or databases never share an entry. */
    private static final Map<FeatureSource, String[]> LAYER_HASHES = Collections.synchronizedMap(new WeakHashMap<>());
    /** The last list hashed and its hash, compared by identity (a record's own hashCode would walk the whole list). */
    private static volatile Object[] lastList = {null, null};
    /** The last answer, for the same layer set and list objects and the same layer versions (every request asks). */
    private static volatile Object[] last = {null, null, null, null};

    public static DataVersion of(LayerSet layers, AccessList accessList) {
        // the layers' versions: a field in memory, one small query per layer in PostGIS mode (edits there keep the set)
        StringBuilder versions = new StringBuilder();
        for (FeatureSource s : layers.inOrder()) versions.append(s.layer().id()).append('@').append(s.version()).append(';');
        String key = versions.toString();
        Object[] l = last;
        if (l[0] == layers && l[1] == accessList && key.equals(l[3])) return (DataVersion) l[2];
        DataVersion v = compute(layers, accessList);
        last = new Object[] {layers, accessList, v, key};
        return v;
    }

    private static DataVersion compute(LayerSet layers, AccessList accessList) {
        MessageDigest all = sha256();
        List<FeatureSource> sources = new ArrayList<>(layers.inOrder());
        sources.sort(Comparator.comparing(s -> s.layer().id()));
        for (FeatureSource s : sources) {
            all.update((s.layer().id() + "=" + layerHash(s) + ";").getBytes(StandardCharsets.UTF_8));
        }
        String layersHash = HexFormat.of().formatHex(all.digest());
        String listHash = accessList == null ? "none" : accessListHash(accessList);
        String date = layers.catalog().dataDate();
        String combined = HexFormat.of().formatHex(sha256().digest((layersHash + "|" + listHash).getBytes(StandardCharsets.UTF_8)));
        return new DataVersion((date == null ? "undated" : date) + "-" + combined.substring(0, 12), date, layersHash, listHash);
    }

    /** One lock per source: requests that arrive while a layer is being hashed wait for that one computation. */
    private static final Map<FeatureSource, Object> HASHING = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * One layer's content hash, computed once per layer version (edits and reloads change the version) and by one
     * thread at a time per layer (concurrent first requests on a national load each hashed every feature).
     */
    public static String layerHash(FeatureSource s) {
        String version = s.version();
        String[] cached = LAYER_HASHES.get(s);
        if (cached != null && cached[0].equals(version)) return cached[1];
        synchronized (HASHING.computeIfAbsent(s, k -> new Object())) {
            cached = LAYER_HASHES.get(s);
            if (cached != null && cached[0].equals(version)) return cached[1];
            String h = computeLayerHash(s);
            LAYER_HASHES.put(s, new String[] {version, h});
            return h;
        }
    }

    private static String computeLayerHash(FeatureSource s) {
        // read from the layer's snapshot with the features it stands for: no pass over every vertex
        if (s instanceof MemoryFeatureSource m && m.storedDigest() != null) return m.storedDigest();
        List<String> attributes = s.layer().attributes().stream().map(AttributeDef::name).toList();
        try (Stream<SimpleFeature> features = s.query(FeatureQuery.all())) {
            return ContentDigest.of(features, attributes);
        }
    }

    /** One feature's digest ({@link ContentDigest#featureDigest}). */
    static byte[] featureDigest(SimpleFeature f, List<String> attributes) {
        return ContentDigest.featureDigest(f, attributes);
    }

    /** Numbers by value (an integer stored as 3, 3L or 3.0 is "3"), text as is, dates as ISO. */
    static String canonical(Object v) {
        return ContentDigest.canonical(v);
    }

    public static String accessListHash(AccessList list) {
        Object[] l = lastList;
        if (l[0] == list) return (String) l[1];
        String h;
        StringBuilder b = new StringBuilder();
        canonicalJson(AccessListJson.tree(list), b);
        h = HexFormat.of().formatHex(sha256().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        lastList = new Object[] {list, h};
        return h;
    }

    private static void canonicalJson(JsonNode n, StringBuilder b) {
        if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            b.append('{');
            sorted.forEach((k, v) -> {
                b.append('"').append(k).append("\":");
                canonicalJson(v, b);
                b.append(',');
            });
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            for (JsonNode e : n) {
                canonicalJson(e, b);
                b.append(',');
            }
            b.append(']');
        } else if (n.isNumber()) {
            b.append(ContentDigest.canonical(n.numberValue()));
        } else {
            b.append(n.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
