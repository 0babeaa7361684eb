package cn.ecozone.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The features of an encoded vector tile, decoded back to tile units with their attributes as a map in the user data
 * (rings classified by winding, MVT 2.1): how sources that make tiles elsewhere (PostGIS {@code ST_AsMVT}) hand the
 * map-tile painter the very features of their vector tile.
 */
public final class MvtFeatures {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private MvtFeatures() {}

    /** The features of the named MVT layer in the tile, in tile order; none for an empty tile or a tile without that layer. */
    public static List<Geometry> decode(byte[] tile, String layerName) {
        if (tile == null || tile.length == 0) return List.of();
        try {
            JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), FACTORY, new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
            JtsLayer layer = mvt.getLayer(layerName);
            return layer == null ? List.of() : new ArrayList<>(layer.getGeometries());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
