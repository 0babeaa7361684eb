package cn.ecozone.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only journal of the edits of one layer, one JSON object per line (JSON Lines, UTF-8):
 * {@code {"op":"insert|replace|delete","id":…,"by":…,"at":ISO-8601,"feature":GeoJSON Feature|null}}.
 * {@link #append} writes the whole line in one write and fsyncs the file (and, when it is new, its folder) before
 * returning, so an acknowledged edit survives a crash. A process killed mid-write leaves at most one torn last line:
 * {@link #open} drops it (and truncates the file to the last whole line) so replay sees exactly the acknowledged edits.
 * A damaged line elsewhere is a {@link CatalogException}: the journal was tampered with, and guessing would lose data.
 */
public final class FeatureJournal implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Entry(String op, String id, String by, Instant at, JsonNode feature) {}

    private final Path file;
    private final List<Entry> entries;
    private FileChannel channel;

    private FeatureJournal(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads the journal (missing file: empty), dropping a torn last line. */
    public static FeatureJournal open(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) return new FeatureJournal(file, entries);
        try {
            byte[] bytes = Files.readAllBytes(file);
            int start = 0, lineNo = 0;
            long goodLength = 0;
            while (start < bytes.length) {
                int nl = indexOf(bytes, (byte) '\n', start);
                lineNo++;
                boolean last = nl < 0 || nl == bytes.length - 1;
                String line = new String(bytes, start, (nl < 0 ? bytes.length : nl) - start, StandardCharsets.UTF_8);
                Entry e = nl < 0 ? null : parse(line);
                if (e == null) {
                    if (last) break; // torn tail of a write cut short: never acknowledged
                    throw new CatalogException(file + " 第 " + lineNo + " 行损坏 / journal line " + lineNo + " is damaged; 请从备份恢复 restore it from a backup");
                }
                entries.add(e);
                goodLength = nl + 1;
                start = nl + 1;
            }
            if (goodLength < bytes.length) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(goodLength);
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
        return new FeatureJournal(file, entries);
    }

    private static Entry parse(String line) {
        if (line.isBlank()) return null;
        try {
            JsonNode n = MAPPER.readTree(line);
            String op = n.path("op").asText("");
            if (!List.of("insert", "replace", "delete").contains(op) || !n.hasNonNull("id")) return null;
            JsonNode f = n.get("feature");
            if (!op.equals("delete") && (f == null || !f.isObject())) return null;
            return new Entry(op, n.get("id").asText(), n.path("by").asText(null), Instant.parse(n.path("at").asText()),
                    f == null || f.isNull() ? null : f);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == v) return i;
        return -1;
    }

    /** The entries read at open, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Path file() {
        return file;
    }

    /** Appends one entry and fsyncs it; when this returns the entry is on disk. */
    public synchronized void append(Entry e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("op", e.op());
        n.put("id", e.id());
        n.put("by", e.by());
        n.put("at", e.at().toString());
        n.set("feature", e.feature());
        byte[] line = (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (channel == null) {
                boolean created = !Files.exists(file);
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                if (created) channel.force(true);
                if (created) forceDirectory(file.toAbsolutePath().getParent());
            }
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(true);
            entries.add(e);
        } catch (IOException ex) {
            throw new UncheckedIOException("写入编辑日志失败 / cannot write journal " + file, ex);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot open directories; the file itself is fsynced
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // closing after fsync: nothing to lose
        }
        channel = null;
    }
}
