package cn.ecozone.layer;

import cn.ecozone.tiles.TileRequest;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.locationtech.jts.geom.Envelope;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A source of the features of one catalog layer. Two implementations: in memory (the default, loaded from
 * the catalog's files) and PostGIS. Analyses and the API only see this interface, so both modes give the
 * same answers. All geometry is EPSG:4490 with x = longitude, y = latitude.
 */
public interface FeatureSource {
    LayerDef layer();

    SimpleFeatureType featureType();

    /** Number of features in the layer. */
    long count();

    /** Extent of all features (lon/lat), or an empty envelope for an empty layer. */
    Envelope extent();

    Optional<SimpleFeature> get(String id);

    /** Number of features matching the query's bbox and filter (offset and limit ignored). */
    long count(FeatureQuery query);

    /** Matching features, sorted, paged; the caller closes the stream (it may hold a database cursor). */
    Stream<SimpleFeature> query(FeatureQuery query);

    /** Features whose envelope intersects the envelope, with prepared geometries, for exact tests by the caller. */
    List<IndexedFeature> candidates(Envelope lonLat);

    /**
     * How many candidates {@link #candidates} would give for the envelope and how many vertices they hold, counting
     * no further once more than {@code maxCandidates} zones or {@code maxVertices} vertices are seen. Cheap: it
     * reads the index, not the geometries' coordinates, and builds no list.
     */
    default Footprint footprint(Envelope lonLat, long maxCandidates, long maxVertices) {
        long n = 0, v = 0;
        for (IndexedFeature c : candidates(lonLat)) {
            n++;
            v += c.vertices();
            if (n > maxCandidates || v > maxVertices) return new Footprint(n, v, false);
        }
        return new Footprint(n, v, true);
    }

    /** Changes whenever the layer's data changes (for ETags and caches). */
    String version();

    /**
     * A Mapbox Vector Tile of the features intersecting the tile (an empty array when there are none). By default
     * made in the JVM from {@link #candidates} ({@link EmbeddedTiles}); the PostGIS sources push it down as one SQL.
     */
    default byte[] vectorTile(TileRequest request) {
        return EmbeddedTiles.encode(this, request);
    }

    /**
     * The features of {@link #vectorTile} before encoding, in tile units with their attributes as a map in each
     * geometry's user data ({@link EmbeddedTiles#features}): what the map tiles (PNG) are painted from. The PostGIS
     * sources decode the tile their SQL makes, so both are painted from the features of the vector tile.
     */
    default List<org.locationtech.jts.geom.Geometry> tileFeatures(TileRequest request) {
        return EmbeddedTiles.features(this, request);
    }
}
