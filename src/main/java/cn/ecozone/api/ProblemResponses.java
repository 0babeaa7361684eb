package cn.ecozone.api;

import cn.ecozone.analysis.AnalysisLimitExceeded;
import cn.ecozone.error.EcoZoneException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Turns every error into problem JSON ({@code application/problem+json}); unexpected ones are logged as 500. */
public final class ProblemResponses implements RouteModule {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    public static final String CONTENT_TYPE = "application/problem+json";

    @Override
    public void register(Javalin app) {
        app.exception(ApiProblem.class, (e, ctx) -> {
            if (e.retryAfterSeconds() != null) ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            write(ctx, e.status(), e.title(), e.detail(), e.members());
        });
        app.exception(EcoZoneException.class, (e, ctx) -> write(ctx, status(e.kind()), titleOf(status(e.kind())), e.getMessage()));
        app.exception(AnalysisLimitExceeded.class, (e, ctx) -> write(ctx, 413, "分析范围过大 Analysis too large",
                e.getMessage() + "。请缩小请求范围或分批提交 / make the request smaller or split it"));
        // an analysis interrupted because the server is stopping
        app.exception(CancellationException.class, (e, ctx) ->
                write(ctx, 503, "服务暂不可用 Service unavailable", "分析已中止，请稍后再试 / the analysis was stopped; please retry"));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), titleOf(e.getStatus()), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "服务器内部错误 Internal error", "服务器处理请求时出错，请联系管理员 / the server failed on this request");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, "未找到 Not found", "没有这个地址 / no such path: " + ctx.path());
            }
        });
        app.error(405, ctx -> write(ctx, 405, "方法不允许 Method not allowed", ctx.method() + " " + ctx.path() + " 不受支持"));
    }

    public static void write(Context ctx, int status, String title, String detail) {
        write(ctx, status, title, detail, Map.of());
    }

    /** With extension members after the standard ones (RFC 7807 §3.2). */
    public static void write(Context ctx, int status, String title, String detail, Map<String, Object> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        String requestId = Operations.requestId(ctx);
        if (requestId != null) body.put("requestId", requestId);
        members.forEach(body::putIfAbsent);
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.status(status).result(detail);
        }
    }

    /** The one place a domain error's kind becomes an HTTP status. */
    static int status(EcoZoneException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE -> 412;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "请求有误 Bad request";
            case 401 -> "需要登录 Unauthorized";
            case 403 -> "无权限 Forbidden";
            case 404 -> "未找到 Not found";
            case 405 -> "方法不允许 Method not allowed";
            case 408 -> "请求超时 Request timeout";
            case 409 -> "冲突 Conflict";
            case 412 -> "数据已被修改 Precondition failed";
            case 413 -> "请求体过大 Payload too large";
            case 415 -> "不支持的格式 Unsupported media type";
            case 503 -> "服务暂不可用 Service unavailable";
            default -> "错误 Error";
        };
    }
}
