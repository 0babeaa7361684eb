package cn.ecozone.analysis;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.LayerSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What a site check will touch, counted from the layers' indexes before it runs: the zones whose envelopes meet the
 * search box (the site's envelope grown by {@code nearbyM}, as {@link SiteCheck} searches) and the vertices they hold.
 * The check's time grows with those vertices (each zone's edges are loaded and met with the site's) and its result
 * with those zones, so this — not the site's own vertex count — says whether a request is small, large or too large.
 * Counting stops at the given limits, so estimating a country-wide site costs no more than the limits.
 *
 * @param complete false when counting stopped at a limit: the numbers are then lower bounds
 */
public record SiteCost(int siteVertices, double nearbyM, long candidates, long zoneVertices, boolean complete) {

    /**
     * @param maxCandidates counting stops past this many zones
     * @param maxZoneVertices counting stops past this many vertices
     */
    public static SiteCost of(LayerSet layers, Geometry site, int siteVertices, double nearbyM, long maxCandidates, long maxZoneVertices) {
        Envelope search = searchEnvelope(site, nearbyM);
        Footprint total = Footprint.NONE;
        for (FeatureSource s : layers.inOrder()) {
            Footprint f = s.footprint(search, maxCandidates - total.candidates(), maxZoneVertices - total.vertices());
            total = total.plus(f);
            if (!total.complete()) break;
        }
        return new SiteCost(siteVertices, nearbyM, total.candidates(), total.vertices(), total.complete());
    }

    /** The box a site check searches for hit and nearby zones. */
    public static Envelope searchEnvelope(Geometry site, double nearbyM) {
        return new NearestDistance(null, site.getEnvelopeInternal()).searchEnvelope(nearbyM);
    }
}
