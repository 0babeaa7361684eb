package cn.ecozone.app;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An answer written in one format: its bytes, its media type (with charset for text) and, when it is a file to save
 * or show, its names.
 *
 * @param fileName ASCII file name (for old clients), or null when the answer is not a file
 * @param fileNameUtf8 the Chinese file name (RFC 5987 {@code filename*})
 * @param inline shown in the browser ({@code inline}) rather than saved ({@code attachment})
 */
public record Rendered(byte[] bytes, String contentType, String fileName, String fileNameUtf8, boolean inline) {
    public static Rendered of(byte[] bytes, String contentType) {
        return new Rendered(bytes, contentType, null, null, false);
    }

    public Rendered attachment(String asciiName, String utf8Name) {
        return new Rendered(bytes, contentType, asciiName, utf8Name, false);
    }

    public Rendered inline(String asciiName, String utf8Name) {
        return new Rendered(bytes, contentType, asciiName, utf8Name, true);
    }

    /** The {@code Content-Disposition} header value, or null when the answer is not a file. */
    public String contentDisposition() {
        if (fileName == null) return null;
        return contentDisposition(inline ? "inline" : "attachment", fileName, fileNameUtf8 == null ? fileName : fileNameUtf8);
    }

    /** {@code TYPE; filename="ascii"; filename*=UTF-8''…}: an ASCII file name and the Chinese one as RFC 5987 {@code filename*}. */
    public static String contentDisposition(String type, String asciiName, String utf8Name) {
        StringBuilder enc = new StringBuilder();
        for (byte b : utf8Name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) enc.append((char) c);
            else enc.append('%').append(String.format(Locale.ROOT, "%02X", c));
        }
        return type + "; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + enc;
    }
}
