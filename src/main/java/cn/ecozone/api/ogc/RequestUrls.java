package cn.ecozone.api.ogc;

import io.javalin.http.Context;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Absolute URLs of this request and its neighbours (next page, other format), as the client addressed us. */
public final class RequestUrls {
    private RequestUrls() {}

    /** {@code scheme://host[:port]}, honouring a reverse proxy's X-Forwarded-Proto/Host. */
    public static String base(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String host = ctx.header("X-Forwarded-Host");
        return (proto != null ? proto : ctx.scheme()) + "://" + (host != null ? host : ctx.host());
    }

    public static String url(Context ctx, String path) {
        return base(ctx) + path;
    }

    /** This request's URL with some query parameters replaced (null value: removed), others kept as sent. */
    public static String self(Context ctx, Map<String, String> changes) {
        List<String[]> params = new ArrayList<>();
        String raw = ctx.queryString();
        Map<String, String> pending = new LinkedHashMap<>(changes);
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (pending.containsKey(name)) {
                    String v = pending.remove(name);
                    if (v != null) params.add(new String[] {name, encode(v)});
                } else if (!changes.containsKey(name)) {
                    params.add(new String[] {name, eq < 0 ? "" : pair.substring(eq + 1)});
                }
            }
        }
        pending.forEach((k, v) -> { if (v != null) params.add(new String[] {k, encode(v)}); });
        StringBuilder b = new StringBuilder(base(ctx)).append(ctx.path());
        for (int i = 0; i < params.size(); i++) {
            b.append(i == 0 ? '?' : '&').append(encode(params.get(i)[0])).append('=').append(params.get(i)[1]);
        }
        return b.toString();
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
