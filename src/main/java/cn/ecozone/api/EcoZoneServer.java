package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListStore;
import cn.ecozone.accesslist.FileAccessListStore;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.config.Mode;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.LayerStore;
import cn.ecozone.process.JobPathWarmUp;
import cn.ecozone.process.ProcessService;
import cn.ecozone.tiles.TileCache;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** The HTTP server: Javalin with problem-JSON errors, body limits, the web map and every route module. */
public final class EcoZoneServer implements AutoCloseable {
    private final Javalin app;
    private final LayerStore<AccessList> store;
    private final LiveLayers layers;
    private final LiveAccessList accessList;
    private final Operations ops;
    private final List<RouteModule> modules;

    private final CompletableFuture<JobPathWarmUp.Outcome> jobWarmUp;
    private final AtomicBoolean stopping;
    /** Computes the data version, then runs the job warm-up; a stop waits a little for it to clean up. */
    private final Thread background;

    private EcoZoneServer(Javalin app, LayerStore<AccessList> store, LiveLayers layers, LiveAccessList accessList, Operations ops,
                          List<RouteModule> modules, CompletableFuture<JobPathWarmUp.Outcome> jobWarmUp, AtomicBoolean stopping, Thread background) {
        this.jobWarmUp = jobWarmUp;
        this.stopping = stopping;
        this.background = background;
        this.app = app;
        this.store = store;
        this.layers = layers;
        this.accessList = accessList;
        this.ops = ops;
        this.modules = modules;
    }

    /** Serves the layers with the access list of their catalog's file. */
    public static EcoZoneServer start(ServerConfig config, LayerSet initial) {
        String file = initial.catalog().accessList();
        return start(config, initial, new FileAccessListStore(initial.catalog().resolve(file == null || file.isBlank() ? "access-list.json" : file)));
    }

    /**
     * Serves the layers with this access list. The {@link LayerStore} opens the editors (replaying the journals), reads
     * the access list and the styles; the routes reach it through {@link LiveLayers} and {@link LiveAccessList}.
     */
    public static EcoZoneServer start(ServerConfig config, LayerSet initial, AccessListStore accessListStore) {
        return start(config, initial, accessListStore, null);
    }

