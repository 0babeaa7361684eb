package cn.ecozone.layer.postgis;

import cn.ecozone.layer.EditRejected;
import cn.ecozone.layer.FeatureBuilder;
import cn.ecozone.layer.FeatureEditor;
import cn.ecozone.layer.FeatureEtag;
import cn.ecozone.layer.FeatureJson;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.FeatureVersion;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.tiles.TileRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An editable layer in PostGIS (OGC API Part 4): reads as {@link PostgisFeatureSource}; every change is one
 * transaction that locks the row ({@code SELECT … FOR UPDATE}), compares the ETag the client saw with the current one
 * ({@link FeatureEtag}, the same as in embedded mode), writes the row and a history row, and bumps the layer's
 * revision. Two servers editing one plot at once: one wins, the other's stale ETag is refused.
 */
public final class PostgisEditableSource implements FeatureSource, FeatureEditor {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PostgisFeatureSource reads;
    private final DataSource db;
    private final LayerTable table;
    private final String history;

    public PostgisEditableSource(LayerDef layer, DataSource db) {
        this(layer, db, PgSchema.DEFAULT);
    }

    /** The layer's table and its history in {@code schema} (a stored version). */
    public PostgisEditableSource(LayerDef layer, DataSource db, PgSchema schema) {
        this.reads = new PostgisFeatureSource(layer, db, schema);
        this.db = db;
        this.table = new LayerTable(layer, schema);
        this.history = schema.table(layer.table() + "_history");
    }

    // reads
    @Override public LayerDef layer() { return reads.layer(); }
    @Override public SimpleFeatureType featureType() { return reads.featureType(); }
    @Override public long count() { return reads.count(); }
    @Override public Envelope extent() { return reads.extent(); }
    @Override public Optional<SimpleFeature> get(String id) { return reads.get(id); }
    @Override public long count(FeatureQuery q) { return reads.count(q); }
    @Override public Stream<SimpleFeature> query(FeatureQuery q) { return reads.query(q); }
    @Override public List<IndexedFeature> candidates(Envelope e) { return reads.candidates(e); }
    @Override public Footprint footprint(Envelope e, long maxCandidates, long maxVertices) {
        return reads.footprint(e, maxCandidates, maxVertices);
    }
    @Override public String version() { return reads.version(); }
    @Override public byte[] vectorTile(TileRequest r) { return reads.vectorTile(r); }
    @Override public List<org.locationtech.jts.geom.Geometry> tileFeatures(TileRequest r) { return reads.tileFeatures(r); }

    @Override
    public Optional<FeatureVersion> current(String id) {
        return reads.get(id).map(f -> new FeatureVersion(id, lastRevision(id), "current", f, FeatureEtag.of(f, layer()), null, null));
    }

    @Override
    public FeatureVersion insert(SimpleFeature feature, String editor) {
        return inTransaction(c -> {
            if (locked(c, feature.getID()).isPresent()) {
                throw new EditRejected(EditRejected.Reason.EXISTS, "编号 " + feature.getID() + " 已存在 / id exists");
            }
            try (PreparedStatement ps = c.prepareStatement(table.insert(table.name()))) {
                PostgisImport.bind(ps, layer(), feature, new WKBWriter());
                ps.executeUpdate();
            }
            return record(c, feature.getID(), "insert", feature, editor);
        });
    }

    @Override
    public FeatureVersion replace(SimpleFeature feature, String expectedEtag, String editor) {
        return inTransaction(c -> {
            SimpleFeature old = checked(c, feature.getID(), expectedEtag);
            try (PreparedStatement ps = c.prepareStatement(table.update())) {
                PostgisImport.bind(ps, layer(), feature, new WKBWriter());
                ps.executeUpdate();
            }
            keepLoadedVersion(c, old);
            return record(c, feature.getID(), "replace", feature, editor);
        });
    }

