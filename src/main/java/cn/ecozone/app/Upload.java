package cn.ecozone.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Input bytes as an entry point received them: an HTTP body or multipart file, or a file on disk. The readers tell
 * the formats apart by content (国土 TXT, GeoJSON, WKT), so the name and type are for messages only.
 *
 * @param fileName the file's name when known (a multipart upload, a path), else null
 * @param contentType the declared media type when known, else null
 */
public record Upload(byte[] bytes, String fileName, String contentType) {
    public Upload {
        bytes = bytes == null ? new byte[0] : bytes;
    }

    public static Upload of(byte[] bytes) {
        return new Upload(bytes, null, null);
    }

    public static Upload of(Path file) throws IOException {
        return new Upload(Files.readAllBytes(file), file.getFileName().toString(), null);
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }
}
