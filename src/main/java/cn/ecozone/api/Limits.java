package cn.ecozone.api;

import cn.ecozone.config.EcoZoneConfig;

import java.time.Duration;

/**
 * What one request may ask of the server, as configuration ({@code limits.*} in {@code docs/configuration.md}; body size
 * is {@link ServerConfig#maxBodyBytes()}).
 * An analysis is bounded by what it costs — the zones its search box meets in the index and the vertices they hold,
 * counted before it runs ({@link cn.ecozone.analysis.SiteCost}) — not only by the size of the site.
 *
 * @param maxVertices a site with more vertices gets 413
 * @param maxPageSize the largest {@code limit} of an items page; larger limits are capped to it
 * @param analysisTimeout an analysis running longer is abandoned with 503, so one huge site cannot hold a worker
 * @param analysisWorkers analyses running at once on the pool; more wait briefly, then get 503 with Retry-After
 * @param quickMaxCandidates a site check meeting at most this many zones (and {@code quickMaxZoneVertices}), with a
 *                           site of ≤ 5,000 vertices and nearbyM ≤ 5 km, runs on the request thread; larger ones on the pool
 * @param quickMaxZoneVertices the vertices those zones may hold for the request thread
 * @param maxCandidates a site check whose search box meets more zones gets 413 before it starts
 * @param maxZoneVertices a site check whose zones hold more vertices gets 413 before it starts (and one that meets
 *                        more while running stops with 413)
 * @param maxResultEntries most hit + nearby entries one site check may build (beyond: 413)
 * @param maxOverlays most JTS overlay fallbacks (boundaries touching or sharing edges) one site check may make (beyond: 413)
 */
public record Limits(int maxVertices, int maxPageSize, Duration analysisTimeout, int analysisWorkers,
                     int quickMaxCandidates, long quickMaxZoneVertices, int maxCandidates, long maxZoneVertices,
                     int maxResultEntries, int maxOverlays) {
    /** The defaults of {@link cn.ecozone.config.Setting} (where every default is written). */
    public static final Limits DEFAULTS = of(EcoZoneConfig.defaults().limits());

    public Limits {
        if (maxVertices < 4 || maxPageSize < 1 || analysisTimeout.isNegative() || analysisTimeout.isZero() || analysisWorkers < 1
                || quickMaxCandidates < 0 || quickMaxZoneVertices < 0 || maxCandidates < 1 || maxZoneVertices < 1
                || maxResultEntries < 1 || maxOverlays < 0) {
            throw new IllegalArgumentException("限制配置无效 / invalid limits: " + maxVertices + ", " + maxPageSize + ", " + analysisTimeout
                    + ", " + analysisWorkers + ", " + quickMaxCandidates + ", " + quickMaxZoneVertices + ", " + maxCandidates + ", "
                    + maxZoneVertices + ", " + maxResultEntries + ", " + maxOverlays);
        }
    }

    /** The default costs with these vertex, page, time and worker limits. */
    public Limits(int maxVertices, int maxPageSize, Duration analysisTimeout, int analysisWorkers) {
        this(maxVertices, maxPageSize, analysisTimeout, analysisWorkers, DEFAULTS.quickMaxCandidates, DEFAULTS.quickMaxZoneVertices,
                DEFAULTS.maxCandidates, DEFAULTS.maxZoneVertices, DEFAULTS.maxResultEntries, DEFAULTS.maxOverlays);
    }

    /** These limits with other cost bounds for the request thread and for 413. */
    public Limits withCosts(int quickMaxCandidates, long quickMaxZoneVertices, int maxCandidates, long maxZoneVertices) {
        return new Limits(maxVertices, maxPageSize, analysisTimeout, analysisWorkers, quickMaxCandidates, quickMaxZoneVertices,
                maxCandidates, maxZoneVertices, maxResultEntries, maxOverlays);
    }

    /** These limits with other caps on what one site check may build. */
    public Limits withResultCaps(int maxResultEntries, int maxOverlays) {
        return new Limits(maxVertices, maxPageSize, analysisTimeout, analysisWorkers, quickMaxCandidates, quickMaxZoneVertices,
                maxCandidates, maxZoneVertices, maxResultEntries, maxOverlays);
    }

    /** These limits from the configuration. */
    public static Limits of(EcoZoneConfig.Limits c) {
        return new Limits(c.maxVertices(), c.maxPageSize(), c.analysisTimeout(), c.analysisWorkers(), c.quickMaxCandidates(),
                c.quickMaxZoneVertices(), c.maxCandidates(), c.maxZoneVertices(), c.maxResultEntries(), c.maxOverlays());
    }

    /** These limits as configuration values. */
    public EcoZoneConfig.Limits settings() {
        return new EcoZoneConfig.Limits(maxVertices, maxPageSize, analysisTimeout, analysisWorkers, quickMaxCandidates, quickMaxZoneVertices,
                maxCandidates, maxZoneVertices, maxResultEntries, maxOverlays);
    }
}
