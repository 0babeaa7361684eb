package cn.ecozone.layer.postgis;

import cn.ecozone.layer.AttributeType;
import cn.ecozone.io.Geometries;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.SortKey;
import cn.ecozone.layer.SourceUnavailable;
import cn.ecozone.tiles.TileAddress;
import cn.ecozone.tiles.TileRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A layer held in PostGIS. Bbox and the translatable part of the filter run in the database as parameterised
 * SQL (the query geometry is given in 4490; the column is never transformed); whatever does not translate is
 * evaluated in memory on the pre-filtered rows. Rows stream with a fetch size: the returned stream holds its
 * connection until closed. Database failures surface as {@link SourceUnavailable} (HTTP 503).
 */
public final class PostgisFeatureSource implements FeatureSource {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FETCH_SIZE = 1000;
    private final LayerDef layer;
    private final SimpleFeatureType type;
    private final DataSource db;
    private final LayerTable table;
    private final FilterToSql filters;
    private volatile Cached cached;

    private record Cached(String version, long count, Envelope extent) {}

    public PostgisFeatureSource(LayerDef layer, DataSource db) {
        this(layer, db, PgSchema.DEFAULT);
    }

    /** The layer's table in {@code schema} (a stored version). */
    public PostgisFeatureSource(LayerDef layer, DataSource db, PgSchema schema) {
        this.layer = layer;
        this.type = FeatureTypes.of(layer);
        this.db = db;
        this.table = new LayerTable(layer, schema);
        this.filters = new FilterToSql(layer);
    }

    @Override public LayerDef layer() { return layer; }

    @Override public SimpleFeatureType featureType() { return type; }

