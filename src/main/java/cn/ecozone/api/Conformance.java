package cn.ecozone.api;

import java.util.Arrays;
import java.util.List;

/**
 * The conformance classes EcoZone declares, as data: each is declared in {@code /conformance} and proved by
 * the conformance tests of its part (OgcPart1Test, OgcPart2CrsTest, OgcPart3FilterTest, GdalClientTest; Part 4: ItemEditRoutesTest).
 */
public enum Conformance {
    CORE("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"),
    GEOJSON("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"),
    HTML("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html"),
    OAS30("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"),
    CRS("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"),
    FILTER("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter"),
    FEATURES_FILTER("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter"),
    QUERYABLES("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables"),
    QUERYABLES_QUERY_PARAMETERS("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters"),
    CQL2_TEXT("http://www.opengis.net/spec/cql2/1.0/conf/cql2-text"),
    BASIC_CQL2("http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2"),
    BASIC_SPATIAL_FUNCTIONS("http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions"),
    // Part 4 (draft) for editable layers: proved by ItemEditRoutesTest and KillDuringEditsTest; PATCH (update) is not offered
    CREATE_REPLACE_DELETE("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete"),
    FEATURES_CRUD("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features"),
    OPTIMISTIC_LOCKING_ETAGS("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags"),
    // OGC API – Tiles Part 1 1.0 (vector tiles of every collection): proved by TilesConformanceTest, MVT content by
    // TileContentTest and, for the PostGIS mode, PostgisTilesTest
    TILES_CORE("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core"),
    TILES_TILESET("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset"),
    TILES_TILESETS_LIST("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list"),
    TILES_GEODATA_TILESETS("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets"),
    TILES_MVT("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt"),
    // map tiles of every collection (/collections/{id}/map/tiles, dataType map) as PNG: proved by MapTilesTest
    TILES_PNG("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png"),
    // OGC Two Dimensional Tile Matrix Set 2.0: the tile matrix set and its JSON encoding (/tileMatrixSets)
    TMS("http://www.opengis.net/spec/tms/2.0/conf/tilematrixset"),
    TMS_JSON("http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset"),
    // OGC API – Processes Part 1 1.0 (site-check, batch-check): proved by ProcessesConformanceTest
    PROCESSES_CORE("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core"),
    PROCESSES_DESCRIPTION("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description"),
    PROCESSES_JSON("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json"),
    PROCESSES_JOB_LIST("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list"),
    PROCESSES_DISMISS("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss");

    private final String uri;

    Conformance(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static List<String> uris() {
        return Arrays.stream(values()).map(Conformance::uri).toList();
    }
}
