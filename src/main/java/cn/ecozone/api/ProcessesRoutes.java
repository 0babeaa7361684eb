package cn.ecozone.api;

import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.process.JobState;
import cn.ecozone.process.ProcessException;
import cn.ecozone.process.ProcessService;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OGC API – Processes Part 1 (core, ogc-process-description, json, job-list, dismiss): {@code /processes},
 * {@code /processes/{id}}, {@code POST /processes/{id}/execution} (sync, or async with {@code Prefer: respond-async}),
 * {@code /jobs}, {@code /jobs/{id}}, {@code /jobs/{id}/results[/{output}]}, {@code DELETE /jobs/{id}}. HTTP only: the
 * work is {@link ProcessService}'s.
 */
public final class ProcessesRoutes implements RouteModule, AutoCloseable {
    static final String REL_PROCESSES = "http://www.opengis.net/def/rel/ogc/1.0/processes";
    static final String REL_EXECUTE = "http://www.opengis.net/def/rel/ogc/1.0/execute";
    static final String REL_JOB_LIST = "http://www.opengis.net/def/rel/ogc/1.0/job-list";
    static final String REL_RESULTS = "http://www.opengis.net/def/rel/ogc/1.0/results";
    /** Longest a synchronous execution waits for its job before answering 201 with the job instead. */
    static final long SYNC_WAIT_MS = 10 * 60 * 1000;

    private final ProcessService service;
    private final SiteCheckRoutes siteChecks;

    /**
     * Reads execution bodies: one inline project list is a single JSON string as long as the body allows (Jackson's
     * default refuses strings over 20 M characters, which a 10,000-project CSV exceeds); the body itself is bounded by
     * the server's request-size limit.
     */
    private final ObjectMapper bodies;

    /** The service behind the routes (the server's job warm-up runs through it). */
    ProcessService service() {
        return service;
    }

    ProcessesRoutes(ProcessService service, SiteCheckRoutes siteChecks) {
        this(service, siteChecks, ServerConfig.DEFAULT_MAX_BODY_BYTES);
    }

