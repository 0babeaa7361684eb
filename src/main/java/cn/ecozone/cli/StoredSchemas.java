package cn.ecozone.cli;

import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PgSchema;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.layer.postgis.PostgisLayers;
import cn.ecozone.process.ProcessException;
import cn.ecozone.process.ProcessService;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored data versions of one database (PostGIS mode: a schema each, filled by {@code import --schema}) for the
 * {@code againstVersion} input of {@code batch-check}: a name is validated, the schema must hold the catalog's tables
 * (else a bilingual 400 naming the stored versions), and its layers are opened once and kept (their counts, extents
 * and data-version hashes follow each layer's revision); the access list is read afresh for every job.
 */
public final class StoredSchemas implements ProcessService.StoredVersions {
    private final Catalog catalog;
    private final String jdbcUrl;
    private final Map<PgSchema, LayerSet> open = new ConcurrentHashMap<>();

    public StoredSchemas(Catalog catalog, String jdbcUrl) {
        this.catalog = catalog;
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public Data open(String name) {
        PgSchema schema;
        try {
            schema = PgSchema.of(name);
        } catch (IllegalArgumentException e) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "againstVersion: " + e.getMessage());
        }
        if (schema.isDefault()) throw new ProcessException(ProcessException.Kind.BAD_INPUT, "againstVersion 为空 / againstVersion is empty");
        var pool = Databases.pool(jdbcUrl);
        LayerSet layers;
        try {
            layers = PostgisLayers.stored(catalog, pool, schema); // checks the tables every time: a dropped schema is refused
        } catch (PostgisLayers.UnknownStoredVersion e) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "againstVersion: " + e.getMessage());
        }
        layers = open.computeIfAbsent(schema, s -> PostgisLayers.of(catalog, pool, s));
        return new Data(layers, new PostgisAccessListStore(pool, schema).load());
    }
}
