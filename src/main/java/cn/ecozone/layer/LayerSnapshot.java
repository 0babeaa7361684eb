package cn.ecozone.layer;

import cn.ecozone.io.Geometries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A binary snapshot of one parsed, validated layer file, kept in {@code .ecozone-cache/} beside the catalog so a
 * large layer starts in a fraction of the time its GeoJSON takes to parse and check (national scale: 12 M vertices).
 *
 * <p>The snapshot holds the features in id order (ids, attributes by type, geometries as the packed x/y doubles
 * {@link CompactGeometry} keeps in memory, bit for bit), the problems found when the file was parsed and the
 * features' {@link ContentDigest} (what the data version quotes, so no request waits for a pass over every vertex
 * after a start). It is trusted only when its <em>key</em> matches: format version, the digest's definition version,
 * the layer's catalog entry (schema, id property …), the
 * source file's size and a CRC-32C of its whole content (so a {@code touch} keeps it, any change of a byte drops it).
 * The body carries its own CRC-32C: a truncated or corrupt snapshot is ignored, the GeoJSON parsed again and the
 * snapshot rewritten. Written to a temporary file and moved into place atomically; a folder that cannot be written
 * only costs the speed-up. Edits are journaled beside the file and replayed over the loaded layer as before, so the
 * snapshot only ever stands for the file.
 */
