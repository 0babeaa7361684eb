package cn.ecozone.api.ogc;

/** The media types the OGC API answers with. */
public final class MediaTypes {
    public static final String JSON = "application/json";
    public static final String GEOJSON = "application/geo+json";
    public static final String HTML = "text/html";
    public static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    public static final String JSON_SCHEMA = "application/schema+json";

    private MediaTypes() {}
}
