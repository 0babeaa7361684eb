package cn.ecozone.layer.postgis;

import cn.ecozone.layer.AttributeType;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.LayerDef;

import java.util.stream.Collectors;

/**
 * The table of a catalog layer: {@code fid text PRIMARY KEY} (the feature id; "fid" so that an attribute may be called "id"), {@code geom geometry(Geometry, 4490)} with a GiST index,
 * one typed column per attribute (string → text, integer → bigint, number → double precision, json → jsonb), and
 * the revision counter in {@code ecozone_meta} that versions it — all in one {@link PgSchema} (a stored version).
 */
final class LayerTable {
    private final LayerDef layer;
    private final PgSchema schema;

    LayerTable(LayerDef layer, PgSchema schema) {
        this.layer = layer;
        this.schema = schema;
    }

    static String createMeta(PgSchema schema) {
        return "CREATE TABLE IF NOT EXISTS " + schema.meta() + " (layer text PRIMARY KEY, revision bigint NOT NULL)";
    }

    /** Bumps the layer's revision in the schema's {@code ecozone_meta}; one parameter, the layer id. */
    String bumpRevision() {
        return "INSERT INTO " + schema.meta() + " AS m (layer, revision) VALUES (?, 1) ON CONFLICT (layer) DO UPDATE SET revision = m.revision + 1";
    }

    /** The layer's table, quoted and qualified by its schema. */
    String name() {
        return schema.table(layer.table());
    }

    PgSchema schema() {
        return schema;
    }

    String create(String tableName) {
        String cols = layer.attributes().stream().map(a -> Sql.ident(a.name()) + " " + sqlType(a)).collect(Collectors.joining(", "));
        return "CREATE TABLE " + tableName + " (fid text PRIMARY KEY, geom geometry(Geometry, 4490) NOT NULL"
                + (cols.isEmpty() ? "" : ", " + cols) + ")";
    }

    String gistIndex(String tableName, String indexName) {
        return "CREATE INDEX " + Sql.ident(indexName) + " ON " + tableName + " USING GIST (geom)";
    }

    /** id, geometry as WKB, then the attributes in catalog order. */
    String selectColumns() {
        StringBuilder b = new StringBuilder("fid, ST_AsBinary(geom) AS wkb");
        for (AttributeDef a : layer.attributes()) {
            b.append(", ").append(Sql.ident(a.name())).append(a.type() == AttributeType.JSON ? "::text" : "");
        }
        return b.toString();
    }

    String insert(String tableName) {
        StringBuilder cols = new StringBuilder("fid, geom"), vals = new StringBuilder("?, ST_GeomFromWKB(?, 4490)");
        for (AttributeDef a : layer.attributes()) {
            cols.append(", ").append(Sql.ident(a.name()));
            vals.append(a.type() == AttributeType.JSON ? ", ?::jsonb" : ", ?");
        }
        return "INSERT INTO " + tableName + " (" + cols + ") VALUES (" + vals + ")";
    }

    /** Updates a row in place (so a concurrent {@code FOR UPDATE} sees the new row); parameters as {@link #insert}. */
    String update() {
        StringBuilder set = new StringBuilder("geom = ST_GeomFromWKB(v.wkb, 4490)"), vals = new StringBuilder("?::text, ?::bytea"),
                names = new StringBuilder("fid, wkb");
        for (AttributeDef a : layer.attributes()) {
            set.append(", ").append(Sql.ident(a.name())).append(" = v.").append(Sql.ident(a.name()));
            vals.append(", ?::").append(sqlType(a));
            names.append(", ").append(Sql.ident(a.name()));
        }
        return "UPDATE " + name() + " SET " + set + " FROM (VALUES (" + vals + ")) AS v(" + names + ") WHERE " + name() + ".fid = v.fid";
    }

    static String sqlType(AttributeDef a) {
        return switch (a.type()) {
            case INTEGER -> "bigint";
            case NUMBER -> "double precision";
            case JSON -> "jsonb";
            default -> "text";
        };
    }
}
