package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content digest of a layer that {@code analysis.DataVersion} quotes: SHA-256 over the sorted SHA-256 digests of
 * its features (each feature's id, declared attributes by name and normalised geometry coordinates), so it does not
 * depend on the order features come in, nor on whether they come from a file, a snapshot or PostGIS. It lives here,
 * below the analyses, so that a {@link LayerSnapshot} can store it with the features it stands for: a layer read
 * from its snapshot then needs no pass over its 12 M vertices before its first answer.
 */
public final class ContentDigest {
    /**
     * Bumped whenever the bytes digested change: part of every snapshot's key, so a digest stored by older code is
     * never trusted.
     */
    public static final int VERSION = 1;
    private static final int BATCH = 4096;

    private ContentDigest() {}

    /** The digest (hex) of these features with these attributes (their names, sorted here). */
    public static String of(Stream<SimpleFeature> features, List<String> attributeNames) {
        List<String> attributes = attributeNames.stream().sorted().toList();
        List<byte[]> digests = new ArrayList<>();
        // digested in batches on every core (the digests are sorted below, so the order they come in does not matter);
        // batches keep a PostGIS layer streaming instead of held whole in memory
        List<SimpleFeature> batch = new ArrayList<>(BATCH);
        Iterator<SimpleFeature> it = features.iterator();
        while (it.hasNext()) {
            batch.add(it.next());
            if (batch.size() == BATCH || !it.hasNext()) {
                digests.addAll(batch.parallelStream().map(f -> featureDigest(f, attributes)).toList());
                batch.clear();
            }
        }
        digests.sort(Arrays::compare);
        MessageDigest d = sha256();
        for (byte[] b : digests) d.update(b);
        return HexFormat.of().formatHex(d.digest());
    }

    /** The digest of a layer's features with its declared attributes. */
    public static String of(LayerDef layer, List<SimpleFeature> features) {
        return of(features.stream(), layer.attributes().stream().map(AttributeDef::name).toList());
    }

    /** One feature's digest: {@code attributes} in the order given (sorted by name when a layer is digested). */
    public static byte[] featureDigest(SimpleFeature f, List<String> attributes) {
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
            ByteBuffer buf = ByteBuffer.allocate(2048); // only how the bytes are fed to the digest
            CoordinateSequence shell = singleShell(geometry);
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
                    if (part instanceof Polygon p) {
                        buf = ring(d, buf, p.getExteriorRing().getCoordinateSequence());
                        for (int r = 0; r < p.getNumInteriorRing(); r++) buf = ring(d, buf, p.getInteriorRingN(r).getCoordinateSequence());
                    } else if (part instanceof LineString l) {
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
    private static CoordinateSequence singleShell(Geometry g) {
        if (g instanceof MultiPolygon m && m.getNumGeometries() == 1) g = m.getGeometryN(0);
        if (!(g instanceof Polygon p) || p.isEmpty() || p.getNumInteriorRing() > 0) return null;
        CoordinateSequence cs = p.getExteriorRing().getCoordinateSequence();
        return cs.size() >= 4 ? cs : null;
    }

    /**
     * A shell as {@code Polygon.normalize} leaves it: started at its least coordinate (x, then y; the first of equal
     * ones, the closing point excluded) and clockwise — the ring rotated there, reversed when counter-clockwise.
     */
    private static ByteBuffer normalizedShell(MessageDigest d, ByteBuffer buf, CoordinateSequence cs) {
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
        boolean ccw = Orientation.isCCW(new PackedCoordinateSequence.Double(xy, 2, 0));
        buf = put(d, buf, Double.POSITIVE_INFINITY, n);
        for (int k = 0; k < n; k++) {
            int j = ccw ? (n - 1 - k) : k;
            buf = put(d, buf, xy[2 * j], xy[2 * j + 1]);
        }
        return buf;
    }

    private static ByteBuffer ring(MessageDigest d, ByteBuffer buf, CoordinateSequence cs) {
        buf = put(d, buf, Double.POSITIVE_INFINITY, cs.size());
        for (int i = 0; i < cs.size(); i++) buf = put(d, buf, cs.getX(i), cs.getY(i));
        return buf;
    }

    private static ByteBuffer ring(MessageDigest d, ByteBuffer buf, Coordinate[] cs) {
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
    public static String canonical(Object v) {
        if (v == null) return "∅";
        if (v instanceof Number n) {
            BigDecimal bd = n instanceof BigDecimal x ? x : new BigDecimal(n.toString());
            bd = bd.stripTrailingZeros();
            return bd.scale() <= 0 ? bd.toBigInteger().toString() : bd.toPlainString();
        }
        if (v instanceof Date date) return date.toInstant().toString();
        return v.toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
