package cn.ecozone.app;

import cn.ecozone.io.BoundaryPointTxtWriter;
import cn.ecozone.io.SiteInput;

import java.nio.charset.StandardCharsets;

/** {@code txt}: the site as a 国土 boundary-point TXT in its Gauss-Krüger zone, for surveyors' software. */
public final class SiteTxt implements OutputFormat<SiteInput> {
    @Override public String name() { return "txt"; }

    @Override public String mediaType() { return "text/plain"; }

    @Override
    public Rendered render(SiteInput site, boolean indented) {
        return Rendered.of(BoundaryPointTxtWriter.write(site).getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8")
                .attachment("site.txt", SiteExportUseCase.nameOf(site) + "-界址点.txt");
    }
}
