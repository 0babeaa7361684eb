package cn.ecozone.api;

import java.time.Duration;

/**
 * What one request may ask of the server, as configuration (body size is {@link ServerConfig#maxBodyBytes()}).
 *
 * @param maxVertices a site with more vertices gets 413
 * @param maxPageSize the largest {@code limit} of an items page; larger limits are capped to it
 * @param analysisTimeout a site check running longer is abandoned with 503, so one huge site cannot hold a worker
 * @param analysisWorkers site checks running at once; more wait briefly, then get 503 (load shedding)
 */
public record Limits(int maxVertices, int maxPageSize, Duration analysisTimeout, int analysisWorkers) {
    public static final Limits DEFAULTS = new Limits(100_000, 10_000, Duration.ofSeconds(20),
            Math.max(4, Runtime.getRuntime().availableProcessors() * 4));

    public Limits {
        if (maxVertices < 4 || maxPageSize < 1 || analysisTimeout.isNegative() || analysisTimeout.isZero() || analysisWorkers < 1) {
            throw new IllegalArgumentException("限制配置无效 / invalid limits: " + maxVertices + ", " + maxPageSize + ", " + analysisTimeout);
        }
    }

    /** ECOZONE_MAX_VERTICES, ECOZONE_MAX_PAGE_SIZE, ECOZONE_ANALYSIS_TIMEOUT_MS, ECOZONE_ANALYSIS_WORKERS; defaults otherwise. */
    public static Limits fromEnvironment() {
        return new Limits(env("ECOZONE_MAX_VERTICES", DEFAULTS.maxVertices), env("ECOZONE_MAX_PAGE_SIZE", DEFAULTS.maxPageSize),
                Duration.ofMillis(env("ECOZONE_ANALYSIS_TIMEOUT_MS", (int) DEFAULTS.analysisTimeout.toMillis())),
                env("ECOZONE_ANALYSIS_WORKERS", DEFAULTS.analysisWorkers));
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("环境变量 " + name + " 应为整数 / must be a whole number: " + v);
        }
    }
}