    ProcessesRoutes(ProcessService service, SiteCheckRoutes siteChecks, long maxBodyBytes) {
        this.bodies = Json.MAPPER.copyWith(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength((int) Math.min(Integer.MAX_VALUE - 16, Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN, maxBodyBytes))).build()).build());
        this.service = service;
        this.siteChecks = siteChecks;
    }

    @Override
    public void register(Javalin app) {
        app.exception(ProcessException.class, (e, ctx) -> problem(ctx, e));
        app.get("/processes", this::list);
        app.get("/processes/{processId}", this::describe);
        app.post("/processes/{processId}/execution", this::execute);
        app.get("/jobs", this::jobs);
        app.get("/jobs/{jobId}", this::job);
        app.delete("/jobs/{jobId}", this::dismiss);
        app.get("/jobs/{jobId}/results", this::results);
        app.get("/jobs/{jobId}/results/{outputId}", this::resultFile);
    }

    @Override
    public void close() {
        service.close();
    }

    private static void problem(Context ctx, ProcessException e) {
        int status = switch (e.kind()) {
            case NO_SUCH_PROCESS, NO_SUCH_JOB, RESULT_NOT_READY, NO_SUCH_OUTPUT -> 404;
            case BAD_INPUT -> 400;
            case TOO_LARGE -> 413;
            case JOB_FAILED -> 500;
        };
        String title = switch (e.kind()) {
            case NO_SUCH_PROCESS -> "没有该处理过程 No such process";
            case NO_SUCH_JOB -> "没有该任务 No such job";
            case RESULT_NOT_READY -> "结果尚未就绪 Result not ready";
            case NO_SUCH_OUTPUT -> "没有该输出 No such output";
            case BAD_INPUT -> "请求有误 Bad request";
            case TOO_LARGE -> "请求过大 Payload too large";
            case JOB_FAILED -> "任务失败 Job failed";
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.kind().type == null ? "about:blank" : e.kind().type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", e.getMessage());
        body.put("instance", ctx.path());
        ctx.status(status).contentType(ProblemResponses.CONTENT_TYPE).result(json(body));
    }

    private static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void list(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f", "limit"));
        String base = RequestUrls.base(ctx);
        List<Object> ps = new ArrayList<>();
        for (String id : service.ids()) {
            Map<String, Object> p = service.summary(id);
            p.put("links", List.of(link(base + "/processes/" + id, "self", "application/json", "处理过程说明 / process description"),
                    link(base + "/processes/" + id + "/execution", REL_EXECUTE, "application/json", "执行 / execute")));
            ps.add(p);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("processes", ps);
        body.put("links", List.of(link(base + "/processes", "self", "application/json", "处理过程列表 / process list")));
        ctx.json(body);
    }

    private void describe(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        String id = ctx.pathParam("processId");
        String base = RequestUrls.base(ctx);
        Map<String, Object> p = service.description(id);
        p.put("links", List.of(link(base + "/processes/" + id, "self", "application/json", "本页 / this document"),
                link(base + "/processes/" + id + "/execution", REL_EXECUTE, "application/json", "执行 / execute"),
                link(base + "/processes", "up", "application/json", "处理过程列表 / process list")));
        ctx.json(p);
    }

    private void execute(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        String id = ctx.pathParam("processId");
        service.summary(id); // 404 for an unknown process
        JsonNode request;
        try (InputStream in = ctx.bodyInputStream()) {
            request = bodies.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "请求体不是有效的 JSON / the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefer = ctx.header("Prefer");
        boolean async = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
        String base = RequestUrls.base(ctx);
        if (!async && id.equals(ProcessService.SITE_CHECK)) {
            ProcessService.SiteCheckRun run = service.siteCheck(request);
            Object result = SiteCheckRoutes.withSiteGeometry(run.result(), run.site());
            boolean document = "document".equals(request.path("response").asText());
            ctx.json(document ? Map.of("result", result) : result);
            return;
        }
        if (!async && service.projectCount(request) > ProcessService.MAX_SYNC_PROJECTS) {
            throw new ProcessException(ProcessException.Kind.BAD_INPUT, "同步执行最多 " + ProcessService.MAX_SYNC_PROJECTS
                    + " 个项目，请加请求头 Prefer: respond-async 异步执行 / a synchronous batch takes at most " + ProcessService.MAX_SYNC_PROJECTS
                    + " projects; send Prefer: respond-async");
        }
        JobState job = service.submit(id, request);
        String location = base + "/jobs/" + job.jobID;
        if (async) {
            ctx.status(201).header("Location", location).header("Preference-Applied", "respond-async").json(status(job, base));
            return;
        }
        try {
            if (!service.jobs().await(job.jobID, SYNC_WAIT_MS)) {
                ctx.status(201).header("Location", location).json(status(service.jobs().get(job.jobID).orElse(job), base));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "服务暂不可用 Service unavailable", "服务器正在停止 / the server is stopping");
        }
        ctx.header("Link", "<" + location + ">; rel=\"monitor\"");
        ctx.json(service.results(job.jobID, base));
    }

    private void jobs(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f", "limit", "processID", "status"));
        String base = RequestUrls.base(ctx);
        String process = ctx.queryParam("processID"), st = ctx.queryParam("status");
        List<Object> list = new ArrayList<>();
        for (JobState j : service.jobs().list()) {
            if (process != null && !process.equals(j.processID)) continue;
            if (st != null && !st.equals(j.status)) continue;
            list.add(status(j, base));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobs", list);
        body.put("links", List.of(link(base + "/jobs", "self", "application/json", "任务列表 / job list")));
        ctx.json(body);
    }

    private JobState require(String id) {
        return service.jobs().get(id).orElseThrow(() -> new ProcessException(ProcessException.Kind.NO_SUCH_JOB, "没有该任务 / no job " + id));
    }

    private void job(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        ctx.json(status(require(ctx.pathParam("jobId")), RequestUrls.base(ctx)));
    }

    private void dismiss(Context ctx) {
        JobState j = service.jobs().dismiss(ctx.pathParam("jobId"));
        ctx.json(status(j, RequestUrls.base(ctx)));
    }

    private void results(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        ctx.json(service.results(ctx.pathParam("jobId"), RequestUrls.base(ctx)));
    }

    private void resultFile(Context ctx) {
        ProcessService.ResultFile f = service.resultFile(ctx.pathParam("jobId"), ctx.pathParam("outputId"));
        try {
            byte[] bytes = Files.readAllBytes(f.file());
            String ext = switch (f.mediaType().split(";")[0]) {
                case "text/csv" -> ".csv";
                case "application/zip" -> ".zip";
                case ProcessService.XLSX -> ".xlsx";
                default -> ".json";
            };
            ctx.header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("outputId") + ext + "\"");
            ctx.result(bytes);
            ctx.res().setCharacterEncoding(null);
            ctx.res().setContentType(f.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OGC statusInfo of a job, with progress (processed/total, ETA). */
    Map<String, Object> status(JobState j, String base) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("jobID", j.jobID);
        s.put("processID", j.processID);
        s.put("type", "process");
        s.put("status", j.status);
        s.put("message", j.message);
        s.put("created", j.created);
        if (j.started != null) s.put("started", j.started);
        if (j.finished != null) s.put("finished", j.finished);
        s.put("updated", j.updated);
        s.put("progress", j.total <= 0 ? 0 : (int) Math.min(100, 100L * j.processed / j.total));
        s.put("processed", j.processed);
        s.put("total", j.total);
        s.put("failedRows", j.failedRows);
        Double eta = service.jobs().etaSeconds(j.jobID);
        if (eta != null) s.put("etaSeconds", eta);
        if (j.resumed > 0) s.put("resumedAfterRestart", j.resumed);
        if (j.dataVersion != null) s.put("dataVersion", j.dataVersion);
        List<Object> links = new ArrayList<>();
        links.add(link(base + "/jobs/" + j.jobID, "self", "application/json", "任务状态 / job status"));
        if ("successful".equals(j.status)) links.add(link(base + "/jobs/" + j.jobID + "/results", REL_RESULTS, "application/json", "结果 / results"));
        s.put("links", links);
        return s;
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }
}
