package cn.ecozone.api;

import cn.ecozone.app.Formats;
import cn.ecozone.app.OutputFormat;
import cn.ecozone.app.Rendered;
import cn.ecozone.app.UseCaseException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The HTTP side of the use cases ({@code cn.ecozone.app}): the format parameter, the mapping of
 * {@link UseCaseException} kinds to problem JSON, and writing a {@link Rendered} answer. A route is then: parse the
 * request → call the use case → pick the format → {@link #write}.
 */
final class UseCaseResponses {
    private UseCaseResponses() {}

    /**
     * The format asked for: {@code f} (the name for new and changed endpoints), or {@code format} (kept as an alias);
     * both given and different is a 400. Found by name or media type in {@code formats}; the first is the default.
     */
    static <T> OutputFormat<T> format(Context ctx, Formats<T> formats) {
        String f = ctx.queryParam("f");
        String format = ctx.queryParam("format");
        if (f != null && format != null && !f.equals(format)) {
            throw ApiProblem.badRequest("f 与 format 是同一参数（format 为旧名），不能取不同的值 / f and format are the same parameter "
                    + "(format is its old name) and cannot differ: f=" + f + ", format=" + format);
        }
        String asked = f != null ? f : format;
        return call(() -> formats.require(asked, f == null && format != null ? "format" : "f"));
    }

    /**
     * Runs a use case step; its {@link UseCaseException} becomes the problem JSON of its kind (titles as the site
     * routes always wrote them; kinds the use cases do not raise are left to {@link ProblemResponses}).
     */
    static <T> T call(Supplier<T> step) {
        try {
            return step.get();
        } catch (UseCaseException e) {
            throw problem(e);
        }
    }

    static RuntimeException problem(UseCaseException e) {
        return switch (e.kind()) {
            case BAD_INPUT -> ApiProblem.badRequest(e.getMessage());
            case TOO_LARGE -> new ApiProblem(413, "地块过大 Payload too large", e.getMessage());
            case UNAVAILABLE -> new ApiProblem(503, "服务暂不可用 Service unavailable", e.getMessage());
            default -> e;
        };
    }

    /** Renders {@code result} in {@code format} (compact) and writes it. */
    static <T> void write(Context ctx, OutputFormat<T> format, T result) {
        Rendered r = call(() -> {
            try {
                return format.render(result, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        write(ctx, r, format.binary());
    }

    static void write(Context ctx, Rendered r, boolean binary) {
        String disposition = r.contentDisposition();
        if (disposition != null) ctx.header("Content-Disposition", disposition);
        ctx.result(r.bytes());
        if (binary) {
            // binary: no charset parameter (Jetty adds one to any type set while an encoding is set)
            ctx.res().setCharacterEncoding(null);
            ctx.res().setContentType(r.contentType());
        } else {
            ctx.contentType(r.contentType());
        }
    }
}
