package cn.ecozone.api.ogc;

import io.javalin.http.Context;

import java.util.Locale;

/**
 * The representation a client asked for: {@code f=json|html} wins; otherwise the Accept header, where HTML is
 * chosen only when the client prefers text/html to JSON (browsers do; GDAL, QGIS and scripts do not).
 */
public enum Format {
    JSON, HTML;

    public static Format of(Context ctx) {
        String f = ctx.queryParam("f");
        if (f != null) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw new InvalidParameter("参数 f 只能是 json 或 html / f must be json or html, got \"" + f + "\"");
            };
        }
        return fromAccept(ctx.header("Accept"));
    }

    static Format fromAccept(String accept) {
        if (accept == null || accept.isBlank()) return JSON;
        double html = -1, json = -1;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String type = bits[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) html = Math.max(html, q);
            if (type.contains("json")) json = Math.max(json, q);
        }
        return html > json ? HTML : JSON;
    }
}
