package cn.ecozone.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The whole configuration, typed and immutable, read once at start by {@link ConfigLoader} (defaults from
 * {@link Setting}, then the file, the environment and the {@code serve} flags). Tests build one with
 * {@link #defaults()} and the {@code with…} methods: nothing here reads the environment.
 *
 * @param server where the server listens and what it serves
 * @param access who may edit and which other web origins may call
 * @param limits what one request may ask of the server
 * @param ops logs, shutdown, journal compaction, backups
 */
public record EcoZoneConfig(Server server, Access access, Limits limits, Ops ops) {

    /**
     * @param db the PostGIS JDBC URL, or null (embedded mode)
     * @param mode {@link Mode#POSTGIS} when {@code db} is set (loaded configuration); tests may set it alone
     * @param jobsDir batch jobs folder, or null for {@code <layers>-jobs} beside the layers
     * @param tiandituKey the 天地图 key handed to the web map, or null
     * @param schema the PostgreSQL schema of the stored data version served in PostGIS mode (a valid name), or null for
     *               the default (unqualified tables, as before stored versions)
     */
    public record Server(int port, Path layers, Path styles, Path web, String db, Mode mode, long maxBodyBytes, Path jobsDir,
                         long tileCacheBytes, String tiandituKey, String schema) {
        public Server withPort(int p) {
            return new Server(p, layers, styles, web, db, mode, maxBodyBytes, jobsDir, tileCacheBytes, tiandituKey, schema);
        }

        public Server withDirs(Path layersDir, Path stylesDir, Path webDir) {
            return new Server(port, layersDir, stylesDir, webDir, db, mode, maxBodyBytes, jobsDir, tileCacheBytes, tiandituKey, schema);
        }

        public Server withMode(Mode m) {
            return new Server(port, layers, styles, web, db, m, maxBodyBytes, jobsDir, tileCacheBytes, tiandituKey, schema);
        }

        public Server withMaxBodyBytes(long b) {
            return new Server(port, layers, styles, web, db, mode, b, jobsDir, tileCacheBytes, tiandituKey, schema);
        }

        public Server withTileCacheBytes(long b) {
            return new Server(port, layers, styles, web, db, mode, maxBodyBytes, jobsDir, b, tiandituKey, schema);
        }

        public Server withJobsDir(Path d) {
            return new Server(port, layers, styles, web, db, mode, maxBodyBytes, d, tileCacheBytes, tiandituKey, schema);
        }

        public Server withSchema(String s) {
            return new Server(port, layers, styles, web, db, mode, maxBodyBytes, jobsDir, tileCacheBytes, tiandituKey, s);
        }

        public Server withTiandituKey(String k) {
            return new Server(port, layers, styles, web, db, mode, maxBodyBytes, jobsDir, tileCacheBytes, k, schema);
        }
    }

    /**
     * @param tokens edit tokens given inline, each {@code token:role:name} (secret)
     * @param tokensFile a file of such entries, one per line, or null
     * @param corsRead origins that may read cross-origin ({@code *}: any)
     * @param corsWrite origins that may edit cross-origin (empty by default)
     */
    public record Access(List<String> tokens, Path tokensFile, Set<String> corsRead, Set<String> corsWrite) {
        public Access {
            tokens = List.copyOf(tokens);
            corsRead = Set.copyOf(corsRead);
            corsWrite = Set.copyOf(corsWrite);
        }
    }

    /** What one request may ask (see {@code cn.ecozone.api.Limits}, built from these). */
    public record Limits(int maxVertices, int maxPageSize, Duration analysisTimeout, int analysisWorkers, int quickMaxCandidates,
                         long quickMaxZoneVertices, int maxCandidates, long maxZoneVertices, int maxResultEntries, int maxOverlays) {}

    /**
     * @param accessLog one JSON line per request on logger {@code ecozone.access}
     * @param shutdownTimeout how long a stop waits for the requests in flight
     * @param compactEdits fold a journal into its layer file after this many edits (0: never by count)
     * @param compactBytes … or at this many journal bytes (0: never by size)
     * @param pgDump the pg_dump binary, or null to look for it
     */
    public record Ops(boolean accessLog, Duration shutdownTimeout, int compactEdits, long compactBytes, String pgDump,
                      boolean snapshots, boolean tileWarmUp, int jobWarmUpSites, Path cjkFont) {
        public Ops withAccessLog(boolean on) {
            return new Ops(on, shutdownTimeout, compactEdits, compactBytes, pgDump, snapshots, tileWarmUp, jobWarmUpSites, cjkFont);
        }

        public Ops withTileWarmUp(boolean on) {
            return new Ops(accessLog, shutdownTimeout, compactEdits, compactBytes, pgDump, snapshots, on, jobWarmUpSites, cjkFont);
        }

        /** @param sites generated sites the batch job warm-up runs after start (0: none) */
        public Ops withJobWarmUp(int sites) {
            return new Ops(accessLog, shutdownTimeout, compactEdits, compactBytes, pgDump, snapshots, tileWarmUp, sites, cjkFont);
        }
    }

    private static final EcoZoneConfig DEFAULTS = ConfigLoader.defaults().config();

    /** Every value at its default (no file, no environment, no flags). */
    public static EcoZoneConfig defaults() {
        return DEFAULTS;
    }

    public EcoZoneConfig withServer(Server s) {
        return new EcoZoneConfig(s, access, limits, ops);
    }

    public EcoZoneConfig withAccess(Access a) {
        return new EcoZoneConfig(server, a, limits, ops);
    }

    public EcoZoneConfig withLimits(Limits l) {
        return new EcoZoneConfig(server, access, l, ops);
    }

    public EcoZoneConfig withOps(Ops o) {
        return new EcoZoneConfig(server, access, limits, o);
    }

    public Mode mode() {
        return server.mode();
    }
}
