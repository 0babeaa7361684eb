package cn.ecozone.analysis;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Which zones is this point in?": every polygon zone of every layer that contains the point (boundary included).
 * Each candidate is tested by counting ray crossings over its edges ({@link Edges#locate}), nothing cached: a
 * prepared geometry's index per zone would make a public map clicked all over the country hold several times the
 * layers' memory (measured: 316 MB → 1.7 GB on the national-scale load after 200,000 clicks).
 */
public final class Identify {
    private Identify() {}

    public record ZoneAtPoint(String collection, String collectionTitle, String featureId, String name, Map<String, Object> properties) {}

    /** @param lon longitude, @param lat latitude, CGCS2000 degrees */
    public static List<ZoneAtPoint> at(LayerSet layers, double lon, double lat) {
        Coordinate p = new Coordinate(lon, lat);
        Envelope e = new Envelope(p);
        Edges edges = new Edges();
        List<ZoneAtPoint> out = new ArrayList<>();
        for (FeatureSource s : layers.inOrder()) {
            if (!s.layer().isPolygon()) continue;
            for (IndexedFeature c : s.candidates(e)) {
                if (edges.load(c.geometry(), e).locate(p) != Location.EXTERIOR) {
                    out.add(new ZoneAtPoint(s.layer().id(), s.layer().title().zh(), c.id(),
                            FeatureProperties.name(c.feature(), s.layer().nameProperty()), FeatureProperties.of(c.feature())));
                }
            }
        }
        return out;
    }
}
