package cn.ecozone.process;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The former {@code ProjectOutcome.of} (before branch jit4: Optional.map and a stream), kept as a test oracle. */
final class FormerProjectOutcome {
    private FormerProjectOutcome() {}

    /** The row {@code ProjectOutcome.of} made; the site's shape (unchanged code) is passed in. */
    static ProjectOutcome of(ProjectRow row, SiteCheckResult r, LayerSet layers, JsonNode siteGeometry) {
        String district = null;
        double best = -1;
        List<ProjectOutcome.HitRow> hits = new ArrayList<>();
        ProjectOutcome.Nearest nearest = null;
        for (SiteCheckResult.Hit h : r.hits()) {
            String kind = kind(layers, h.collection());
            if ("admin".equals(kind)) {
                if (h.overlapM2() > best) {
                    best = h.overlapM2();
                    district = h.name();
                }
                continue;
            }
            Object level = h.properties() == null ? null : h.properties().get("level");
            if (level == null && h.properties() != null) level = h.properties().get("type");
            hits.add(new ProjectOutcome.HitRow(h.collection(), h.collectionTitle(), h.featureId(), h.name(), level == null ? null : String.valueOf(level),
                    h.overlapM2(), h.overlapHa(), h.overlapMu(), h.siteShare(), h.zoneShare()));
            if (nearest == null && ProjectOutcome.PROTECTED_KINDS.contains(kind)) {
                nearest = new ProjectOutcome.Nearest(h.collection(), h.collectionTitle(), h.featureId(), h.name(), 0);
            }
        }
        if (nearest == null) {
            for (SiteCheckResult.Nearby n : r.nearby()) {
                if (ProjectOutcome.PROTECTED_KINDS.contains(kind(layers, n.collection()))) {
                    nearest = new ProjectOutcome.Nearest(n.collection(), n.collectionTitle(), n.featureId(), n.name(), n.distanceM());
                    break;
                }
            }
        }
        List<ProjectOutcome.Dimension> dims = r.dimensions().stream()
                .map(d -> new ProjectOutcome.Dimension(d.dimensionZh(), d.verdict().id(), d.verdictZh())).toList();
        return new ProjectOutcome(row.row(), row.source(), r.name() == null ? row.name() : r.name(), r.industry(), r.industryZh(),
                r.verdict().id(), r.verdictZh(), district, r.site().areaHa(), r.site().areaMu(), dims, List.copyOf(hits), nearest,
                r.warnings(), null, r.dataVersion() == null ? null : r.dataVersion().id(), siteGeometry);
    }

    private static String kind(LayerSet layers, String collection) {
        return layers.source(collection).map(FeatureSource::layer).map(l -> l.kind()).orElse(collection);
    }
}
