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

    public TileRequest {
        properties = List.copyOf(properties);
    }

    public static TileRequest of(TileAddress tile, String layerName, List<String> properties) {
        return new TileRequest(tile, layerName, properties, EXTENT, BUFFER);
    }
}
