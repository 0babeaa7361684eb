package cn.ecozone.layer.postgis;

import cn.ecozone.layer.AttributeType;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads validated layers into PostGIS, one table per layer, each in its own transaction: the new table is built
 * under a temporary name, filled in batches, indexed, then swapped for the old one and the layer's revision bumped,
 * so a re-run replaces the data atomically and readers see the old table or the new one.
 */
public final class PostgisImport {
    private static final int BATCH = 500;
    private final DataSource db;
    private final PgSchema schema;

    public PostgisImport(DataSource db) {
        this(db, PgSchema.DEFAULT);
    }

    /** Imports into {@code schema} (a stored version; created when missing). Other schemas are never touched. */
    public PostgisImport(DataSource db, PgSchema schema) {
        this.db = db;
        this.schema = schema;
    }

    /** Imports every layer of the set; returns feature counts per layer id. */
    public Map<String, Long> importAll(LayerSet layers, PrintStream progress) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FeatureSource s : layers.inOrder()) counts.put(s.layer().id(), importLayer(s, progress));
        return counts;
    }

    public long importLayer(FeatureSource source, PrintStream progress) throws SQLException {
        LayerDef layer = source.layer();
        LayerTable table = new LayerTable(layer, schema);
        String staging = schema.table(layer.table() + "_import");
        long total = source.count(), done = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            schema.create(c);
            try (Statement st = c.createStatement()) {
                st.execute(LayerTable.createMeta(schema));
                st.execute("DROP TABLE IF EXISTS " + staging);
                st.execute(table.create(staging));
            }
            try (PreparedStatement ps = c.prepareStatement(table.insert(staging)); var features = source.query(FeatureQuery.all())) {
                WKBWriter wkb = new WKBWriter();
                for (var it = features.iterator(); it.hasNext(); ) {
                    bind(ps, layer, it.next(), wkb);
                    ps.addBatch();
                    if (++done % BATCH == 0) {
                        ps.executeBatch();
                        bar(progress, layer.id(), done, total);
                    }
                }
                ps.executeBatch();
                bar(progress, layer.id(), done, total);
            }
            try (Statement st = c.createStatement()) {
                st.execute(table.gistIndex(staging, layer.table() + "_geom_gist_new"));
                st.execute("DROP TABLE IF EXISTS " + table.name());
                st.execute("ALTER TABLE " + staging + " RENAME TO " + Sql.ident(layer.table()));
                st.execute("ALTER INDEX " + schema.table(layer.table() + "_geom_gist_new") + " RENAME TO " + Sql.ident(layer.table() + "_geom_gist"));
                st.execute("ANALYZE " + table.name());
            }
            try (PreparedStatement ps = c.prepareStatement(table.bumpRevision())) {
                ps.setString(1, layer.id());
                ps.executeUpdate();
            }
            c.commit();
        }
        if (progress != null) progress.println();
        return done;
    }

    /** Binds a feature to {@link LayerTable#insert}'s parameters: fid, WKB geometry, attributes in catalog order. */
    static void bind(PreparedStatement ps, LayerDef layer, SimpleFeature f, WKBWriter wkb) throws SQLException {
        ps.setString(1, f.getID());
        ps.setBytes(2, wkb.write((Geometry) f.getDefaultGeometry()));
        int i = 3;
        for (AttributeDef a : layer.attributes()) {
            Object v = f.getAttribute(a.name());
            if (v == null) {
                ps.setNull(i++, a.type() == AttributeType.INTEGER ? Types.BIGINT : a.type() == AttributeType.NUMBER ? Types.DOUBLE : Types.VARCHAR);
            } else {
                ps.setObject(i++, a.type() == AttributeType.JSON ? v.toString() : v);
            }
        }
    }

    private static void bar(PrintStream out, String layer, long done, long total) {
        if (out == null) return;
        int width = 30, filled = total == 0 ? width : (int) (width * done / total);
        out.printf("\r%-14s [%s%s] %d/%d", layer, "#".repeat(filled), " ".repeat(width - filled), done, total);
        out.flush();
    }
}
