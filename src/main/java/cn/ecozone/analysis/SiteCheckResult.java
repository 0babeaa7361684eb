package cn.ecozone.analysis;

import java.util.List;
import java.util.Map;

/**
 * What a site check found. Areas are ellipsoidal on the CGCS2000 ellipsoid (the area of record) in m², with
 * 公顷 and 亩 beside; {@code gkAreaM2} is the Gauss-Krüger plane area in the site's own 3° zone; shares are
 * fractions 0–1; distances are metres on the ellipsoid.
 *
 * @param verdict {@code prohibited}, {@code restricted}, {@code conditional} or {@code allowed} (see {@link Verdict})
 * @param industry the industry id the clauses were matched for, or null (then every industry's clauses count)
 * @param dataDate the catalog's data date, for the report
 */
public record SiteCheckResult(String name, String industry, String industryZh, Site site, String verdict, String verdictZh,
                              List<Hit> hits, List<Nearby> nearby, List<AppliedClause> clauses, List<String> warnings,
                              double nearbyM, String dataDate) {

    /** The site as measured. {@code bbox} is [minLon, minLat, maxLon, maxLat]. */
    public record Site(double areaM2, double areaHa, double areaMu, int gkZone, int gkEpsg, double gkAreaM2,
                       int parcelCount, List<Parcel> parcels, int vertices, String format, String sourceCrs, double[] bbox) {}

    /**
     * One parcel with the area its file declares and the difference (measured − declared), when declared.
     *
     * @param differencePct (measured − declared) / declared × 100
     */
    public record Parcel(String name, double areaM2, double areaHa, double areaMu, double gkAreaM2, Double declaredHa,
                         Double differenceHa, Double differencePct) {}

    /** A zone the site overlaps with positive area. {@code siteShare} = overlap / site, {@code zoneShare} = overlap / zone. */
    public record Hit(String collection, String collectionTitle, String featureId, String name, Map<String, Object> properties,
                      double overlapM2, double overlapHa, double overlapMu, double siteShare, double zoneShare, double zoneAreaM2) {}

    /** A zone (or monitoring point) within the search distance that the site does not overlap. */
    public record Nearby(String collection, String collectionTitle, String featureId, String name, double distanceM) {}

    /** An access-list clause that applies to the site through one hit zone. */
    public record AppliedClause(String clauseId, String severity, String severityZh, String text, String textEn, String basis,
                                String collection, String featureId, String featureName, List<String> industries) {}
}
