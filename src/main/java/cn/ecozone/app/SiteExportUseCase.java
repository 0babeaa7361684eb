package cn.ecozone.app;

import cn.ecozone.io.SiteInput;

/**
 * 地块导出 — a site read as the site check reads it (GeoJSON, WKT, 国土 TXT; crs, name) and written back as a 国土
 * boundary-point TXT or as GeoJSON, for {@code POST /analysis/site-export}.
 */
public final class SiteExportUseCase {
    /** geojson (default), txt. */
    public static final Formats<SiteInput> FORMATS = Formats.of(new SiteGeoJson(), new SiteTxt());

    private final int maxVertices;

    public SiteExportUseCase(int maxVertices) {
        this.maxVertices = maxVertices;
    }

    public SiteInput read(Upload upload, String crs, String name) {
        return SiteCheckUseCase.read(upload, crs, name, maxVertices);
    }

    /** The name files are saved under: the site's, or 地块. */
    static String nameOf(SiteInput site) {
        return site.name() == null || site.name().isBlank() ? "地块" : site.name();
    }
}
