package cn.ecozone.api;

import cn.ecozone.config.EcoZoneConfig;
import cn.ecozone.config.Mode;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.JournaledFeatureEditor;
import cn.ecozone.layer.postgis.Databases;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What an operator needs from a running server: a request id per request ({@code X-Request-Id}: the client's when it
 * is sane, else generated; echoed in the response and in every problem JSON), one JSON access-log line per request
 * (logger {@code ecozone.access}), {@code GET /metrics} in Prometheus text format (Micrometer), and the graceful stop
 * (Jetty stops accepting, waits for the requests in flight up to the deadline).
 *
 * <p>Configuration: {@code ops.shutdown-timeout-ms} (env {@code ECOZONE_SHUTDOWN_TIMEOUT_MS}, default 20000) and
 * {@code ops.access-log} (env {@code ECOZONE_ACCESS_LOG}; {@code off} turns the access log off).
 */
public final class Operations implements RouteModule, AutoCloseable {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String REQUEST_ID = "ecozone.requestId";
    private static final String ROUTE = "ecozone.route";
    private static final String STARTED = "ecozone.startedNanos";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final Logger ACCESS = LoggerFactory.getLogger("ecozone.access");
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The request timers by method, route and status: looked up once, not built per request. */
    private final ConcurrentHashMap<String, Timer[]> timers = new ConcurrentHashMap<>();
    private final AccessLogWriter accessLogWriter;
    private final boolean accessLog;
    private final Duration shutdownTimeout;
    private volatile LiveLayers layers;

    /** With the access log and stop deadline of {@code ops.access-log} and {@code ops.shutdown-timeout-ms}. */
    public Operations(EcoZoneConfig.Ops settings) {
        this.accessLog = settings.accessLog();
        this.shutdownTimeout = settings.shutdownTimeout();
        this.accessLogWriter = accessLog ? new AccessLogWriter(ACCESS, Counter.builder("ecozone.access.dropped")
                .description("access-log lines dropped because the log output could not keep up").register(registry)) : null;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Jetty: graceful stop (stops accepting, waits for the requests in flight) and the access log / request metrics. */
    void configureJetty(Server server) {
        StatisticsHandler stats = new StatisticsHandler();
        server.setHandler(stats); // Javalin attaches its handler inside this wrapper
        server.setStopTimeout(shutdownTimeout.toMillis());
        server.setStopAtShutdown(false); // the serve command stops the server itself, on SIGTERM
        server.setRequestLog(this::completed);
    }

    /** Layer, journal and pool gauges (read at each scrape). */
    void bind(LiveLayers live, Supplier<List<JournaledFeatureEditor>> editors, Mode mode) {
        this.layers = live;
        for (FeatureSource s : live.current().inOrder()) {
            String id = s.layer().id();
            Gauge.builder("ecozone.layer.features", () -> live.current().source(id).map(FeatureSource::count).orElse(0L))
                    .tag("layer", id).description("features in the layer now").register(registry);
            if (s.layer().editable() && mode != Mode.POSTGIS) {
                Gauge.builder("ecozone.journal.size", () -> editorOf(editors, id).map(JournaledFeatureEditor::journalBytes).orElse(0L))
                        .tag("layer", id).baseUnit("bytes").description("edit journal not yet compacted").register(registry);
                Gauge.builder("ecozone.journal.entries", () -> editorOf(editors, id).map(JournaledFeatureEditor::journalEntries).orElse(0))
                        .tag("layer", id).description("edits in the journal not yet compacted").register(registry);
            }
        }
        if (mode == Mode.POSTGIS) {
            for (Map.Entry<String, HikariDataSource> e : Databases.pools().entrySet()) {
                HikariDataSource ds = e.getValue();
                String pool = ds.getPoolName();
                Gauge.builder("hikaricp.connections.active", ds, d -> d.getHikariPoolMXBean() == null ? 0 : d.getHikariPoolMXBean().getActiveConnections())
                        .tag("pool", pool).register(registry);
                Gauge.builder("hikaricp.connections.idle", ds, d -> d.getHikariPoolMXBean() == null ? 0 : d.getHikariPoolMXBean().getIdleConnections())
                        .tag("pool", pool).register(registry);
                Gauge.builder("hikaricp.connections", ds, d -> d.getHikariPoolMXBean() == null ? 0 : d.getHikariPoolMXBean().getTotalConnections())
                        .tag("pool", pool).register(registry);
                Gauge.builder("hikaricp.connections.pending", ds, d -> d.getHikariPoolMXBean() == null ? 0 : d.getHikariPoolMXBean().getThreadsAwaitingConnection())
                        .tag("pool", pool).register(registry);
                Gauge.builder("hikaricp.connections.max", ds, HikariDataSource::getMaximumPoolSize).tag("pool", pool).register(registry);
            }
        }
    }

    private static Optional<JournaledFeatureEditor> editorOf(Supplier<List<JournaledFeatureEditor>> editors, String id) {
        return editors.get().stream().filter(e -> e.layer().id().equals(id)).findFirst();
    }

    @Override
    public void register(Javalin app) {
        app.before(ctx -> {
            ctx.req().setAttribute(STARTED, System.nanoTime());
            String given = ctx.header(REQUEST_ID_HEADER);
            String id = given != null && SANE_ID.matcher(given).matches() ? given : newId();
            ctx.req().setAttribute(REQUEST_ID, id);
            ctx.header(REQUEST_ID_HEADER, id);
        });
        app.after(ctx -> ctx.req().setAttribute(ROUTE, routeOf(ctx)));
        app.get("/metrics", ctx -> ctx.header("Cache-Control", "no-store")
                .contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape()));
    }

