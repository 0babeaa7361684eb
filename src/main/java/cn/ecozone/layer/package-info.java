/**
 * The layers: the catalog, loading and validating layer files, the {@link cn.ecozone.layer.FeatureSource} interface
 * and its in-memory implementation (packed geometries, STRtree, vector tiles made in the JVM), snapshots, editing
 * (editor, journal, compaction, history) and the {@code LayerStore} that owns the live layer set, editors, access
 * list and styles. {@code SourceUnavailable} says a store cannot be reached, whatever the storage.
 * <p>
 * Not here: analyses, HTTP, reports, configuration sources. The PostGIS implementation is {@code layer.postgis}.
 */
package cn.ecozone.layer;
