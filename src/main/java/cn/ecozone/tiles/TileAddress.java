package cn.ecozone.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * One tile of the WebMercatorQuad tile matrix set: zoom (tile matrix) {@code z}, column {@code x} from the west and
 * row {@code y} from the north, as in {@code ST_TileEnvelope(z, x, y)}.
 */
public record TileAddress(int z, int x, int y) {
    public TileAddress {
        if (!WebMercatorQuad.contains(z, x, y)) throw new IllegalArgumentException("tile outside WebMercatorQuad: " + z + "/" + y + "/" + x);
    }

    /** Side of the tile in Web Mercator metres. */
    public double size() {
        return WebMercatorQuad.WORLD_SIZE / (1L << z);
    }

    /** The tile in EPSG:3857 metres (the same bounds as PostGIS {@code ST_TileEnvelope}). */
    public Envelope mercator() {
        double s = size();
        double minX = -WebMercatorQuad.HALF_WORLD + x * s, maxY = WebMercatorQuad.HALF_WORLD - y * s;
        return new Envelope(minX, minX + s, maxY - s, maxY);
    }

    /** The tile in EPSG:4490 / CRS84 lon/lat (Web Mercator is separable, so a tile is a lon/lat rectangle). */
    public Envelope lonLat() {
        Envelope m = mercator();
        return new Envelope(WebMercatorQuad.lon(m.getMinX()), WebMercatorQuad.lon(m.getMaxX()),
                WebMercatorQuad.lat(m.getMinY()), WebMercatorQuad.lat(m.getMaxY()));
    }

    @Override
    public String toString() {
        return z + "/" + y + "/" + x;
    }
}
