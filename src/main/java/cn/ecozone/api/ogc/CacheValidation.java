package cn.ecozone.api.ogc;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ETag and Cache-Control for GET responses. The tag is a digest of the data version (changes when a layer is
 * reloaded or edited) and everything that shapes the answer (URL, format); it is weak because gzip may change
 * the bytes but not the meaning. Clients may keep answers but must revalidate ({@code no-cache}), which costs
 * a 304 without a body while the data is unchanged.
 */
public final class CacheValidation {
    public static final String CACHE_CONTROL = "public, no-cache";

    private CacheValidation() {}

    /** Sets the validators; true (and status 304, no body) when the client's copy is current. */
    public static boolean answeredNotModified(Context ctx, String dataVersion, Format format) {
        // an editable feature already carries its version's strong ETag (for If-Match); keep it, validate against it
        String set = ctx.res().getHeader("ETag");
        String etag = set != null ? set : "W/\"" + digest(dataVersion + "|" + RequestUrls.base(ctx) + ctx.path() + "?"
                + ctx.queryString() + "|" + format) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("Vary", "Accept, Accept-Encoding");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    private static boolean matches(String header, String etag) {
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String t : header.split(",")) {
            String s = t.trim();
            if (s.equals("*") || s.equals(etag) || s.equals(bare) || (s.startsWith("W/") && s.substring(2).equals(bare))) return true;
        }
        return false;
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
