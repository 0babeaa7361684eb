package cn.ecozone.app;

import cn.ecozone.error.EcoZoneException;
import cn.ecozone.report.SiteFigure;
import cn.ecozone.report.SiteReportPdf;

/** {@code pdf}: the report as a PDF (needs the Chinese font; without it the answer is unavailable, never broken). */
public final class SiteCheckPdf implements OutputFormat<SiteCheckUseCase.Outcome> {
    @Override public String name() { return "pdf"; }

    @Override public String mediaType() { return "application/pdf"; }

    @Override public boolean binary() { return true; }

    @Override
    public Rendered render(SiteCheckUseCase.Outcome o, boolean indented) {
        byte[] pdf;
        try {
            pdf = SiteReportPdf.render(o.result().forReport(), figure(o), o.site().parcels(), o.lang());
        } catch (EcoZoneException fontMissing) {
            // the CJK font is not installed (UNAVAILABLE); a bug in the PDF code is not caught here and stays a 500
            throw new UseCaseException(fontMissing.kind(), fontMissing.getMessage(), fontMissing);
        }
        return Rendered.of(pdf, "application/pdf").inline("site-check.pdf", "选址研判-" + o.result().name() + ".pdf");
    }

    /** The report's map: the site, the zones it meets, 720 × 480. */
    static SiteFigure figure(SiteCheckUseCase.Outcome o) {
        return new SiteFigure(o.result(), o.site().geometry(), o.layers(), 720, 480);
    }
}
