package cn.ecozone.cli;

import cn.ecozone.api.AccessTokens;
import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.layer.postgis.PostgisLayers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code serve [--port 8080] [--layers DIR]}: loads and validates the layers, then serves them until stopped. */
public final class ServeCommand implements Command {
    @Override public String name() { return "serve"; }

    @Override public String summary() { return "启动服务 / serve the layers over HTTP (map, OGC API, analyses)"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone serve [--port 8080] [--layers DIR] [--styles DIR] [--web DIR] [--tokens FILE]

                加载并校验图层，然后提供地图、OGC API – Features 与分析接口。图层有错误时拒绝启动并列出原因。
                Loads and validates the layers, then serves the web map, OGC API – Features and the analyses.
                Refuses to start when a layer has errors, and lists them.

                  --port N       端口 port (default 8080; 0 = any free port)
                  --layers DIR   图层目录 catalog folder (default: layers)
                  --styles DIR   样式目录 styles folder (default: styles)
                  --web DIR      地图网页目录 web map folder (default: web)
                  --db URL       从 PostGIS 提供要素与准入清单（先运行 import）/ serve the features and the access list from PostGIS (run import first)
                  --tokens FILE  编辑令牌文件 edit tokens, one "token:role:name" per line (role forester|admin);
                                 also read from env ECOZONE_TOKENS (comma-separated) and ECOZONE_TOKENS_FILE
                """;
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
        Args args = new Args(words, Set.of("help"));
        args.allowOnly(Set.of("port", "layers", "styles", "web", "tokens", "db"));
        long t0 = System.nanoTime();
        Path layersDir = Path.of(args.get("layers", "layers"));
        LayerLoader.Result loaded = LayerLoader.load(layersDir);
        if (!loaded.ok()) {
            err.println("图层有错误，服务未启动 / layers have errors, not starting:");
            ValidationReport.print(loaded, err);
            return 1;
        }
        String db = args.get("db");
        // PostGIS mode: the catalog still comes from --layers (it was validated above); the features from the database
        LayerSet layers = db == null ? loaded.layers() : PostgisLayers.of(loaded.layers().catalog(), Databases.pool(db));
        ServerConfig config = new ServerConfig(args.getInt("port", 8080), layersDir, Path.of(args.get("styles", "styles")),
                Path.of(args.get("web", "web")), ServerConfig.DEFAULT_MAX_BODY_BYTES, db == null ? "embedded" : "postgis");
        if (args.get("tokens") != null) config = config.withTokens(config.tokens().and(AccessTokens.fromFile(Path.of(args.get("tokens")))));
        // PostGIS mode: the access list from the ecozone_access_* tables (import --db / access-list import --db fill them)
        EcoZoneServer server = db == null ? EcoZoneServer.start(config, layers)
                : EcoZoneServer.start(config, layers, new PostgisAccessListStore(Databases.pool(db)));
        out.printf("EcoZone 已启动 ready in %.1f s: http://localhost:%d/  (地图 map: http://localhost:%d/map/)%n",
                (System.nanoTime() - t0) / 1e9, server.port(), server.port());
        // SIGTERM/SIGINT: stop accepting, let the requests in flight finish (ECOZONE_SHUTDOWN_TIMEOUT_MS), fsync, exit 0
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
