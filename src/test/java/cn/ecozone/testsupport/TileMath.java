package cn.ecozone.testsupport;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.geom.CoordinateSequence;

/**
 * The slippy-map tile formulas (as in the OSM wiki), written independently of the server's code: tile ranges from
 * lon/lat, the lon/lat rectangle of a tile, and lon/lat → tile units (0–extent, y down) for comparing decoded tiles.
 * The extent is the server's documented one: 4096 units a side, 512 at zooms 0–7 (one unit per pixel of the map's
 * 512-pixel tiles).
 */
public final class TileMath {
    public static final int EXTENT = 4096;
    public static final int COARSE_EXTENT = 512, COARSE_MAX_ZOOM = 7;

    /** The extent of the server's tiles at zoom z. */
    public static int extentAt(int z) {
        return z <= COARSE_MAX_ZOOM ? COARSE_EXTENT : EXTENT;
    }

    private TileMath() {}

    public static int column(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    public static int row(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    /** The tile's lon/lat rectangle. */
    public static Envelope lonLat(int z, int x, int y) {
        double n = 1 << z;
        return new Envelope(x / n * 360 - 180, (x + 1) / n * 360 - 180, lat(y + 1, n), lat(y, n));
    }

    private static double lat(double y, double n) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
    }

    /** Lon/lat → units of tile z/x/y (fractional, y down). */
    public static Coordinate toTile(double lon, double lat, int z, int x, int y) {
        double n = 1 << z, r = Math.toRadians(lat);
        double tx = (lon + 180) / 360 * n, ty = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
        return new Coordinate((tx - x) * extentAt(z), (ty - y) * extentAt(z));
    }

    /** A lon/lat geometry in units of tile z/x/y. */
    public static Geometry toTile(Geometry g, int z, int x, int y) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence cs, Geometry parent) {
                Coordinate[] out = new Coordinate[cs.size()];
                for (int i = 0; i < cs.size(); i++) out[i] = toTile(cs.getX(i), cs.getY(i), z, x, y);
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(g);
    }
}
