package cn.ecozone.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Headers every answer carries (no MIME sniffing, no framing by other sites, no referrer leaks), a Content
 * Security Policy on HTML (scripts only from this server; tiles only from the base maps the web map offers), and
 * CORS by {@link CorsPolicy}, including preflight answers.
 */
public final class SecurityHeaders implements RouteModule {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob: https://tile.openstreetmap.org https://*.tianditu.gov.cn; connect-src 'self'; "
            + "frame-src 'self' blob:; object-src 'self' blob:; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    private final CorsPolicy cors;

    public SecurityHeaders(CorsPolicy cors) {
        this.cors = cors;
    }

    @Override
    public void register(Javalin app) {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "SAMEORIGIN");
            ctx.header("Referrer-Policy", "no-referrer");
            corsHeaders(ctx);
        });
        app.after(ctx -> {
            String type = ctx.res().getContentType();
            if (type != null && type.startsWith("text/html")) ctx.header("Content-Security-Policy", CSP);
        });
        // preflight: answered here for every path, allowed or not (the browser then enforces the answer)
        app.options("/*", ctx -> ctx.status(204));
    }

    private void corsHeaders(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return;
        boolean preflight = ctx.method() == HandlerType.OPTIONS;
        String method = preflight ? String.valueOf(ctx.header("Access-Control-Request-Method")) : ctx.method().name();
        String allowed = cors.allow(origin, method, ctx.path());
        if (allowed == null) return;
        ctx.header("Access-Control-Allow-Origin", allowed);
        ctx.header("Vary", "Origin");
        if (preflight) {
            ctx.header("Access-Control-Allow-Methods", method);
            ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization, If-Match, If-None-Match, Accept");
            ctx.header("Access-Control-Max-Age", "600");
        } else {
            ctx.header("Access-Control-Expose-Headers", "ETag, Location, Content-Crs");
        }
    }
}
