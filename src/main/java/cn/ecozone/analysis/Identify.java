package cn.ecozone.analysis;

import cn.ecozone.io.Geometries;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** "Which zones is this point in?": every polygon zone of every layer that contains the point (boundary included). */
public final class Identify {
    private Identify() {}

    public record ZoneAtPoint(String collection, String collectionTitle, String featureId, String name, Map<String, Object> properties) {}

    /** @param lon longitude, @param lat latitude, CGCS2000 degrees */
    public static List<ZoneAtPoint> at(LayerSet layers, double lon, double lat) {
        Point p = Geometries.FACTORY.createPoint(new Coordinate(lon, lat));
        Envelope e = p.getEnvelopeInternal();
        List<ZoneAtPoint> out = new ArrayList<>();
        for (FeatureSource s : layers.inOrder()) {
            if (!s.layer().isPolygon()) continue;
            for (IndexedFeature c : s.candidates(e)) {
                if (c.prepared().intersects(p)) {
                    out.add(new ZoneAtPoint(s.layer().id(), s.layer().title().zh(), c.id(),
                            FeatureProperties.name(c.feature(), s.layer().nameProperty()), FeatureProperties.of(c.feature())));
                }
            }
        }
        return out;
    }
}
