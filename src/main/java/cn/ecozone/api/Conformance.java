package cn.ecozone.api;

import java.util.Arrays;
import java.util.List;

/**
 * The conformance classes EcoZone declares, as data: each is declared in {@code /conformance} and proved by
 * the conformance tests of its part (OgcPart1Test, OgcPart2CrsTest, OgcPart3FilterTest, GdalClientTest).
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
    BASIC_SPATIAL_FUNCTIONS("http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions");

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