    @Override
    public FeatureVersion delete(String id, String expectedEtag, String editor) {
        return inTransaction(c -> {
            SimpleFeature old = checked(c, id, expectedEtag);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table.name() + " WHERE fid = ?")) {
                del.setString(1, id);
                del.executeUpdate();
            }
            keepLoadedVersion(c, old);
            return record(c, id, "delete", null, editor);
        });
    }

    @Override
    public List<FeatureVersion> history(String id) {
        List<FeatureVersion> out = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            ensureHistory(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT revision, action, feature::text, etag, editor, at FROM " + history
                    + " WHERE fid = ? ORDER BY revision")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String json = rs.getString(3);
                        Timestamp at = rs.getTimestamp(6);
                        out.add(new FeatureVersion(id, rs.getInt(1), rs.getString(2), json == null ? null : fromJson(json), rs.getString(4),
                                rs.getString(5), at == null ? null : at.toInstant()));
                    }
                }
            }
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
        if (out.isEmpty()) current(id).map(v -> new FeatureVersion(id, 0, "loaded", v.feature(), v.etag(), null, null)).ifPresent(out::add);
        return out;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                ensureHistory(c);
                T result = work.run(c);
                try (PreparedStatement ps = c.prepareStatement(table.bumpRevision())) {
                    ps.setString(1, layer().id());
                    ps.executeUpdate();
                }
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
    }

    private void ensureHistory(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + history + " (fid text NOT NULL, revision int NOT NULL, action text NOT NULL, "
                    + "feature jsonb, etag text, editor text, at timestamptz, PRIMARY KEY (fid, revision))");
        }
    }

    /** The current row, locked until the transaction ends. */
    private Optional<SimpleFeature> locked(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fid FROM " + table.name() + " WHERE fid = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
            }
        }
        return reads.get(id); // read after the lock: the row cannot change under us now
    }

    private SimpleFeature checked(Connection c, String id, String expectedEtag) throws SQLException {
        SimpleFeature old = locked(c, id).orElseThrow(() -> new EditRejected(EditRejected.Reason.NOT_FOUND, "没有编号为 " + id + " 的要素 / no such feature"));
        if (!FeatureEtag.of(old, layer()).equals(expectedEtag)) {
            throw new EditRejected(EditRejected.Reason.STALE, "该要素已被他人修改，请重新读取 / the feature changed since you read it");
        }
        return old;
    }

    /** Before the first change of a loaded feature, its imported version becomes revision 0 of its history. */
    private void keepLoadedVersion(Connection c, SimpleFeature old) throws SQLException {
        if (lastRevision(c, old.getID()) >= 0) return;
        insertHistory(c, old.getID(), 0, "loaded", old, null, null);
    }

    private FeatureVersion record(Connection c, String id, String action, SimpleFeature f, String editor) throws SQLException {
        int revision = Math.max(lastRevision(c, id), 0) + 1;
        Instant at = Instant.now();
        String etag = f == null ? null : FeatureEtag.of(f, layer());
        insertHistory(c, id, revision, action, f, editor, at);
        return new FeatureVersion(id, revision, action, f, etag, editor, at);
    }

    private void insertHistory(Connection c, String id, int revision, String action, SimpleFeature f, String editor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + history + " VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, revision);
            ps.setString(3, action);
            ps.setString(4, f == null ? null : FeatureJson.of(f, layer()).toString());
            ps.setString(5, f == null ? null : FeatureEtag.of(f, layer()));
            ps.setString(6, editor);
            ps.setTimestamp(7, at == null ? null : Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private int lastRevision(String id) {
        try (Connection c = db.getConnection()) {
            ensureHistory(c);
            return Math.max(lastRevision(c, id), 0);
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
    }

    /** -1 when the feature has no history rows. */
    private int lastRevision(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(revision) FROM " + history + " WHERE fid = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int r = rs.getInt(1);
                return rs.wasNull() ? -1 : r;
            }
        }
    }

    private SimpleFeature fromJson(String json) {
        try {
            return new FeatureBuilder(layer(), featureType()).build(MAPPER.readTree(json), 0).feature();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
