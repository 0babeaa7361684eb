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
 * {@code {"seq":n,"op":"insert|replace|delete","id":…,"by":…,"at":ISO-8601,"feature":GeoJSON Feature|null}}.
 * {@code seq} numbers the layer's edits for ever (it keeps counting across compactions; lines written before it existed
 * are numbered by their position): a compacted layer file records the last {@code seq} folded into it, and replay
 * skips the entries at or below it, so an edit is applied exactly once whatever moment a compaction was cut short.
 * The same format, with the extra op {@code loaded} (a feature as its layer file first had it), is the layer's
 * append-only edit history ({@code <layer>.history.jsonl}).
 * {@link #append} writes the whole line in one write and fsyncs the file (and, when it is new, its folder) before
 * returning, so an acknowledged edit survives a crash. A process killed mid-write leaves at most one torn last line:
 * {@link #open} drops it (and truncates the file to the last whole line) so replay sees exactly the acknowledged edits.
 * A damaged line elsewhere is a {@link CatalogException}: the journal was tampered with, and guessing would lose data.
 */
public final class FeatureJournal implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Entry(long seq, String op, String id, String by, Instant at, JsonNode feature) {
        /** An entry to append: its {@code seq} is given by {@link #append}. */
        public Entry(String op, String id, String by, Instant at, JsonNode feature) {
            this(0, op, id, by, at, feature);
        }

        Entry withSeq(long s) {
            return new Entry(s, op, id, by, at, feature);
        }
    }

    private final Path file;
    private final List<Entry> entries;
    private FileChannel channel;
    private long lastSeq;

    private FeatureJournal(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
        this.lastSeq = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
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
                Entry e = nl < 0 ? null : parse(line, entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq());
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

    private static Entry parse(String line, long previousSeq) {
        if (line.isBlank()) return null;
        try {
            JsonNode n = MAPPER.readTree(line);
            String op = n.path("op").asText("");
            if (!List.of("insert", "replace", "delete", "loaded").contains(op) || !n.hasNonNull("id")) return null;
            JsonNode f = n.get("feature");
            if (!op.equals("delete") && (f == null || !f.isObject())) return null;
            long seq = n.hasNonNull("seq") ? n.get("seq").asLong() : previousSeq + 1;
            return new Entry(seq, op, n.get("id").asText(), n.path("by").asText(null),
                    n.hasNonNull("at") ? Instant.parse(n.path("at").asText()) : null, f == null || f.isNull() ? null : f);
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

    /** The {@code seq} of the last entry (0 when none was ever written here). */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** The next appended entry is numbered after {@code seq} (a compacted layer file's seq, when the journal is empty). */
    public synchronized void continueAfter(long seq) {
        lastSeq = Math.max(lastSeq, seq);
    }

    /** Bytes on disk (0 when the file does not exist). */
    public long sizeBytes() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Appends one entry numbered after the last one and fsyncs it; when this returns the entry is on disk. */
    public synchronized Entry append(Entry e) {
        Entry numbered = e.seq() > 0 ? e : e.withSeq(lastSeq + 1);
        appendAll(List.of(numbered));
        return numbered;
    }

    /** Appends entries that already carry their {@code seq} (history), in one write and one fsync. */
    public synchronized void appendAll(List<Entry> batch) {
        if (batch.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (Entry e : batch) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("seq", e.seq());
            n.put("op", e.op());
            n.put("id", e.id());
            n.put("by", e.by());
            n.put("at", e.at() == null ? null : e.at().toString());
            n.set("feature", e.feature());
            sb.append(n).append('\n');
        }
        byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
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
            entries.addAll(batch);
            lastSeq = Math.max(lastSeq, batch.get(batch.size() - 1).seq());
        } catch (IOException ex) {
            throw new UncheckedIOException("写入编辑日志失败 / cannot write journal " + file, ex);
        }
    }

    /**
     * Empties the journal (after its entries were folded into the layer file): truncated to zero and fsynced. The
     * numbering goes on from the last entry.
     */
    public synchronized void truncate() {
        try {
            if (channel == null && !Files.exists(file)) {
                entries.clear();
                return;
            }
            if (channel == null) channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            channel.truncate(0);
            channel.force(true);
            entries.clear();
        } catch (IOException ex) {
            throw new UncheckedIOException("清空编辑日志失败 / cannot truncate journal " + file, ex);
        }
    }

    /** fsyncs what was written (every append already did; for shutdown). */
    public synchronized void force() {
        try {
            if (channel != null && channel.isOpen()) channel.force(true);
        } catch (IOException ignored) {
            // nothing unsynced: every append was forced
        }
    }

    static void forceDirectory(Path dir) {
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
