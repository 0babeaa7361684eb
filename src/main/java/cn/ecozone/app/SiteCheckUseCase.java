package cn.ecozone.app;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.error.EcoZoneException;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.report.ReportLanguage;
import cn.ecozone.process.ProcessService;

/**
 * 选址研判 — one project site against every zone, for {@code POST /analysis/site-check} and {@code ecozone check}:
 * read the site (国土 TXT, GeoJSON, WKT), run the check with the access list, and hand back what the
 * {@link #FORMATS} (json, html, pdf) write.
 */
public final class SiteCheckUseCase {
    /**
     * A site of at most this many vertices is small: the server checks it on the request thread (when its zones are
     * few too) and the JSON answer carries its own shape ({@code siteGeometry}).
     */
    public static final int SMALL_SITE_VERTICES = 5_000;

    /** json (default), html, pdf. */
    public static final Formats<Outcome> FORMATS = Formats.of(new SiteCheckJson(), new SiteCheckHtml(), new SiteCheckPdf());

    /**
     * What the user asked for besides the site.
     *
     * @param crs the coordinate system of GeoJSON/WKT coordinates (null: CRS84); TXT files carry their own
     * @param name the project's name (null: from the file)
     * @param industry industry id or name from the access list (null: every industry's verdict)
     * @param nearbyM search distance for nearby zones, metres
     * @param lang the language of the html and pdf reports
     * @param siteGeometry whether the JSON answer carries the site's shape: true, false, or null for {@link
     *                     SiteCheckJson#echoByDefault} (not for a GeoJSON site in lon/lat, which the client holds)
     */
    public record Options(String crs, String name, String industry, double nearbyM, ReportLanguage lang, Boolean siteGeometry) {
        public Options(String crs, String name, String industry, double nearbyM, ReportLanguage lang) {
            this(crs, name, industry, nearbyM, lang, null);
        }

        public Options(String crs, String name, String industry, double nearbyM) {
            this(crs, name, industry, nearbyM, ReportLanguage.ZH);
        }

        public static Options of(String crs, String name, String industry, String nearbyM, String lang) {
            return of(crs, name, industry, nearbyM, lang, null);
        }

        public static Options of(String crs, String name, String industry, String nearbyM, String lang, String siteGeometry) {
            return new Options(crs, name, industry, nearbyM(nearbyM, "nearbyM"), language(lang, "lang"), flag(siteGeometry, "siteGeometry"));
        }

        /** true or false; null when not given; anything else is a bad option. */
        public static Boolean flag(String value, String parameter) {
            if (value == null || value.isBlank()) return null;
            String v = value.strip();
            if (v.equalsIgnoreCase("true")) return Boolean.TRUE;
            if (v.equalsIgnoreCase("false")) return Boolean.FALSE;
            throw UseCaseException.badOption("参数 " + parameter + " 应为 true 或 false / " + parameter + " must be true or false, got " + value);
        }

        /** zh (default) or en; anything else is a bad option. */
        public static ReportLanguage language(String value, String parameter) {
            try {
                return ReportLanguage.of(value);
            } catch (IllegalArgumentException e) {
                throw UseCaseException.badOption("参数 " + parameter + " 应为 zh 或 en / " + parameter + " must be zh or en, got " + value);
            }
        }

        /** The search distance: the default when not given, else a finite number (its range is checked by the check). */
        public static double nearbyM(String value, String parameter) {
            if (value == null || value.isBlank()) return SiteCheck.DEFAULT_NEARBY_M;
            try {
                double v = Double.parseDouble(value.strip());
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException ignored) {
                // answered below
            }
            throw UseCaseException.badOption("参数 " + parameter + " 应为米数 / " + parameter + " must be a number of metres, got " + value);
        }
    }

    /** The check's result with the site as read and the layers it was checked against (the reports draw both). */
    public record Outcome(SiteCheckResult result, SiteInput site, LayerSet layers, ReportLanguage lang, Boolean siteGeometry) {
        public Outcome(SiteCheckResult result, SiteInput site, LayerSet layers, ReportLanguage lang) {
            this(result, site, layers, lang, null);
        }
    }

    private final int maxVertices;
    private final ProcessService.SiteChecker checker;

    /**
     * @param maxVertices most vertices a site may have (beyond: {@link UseCaseException.Kind#TOO_LARGE})
     * @param checker how the check runs: the server routes it by cost to its pool and refuses what is too large;
     *                {@link #direct} runs it here and now
     */
    public SiteCheckUseCase(int maxVertices, ProcessService.SiteChecker checker) {
        this.maxVertices = maxVertices;
        this.checker = checker;
    }

    /** Runs every check on the calling thread, without caps (the command line). */
    public static SiteCheckUseCase direct(int maxVertices) {
        return new SiteCheckUseCase(maxVertices, (layers, list, site, industry, nearbyM) -> new SiteCheck(layers, list).run(site, industry, nearbyM));
    }

    public Outcome run(LayerSet layers, AccessList accessList, Upload upload, Options options) {
        SiteInput site = read(upload, options.crs(), options.name(), maxVertices);
        SiteCheckResult result;
        try {
            result = checker.check(layers, accessList, site, options.industry(), options.nearbyM());
        } catch (UseCaseException e) {
            throw e;
        } catch (EcoZoneException e) {
            // an unknown industry, nearbyM out of range; anything else (too large, unavailable) keeps its own kind
            if (e.kind() != EcoZoneException.Kind.BAD_INPUT) throw e;
            throw new UseCaseException(UseCaseException.Kind.BAD_INPUT, e.getMessage(), e);
        }
        return new Outcome(result, site, layers, options.lang(), options.siteGeometry());
    }

    /** Reads a site as every site route does: 400 for what cannot be read, 413 beyond {@code maxVertices}. */
    public static SiteInput read(Upload upload, String crs, String name, int maxVertices) {
        try {
            return new SiteInputReader(maxVertices).read(upload.bytes(), crs, name);
        } catch (SiteInputException e) {
            throw new UseCaseException(e.tooLarge() ? UseCaseException.Kind.TOO_LARGE : UseCaseException.Kind.BAD_INPUT, e.getMessage(), e);
        }
    }
}
