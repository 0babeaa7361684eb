package cn.ecozone.api;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web origins other than our own may call the API from a browser. Reads (GET, and the analyses, which change
 * nothing) are open to {@code readOrigins}; writes (editing items, admin) only to {@code writeOrigins}, which is
 * empty by default: a page on another site can never edit with a forester's token.
 * Configured by {@code ECOZONE_CORS_READ} (default {@code *}) and {@code ECOZONE_CORS_WRITE} (default none),
 * comma-separated origins such as {@code https://gis.example.cn}.
 */
public record CorsPolicy(Set<String> readOrigins, Set<String> writeOrigins) {
    public static final CorsPolicy DEFAULT = new CorsPolicy(Set.of("*"), Set.of());

    public static CorsPolicy fromEnvironment() {
        return new CorsPolicy(origins(System.getenv().getOrDefault("ECOZONE_CORS_READ", "*")),
                origins(System.getenv().getOrDefault("ECOZONE_CORS_WRITE", "")));
    }

    static Set<String> origins(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
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
