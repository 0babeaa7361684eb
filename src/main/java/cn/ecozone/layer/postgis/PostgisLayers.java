package cn.ecozone.layer.postgis;

import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog's layers served from PostGIS tables (made by {@link PostgisImport}), in one schema (a stored version). */
public final class PostgisLayers {
    private PostgisLayers() {}

    public static LayerSet of(Catalog catalog, DataSource db) {
        return of(catalog, db, PgSchema.DEFAULT);
    }

    public static LayerSet of(Catalog catalog, DataSource db, PgSchema schema) {
        Map<String, FeatureSource> sources = new LinkedHashMap<>();
        // editable layers (restoration plots) edit in transactions; the others are read-only
        for (LayerDef l : catalog.layers()) {
            sources.put(l.id(), l.editable() ? new PostgisEditableSource(l, db, schema) : new PostgisFeatureSource(l, db, schema));
        }
        return new LayerSet(catalog, sources);
    }

    /**
     * The layers of the stored version in {@code schema}, after checking that it is one: the schema exists and holds
     * {@code ecozone_meta} and every layer's table. (The default schema is not checked, as before.)
     *
     * @throws UnknownStoredVersion naming the stored versions there are
     */
    public static LayerSet stored(Catalog catalog, DataSource db, PgSchema schema) {
        List<String> missing = schema.missingTables(db, catalog.layers().stream().map(LayerDef::table).toList());
        if (!missing.isEmpty()) throw new UnknownStoredVersion(schema, missing, PgSchema.stored(db));
        return of(catalog, db, schema);
    }

    /** A schema that is no stored version (never imported, or without some of the catalog's tables). */
    public static final class UnknownStoredVersion extends RuntimeException {
        UnknownStoredVersion(PgSchema schema, List<String> missing, List<String> stored) {
            super("数据库中没有数据版本（模式）" + schema.name() + "，或缺少表 " + missing + "；请先运行 import --db URL --schema " + schema.name()
                    + "。已有版本：" + (stored.isEmpty() ? "无" : String.join(", ", stored))
                    + " / no stored version (schema) " + schema.name() + " in the database, or its tables " + missing
                    + " are missing; run import --db URL --schema " + schema.name() + " first. Stored versions: "
                    + (stored.isEmpty() ? "none" : String.join(", ", stored)));
        }
    }
}
