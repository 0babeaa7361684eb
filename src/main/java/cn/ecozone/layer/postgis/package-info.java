/**
 * PostGIS storage: the {@code FeatureSource} that pushes filters, sorting and tiles ({@code ST_AsMVT}) down into SQL,
 * transactional edits, import of the catalog's layers and the access list into tables, and the connection pools.
 * Database failures are {@code layer.SourceUnavailable} (503).
 * <p>
 * Not here: anything a caller must know to use a source — callers see {@code layer.FeatureSource} only; HTTP and
 * analyses never import this package for their logic.
 */
package cn.ecozone.layer.postgis;