public final class LayerSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(LayerSnapshot.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAGIC = 0x455A534E41503031L; // "EZSNAP01"
    private static final int FORMAT = 2;
    /** Files smaller than this parse fast enough; no snapshot is kept for them. */
    public static final long DEFAULT_MIN_BYTES = 1L << 20;
    public static final String FOLDER = ".ecozone-cache";
    /** Distinct string values per layer held as one object each when decoding. */
    private static final int MAX_SHARED_VALUES = 4096;
    /** Shared by every polygon without holes (JTS never writes into a polygon's hole array): 2 MB at national scale. */
    private static final LinearRing[] NO_HOLES = new LinearRing[0];

    private LayerSnapshot() {}

    /** Where the snapshot of a layer lives: {@code <catalog folder>/.ecozone-cache/<layer id>.snapshot}. */
    public static Path fileOf(Path catalogDir, LayerDef def) {
        return catalogDir.resolve(FOLDER).resolve(def.id() + ".snapshot");
    }

    /** The key a snapshot must carry to stand for this file under this catalog entry. */
    public static String key(Path source, LayerDef def) throws IOException {
        CRC32C crc = new CRC32C();
        long size = 0;
        try (FileChannel ch = FileChannel.open(source, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) > 0 || buf.position() > 0) {
                buf.flip();
                size += buf.remaining();
                crc.update(buf);
                buf.clear();
            }
        }
        return "v" + FORMAT + ";digest=" + ContentDigest.VERSION + ";size=" + size + ";crc32c=" + Long.toHexString(crc.getValue()) + ";def=" + sha256(def.toString());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a snapshot holds: the features (id order), the problems found when the file was parsed, and the
     * {@link ContentDigest} of those features (null when none was stored).
     */
    public record Stored(List<SimpleFeature> features, List<Problem> problems, String digest) {}

    /** The content stored under {@code key}, or empty when there is no snapshot, it is stale, or it is damaged. */
    public static Optional<Stored> read(Path snapshot, String key, LayerDef def, SimpleFeatureType type) {
        return read(snapshot, key, def, () -> type);
    }

    /**
     * As above, asking for the feature type only once the snapshot is decoded (its CRS, built by {@code Transforms},
     * first loads GeoTools' referencing classes: the loader does that meanwhile on another thread).
     */
    public static Optional<Stored> read(Path snapshot, String key, LayerDef def, java.util.function.Supplier<SimpleFeatureType> type) {
        if (!Files.isRegularFile(snapshot)) return Optional.empty();
        try (FileChannel ch = FileChannel.open(snapshot, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 24 || size > Integer.MAX_VALUE) return Optional.empty();
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            map.order(ByteOrder.LITTLE_ENDIAN);
            if (map.getLong(0) != MAGIC) return Optional.empty();
            ByteBuffer in = map.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            in.position(8);
            String storedKey = string(in);
            if (!storedKey.equals(key)) {
                LOG.info("图层快照已过期 / snapshot of {} is stale, parsing the file", def.id());
                return Optional.empty();
            }
            CRC32C crc = new CRC32C();
            ByteBuffer body = map.duplicate();
            body.limit((int) size - 8);
            crc.update(body);
            if (crc.getValue() != map.getLong((int) size - 8)) {
                LOG.warn("图层快照损坏 / snapshot of {} is corrupt, parsing the file", def.id());
                return Optional.empty();
            }
            in.limit((int) size - 8);
            return Optional.of(decode(in, def, type));
        } catch (IOException | RuntimeException e) {
            LOG.warn("图层快照不可读 / snapshot of {} unreadable ({}), parsing the file", def.id(), e.toString());
            return Optional.empty();
        }
    }

    private static Stored decode(ByteBuffer in, LayerDef def, java.util.function.Supplier<SimpleFeatureType> typeOf) {
        int nProblems = in.getInt();
        List<Problem> problems = new ArrayList<>(nProblems);
        for (int i = 0; i < nProblems; i++) {
            Problem.Severity sev = in.get() == 0 ? Problem.Severity.ERROR : Problem.Severity.WARNING;
            String fid = nullableString(in);
            String message = string(in);
            Coordinate at = in.get() == 1 ? new Coordinate(in.getDouble(), in.getDouble()) : null;
            problems.add(new Problem(sev, def.id(), fid, message, at));
        }
        String digest = nullableString(in);
        int n = in.getInt();
        List<AttributeDef> attrs = def.attributes();
        GeometryFactory gf = Geometries.FACTORY;
        String[] ids = new String[n];
        Object[][] rows = new Object[n][];
        // values that repeat (a unit's type, a county …) held once: up to this many distinct ones per layer
        java.util.HashMap<String, String> repeated = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            ids[i] = string(in);
            Object[] values = new Object[1 + attrs.size()];
            values[0] = geometry(in, gf);
            for (int a = 0; a < attrs.size(); a++) {
                Object v = value(in);
                // the id attribute's value is the id: one String for both, as when parsed from GeoJSON (7 MB at national scale)
                if (v instanceof String str) {
                    if (str.equals(ids[i])) {
                        v = ids[i];
                    } else {
                        String seen = repeated.get(str);
                        if (seen != null) v = seen;
                        else if (repeated.size() < MAX_SHARED_VALUES) repeated.put(str, str);
                    }
                }
                values[1 + a] = v;
            }
            rows[i] = values;
        }
        if (in.hasRemaining()) throw new IllegalStateException("trailing bytes");
        SimpleFeatureType type = typeOf.get();
        List<SimpleFeature> features = new ArrayList<>(n);
        // one builder for the layer (a builder per feature looked its factory up each time: half of the decoding)
        SimpleFeatureBuilder builder = new SimpleFeatureBuilder(type);
        for (int i = 0; i < n; i++) {
            builder.addAll(rows[i]);
            features.add(builder.buildFeature(ids[i]));
            rows[i] = null;
        }
        return new Stored(features, problems, digest);
    }

    private static Object value(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case 0 -> null;
            case 1 -> string(in);
            case 2 -> in.getLong();
            case 3 -> in.getDouble();
            case 4 -> {
                try {
                    yield MAPPER.readTree(string(in));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> throw new IllegalStateException("bad value tag " + tag);
        };
    }

    private static Geometry geometry(ByteBuffer in, GeometryFactory gf) {
        byte kind = in.get();
        return switch (kind) {
            case 1 -> gf.createPoint(sequence(in));
            case 3 -> polygon(in, gf);
            case 6 -> {
                Polygon[] parts = new Polygon[in.getInt()];
                for (int i = 0; i < parts.length; i++) parts[i] = polygon(in, gf);
                yield gf.createMultiPolygon(parts);
            }
            default -> throw new IllegalStateException("bad geometry kind " + kind);
        };
    }

    private static Polygon polygon(ByteBuffer in, GeometryFactory gf) {
        int rings = in.getInt();
        LinearRing shell = gf.createLinearRing(sequence(in));
        LinearRing[] holes = rings == 1 ? NO_HOLES : new LinearRing[rings - 1];
        for (int i = 0; i < holes.length; i++) holes[i] = gf.createLinearRing(sequence(in));
        return gf.createPolygon(shell, holes);
    }

    private static CoordinateSequence sequence(ByteBuffer in) {
        int n = in.getInt();
        double[] xy = new double[2 * n];
        in.asDoubleBuffer().get(xy);
        in.position(in.position() + 16 * n);
        return new PackedCoordinateSequence.Double(xy, 2, 0);
    }

    /** Per decoding thread: the bytes of one string on their way to a String (no array per string left to the GC). */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    private static String string(ByteBuffer in) {
        int len = in.getInt();
        byte[] b = SCRATCH.get();
        if (b.length < len) {
            b = new byte[len];
            if (len <= 1 << 16) SCRATCH.set(b); // a long JSON value is not kept for the thread's life
        }
        in.get(b, 0, len);
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }

    private static String nullableString(ByteBuffer in) {
        return in.get() == 0 ? null : string(in);
    }

    /**
     * Writes the snapshot of {@code features} (compact geometries, id order), {@code problems} and the features'
     * {@link ContentDigest} ({@code digest}, or null) under {@code key},
     * atomically. Returns false (and leaves no file) when a geometry or value cannot be stored or the folder cannot
     * be written.
     */
    public static boolean write(Path snapshot, String key, LayerDef def, List<SimpleFeature> features, List<Problem> problems, String digest) {
        Path tmp = null;
        try {
            Files.createDirectories(snapshot.getParent());
            tmp = Files.createTempFile(snapshot.getParent(), def.id() + ".", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                Out out = new Out(ch);
                out.putLong(MAGIC);
                out.string(key);
                out.putInt(problems.size());
                for (Problem p : problems) {
                    out.put((byte) (p.isError() ? 0 : 1));
                    out.nullableString(p.featureId());
                    out.string(p.message());
                    if (p.location() == null) {
                        out.put((byte) 0);
                    } else {
                        out.put((byte) 1);
                        out.putDouble(p.location().x);
                        out.putDouble(p.location().y);
                    }
                }
                out.nullableString(digest);
                out.putInt(features.size());
                for (SimpleFeature f : features) {
                    out.string(f.getID());
                    if (!geometry(out, CompactGeometry.of((Geometry) f.getDefaultGeometry()))) return false;
                    for (AttributeDef a : def.attributes()) if (!value(out, f.getAttribute(a.name()))) return false;
                }
                out.finish();
                ch.force(true);
            }
            try {
                Files.move(tmp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, snapshot, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.info("图层快照未写入 / snapshot of {} not written: {}", def.id(), e.toString());
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static boolean value(Out out, Object v) throws IOException {
        if (v == null) {
            out.put((byte) 0);
        } else if (v instanceof String s) {
            out.put((byte) 1);
            out.string(s);
        } else if (v instanceof Long l) {
            out.put((byte) 2);
            out.putLong(l);
        } else if (v instanceof Double d) {
            out.put((byte) 3);
            out.putDouble(d);
        } else if (v instanceof JsonNode j) {
            out.put((byte) 4);
            out.string(MAPPER.writeValueAsString(j));
        } else {
            return false;
        }
        return true;
    }

    private static boolean geometry(Out out, Geometry g) throws IOException {
        if (g instanceof Point p) {
            out.put((byte) 1);
            sequence(out, p.getCoordinateSequence());
        } else if (g instanceof Polygon p) {
            out.put((byte) 3);
            polygon(out, p);
        } else if (g instanceof MultiPolygon mp) {
            out.put((byte) 6);
            out.putInt(mp.getNumGeometries());
            for (int i = 0; i < mp.getNumGeometries(); i++) polygon(out, (Polygon) mp.getGeometryN(i));
        } else {
            return false;
        }
        return true;
    }

    private static void polygon(Out out, Polygon p) throws IOException {
        out.putInt(1 + p.getNumInteriorRing());
        sequence(out, p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) sequence(out, p.getInteriorRingN(i).getCoordinateSequence());
    }

    private static void sequence(Out out, CoordinateSequence cs) throws IOException {
        int n = cs.size();
        out.putInt(n);
        double[] raw = cs instanceof PackedCoordinateSequence.Double pd && pd.getDimension() == 2 ? pd.getRawCoordinates() : null;
        if (raw != null) {
            out.doubles(raw);
        } else {
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xy[2 * i] = cs.getX(i);
                xy[2 * i + 1] = cs.getY(i);
            }
            out.doubles(xy);
        }
    }

    /** A buffered little-endian writer that keeps a CRC-32C of everything written. */
    private static final class Out {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Out(FileChannel ch) {
            this.ch = ch;
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) flush();
        }

        private void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) ch.write(buf);
            buf.clear();
        }

        void put(byte b) throws IOException {
            room(1);
            buf.put(b);
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void putLong(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        void putDouble(double v) throws IOException {
            room(8);
            buf.putDouble(v);
        }

        void doubles(double[] a) throws IOException {
            int i = 0;
            while (i < a.length) {
                room(8);
                int k = Math.min(a.length - i, buf.remaining() / 8);
                buf.asDoubleBuffer().put(a, i, k);
                buf.position(buf.position() + 8 * k);
                i += k;
            }
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            int i = 0;
            while (i < b.length) {
                room(1);
                int k = Math.min(b.length - i, buf.remaining());
                buf.put(b, i, k);
                i += k;
            }
        }

        void nullableString(String s) throws IOException {
            if (s == null) {
                put((byte) 0);
            } else {
                put((byte) 1);
                string(s);
            }
        }

        /** Flushes and appends the CRC-32C of everything before it. */
        void finish() throws IOException {
            flush();
            buf.putLong(crc.getValue());
            buf.flip();
            while (buf.hasRemaining()) ch.write(buf);
        }
    }
}
