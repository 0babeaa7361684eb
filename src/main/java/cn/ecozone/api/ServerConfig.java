package cn.ecozone.api;

import cn.ecozone.config.EcoZoneConfig;
import cn.ecozone.config.Mode;
import cn.ecozone.layer.CompactionPolicy;

import java.nio.file.Path;

/**
 * How the server runs: the one {@link EcoZoneConfig} (read once at start by {@code serve}, or built by tests) and the
 * edit tokens it names, already read. Nothing here reads the environment: {@link #defaults(int)} and the
 * constructors give pure defaults, and {@code cli/ServeCommand} is the one place that reads env, file and flags.
 *
 * @param settings every setting (port, folders, mode, limits, CORS, logs, compaction…)
 * @param tokens who may edit (Bearer tokens and roles)
 */
public record ServerConfig(EcoZoneConfig settings, AccessTokens tokens) {
    public static final long DEFAULT_MAX_BODY_BYTES = EcoZoneConfig.defaults().server().maxBodyBytes();

    public ServerConfig {
        if (settings == null) throw new IllegalArgumentException("settings");
        if (tokens == null) tokens = AccessTokens.none();
    }

    /** Defaults with these folders and mode ({@code embedded} or {@code postgis}), and no tokens. */
    public ServerConfig(int port, Path layersDir, Path stylesDir, Path webDir, long maxBodyBytes, String mode) {
        this(port, layersDir, stylesDir, webDir, maxBodyBytes, mode, AccessTokens.none());
    }

    /** Defaults with these folders, mode and tokens. */
    public ServerConfig(int port, Path layersDir, Path stylesDir, Path webDir, long maxBodyBytes, String mode, AccessTokens tokens) {
        this(embedded().withServer(EcoZoneConfig.defaults().server().withPort(port).withDirs(layersDir, stylesDir, webDir)
                .withMaxBodyBytes(maxBodyBytes).withMode(Mode.of(mode))), tokens);
    }

    /**
     * Every default (folders {@code layers}, {@code styles}, {@code web}; embedded; no tokens) on this port — but no batch
     * job warm-up: a server started from code (tests, benchmarks) runs one only when its settings ask for it
     * ({@code ops().withJobWarmUp(n)}); {@code ecozone serve} runs it by default ({@code ops.job-warm-up}).
     */
    public static ServerConfig defaults(int port) {
        return new ServerConfig(embedded().withServer(EcoZoneConfig.defaults().server().withPort(port)), AccessTokens.none());
    }

    private static EcoZoneConfig embedded() {
        EcoZoneConfig d = EcoZoneConfig.defaults();
        return d.withOps(d.ops().withJobWarmUp(0));
    }

    public int port() {
        return settings.server().port();
    }

    public Path layersDir() {
        return settings.server().layers();
    }

    public Path stylesDir() {
        return settings.server().styles();
    }

    public Path webDir() {
        return settings.server().web();
    }

    public long maxBodyBytes() {
        return settings.server().maxBodyBytes();
    }

    /** Embedded or PostGIS; {@code /health} reports {@link Mode#id()}. */
    public Mode mode() {
        return settings.mode();
    }

    /** Vertices, page size and analysis time a request may use. */
    public Limits limits() {
        return Limits.of(settings.limits());
    }

    public CorsPolicy cors() {
        return CorsPolicy.of(settings.access());
    }

    public CompactionPolicy compaction() {
        return new CompactionPolicy(settings.ops().compactEdits(), settings.ops().compactBytes());
    }

    public ServerConfig withTokens(AccessTokens t) {
        return new ServerConfig(settings, t);
    }

    public ServerConfig withLimits(Limits l) {
        return new ServerConfig(settings.withLimits(l.settings()), tokens);
    }

    public ServerConfig withSettings(EcoZoneConfig s) {
        return new ServerConfig(s, tokens);
    }
}
