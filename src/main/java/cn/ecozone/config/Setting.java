package cn.ecozone.config;

import cn.ecozone.layer.CompactionPolicy;
import cn.ecozone.tiles.TileCache;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key, with its environment variable, command-line flag, type, range and default: the one table
 * of defaults (as pg_featureserv's {@code conf/config.go} keeps them in one function). Two defaults belong to the
 * lower packages that use them without configuration ({@code CompactionPolicy.DEFAULTS}, {@code TileCache.DEFAULT_MAX_BYTES})
 * and are listed here from there: {@code config} sits above {@code layer} and {@code tiles}, never below. The file uses the
 * {@link #key} (e.g. {@code limits.max-vertices}, or {@code max-vertices} under a {@code [limits]} header), the
 * environment the {@link #env} name, {@code serve} the {@link #flag}. See {@code docs/configuration.md}.
 */
public enum Setting {
    PORT("server.port", "ECOZONE_PORT", "port", Kind.INT, 0, 65_535, "8080", false, "HTTP 端口（0 = 任一空闲端口）/ HTTP port (0 = any free port)"),
    LAYERS("server.layers", "ECOZONE_LAYERS", "layers", Kind.PATH, 0, 0, "layers", false, "图层目录 / catalog folder"),
    STYLES("server.styles", "ECOZONE_STYLES", "styles", Kind.PATH, 0, 0, "styles", false, "样式目录 / styles folder"),
    WEB("server.web", "ECOZONE_WEB", "web", Kind.PATH, 0, 0, "web", false, "地图网页目录 / web map folder"),
    DB("server.db", "ECOZONE_DB", "db", Kind.DB_URL, 0, 0, null, true,
            "PostGIS 连接（设置即为 postgis 模式）/ PostGIS JDBC URL (set: postgis mode)"),
    SCHEMA("server.schema", "ECOZONE_SCHEMA", "schema", Kind.SCHEMA, 0, 0, null, false,
            "postgis 模式下提供的数据版本（PostgreSQL 模式名，import --schema 导入；默认不限定，即以前的表）/ the stored data version served "
                    + "in postgis mode (a PostgreSQL schema, filled by import --schema; default: unqualified tables, as before)"),
    MAX_BODY_BYTES("server.max-body-bytes", "ECOZONE_MAX_BODY_BYTES", null, Kind.LONG, 1, Long.MAX_VALUE, String.valueOf(10L * 1024 * 1024), false,
            "请求体上限（超过 413）/ largest request body (beyond: 413)"),
    JOBS_DIR("server.jobs-dir", "ECOZONE_JOBS_DIR", null, Kind.PATH, 0, 0, null, false,
            "批量任务目录（默认图层目录旁的 <layers>-jobs）/ batch jobs folder (default: <layers>-jobs beside the layers)"),
    TILE_CACHE_BYTES("server.tile-cache-bytes", "ECOZONE_TILE_CACHE_BYTES", null, Kind.LONG, 0, Long.MAX_VALUE, String.valueOf(TileCache.DEFAULT_MAX_BYTES), false,
            "瓦片缓存字节数（0 = 关闭；预热的瓦片常驻，至多一半）/ tile cache bytes (0 = off; the warm-up's tiles stay, up to half)"),
    TIANDITU_KEY("map.tianditu-key", "ECOZONE_TIANDITU_KEY", null, Kind.STRING, 0, 0, null, true, "天地图密钥 / Tianditu key"),
    TOKENS("access.tokens", "ECOZONE_TOKENS", null, Kind.LIST, 0, 0, "", true,
            "编辑令牌 令牌:角色:姓名，逗号分隔 / edit tokens token:role:name, comma-separated"),
    TOKENS_FILE("access.tokens-file", "ECOZONE_TOKENS_FILE", "tokens", Kind.PATH, 0, 0, null, false,
            "令牌文件，每行一项 / tokens file, one entry per line"),
    CORS_READ("access.cors-read", "ECOZONE_CORS_READ", null, Kind.LIST, 0, 0, "*", false,
            "可跨域读取的来源 / origins that may read cross-origin"),
    CORS_WRITE("access.cors-write", "ECOZONE_CORS_WRITE", null, Kind.LIST, 0, 0, "", false,
            "可跨域写入的来源（默认无）/ origins that may write cross-origin (default none)"),
    MAX_VERTICES("limits.max-vertices", "ECOZONE_MAX_VERTICES", null, Kind.INT, 4, Integer.MAX_VALUE, "100000", false,
            "选址最多顶点数（超过 413）/ most vertices of a site (beyond: 413)"),
    MAX_PAGE_SIZE("limits.max-page-size", "ECOZONE_MAX_PAGE_SIZE", null, Kind.INT, 1, Integer.MAX_VALUE, "10000", false,
            "要素分页上限 / largest items page"),
    ANALYSIS_TIMEOUT_MS("limits.analysis-timeout-ms", "ECOZONE_ANALYSIS_TIMEOUT_MS", null, Kind.LONG, 1, Long.MAX_VALUE, "20000", false,
            "单次分析时限（毫秒，超时 503）/ analysis time budget in ms (beyond: 503)"),
    ANALYSIS_WORKERS("limits.analysis-workers", "ECOZONE_ANALYSIS_WORKERS", null, Kind.INT, 1, Integer.MAX_VALUE, null, false,
            "同时运行的分析数（默认 max(4, 4 × 处理器数)）/ analyses at once (default max(4, 4 × processors))"),
    QUICK_MAX_CANDIDATES("limits.quick-max-candidates", "ECOZONE_QUICK_MAX_CANDIDATES", null, Kind.INT, 0, Integer.MAX_VALUE, "300", false,
            "在请求线程上运行的选址最多候选区 / most zones for a site check on the request thread"),
    QUICK_MAX_ZONE_VERTICES("limits.quick-max-zone-vertices", "ECOZONE_QUICK_MAX_ZONE_VERTICES", null, Kind.LONG, 0, Long.MAX_VALUE, "50000", false,
            "在请求线程上运行的选址候选区顶点上限 / most zone vertices on the request thread"),
    MAX_CANDIDATES("limits.max-candidates", "ECOZONE_MAX_CANDIDATES", null, Kind.INT, 1, Integer.MAX_VALUE, "20000", false,
            "选址最多候选区（超过 413）/ most zones of a site check (beyond: 413)"),
    MAX_ZONE_VERTICES("limits.max-zone-vertices", "ECOZONE_MAX_ZONE_VERTICES", null, Kind.LONG, 1, Long.MAX_VALUE, "2000000", false,
            "选址候选区顶点上限（超过 413）/ most zone vertices of a site check (beyond: 413)"),
    MAX_RESULT_ENTRIES("limits.max-result-entries", "ECOZONE_MAX_RESULT_ENTRIES", null, Kind.INT, 1, Integer.MAX_VALUE, "10000", false,
            "选址结果最多条目 / most hit and nearby entries"),
    MAX_OVERLAYS("limits.max-overlays", "ECOZONE_MAX_OVERLAYS", null, Kind.INT, 0, Integer.MAX_VALUE, "500", false,
            "选址最多 JTS 叠加回退 / most JTS overlay fallbacks"),
    ACCESS_LOG("ops.access-log", "ECOZONE_ACCESS_LOG", null, Kind.BOOLEAN, 0, 0, "on", false, "访问日志 on/off / access log on/off"),
    SHUTDOWN_TIMEOUT_MS("ops.shutdown-timeout-ms", "ECOZONE_SHUTDOWN_TIMEOUT_MS", null, Kind.LONG, 0, Long.MAX_VALUE, "20000", false,
            "停止时等待进行中请求的毫秒数 / ms to wait for requests in flight when stopping"),
    COMPACT_EDITS("ops.compact-edits", "ECOZONE_COMPACT_EDITS", null, Kind.INT, 0, Integer.MAX_VALUE, String.valueOf(CompactionPolicy.DEFAULTS.maxEdits()), false,
            "日志达到多少次编辑时压缩（0 = 不按次数）/ compact the journal after this many edits (0 = off)"),
    COMPACT_BYTES("ops.compact-bytes", "ECOZONE_COMPACT_BYTES", null, Kind.LONG, 0, Long.MAX_VALUE, String.valueOf(CompactionPolicy.DEFAULTS.maxBytes()), false,
            "日志达到多少字节时压缩（0 = 不按大小）/ compact the journal at this many bytes (0 = off)"),
    PG_DUMP("ops.pg-dump", "ECOZONE_PG_DUMP", null, Kind.STRING, 0, 0, null, false,
            "pg_dump 程序（默认 PATH 或最新的 /usr/lib/postgresql/<n>/bin/pg_dump）/ the pg_dump binary"),
    SNAPSHOTS("ops.snapshots", "ECOZONE_SNAPSHOTS", null, Kind.BOOLEAN, 0, 0, "on", false,
            "大图层的二进制快照 .ecozone-cache（加快启动）on/off / binary snapshots of large layers (faster start) on/off"),
    TILE_WARM_UP("ops.tile-warm-up", "ECOZONE_TILE_WARM_UP", null, Kind.BOOLEAN, 0, 0, "on", false,
            "启动后在后台预生成大图层的低级别瓦片 on/off / build large layers' low-zoom tiles in the background after start on/off"),
    JOB_WARM_UP("ops.job-warm-up", "ECOZONE_JOB_WARM_UP", null, Kind.INT, 0, 100_000, "2000", false,
            "启动后在后台以多少个生成的地块预跑一次批量研判（编译其代码路径；0 = 不预跑）/ generated sites run once as a batch job in the background after start, to compile its path (0 = off)"),
    CJK_FONT("ops.cjk-font", "ECOZONE_CJK_FONT", null, Kind.PATH, 0, 0, "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", false,
            "PDF 报告的中文字体文件 / the CJK font file of the PDF reports");

    /** How a value is written. */
    public enum Kind { INT, LONG, BOOLEAN, PATH, STRING, LIST, DB_URL, SCHEMA }

    public final String key;
    public final String env;
    /** The {@code serve} flag without {@code --}, or null when the key has none. */
    public final String flag;
    public final Kind kind;
    final long min;
    final long max;
    /** The default as written in a file, or null for "not set". */
    final String defaultValue;
    /** Masked by {@code --print-config}. */
    public final boolean secret;
    public final String help;

    Setting(String key, String env, String flag, Kind kind, long min, long max, String defaultValue, boolean secret, String help) {
        this.key = key;
        this.env = env;
        this.flag = flag;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.help = help;
    }

    /** The default as text (computed ones too), or null when unset by default. */
    public String defaultText() {
        if (this == ANALYSIS_WORKERS) return String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors() * 4));
        return defaultValue;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static Optional<Setting> byEnv(String env) {
        return Arrays.stream(values()).filter(s -> s.env.equals(env)).findFirst();
    }

    public static Optional<Setting> byFlag(String flag) {
        return Arrays.stream(values()).filter(s -> flag.equals(s.flag)).findFirst();
    }

    /** The {@code serve} flags that set a key. */
    public static List<String> flags() {
        return Arrays.stream(values()).filter(s -> s.flag != null).map(s -> s.flag).toList();
    }
}
