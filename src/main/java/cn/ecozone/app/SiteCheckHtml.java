package cn.ecozone.app;

import cn.ecozone.report.SiteReportHtml;

import java.nio.charset.StandardCharsets;

/** {@code html}: the printable report with its map. */
public final class SiteCheckHtml implements OutputFormat<SiteCheckUseCase.Outcome> {
    @Override public String name() { return "html"; }

    @Override public String mediaType() { return "text/html"; }

    @Override
    public Rendered render(SiteCheckUseCase.Outcome o, boolean indented) {
        String html = SiteReportHtml.render(o.result().forReport(), SiteCheckPdf.figure(o), o.site().parcels(), o.lang());
        return Rendered.of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }
}
