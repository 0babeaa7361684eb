package cn.ecozone.process;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.SiteInput;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One project's line in a batch: what the table, the summary and the version diff need from its site check (the
 * full result is not kept: ten thousand results with their clauses would not fit a job folder comfortably).
 *
 * @param verdict {@code prohibited} … {@code outside} as in a site check, or {@code error} for a bad row
 * @param district the district (admin zone) holding most of the site, or null
 * @param hits the zones overlapped (the admin layer left out: it gives {@code district}); {@code level} is a water-source
 *             level or a control unit's type
 * @param nearestProtected the nearest ecological red line or water-source zone (distance 0 when overlapped), or null
 *                         when none lies within the search distance
 * @param dataVersion the data version id the check used
 * @param siteGeometry the site as read (GeoJSON, CGCS2000 lon/lat) when it has at most {@link #MAX_SITE_GEOMETRY_VERTICES}
 *                     vertices, so the map can draw the project whatever file it came from; else null
 */
public record ProjectOutcome(int row, String source, String name, String industry, String industryZh, String verdict, String verdictZh,
                             String district, Double siteAreaHa, Double siteAreaMu, List<Dimension> dimensions, List<HitRow> hits,
                             Nearest nearestProtected, List<String> warnings, String error, String dataVersion, JsonNode siteGeometry) {
    /** The same bound as the site check's {@code siteGeometry}: larger sites are drawn by their extent. */
    public static final int MAX_SITE_GEOMETRY_VERTICES = 5_000;
    public static final Set<String> PROTECTED_KINDS = Set.of("redline", "water_source");
    public static final String ERROR = "error";

    public record Dimension(String dimensionZh, String verdict, String verdictZh) {}

    public record HitRow(String collection, String collectionTitle, String featureId, String name, String level, double overlapM2,
                         double overlapHa, double overlapMu, double siteShare, double zoneShare) {}

    public record Nearest(String collection, String collectionTitle, String featureId, String name, double distanceM) {}

    /** This row without its site's shape (what a job keeps in memory for its summary and reports). */
    public ProjectOutcome withoutSiteGeometry() {
        return siteGeometry == null ? this : new ProjectOutcome(row, source, name, industry, industryZh, verdict, verdictZh, district, siteAreaHa,
                siteAreaMu, dimensions, hits, nearestProtected, warnings, error, dataVersion, null);
    }

    public boolean failed() {
        return ERROR.equals(verdict);
    }

    public static ProjectOutcome error(ProjectRow row, String industry, String reason) {
        return new ProjectOutcome(row.row(), row.source(), row.name(), industry, null, ERROR, "无法研判", null, null, null, List.of(),
                List.of(), null, List.of(), reason, null, null);
    }

    public static ProjectOutcome of(ProjectRow row, SiteCheckResult r, LayerSet layers) {
        String district = null;
        double best = -1;
        List<HitRow> hits = new ArrayList<>();
        Nearest nearest = null;
        for (SiteCheckResult.Hit h : r.hits()) {
            String kind = kind(layers, h.collection());
            if ("admin".equals(kind)) {
                if (h.overlapM2() > best) {
                    best = h.overlapM2();
                    district = h.name();
                }
                continue;
            }
            // the zone's class: a water-source level, else a control unit's type (a changed type is a changed hit)
            Object level = h.properties() == null ? null : h.properties().get("level");
            if (level == null && h.properties() != null) level = h.properties().get("type");
            hits.add(new HitRow(h.collection(), h.collectionTitle(), h.featureId(), h.name(), level == null ? null : String.valueOf(level),
                    h.overlapM2(), h.overlapHa(), h.overlapMu(), h.siteShare(), h.zoneShare()));
            if (nearest == null && PROTECTED_KINDS.contains(kind)) {
                nearest = new Nearest(h.collection(), h.collectionTitle(), h.featureId(), h.name(), 0);
            }
        }
        if (nearest == null) {
            for (SiteCheckResult.Nearby n : r.nearby()) { // sorted by distance
                if (PROTECTED_KINDS.contains(kind(layers, n.collection()))) {
                    nearest = new Nearest(n.collection(), n.collectionTitle(), n.featureId(), n.name(), n.distanceM());
                    break;
                }
            }
        }
        List<Dimension> dims = new ArrayList<>(r.dimensions().size());
        for (SiteCheckResult.DimensionConclusion d : r.dimensions()) dims.add(new Dimension(d.dimensionZh(), d.verdict().id(), d.verdictZh()));
        dims = List.copyOf(dims);
        return new ProjectOutcome(row.row(), row.source(), r.name() == null ? row.name() : r.name(), r.industry(), r.industryZh(),
                r.verdict().id(), r.verdictZh(), district, r.site().areaHa(), r.site().areaMu(), dims, List.copyOf(hits), nearest,
                r.warnings(), null, r.dataVersion() == null ? null : r.dataVersion().id(), geometry(row.site()));
    }

    /**
     * The site as GeoJSON text (lon/lat, every digit: it measures as the site did) held as a raw value: the job
     * writes it into its rows and the projects output as it is, instead of building a tree of a thousand numbers per
     * project and printing each again (a quarter of the job thread's time before). A row read back after a restart has
     * an ordinary tree here; both serialize to the same JSON object.
     */
    private static JsonNode geometry(SiteInput site) {
        if (site == null || site.vertexCount() > MAX_SITE_GEOMETRY_VERTICES) return null;
        String fast = SiteShapeJson.write(site.geometry());
        if (fast != null) return Jobs.MAPPER.getNodeFactory().rawValueNode(new RawValue(fast));
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Jobs.MAPPER.getFactory().createGenerator(text)) {
            GeoJsonGeometryWriter.write(g, site.geometry());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Jobs.MAPPER.getNodeFactory().rawValueNode(new RawValue(text.toString()));
    }

    private static String kind(LayerSet layers, String collection) {
        Optional<FeatureSource> source = layers.source(collection); // no lambdas per hit (see Admission)
        if (source.isEmpty() || source.get().layer() == null) return collection;
        String kind = source.get().layer().kind();
        return kind == null ? collection : kind;
    }

    /** What the version diff compares: verdict, and each hit zone with its overlap (to 0.01 公顷). */
    Map<String, Object> comparable() {
        Map<String, Object> m = new TreeMap<>();
        m.put("verdict", verdict);
        for (HitRow h : hits) m.put(h.collection() + "/" + h.featureId() + (h.level() == null ? "" : "/" + h.level()), Math.round(h.overlapHa() * 100) / 100.0);
        return m;
    }
}
