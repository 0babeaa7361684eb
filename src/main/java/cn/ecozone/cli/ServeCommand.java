package cn.ecozone.cli;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.config.ConfigException;
import cn.ecozone.config.ConfigLoader;
import cn.ecozone.config.ConfigLoader.Loaded;
import cn.ecozone.config.EcoZoneConfig;
import cn.ecozone.config.Setting;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.SourceUnavailable;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PgSchema;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.layer.postgis.PostgisLayers;
import cn.ecozone.report.SiteReportPdf;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--config FILE] [--port 8080] [--layers DIR] … [--print-config]}: reads the configuration once (defaults,
 * file, environment, flags — see {@code docs/configuration.md}), loads and validates the layers, then serves them until
 * stopped. This is the one place the environment is read for the server.
 */
public final class ServeCommand implements Command {
    private final Map<String, String> env;

    /** Reads the process environment. */
    public ServeCommand() {
        this(System.getenv());
    }

    /** Reads {@code env} instead of the process environment (tests). */
    public ServeCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override public String name() { return "serve"; }

    @Override public String summary() { return "启动服务 / serve the layers over HTTP (map, OGC API, analyses)"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone serve [--config FILE] [--port 8080] [--layers DIR] [--styles DIR] [--web DIR] [--db URL]
                                          [--schema NAME] [--tokens FILE] [--print-config] [--smoke-test]

                加载并校验图层，然后提供地图、OGC API – Features 与分析接口。图层有错误时拒绝启动并列出原因。
                Loads and validates the layers, then serves the web map, OGC API – Features and the analyses.
                Refuses to start when a layer has errors, and lists them.

                配置依次来自：默认值 < 配置文件 < 环境变量 ECOZONE_* < 命令行参数（见 docs/configuration.md、ecozone.example.conf）。
                Configuration: defaults < config file < ECOZONE_* environment < flags (docs/configuration.md, ecozone.example.conf).

                  --config FILE  配置文件 config file (also env ECOZONE_CONFIG)
                  --port N       端口 port (default 8080; 0 = any free port)
                  --layers DIR   图层目录 catalog folder (default: layers)
                  --styles DIR   样式目录 styles folder (default: styles)
                  --web DIR      地图网页目录 web map folder (default: web)
                  --db URL       从 PostGIS 提供要素与准入清单（先运行 import）/ serve the features and the access list from PostGIS (run import first)
                  --schema NAME  与 --db 一起：提供该模式中的已存数据版本（import --schema NAME 导入）；默认为以前的不限定表
                                 with --db: serve the stored data version in that schema (filled by import --schema NAME);
                                 default: the unqualified tables, as before. batch-check 的 againstVersion 可指定另一个版本
                                 / batch-check's againstVersion may name another one
                  --tokens FILE  编辑令牌文件 edit tokens, one "token:role:name" per line (role forester|admin);
                                 also env ECOZONE_TOKENS (comma-separated) and ECOZONE_TOKENS_FILE
                  --print-config 打印生效配置（密钥隐藏）及每项来源后退出 / print the effective configuration (secrets masked)
                                 with the source of each value, then exit
                  --smoke-test   启动后自检（健康、页面、要素、切片、点查、选址研判各一次，均须 2xx）然后退出，失败时退出码 1
                                 start, make the first requests a visitor and a planner make (each must answer 2xx), stop;
                                 exit 1 if one failed. The build runs it to make the start-up class archive (AppCDS)
                """;
    }

    /**
     * The configuration from {@code --config} (or {@code ECOZONE_CONFIG}), the environment and the flags, with the
     * tokens it names read.
     *
     * @throws ConfigException naming the key and source of a wrong value (exit code 2)
     */
    Loaded configuration(Args args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String f : Setting.flags()) if (args.get(f) != null) flags.put(f, args.get(f));
        return ConfigLoader.load(args.get("config") == null ? null : Path.of(args.get("config")), env, flags);
    }

    static AccessTokens tokens(Loaded loaded) {
        EcoZoneConfig.Access access = loaded.config().access();
        try {
            return AccessTokens.of(access, Setting.TOKENS.key + " (" + loaded.source(Setting.TOKENS) + ")");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("配置项 / setting " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ConfigException("配置项 " + Setting.TOKENS_FILE.key + "（来源：" + loaded.source(Setting.TOKENS_FILE) + "）：无法读取令牌文件 "
                    + access.tokensFile() + " / " + Setting.TOKENS_FILE.key + " (from " + loaded.source(Setting.TOKENS_FILE)
                    + "): cannot read the tokens file " + access.tokensFile(), e);
        }
    }

    /** Handles these signals instead of the JVM's default exit (so the serve command returns, and exits 0). */
    @SuppressWarnings("restriction")
    private static boolean onSignals(Runnable action, String... names) {
        try {
            for (String n : names) sun.misc.Signal.handle(new sun.misc.Signal(n), sig -> action.run());
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) throws InterruptedException {
        Args args = new Args(words, Set.of("help", "print-config", "smoke-test"));
        Set<String> known = new HashSet<>(Setting.flags());
        known.add("config");
        args.allowOnly(known);
        long t0 = System.nanoTime();
        Loaded loaded;
        AccessTokens tokens;
        try {
            loaded = configuration(args);
            tokens = tokens(loaded);
        } catch (ConfigException e) {
            err.println("配置有误，服务未启动 / configuration error, not starting: " + e.getMessage());
            return 2;
        }
        loaded.warnings().forEach(err::println);
        if (args.flag("print-config")) {
            out.print(loaded.describe());
            out.flush();
            return 0;
        }
        EcoZoneConfig settings = loaded.config();
        Path layersDir = settings.server().layers();
        SiteReportPdf.useFont(settings.ops().cjkFont());
        LayerLoader.Result loadedLayers = LayerLoader.load(layersDir, settings.ops().snapshots());
        if (!loadedLayers.ok()) {
            err.println("图层有错误，服务未启动 / layers have errors, not starting:");
            ValidationReport.print(loadedLayers, err);
            return 1;
        }
        String db = settings.server().db();
        PgSchema schema = PgSchema.of(settings.server().schema()); // the name was checked by the loader
        if (db == null && !schema.isDefault()) {
            err.println("配置有误，服务未启动 / configuration error, not starting: " + Setting.SCHEMA.key + "（--schema）需要 " + Setting.DB.key
                    + "（--db）/ " + Setting.SCHEMA.key + " (--schema) needs " + Setting.DB.key + " (--db)");
            return 2;
        }
        // PostGIS mode: the catalog still comes from the layers folder (it was validated above); the features from the database
        LayerSet layers = loadedLayers.layers();
        if (db != null) {
            try {
                layers = PostgisLayers.stored(loadedLayers.layers().catalog(), Databases.pool(db), schema);
            } catch (PostgisLayers.UnknownStoredVersion e) {
                err.println("配置有误，服务未启动 / configuration error, not starting: " + e.getMessage());
                return 2;
            } catch (SourceUnavailable e) {
                // start even when the database is down, as without a schema: requests get 503 until it is up
                err.println(e.getMessage());
                layers = PostgisLayers.of(loadedLayers.layers().catalog(), Databases.pool(db), schema);
            }
        }
        ServerConfig config = new ServerConfig(settings, tokens);
        // PostGIS mode: the access list from the schema's ecozone_access_* tables (import --db / access-list import --db fill them)
        EcoZoneServer server = db == null ? EcoZoneServer.start(config, layers)
                : EcoZoneServer.start(config, layers, new PostgisAccessListStore(Databases.pool(db), schema),
                new StoredSchemas(loadedLayers.layers().catalog(), db));
        out.printf("EcoZone 已启动 ready in %.1f s: http://localhost:%d/  (地图 map: http://localhost:%d/map/)%n",
                (System.nanoTime() - t0) / 1e9, server.port(), server.port());
        if (args.flag("smoke-test")) {
            int failed = SmokeStart.run(server.port(), layers, out);
            server.close();
            out.flush();
            return failed == 0 ? 0 : 1;
        }
        // SIGTERM/SIGINT: stop accepting, let the requests in flight finish (ops.shutdown-timeout-ms), fsync, exit 0
        CountDownLatch stop = new CountDownLatch(1);
        if (!onSignals(stop::countDown, "TERM", "INT")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }
        stop.await();
        long t1 = System.nanoTime();
        out.println("EcoZone 正在停止 stopping: 等待进行中的请求 waiting for requests in flight (≤ " + server.operations().shutdownTimeout().toSeconds() + " s)");
        server.close();
        out.printf("EcoZone 已停止 stopped in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        out.flush();
        return 0;
    }
}
