package cn.ecozone.api;

import java.nio.file.Path;

/**
 * How the server runs.
 *
 * @param port 0 picks a free port (tests)
 * @param layersDir catalog folder ({@code layers/})
 * @param stylesDir style files ({@code styles/})
 * @param webDir the web map's static files ({@code web/})
 * @param maxBodyBytes larger request bodies get 413
 * @param mode "embedded" or "postgis", reported by /health
 * @param limits vertices, page size and analysis time a request may use
 * @param tokens who may edit (Bearer tokens and roles); the 6-argument constructor reads them from the environment
 */
public record ServerConfig(int port, Path layersDir, Path stylesDir, Path webDir, long maxBodyBytes, String mode, AccessTokens tokens,
                           Limits limits) {
    public ServerConfig(int port, Path layersDir, Path stylesDir, Path webDir, long maxBodyBytes, String mode) {
        this(port, layersDir, stylesDir, webDir, maxBodyBytes, mode, AccessTokens.fromEnvironment());
    }

    public ServerConfig(int port, Path layersDir, Path stylesDir, Path webDir, long maxBodyBytes, String mode, AccessTokens tokens) {
        this(port, layersDir, stylesDir, webDir, maxBodyBytes, mode, tokens, Limits.fromEnvironment());
    }

    public ServerConfig withTokens(AccessTokens t) {
        return new ServerConfig(port, layersDir, stylesDir, webDir, maxBodyBytes, mode, t, limits);
    }

    public ServerConfig withLimits(Limits l) {
        return new ServerConfig(port, layersDir, stylesDir, webDir, maxBodyBytes, mode, tokens, l);
    }

    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public static ServerConfig defaults(int port) {
        return new ServerConfig(port, Path.of("layers"), Path.of("styles"), Path.of("web"), DEFAULT_MAX_BODY_BYTES, "embedded");
    }
}
