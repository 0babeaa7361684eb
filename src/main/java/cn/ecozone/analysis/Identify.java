package cn.ecozone.analysis;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerSet;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Which zones is this point in?": every polygon zone of every layer that contains the point (boundary included).
 * Each candidate is tested by counting the crossings of a ray from the point with its rings, nothing cached: a
 * prepared geometry's index per zone would make a public map clicked all over the country hold several times the
 * layers' memory (measured: 316 MB → 1.7 GB on the national-scale load after 200,000 clicks).
 *
 * <p>The count is JTS's {@link RayCrossingCounter} over every segment whose y-range holds the point's latitude, read
 * straight from the ring's coordinates: the same crossings, in the same rule, as {@link Edges#locate} after {@link
 * Edges#load} (which first boxes every run of 8 segments — more work than one point needs). A ring whose envelope
 * misses the point, skipped by {@code Edges}, is counted here: being closed and away from the point, it adds an even
 * number of crossings and cannot hold the point on a segment, so the answer is the same (held to {@code Edges} on
 * generated zones with holes, parts and shared boundaries by {@code IdentifyTest}).
 */
public final class Identify {
    private Identify() {}

    public record ZoneAtPoint(String collection, String collectionTitle, String featureId, String name, Map<String, Object> properties) {}

    /** A zone that contains the point: its layer and its index entry. */
    @FunctionalInterface
    public interface Hit {
        void zone(FeatureSource layer, IndexedFeature zone);
    }

    /** @param lon longitude, @param lat latitude, CGCS2000 degrees */
    public static List<ZoneAtPoint> at(LayerSet layers, double lon, double lat) {
        List<FeatureSource> polygons = new ArrayList<>();
        for (FeatureSource s : layers.inOrder()) if (s.layer().isPolygon()) polygons.add(s);
        List<ZoneAtPoint> out = new ArrayList<>();
        forEach(polygons, lon, lat, (s, c) -> out.add(zone(s, c)));
        return out;
    }

    /**
     * The zones {@link #at} gives, in its order, handed to {@code each} without building their attributes.
     * {@code polygonLayers}: the set's polygon layers in catalog order.
     */
    public static void forEach(List<FeatureSource> polygonLayers, double lon, double lat, Hit each) {
        At at = new At(lon, lat);
        for (int i = 0, n = polygonLayers.size(); i < n; i++) {
            FeatureSource s = polygonLayers.get(i);
            for (IndexedFeature c : s.candidates(at.envelope)) {
                if (at.in(c.geometry())) each.zone(s, c);
            }
        }
    }

    /** A point zones are tested against, with its scratch coordinates: one per request, not shared between threads. */
    public static final class At {
        final Coordinate p;
        final Envelope envelope;
        private final Coordinate from = new Coordinate(), to = new Coordinate();

        public At(double lon, double lat) {
            this.p = new Coordinate(lon, lat);
            this.envelope = new Envelope(lon, lon, lat, lat);
        }

        /** Whether the zone holds the point, its boundary included. */
        public boolean in(Geometry zone) {
            return covers(zone, p, envelope, from, to);
        }
    }

    /** A zone as {@link #at} answers it: layer id and title, feature id, name, attributes. */
    public static ZoneAtPoint zone(FeatureSource s, IndexedFeature c) {
        return new ZoneAtPoint(s.layer().id(), s.layer().title().zh(), c.id(),
                FeatureProperties.name(c.feature(), s.layer().nameProperty()), FeatureProperties.of(c.feature()));
    }

    /** Whether g holds p, its boundary included. {@code from}, {@code to}: scratch coordinates. */
    static boolean covers(Geometry g, Coordinate p, Envelope at, Coordinate from, Coordinate to) {
        if (g instanceof Polygon poly) {
            RayCrossingCounter counter = new RayCrossingCounter(p);
            return count(poly, p.y, counter, from, to) || counter.getLocation() != Location.EXTERIOR;
        }
        if (g instanceof MultiPolygon mp) {
            RayCrossingCounter counter = new RayCrossingCounter(p);
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                if (count((Polygon) mp.getGeometryN(i), p.y, counter, from, to)) return true;
            }
            return counter.getLocation() != Location.EXTERIOR;
        }
        // anything else in a polygon layer (a collection, a line): the general edge index, as before
        return new Edges().load(g, at).locate(p) != Location.EXTERIOR;
    }

    /** Counts the polygon's rings' crossings; true as soon as p is on a segment. */
    private static boolean count(Polygon poly, double py, RayCrossingCounter counter, Coordinate from, Coordinate to) {
        if (poly.isEmpty()) return false;
        if (count(poly.getExteriorRing(), py, counter, from, to)) return true;
        for (int i = 0; i < poly.getNumInteriorRing(); i++) {
            if (count(poly.getInteriorRingN(i), py, counter, from, to)) return true;
        }
        return false;
    }

    /**
     * One ring's crossings; true as soon as p (latitude {@code py}) is on a segment. Only a segment spanning the
     * point's latitude can cross the ray or hold the point: one wholly above or below changes nothing in {@link
     * RayCrossingCounter#countSegment} either, so it is not handed to it.
     */
    private static boolean count(LinearRing ring, double py, RayCrossingCounter counter, Coordinate from, Coordinate to) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        int size = seq.size();
        if (size < 2) return false;
        if (seq instanceof PackedCoordinateSequence.Double packed) {
            double[] xy = packed.getRawCoordinates();
            int stride = packed.getDimension();
            double y0 = xy[1];
            for (int i = 1, k = stride; i < size; i++, k += stride) {
                double y1 = xy[k + 1];
                if (!(y0 > py && y1 > py) && !(y0 < py && y1 < py)) {
                    from.x = xy[k - stride];
                    from.y = y0;
                    to.x = xy[k];
                    to.y = y1;
                    counter.countSegment(from, to);
                    if (counter.isOnSegment()) return true;
                }
                y0 = y1;
            }
        } else {
            double y0 = seq.getY(0);
            for (int i = 1; i < size; i++) {
                double y1 = seq.getY(i);
                if (!(y0 > py && y1 > py) && !(y0 < py && y1 < py)) {
                    from.x = seq.getX(i - 1);
                    from.y = y0;
                    to.x = seq.getX(i);
                    to.y = y1;
                    counter.countSegment(from, to);
                    if (counter.isOnSegment()) return true;
                }
                y0 = y1;
            }
        }
        return false;
    }
}