    @Override
    public String version() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT revision FROM " + table.schema().meta() + " WHERE layer = ?")) {
            ps.setString(1, layer.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? "pg-" + rs.getLong(1) : "pg-0";
            }
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
    }

    private Cached summary() {
        String v = version();
        Cached c = cached;
        if (c != null && c.version.equals(v)) return c;
        String sql = "SELECT n, ST_XMin(e), ST_XMax(e), ST_YMin(e), ST_YMax(e) FROM (SELECT count(*) n, ST_Extent(geom) e FROM " + table.name() + ") s";
        try (Connection con = db.getConnection(); PreparedStatement ps = con.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Envelope e = rs.getObject(2) == null ? new Envelope() : new Envelope(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
            c = new Cached(v, rs.getLong(1), e);
            cached = c;
            return c;
        } catch (SQLException ex) {
            throw Databases.unavailable(ex);
        }
    }

    @Override public long count() { return summary().count(); }

    @Override public Envelope extent() { return new Envelope(summary().extent()); }

    @Override
    public Optional<SimpleFeature> get(String id) {
        try (Stream<SimpleFeature> s = rows(Sql.of("SELECT " + table.selectColumns() + " FROM " + table.name() + " WHERE fid = ?", id))) {
            return s.findFirst();
        }
    }

    @Override
    public long count(FeatureQuery q) {
        FilterToSql.Translation t = filters.translate(q.filter());
        Sql where = where(q.bbox(), t);
        if (t.exact()) {
            try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, new Sql("SELECT count(*) FROM " + table.name() + where.text(), where.params()));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw Databases.unavailable(e);
            }
        }
        try (Stream<SimpleFeature> s = query(q.page(0, Long.MAX_VALUE))) {
            return s.count();
        }
    }

    @Override
    public Stream<SimpleFeature> query(FeatureQuery q) {
        FilterToSql.Translation t = filters.translate(q.filter());
        Sql where = where(q.bbox(), t);
        StringBuilder sql = new StringBuilder("SELECT ").append(table.selectColumns()).append(" FROM ").append(table.name()).append(where.text());
        sql.append(" ORDER BY ").append(orderBy(q.sortBy()));
        List<Object> params = new ArrayList<>(where.params());
        if (t.exact()) {
            // the database pages only when it evaluated the whole filter
            if (q.limit() < Long.MAX_VALUE) {
                sql.append(" LIMIT ?");
                params.add(q.limit());
            }
            if (q.offset() > 0) {
                sql.append(" OFFSET ?");
                params.add(q.offset());
            }
            return rows(new Sql(sql.toString(), params));
        }
        return rows(new Sql(sql.toString(), params)).filter(q.filter()::evaluate).skip(q.offset()).limit(q.limit());
    }

    @Override
    public List<IndexedFeature> candidates(Envelope e) {
        PreparedGeometryFactory pgf = new PreparedGeometryFactory();
        try (Stream<SimpleFeature> s = rows(Sql.of("SELECT " + table.selectColumns() + " FROM " + table.name()
                + " WHERE geom && ST_MakeEnvelope(?,?,?,?,4490)", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()))) {
            return s.map(f -> new IndexedFeature(f, pgf.create((Geometry) f.getDefaultGeometry()))).toList();
        }
    }

    /**
     * The tile in one SQL, as pg_tileserv and Martin make them: rows found through the GiST index
     * ({@code geom && tile envelope in 4490}), exactly intersecting the tile, in id order, encoded by
     * {@code ST_AsMVT(ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(z, x, y), extent, buffer, true))}.
     * Every value is a parameter; attribute names are catalog names, quoted.
     */
    @Override
    public byte[] vectorTile(TileRequest r) {
        StringBuilder cols = new StringBuilder();
        for (String p : r.properties()) {
            AttributeDef a = layer.attribute(p).orElseThrow(() -> new IllegalArgumentException("no attribute " + p));
            if (a.type() == AttributeType.JSON) continue;
            cols.append(", ").append(Sql.ident(a.name()));
        }
        String env = "ST_Transform(ST_TileEnvelope(?, ?, ?), 4490)";
        String sql = "SELECT ST_AsMVT(t, ?, ?, 'geom') FROM (SELECT ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(?, ?, ?), ?, ?, true) AS geom"
                + cols + " FROM " + table.name() + " WHERE geom && " + env + " AND ST_Intersects(geom, " + env
                + ") ORDER BY fid COLLATE \"C\") t WHERE t.geom IS NOT NULL";
        TileAddress a = r.tile();
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, Sql.of(sql, r.layerName(), r.extent(),
                a.z(), a.x(), a.y(), r.extent(), r.buffer(), a.z(), a.x(), a.y(), a.z(), a.x(), a.y()));
             ResultSet rs = ps.executeQuery()) {
            byte[] tile = rs.next() ? rs.getBytes(1) : null;
            return tile == null ? new byte[0] : tile;
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
    }

    /** The features of {@link #vectorTile}, decoded from the tile the SQL makes (what the map tiles are painted from). */
    @Override
    public List<Geometry> tileFeatures(TileRequest r) {
        return cn.ecozone.tiles.MvtFeatures.decode(vectorTile(r), r.layerName());
    }

    /**
     * Counted in the database from the GiST index's candidates, at most {@code maxCandidates + 1} rows read, so a
     * country-wide box is refused before its rows are shipped and parsed ({@link #candidates} loads them all).
     */
    @Override
    public Footprint footprint(Envelope e, long maxCandidates, long maxVertices) {
        String sql = "SELECT count(*), coalesce(sum(n), 0) FROM (SELECT ST_NPoints(geom) n FROM " + table.name()
                + " WHERE geom && ST_MakeEnvelope(?,?,?,?,4490) LIMIT ?) s";
        Sql q = Sql.of(sql, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), Math.min(maxCandidates, Long.MAX_VALUE - 1) + 1);
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, q); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1), v = rs.getLong(2);
            return new Footprint(n, v, n <= maxCandidates && v <= maxVertices);
        } catch (SQLException ex) {
            throw Databases.unavailable(ex);
        }
    }

    private Sql where(Envelope bbox, FilterToSql.Translation t) {
        List<Sql> parts = new ArrayList<>();
        if (bbox != null) {
            parts.add(Sql.of("geom && ST_MakeEnvelope(?,?,?,?,4490) AND ST_Intersects(geom, ST_MakeEnvelope(?,?,?,?,4490))",
                    bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(), bbox.getMaxY(), bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(), bbox.getMaxY()));
        }
        if (t.where() != null) parts.add(t.where());
        if (parts.isEmpty()) return Sql.of("");
        Sql joined = Sql.join("AND", parts);
        return new Sql(" WHERE " + joined.text(), joined.params());
    }

    /** The same order as in memory ({@code FeatureOrder}): keys with nulls last ascending, then id by code point. */
    private String orderBy(List<SortKey> keys) {
        StringBuilder b = new StringBuilder();
        for (SortKey k : keys) {
            if (k.property().equals("id")) {
                b.append("fid COLLATE \"C\"");
            } else {
                AttributeDef a = layer.attribute(k.property()).orElse(null);
                if (a == null || a.type() == AttributeType.JSON) continue;
                b.append(Sql.ident(a.name())).append(FilterToSql.collate(a));
            }
            b.append(k.descending() ? " DESC, " : " ASC, ");
        }
        return b.append("fid COLLATE \"C\"").toString();
    }

    private PreparedStatement prepare(Connection c, Sql sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.text());
        for (int i = 0; i < sql.params().size(); i++) ps.setObject(i + 1, sql.params().get(i));
        return ps;
    }

    /** Streams rows as features; the stream owns the connection and must be closed. */
    private Stream<SimpleFeature> rows(Sql sql) {
        Connection c = null;
        try {
            c = db.getConnection();
            c.setAutoCommit(false); // a cursor, so rows arrive FETCH_SIZE at a time
            PreparedStatement ps = prepare(c, sql);
            ps.setFetchSize(FETCH_SIZE);
            ResultSet rs = ps.executeQuery();
            Connection con = c;
            Iterator<SimpleFeature> it = new Iterator<>() {
                Boolean hasNext;

                @Override
                public boolean hasNext() {
                    if (hasNext == null) {
                        try {
                            hasNext = rs.next();
                        } catch (SQLException e) {
                            throw Databases.unavailable(e);
                        }
                    }
                    return hasNext;
                }

                @Override
                public SimpleFeature next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    hasNext = null;
                    return feature(rs);
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false).onClose(() -> {
                try {
                    rs.close();
                    ps.close();
                    con.rollback();
                    con.close();
                } catch (SQLException ignored) {
                    // the connection is discarded by the pool
                }
            });
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already broken
                }
            }
            throw Databases.unavailable(e);
        }
    }

    private SimpleFeature feature(ResultSet rs) {
        try {
            SimpleFeatureBuilder b = new SimpleFeatureBuilder(type);
            Geometry g = new WKBReader(Geometries.FACTORY).read(rs.getBytes(2));
            b.set(FeatureTypes.GEOMETRY, g);
            int col = 3;
            for (AttributeDef a : layer.attributes()) {
                Object v = switch (a.type()) {
                    case INTEGER -> { long l = rs.getLong(col); yield rs.wasNull() ? null : l; }
                    case NUMBER -> { double d = rs.getDouble(col); yield rs.wasNull() ? null : d; }
                    case JSON -> { String s = rs.getString(col); yield s == null ? null : MAPPER.readTree(s); }
                    default -> rs.getString(col);
                };
                b.set(a.name(), v);
                col++;
            }
            return b.buildFeature(rs.getString(1));
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        } catch (ParseException | JsonProcessingException e) {
            throw new IllegalStateException("数据库中的要素无法读取 / unreadable row in " + layer.table() + ": " + e.getMessage(), e);
        }
    }
}