    /** … and, in PostGIS mode, the other stored data versions {@code batch-check}'s {@code againstVersion} may name (or null). */
    public static EcoZoneServer start(ServerConfig config, LayerSet initial, AccessListStore accessListStore, ProcessService.StoredVersions versions) {
        LayerStore<AccessList> store = LayerStore.open(initial, LiveAccessList.checked(accessListStore), config.stylesDir(), config.compaction(),
                Clock.systemUTC(), config.mode() == Mode.EMBEDDED);
        LiveLayers layers = new LiveLayers(store);
        LiveAccessList accessList = new LiveAccessList(store, accessListStore);
        Operations ops = new Operations(config.settings().ops());
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.defaultContentType = "application/json";
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyProblemErrorHandler());
                ops.configureJetty(server); // graceful stop, access log, request metrics
            });
            if (Files.isDirectory(config.webDir())) {
                c.staticFiles.add(s -> {
                    s.hostedPath = "/map";
                    s.directory = config.webDir().toAbsolutePath().toString();
                    s.location = Location.EXTERNAL;
                });
            }
        });
        List<RouteModule> modules = new ArrayList<>();
        modules.add(ops); // first: the request id exists before any other handler can fail
        modules.addAll(modules(config, layers, accessList, versions));
        for (RouteModule m : modules) m.register(app);
        ops.bind(layers, store::journaledEditors, config.mode());
        app.start(config.port());
        // the data version every answer names: hashed now, in the background, rather than by the first request
        // (tens of seconds of CPU on a national load); a request arriving meanwhile waits for this one computation
        // then identify's point grids; then, once, the batch job's path run on generated sites (ops.job-warm-up), so the first real job after a start
        // does not pay the JIT compiling it (docs/benchmarks/batch.md, session 4)
        CompletableFuture<JobPathWarmUp.Outcome> jobWarmUp = new CompletableFuture<>();
        AtomicBoolean stopping = new AtomicBoolean();
        int warmUpSites = config.settings().ops().jobWarmUpSites();
        ProcessService processes = modules.stream().filter(m -> m instanceof ProcessesRoutes).map(m -> ((ProcessesRoutes) m).service()).findFirst().orElse(null);
        Thread hash = new Thread(() -> {
            try {
                DataVersion.of(layers.current(), accessList.current());
                // identify's point grids, off the public map's first click (docs/benchmarks/identify.md)
                for (RouteModule m : modules) if (m instanceof IdentifyRoutes i && !stopping.get()) i.prepare();
                boolean warm = warmUpSites > 0 && processes != null && !stopping.get();
                if (warm) Thread.currentThread().setName("job-warm-up"); // a stop waits for it to clean up
                JobPathWarmUp.Outcome o = warm ? processes.warmUp(warmUpSites, stopping::get) : null;
                if (o != null) LoggerFactory.getLogger(EcoZoneServer.class).info("batch job warm-up: {} sites, {}, {} ms, {} ms of CPU",
                        o.sites(), o.status(), o.millis(), o.cpuMillis());
                jobWarmUp.complete(o);
            } catch (RuntimeException | Error e) {
                jobWarmUp.completeExceptionally(e);
                throw e;
            }
        }, "data-version");
        hash.setDaemon(true);
        hash.setPriority(Thread.MIN_PRIORITY);
        hash.start();
        for (RouteModule m : modules) if (m instanceof TilesRoutes t) t.startWarmUp(); // a minute from now
        return new EcoZoneServer(app, store, layers, accessList, ops, modules, jobWarmUp, stopping, hash);
    }

    /** Every route group, in registration order. */
    static List<RouteModule> modules(ServerConfig config, LiveLayers layers, LiveAccessList accessList) {
        return modules(config, layers, accessList, null);
    }

    static List<RouteModule> modules(ServerConfig config, LiveLayers layers, LiveAccessList accessList, ProcessService.StoredVersions versions) {
        List<RouteModule> m = new ArrayList<>();
        m.add(new ProblemResponses());
        m.add(new SecurityHeaders(config.cors()));
        // Javalin tries a request's path against the routes of its method in the order they were added (a regular
        // expression each): the ones asked most — health probes, the map's clicks and tiles, site checks — come first
        m.add(new HealthRoutes(layers, config.mode()));
        // one pool and time budget for every analysis route: a flood of any of them cannot take more than its workers
        AnalysisBudget budget = new AnalysisBudget(config.limits());
        m.add(new IdentifyRoutes(layers, config.limits(), budget));
        SiteCheckRoutes siteChecks = new SiteCheckRoutes(layers, accessList, config.limits(), budget);
        m.add(siteChecks);
        m.add(new TilesRoutes(config, layers));
        m.add(new CollectionsRoutes(layers));
        m.add(new OgcApiRoutes(layers, config.limits(), accessList));
        m.add(new WebMapRoutes(config, layers, accessList));
        m.add(new MeasureRoutes(layers, budget));
        m.add(new ItemEditRoutes(config, layers));
        m.add(new SiteExportRoutes(config.limits()));
        Limits l = config.limits();
        ProcessService processes = new ProcessService(layers::current, accessList::current,
                new ProcessService.Settings(l.maxVertices(), siteChecks.caps(), l.maxCandidates(), l.maxZoneVertices()),
                siteChecks::check, budget::background, jobsDir(config, layers.current())).withStoredVersions(versions);
        m.add(new ProcessesRoutes(processes, siteChecks, config.maxBodyBytes()));
        m.add(new AccessListRoutes(accessList));
        m.add(new AccessListAdminRoutes(config, layers, accessList));
        return m;
    }

    /**
     * Where jobs are kept: {@code server.jobs-dir} ({@code ECOZONE_JOBS_DIR}), else {@link #jobsDir(LayerSet) beside
     * the layer folder}.
     */
    public static Path jobsDir(ServerConfig config, LayerSet set) {
        Path configured = config.settings().server().jobsDir();
        return configured != null ? configured : jobsDir(set);
    }

    /** The default jobs folder: beside the layer folder as {@code <layers>-jobs} (e.g. {@code layers-jobs/}), made when the first job arrives. */
    public static Path jobsDir(LayerSet set) {
        Path layers = set.catalog().dir().toAbsolutePath().normalize();
        Path parent = layers.getParent() == null ? layers : layers.getParent();
        return parent.resolve(layers.getFileName() + "-jobs");
    }

    public int port() {
        return app.port();
    }

    /** The batch job warm-up's outcome once it is over (null when none ran: {@code ops.job-warm-up} 0). */
    public CompletableFuture<JobPathWarmUp.Outcome> jobWarmUp() {
        return jobWarmUp;
    }

    public LiveLayers layers() {
        return layers;
    }

    public LiveAccessList accessList() {
        return accessList;
    }

    /** The layers, editors, access list and styles the server answers from. */
    public LayerStore<AccessList> store() {
        return store;
    }

    public Operations operations() {
        return ops;
    }

    /** The identify route (its point grids are made in the background after a start). */
    IdentifyRoutes identifyRoutes() {
        return modules.stream().filter(m -> m instanceof IdentifyRoutes).map(m -> (IdentifyRoutes) m).findFirst().orElseThrow();
    }

    /** The encoded tiles kept between tile requests. */
    public TileCache tileCache() {
        return modules.stream().filter(m -> m instanceof TilesRoutes).map(m -> ((TilesRoutes) m).cache()).findFirst().orElseThrow();
    }

    /**
     * Stops gracefully: no new connections, the requests in flight (and the analyses they wait for) finish within
     * {@link Operations#shutdownTimeout()}, then the journals are fsynced and closed, and the modules that hold
     * resources (the batch jobs' runner) are closed.
     */
    @Override
    public void close() {
        stopping.set(true); // a warm-up still running is dismissed
        try {
            app.stop();
        } catch (RuntimeException e) {
            // the deadline passed with requests still open: they were cut off; the journals are synced all the same
            LoggerFactory.getLogger(EcoZoneServer.class).warn("stopped after the {} s deadline with requests still open: {}",
                    ops.shutdownTimeout().toSeconds(), e.toString());
        } finally {
            store.close(); // fsyncs and closes the journals
            for (RouteModule m : modules) {
                if (!(m instanceof AutoCloseable c)) continue;
                try {
                    c.close();
                } catch (Exception ignored) {
                    // stopping
                }
            }
            if (background.getName().equals("job-warm-up")) { // dismissed by the stop: it deletes its temporary folder
                try {
                    background.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
