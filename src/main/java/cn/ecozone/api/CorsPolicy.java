package cn.ecozone.api;

import cn.ecozone.config.EcoZoneConfig;

import java.util.Set;

/**
 * Which web origins other than our own may call the API from a browser. Reads (GET, and the analyses, which change
 * nothing) are open to {@code readOrigins}; writes (editing items, admin) only to {@code writeOrigins}, which is
 * empty by default: a page on another site can never edit with a forester's token.
 * Configured by {@code access.cors-read} / {@code ECOZONE_CORS_READ} (default {@code *}) and {@code access.cors-write} /
 * {@code ECOZONE_CORS_WRITE} (default none), comma-separated origins such as {@code https://gis.example.cn}.
 */
public record CorsPolicy(Set<String> readOrigins, Set<String> writeOrigins) {
    public static final CorsPolicy DEFAULT = new CorsPolicy(Set.of("*"), Set.of());

    public CorsPolicy {
        readOrigins = Set.copyOf(readOrigins);
        writeOrigins = Set.copyOf(writeOrigins);
    }

    /** The policy configured by {@code access.cors-read} and {@code access.cors-write}. */
    public static CorsPolicy of(EcoZoneConfig.Access access) {
        return new CorsPolicy(access.corsRead(), access.corsWrite());
    }

    /** A write changes stored data: item edits and admin actions. */
    public static boolean isWrite(String method, String path) {
        if (path.startsWith("/admin/")) return true;
        return switch (method) {
            case "PUT", "DELETE", "PATCH" -> true;
            case "POST" -> path.startsWith("/collections/");
            default -> false;
        };
    }

    /** The value for Access-Control-Allow-Origin, or null when the origin may not make this request. */
    public String allow(String origin, String method, String path) {
        Set<String> allowed = isWrite(method, path) ? writeOrigins : readOrigins;
        if (allowed.contains(origin)) return origin;
        return allowed.contains("*") ? "*" : null;
    }
}
