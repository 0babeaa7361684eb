package cn.ecozone.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OGC WebMercatorQuad tile matrix set (OGC Two Dimensional Tile Matrix Set 2.0, annex D.1): EPSG:3857,
 * 256×256 tiles, origin at the top-left corner of the square world; here zoom levels 0–{@value #MAX_ZOOM}.
 * The spherical Mercator formulas are those of EPSG:3857 (and of PostGIS {@code ST_Transform(…, 3857)} from
 * CGCS2000, whose datum PROJ treats as WGS 84 here).
 */
public final class WebMercatorQuad {
    public static final String ID = "WebMercatorQuad";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    public static final int MAX_ZOOM = 20;
    public static final int TILE_SIZE = 256;
    /** Radius of the EPSG:3857 sphere. */
    public static final double R = 6378137.0;
    /** Half the side of the world square (π·R), as PostGIS {@code ST_TileEnvelope} uses it. */
    public static final double HALF_WORLD = 20037508.342789244;
    public static final double WORLD_SIZE = 2 * HALF_WORLD;
    /** Latitude of the world square's edges. */
    public static final double MAX_LAT = 85.0511287798066;
    /** Scale denominator of zoom 0 for 0.28 mm pixels (the standard value). */
    public static final double SCALE_0 = 559082264.028717;

    private WebMercatorQuad() {}

    public static boolean contains(long z, long x, long y) {
        if (z < 0 || z > MAX_ZOOM) return false;
        long n = 1L << z;
        return x >= 0 && y >= 0 && x < n && y < n;
    }

    /** The tile column holding this longitude at zoom z (clamped to the matrix). */
    public static int column(double lon, int z) {
        long n = 1L << z;
        return (int) Math.max(0, Math.min(n - 1, (long) Math.floor((x(lon) + HALF_WORLD) / WORLD_SIZE * n)));
    }

    /** The tile row holding this latitude at zoom z (row 0 at the top; clamped to the matrix). */
    public static int row(double lat, int z) {
        long n = 1L << z;
        return (int) Math.max(0, Math.min(n - 1, (long) Math.floor((HALF_WORLD - y(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)))) / WORLD_SIZE * n)));
    }

    public static double x(double lon) {
        return R * Math.toRadians(lon);
    }

    public static double y(double lat) {
        double phi = Math.toRadians(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)));
        return R * Math.log(Math.tan(Math.PI / 4 + phi / 2));
    }

    public static double lon(double x) {
        return Math.toDegrees(x / R);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
    }

    /** The tile matrix set as OGC TMS 2.0 JSON. */
    public static Map<String, Object> document(String selfHref) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", ID);
        d.put("title", "Google Maps Compatible for the World (Web Mercator) 网络墨卡托切片方案");
        d.put("uri", URI);
        d.put("crs", CRS);
        d.put("orderedAxes", List.of("X", "Y"));
        d.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z <= MAX_ZOOM; z++) {
            Map<String, Object> m = new LinkedHashMap<>();
            long n = 1L << z;
            m.put("id", String.valueOf(z));
            m.put("scaleDenominator", SCALE_0 / n);
            m.put("cellSize", WORLD_SIZE / TILE_SIZE / n);
            m.put("cornerOfOrigin", "topLeft");
            m.put("pointOfOrigin", List.of(-HALF_WORLD, HALF_WORLD));
            m.put("tileWidth", TILE_SIZE);
            m.put("tileHeight", TILE_SIZE);
            m.put("matrixWidth", n);
            m.put("matrixHeight", n);
            matrices.add(m);
        }
        d.put("tileMatrices", matrices);
        d.put("links", List.of(Map.of("href", selfHref, "rel", "self", "type", "application/json", "title", "本切片方案 / this tile matrix set")));
        return d;
    }

    /** Limits of every tile matrix served (the whole matrix at each zoom 0–20). */
    public static List<Map<String, Object>> limits() {
        List<Map<String, Object>> l = new ArrayList<>();
        for (int z = 0; z <= MAX_ZOOM; z++) {
            long max = (1L << z) - 1;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tileMatrix", String.valueOf(z));
            m.put("minTileRow", 0);
            m.put("maxTileRow", max);
            m.put("minTileCol", 0);
            m.put("maxTileCol", max);
            l.add(m);
        }
        return l;
    }
}
