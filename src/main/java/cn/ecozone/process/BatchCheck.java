package cn.ecozone.process;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.SiteCost;
import cn.ecozone.error.EcoZoneException;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.report.SiteFigure;
import cn.ecozone.report.SiteReportPdf;

import java.util.Locale;

/**
 * Checks the projects of a batch one by one, exactly as single site checks ({@link SiteCheck} with the same caps):
 * a row the check refuses (unknown industry, a site beyond the caps) becomes an error line with the reason; the
 * batch carries on.
 */
public final class BatchCheck {
    private final LayerSet layers;
    private final AccessList accessList;
    private final AnalysisCaps caps;
    private final long maxCandidates, maxZoneVertices;
    private final String defaultIndustry;
    private final double nearbyM;

    /**
     * @param maxCandidates rows whose search box meets more zones than this are refused before they run, as a site
     *                      check would be (413); {@code Long.MAX_VALUE}: no limit
     */
    public BatchCheck(LayerSet layers, AccessList accessList, AnalysisCaps caps, long maxCandidates, long maxZoneVertices,
                      String defaultIndustry, double nearbyM) {
        this.layers = layers;
        this.accessList = accessList;
        this.caps = caps;
        this.maxCandidates = maxCandidates;
        this.maxZoneVertices = maxZoneVertices;
        this.defaultIndustry = defaultIndustry == null || defaultIndustry.isBlank() ? null : defaultIndustry.strip();
        this.nearbyM = nearbyM;
        if (!(nearbyM >= 0 && nearbyM <= SiteCheck.MAX_NEARBY_M)) {
            throw new BatchInputException("nearbyM 应在 0–50000 米之间 / nearbyM must be 0–50000 metres, got " + nearbyM);
        }
        if (this.defaultIndustry != null && accessList.industry(this.defaultIndustry).isEmpty()) {
            throw new BatchInputException("准入清单中没有行业“" + this.defaultIndustry + "”。可用 / known industries: "
                    + accessList.industries().stream().map(i -> i.id() + " " + i.zh()).toList());
        }
    }

    public record Checked(ProjectOutcome outcome, SiteCheckResult result) {}

    public LayerSet layers() {
        return layers;
    }

    public Checked check(ProjectRow row) {
        String industry = row.industry() != null ? row.industry() : defaultIndustry;
        if (row.site() == null) return new Checked(ProjectOutcome.error(row, industry, row.error()), null);
        try {
            SiteCost cost = SiteCost.of(layers, row.site().geometry(), row.site().vertexCount(), nearbyM, maxCandidates, maxZoneVertices);
            if (!cost.complete() || cost.candidates() > maxCandidates || cost.zoneVertices() > maxZoneVertices) {
                return new Checked(ProjectOutcome.error(row, industry, String.format(Locale.ROOT,
                        "分析范围过大：检索范围内有 %s%,d 个区域、%s%,d 个顶点 / analysis too large: the search box meets %,d zones, %,d vertices",
                        cost.complete() ? "" : "≥ ", cost.candidates(), cost.complete() ? "" : "≥ ", cost.zoneVertices(),
                        cost.candidates(), cost.zoneVertices())), null);
            }
            SiteCheckResult r = new SiteCheck(layers, accessList, caps).run(row.site(), industry, nearbyM);
            return new Checked(ProjectOutcome.of(row, r, layers), r);
        } catch (EcoZoneException e) {
            // this project's own fault (unknown industry, too large) is its row's error; an unavailable store fails the job
            if (e.kind() != EcoZoneException.Kind.BAD_INPUT && e.kind() != EcoZoneException.Kind.TOO_LARGE) throw e;
            return new Checked(ProjectOutcome.error(row, industry, e.getMessage()), null);
        }
    }

    /** The project's PDF report, as {@code f=pdf} of a site check gives it (the data version beside the data date). */
    public byte[] pdf(ProjectRow row, SiteCheckResult r) {
        return SiteReportPdf.render(r.forReport(), new SiteFigure(r, row.site().geometry(), layers, 720, 480));
    }
}
