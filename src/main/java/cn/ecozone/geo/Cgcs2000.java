package cn.ecozone.geo;

import net.sf.geographiclib.Geodesic;

/** Facts of the China Geodetic Coordinate System 2000 (EPSG:4490): the GRS80-like CGCS2000 ellipsoid. */
public final class Cgcs2000 {
    public static final int EPSG = 4490;
    public static final double SEMI_MAJOR_AXIS = 6_378_137.0;
    public static final double FLATTENING = 1.0 / 298.257222101;
    /** Geodesic calculations on the CGCS2000 ellipsoid. */
    public static final Geodesic ELLIPSOID = new Geodesic(SEMI_MAJOR_AXIS, FLATTENING);

    /** Rough bounding box of China (incl. the South China Sea islands), lon/lat degrees. */
    public static final double MIN_LON = 73.0, MAX_LON = 136.0, MIN_LAT = 3.0, MAX_LAT = 54.0;

    private Cgcs2000() {}

    public static boolean inChina(double lon, double lat) {
        return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
    }

    /** True when (x, y) is outside China but (y, x) is inside: most likely lat/lon written in the wrong order. */
    public static boolean looksSwapped(double x, double y) {
        return !inChina(x, y) && inChina(y, x);
    }
}
