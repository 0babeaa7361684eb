package cn.ecozone.analysis;

import cn.ecozone.geo.Area;
import cn.ecozone.geo.AreaUnits;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * What a site check found. Areas are ellipsoidal on the CGCS2000 ellipsoid (the area of record) in m², with
 * 公顷 and 亩 beside — flat ({@code areaM2}, {@code areaHa}, {@code areaMu}, as the first release wrote them) and as
 * the nested {@code {m2, ha, mu}} objects that measure and stats answer with ({@code area}, {@code overlap} …); {@code gkAreaM2} is the Gauss-Krüger plane area in the site's own 3° zone; shares are
 * fractions 0–1; distances are metres on the ellipsoid.
 *
 * @param verdict the conclusion; JSON writes its id: {@code prohibited}, {@code restricted}, {@code conditional}, {@code allowed}
 *                or {@code outside} (see {@link Verdict})
 * @param industry the industry id the requirements were matched for, or null (then only requirements for every
 *                 project count, and {@code industryVerdicts} gives each industry's verdict)
 * @param dimensions the conclusion in each of the four dimensions (逐维度研判), in table order
 * @param coverage how much of the site the control units cover (null when the layers have no control units)
 * @param dataDate the catalog's data date, for the report
 * @param dataVersion the zoning data this result was computed from (data date + content hashes of layers and access list)
 * @param industryEn the industry's English name from the access list, or null
 * @param warnings what the planner should know, each one string "中文 / English" (kept as the first release wrote them)
 * @param notices the same, one per warning and in the same order, as {@link Notice}s written for people in both languages
 */
public record SiteCheckResult(String name, String industry, String industryZh, String industryEn, Site site, Verdict verdict, String verdictZh,
                              List<DimensionConclusion> dimensions, List<IndustryVerdict> industryVerdicts, Coverage coverage,
                              List<Hit> hits, List<Nearby> nearby, List<AppliedClause> clauses, List<String> warnings,
                              List<Notice> notices, double nearbyM, String dataDate, DataVersion dataVersion) {
    public SiteCheckResult {
        if (notices.size() != warnings.size()) throw new IllegalArgumentException("one notice per warning");
    }

    /**
     * A copy whose {@code dataDate} also names the data version (the reports print the data date), e.g.
     * {@code 2025-12-31，数据版本 2025-12-31-3f9a0c1b2d4e}.
     */
    public SiteCheckResult forReport() {
        if (dataVersion == null) return this;
        String date = (dataDate == null || dataDate.isEmpty() ? "未注明" : dataDate) + "，数据版本 " + dataVersion.id();
        return new SiteCheckResult(name, industry, industryZh, industryEn, site, verdict, verdictZh, dimensions, industryVerdicts, coverage, hits,
                nearby, clauses, warnings, notices, nearbyM, date, dataVersion);
    }

    /** The site as measured. {@code bbox} is [minLon, minLat, maxLon, maxLat]. */
    @JsonPropertyOrder({"areaM2", "areaHa", "areaMu", "gkZone", "gkEpsg", "gkAreaM2", "parcelCount", "parcels", "vertices", "format", "sourceCrs", "bbox",
            "area", "gkArea"})
    public record Site(double areaM2, double areaHa, double areaMu, int gkZone, int gkEpsg, double gkAreaM2,
                       int parcelCount, List<Parcel> parcels, int vertices, String format, String sourceCrs, double[] bbox) {
        /** {@code areaM2}/{@code areaHa}/{@code areaMu} as one {@code {m2, ha, mu}} object. */
        @JsonProperty("area")
        public Area area() {
            return new Area(areaM2, areaHa, areaMu);
        }

        /** {@code gkAreaM2} as {@code {m2, ha, mu}}. */
        @JsonProperty("gkArea")
        public Area gkArea() {
            return Area.ofM2(gkAreaM2);
        }
    }

    /**
     * One parcel with the area its file declares and the difference (measured − declared), when declared.
     *
     * @param differencePct (measured − declared) / declared × 100
     */
    @JsonPropertyOrder({"name", "areaM2", "areaHa", "areaMu", "gkAreaM2", "declaredHa", "differenceHa", "differencePct", "area", "gkArea", "declared"})
    public record Parcel(String name, double areaM2, double areaHa, double areaMu, double gkAreaM2, Double declaredHa,
                         Double differenceHa, Double differencePct) {
        @JsonProperty("area")
        public Area area() {
            return new Area(areaM2, areaHa, areaMu);
        }

        @JsonProperty("gkArea")
        public Area gkArea() {
            return Area.ofM2(gkAreaM2);
        }

        /** The declared area as {@code {m2, ha, mu}}, or null when the file declares none. */
        @JsonProperty("declared")
        public Area declared() {
            return declaredHa == null ? null : Area.ofM2(AreaUnits.haToM2(declaredHa));
        }
    }

    /** A zone the site overlaps with positive area. {@code siteShare} = overlap / site, {@code zoneShare} = overlap / zone. */
    @JsonPropertyOrder({"collection", "collectionTitle", "featureId", "name", "properties", "overlapM2", "overlapHa", "overlapMu", "siteShare", "zoneShare",
            "zoneAreaM2", "overlap", "zoneArea"})
    public record Hit(String collection, String collectionTitle, String featureId, String name, Map<String, Object> properties,
                      double overlapM2, double overlapHa, double overlapMu, double siteShare, double zoneShare, double zoneAreaM2) {
        /** {@code overlapM2}/{@code overlapHa}/{@code overlapMu} as one {@code {m2, ha, mu}} object. */
        @JsonProperty("overlap")
        public Area overlap() {
            return new Area(overlapM2, overlapHa, overlapMu);
        }

        @JsonProperty("zoneArea")
        public Area zoneArea() {
            return Area.ofM2(zoneAreaM2);
        }
    }

    /**
     * A zone (or monitoring point) within the search distance that the site does not overlap; {@code level} is the
     * feature's {@code level} attribute when it has one (water-source 一级/二级/准保护区, a station's 国控…).
     */
    public record Nearby(String collection, String collectionTitle, String featureId, String name, String level, double distanceM) {}

    /**
     * An access-list requirement that applies to the site, with the zone that triggered it (the first of the largest
     * overlap when several do). {@code severity}/{@code severityZh} repeat {@code effect}/{@code effectZh} for clients of
     * the first release.
     */
    public record AppliedClause(String clauseId, String level, String scope, String dimension, String dimensionZh,
                                String effect, String effectZh, String severity, String severityZh, String text, String textEn,
                                String basis, String basisIssuer, String basisDocument, String basisArticle,
                                String collection, String featureId, String featureName, List<String> industries) {}

    /**
     * One dimension's conclusion: the strongest effect among its requirements as a verdict (allowed when none apply),
     * and the requirements of that effect.
     */
    public record DimensionConclusion(String dimension, String dimensionZh, String dimensionEn, Verdict verdict, String verdictZh,
                                      int requirementCount, List<String> strongest) {}

    /** Without an industry: what a project of each industry would get here, and the bans behind it (which zones). */
    public record IndustryVerdict(String industry, String industryZh, String industryEn, Verdict verdict, String verdictZh, List<String> bannedBy,
                                  List<String> bannedWhere) {}

    /** The part of the site inside the control units (the data's coverage), on the ellipsoid. */
    @JsonPropertyOrder({"collection", "coveredM2", "uncoveredM2", "uncoveredShare", "covered", "uncovered"})
    public record Coverage(String collection, double coveredM2, double uncoveredM2, double uncoveredShare) {
        @JsonProperty("covered")
        public Area covered() {
            return Area.ofM2(coveredM2);
        }

        @JsonProperty("uncovered")
        public Area uncovered() {
            return Area.ofM2(uncoveredM2);
        }
    }
}