    /** The request id of this request (null outside a request). */
    public static String requestId(Context ctx) {
        Object id = ctx.req().getAttribute(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE).substring(0, 8);
    }

    private static String routeOf(Context ctx) {
        try {
            String p = ctx.endpointHandlerPath();
            if (p != null && !p.isEmpty() && !p.equals("*")) return p;
        } catch (RuntimeException ignored) {
            // no endpoint matched
        }
        return ctx.path().startsWith("/map/") ? "/map/*" : "unmatched";
    }

    /** Prometheus text: Micrometer's meters plus the layers' versions as info series. */
    String scrape() {
        StringBuilder sb = new StringBuilder(registry.scrape());
        LiveLayers live = layers;
        if (live != null) {
            sb.append("# HELP ecozone_layer_version_info the version of each layer's data now (changes with every edit or reload)\n");
            sb.append("# TYPE ecozone_layer_version_info gauge\n");
            for (FeatureSource s : live.current().inOrder()) {
                sb.append("ecozone_layer_version_info{layer=\"").append(escape(s.layer().id())).append("\",version=\"")
                        .append(escape(String.valueOf(s.version()))).append("\"} 1\n");
            }
        }
        return sb.toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Jetty's request log: called once per request after the response is complete (also for Jetty's own 400s). */
    private void completed(Request request, Response response) {
        try {
            Object started = request.getAttribute(STARTED);
            long nanos = started instanceof Long s ? System.nanoTime() - s
                    : TimeUnit.MILLISECONDS.toNanos(Math.max(0, System.currentTimeMillis() - request.getTimeStamp()));
            Object r = request.getAttribute(ROUTE);
            String route = r == null ? "unmatched" : r.toString();
            int status = response.getCommittedMetaData() != null ? response.getCommittedMetaData().getStatus() : response.getStatus();
            String method = request.getMethod();
            long bytes = response.getHttpChannel().getBytesWritten();
            String key = (method == null ? "?" : method) + ' ' + status + ' ' + route;
            Timer[] t = timers.get(key);
            if (t == null) {
                t = timers(method, route, status);
                if (timers.size() < 4096) timers.put(key, t); // methods are the client's words: the cache stays bounded
            }
            t[0].record(nanos, TimeUnit.NANOSECONDS);
            if (t.length > 1) {
                t[1].record(nanos, TimeUnit.NANOSECONDS);
                if (status == 413 || status == 503) {
                    Counter.builder("ecozone.analysis.rejections").description("analyses refused: 413 too costly, 503 busy or over the time budget")
                            .tags("route", route, "status", String.valueOf(status)).register(registry).increment();
                }
            }
            if (accessLogWriter != null) {
                // the line is written by the access-log thread: a slow log output never holds a request thread
                Object id = request.getAttribute(REQUEST_ID);
                accessLogWriter.add(new AccessLogWriter.Line(Instant.now(), id == null ? null : id.toString(), method, route,
                        request.getRequestURI(), status, nanos, bytes, request.getRemoteAddr()));
            }
        } catch (RuntimeException e) {
            LOG.warn("access log failed", e);
        }
    }

    /** The request timer of this method, route and status, and for an analysis route its analysis timer too. */
    private Timer[] timers(String method, String route, String status) {
        Timer requests = Timer.builder("ecozone.http.requests").description("HTTP requests by route (the matched path) and status")
                .tags("method", method == null ? "?" : method, "route", route, "status", status).publishPercentileHistogram().register(registry);
        if (!route.startsWith("/analysis/")) return new Timer[] {requests};
        Timer analysis = Timer.builder("ecozone.analysis.duration").description("analysis requests (site check, identify, measure, stats, checks)")
                .tags("route", route, "status", status).publishPercentileHistogram().register(registry);
        return new Timer[] {requests, analysis};
    }

    private Timer[] timers(String method, String route, int status) {
        return timers(method, route, String.valueOf(status));
    }

    /** Writes the access-log lines still queued (at the graceful stop, after the last request). */
    @Override
    public void close() {
        if (accessLogWriter != null) accessLogWriter.close();
    }
}
