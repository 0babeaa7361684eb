package cn.ecozone.tiles;

import java.util.List;

/**
 * What a vector tile of one layer should hold: the tile, the MVT layer name, the attributes to carry (in this
 * order; the feature id is always among them through the layer's id attribute), the extent (tile units per side)
 * and the buffer (units drawn beyond each edge, so strokes and labels continue across tile seams).
 */
public record TileRequest(TileAddress tile, String layerName, List<String> properties, int extent, int buffer) {
    public static final int EXTENT = 4096;
    public static final int BUFFER = 64;
    /**
     * Tiles of zooms up to this one are made on a coarser grid, {@value #COARSE_EXTENT} units a side: one unit per
     * pixel of the map's 512-pixel tiles (half a pixel of 256-pixel ones). That is the per-zoom generalisation: every
     * vertex snaps to the pixel grid, so a national view carries pixels, not survey vertices, and shared boundaries
     * stay closed (a shared vertex snaps to the same grid point in both polygons).
     */
    public static final int COARSE_MAX_ZOOM = 7;
    public static final int COARSE_EXTENT = 512;

    public TileRequest {
        properties = List.copyOf(properties);
    }

    /** The tile with this server's extent and buffer for its zoom ({@link #extentAt}). */
    public static TileRequest of(TileAddress tile, String layerName, List<String> properties) {
        int extent = extentAt(tile.z());
        return new TileRequest(tile, layerName, properties, extent, BUFFER * extent / EXTENT);
    }

    /** {@value #COARSE_EXTENT} at zooms up to {@value #COARSE_MAX_ZOOM}, else {@value #EXTENT}. */
    public static int extentAt(int z) {
        return z <= COARSE_MAX_ZOOM ? COARSE_EXTENT : EXTENT;
    }
}
