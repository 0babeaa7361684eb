package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.databind.JsonNode;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
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
        List<String> attributes = s.layer().attributes().stream().map(AttributeDef::name).sorted().toList();
        List<byte[]> digests = new ArrayList<>();
        // digested in batches on every core (the digests are sorted below, so the order they come in does not matter);
        // batches keep a PostGIS layer streaming instead of held whole in memory
        List<SimpleFeature> batch = new ArrayList<>(BATCH);
        try (Stream<SimpleFeature> features = s.query(FeatureQuery.all())) {
            Iterator<SimpleFeature> it = features.iterator();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    digests.addAll(batch.parallelStream().map(f -> featureDigest(f, attributes)).toList());
                    batch.clear();
                }
            }
        }
        // order-independent: the sorted digests of the features
        digests.sort(Arrays::compare);
        MessageDigest d = sha256();
        for (byte[] b : digests) d.update(b);
        return HexFormat.of().formatHex(d.digest());
    }

    private static final int BATCH = 4096;

    static byte[] featureDigest(SimpleFeature f, List<String> attributes) {
        MessageDigest d = sha256();
        StringBuilder b = new StringBuilder();
        b.append("id=").append(f.getID()).append('\n');
        for (String a : attributes) {
            Object v = f.getAttribute(a);
            b.append(a).append('=').append(canonical(v)).append('\n');
        }
        d.update(b.toString().getBytes(StandardCharsets.UTF_8));
        Object g = f.getDefaultGeometry();
        if (g instanceof Geometry geometry) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(2048); // only how the bytes are fed to the digest
            org.locationtech.jts.geom.CoordinateSequence shell = singleShell(geometry);
            if (shell != null) {
                // a polygon without holes (most zones): the bytes Geometry.norm() would give, read straight from the
                // coordinate sequence (norm() copied the polygon and made an object per coordinate: at national scale
                // that was most of the first site check)
                buf = put(d, buf, Double.NaN, Double.NaN);
                buf = normalizedShell(d, buf, shell);
            } else {
                Geometry n = geometry.norm();
                for (int i = 0; i < n.getNumGeometries(); i++) {
                    buf = put(d, buf, Double.NaN, Double.NaN); // part separator
                    Geometry part = n.getGeometryN(i);
                    if (part instanceof org.locationtech.jts.geom.Polygon p) {
                        buf = ring(d, buf, p.getExteriorRing().getCoordinateSequence());
                        for (int r = 0; r < p.getNumInteriorRing(); r++) buf = ring(d, buf, p.getInteriorRingN(r).getCoordinateSequence());
                    } else if (part instanceof org.locationtech.jts.geom.LineString l) {
                        buf = ring(d, buf, l.getCoordinateSequence());
                    } else {
                        buf = ring(d, buf, part.getCoordinates());
                    }
                }
            }
            buf.flip();
            d.update(buf);
        }
        return d.digest();
    }

    /** The shell of a polygon without holes, alone or as the one part of a multipolygon; else null. */
    private static org.locationtech.jts.geom.CoordinateSequence singleShell(Geometry g) {
        if (g instanceof org.locationtech.jts.geom.MultiPolygon m && m.getNumGeometries() == 1) g = m.getGeometryN(0);
        if (!(g instanceof org.locationtech.jts.geom.Polygon p) || p.isEmpty() || p.getNumInteriorRing() > 0) return null;
        org.locationtech.jts.geom.CoordinateSequence cs = p.getExteriorRing().getCoordinateSequence();
        return cs.size() >= 4 ? cs : null;
    }

    /**
     * A shell as {@code Polygon.normalize} leaves it: started at its least coordinate (x, then y; the first of equal
     * ones, the closing point excluded) and clockwise — the ring rotated there, reversed when counter-clockwise.
     */
    private static java.nio.ByteBuffer normalizedShell(MessageDigest d, java.nio.ByteBuffer buf, org.locationtech.jts.geom.CoordinateSequence cs) {
        int n = cs.size();
        int min = 0;
        for (int i = 1; i <= n - 2; i++) {
            double x = cs.getX(i), y = cs.getY(i), mx = cs.getX(min), my = cs.getY(min);
            if (x < mx || (x == mx && y < my)) min = i;
        }
        // the rotated ring (closed again at its new start), on which the orientation is decided as norm() decides it
        double[] xy = new double[2 * n];
        for (int k = 0; k < n - 1; k++) {
            int i = (min + k) % (n - 1);
            xy[2 * k] = cs.getX(i);
            xy[2 * k + 1] = cs.getY(i);
        }
        xy[2 * n - 2] = xy[0];
        xy[2 * n - 1] = xy[1];
        boolean ccw = org.locationtech.jts.algorithm.Orientation.isCCW(new org.locationtech.jts.geom.impl.PackedCoordinateSequence.Double(xy, 2, 0));
        buf = put(d, buf, Double.POSITIVE_INFINITY, n);
        for (int k = 0; k < n; k++) {
            int j = ccw ? (n - 1 - k) : k;
            buf = put(d, buf, xy[2 * j], xy[2 * j + 1]);
        }
        return buf;
    }

    private static java.nio.ByteBuffer ring(MessageDigest d, java.nio.ByteBuffer buf, org.locationtech.jts.geom.CoordinateSequence cs) {
        buf = put(d, buf, Double.POSITIVE_INFINITY, cs.size());
        for (int i = 0; i < cs.size(); i++) buf = put(d, buf, cs.getX(i), cs.getY(i));
        return buf;
    }

    private static java.nio.ByteBuffer ring(MessageDigest d, java.nio.ByteBuffer buf, Coordinate[] cs) {
        buf = put(d, buf, Double.POSITIVE_INFINITY, cs.length);
        for (Coordinate c : cs) buf = put(d, buf, c.x, c.y);
        return buf;
    }

    private static ByteBuffer put(MessageDigest d, ByteBuffer buf, double x, double y) {
        if (buf.remaining() < 16) {
            buf.flip();
            d.update(buf);
            buf.clear();
        }
        // -0.0 and 0.0 are the same coordinate
        buf.putDouble(x == 0 ? 0 : x).putDouble(y == 0 ? 0 : y);
        return buf;
    }

    /** Numbers by value (an integer stored as 3, 3L or 3.0 is "3"), text as is, dates as ISO. */
    static String canonical(Object v) {
        if (v == null) return "∅";
        if (v instanceof Number n) {
            BigDecimal bd = n instanceof BigDecimal x ? x : new BigDecimal(n.toString());
            bd = bd.stripTrailingZeros();
            return bd.scale() <= 0 ? bd.toBigInteger().toString() : bd.toPlainString();
        }
        if (v instanceof Date date) return date.toInstant().toString();
        return v.toString();
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
            b.append(canonical(n.numberValue()));
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
