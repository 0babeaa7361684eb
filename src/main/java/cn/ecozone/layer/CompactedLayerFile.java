package cn.ecozone.layer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A layer's GeoJSON file as compaction writes it: the FeatureCollection with the foreign member
 * {@code "ecozone:journalSeq": n} — the last journal entry folded into it — first, then the file's other top-level
 * members, then the features one per line. It is written to {@code <file>.compacting}, fsynced, and renamed over the
 * file (an atomic replace on POSIX file systems), then the folder is fsynced: a crash leaves the old file or the new.
 */
public final class CompactedLayerFile {
    public static final String SEQ_MEMBER = "ecozone:journalSeq";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CompactedLayerFile() {}

    /** The temporary file a compaction writes before renaming it over {@code file}. */
    public static Path tempOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".compacting");
    }

    /** The last journal seq folded into the file (0 for a file never compacted, or missing). */
    public static long seqOf(Path file) {
        if (!Files.isRegularFile(file)) return 0;
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals(SEQ_MEMBER)) return p.getValueAsLong(0);
                p.skipChildren();
            }
            return 0;
        } catch (IOException e) {
            return 0; // a broken file is reported by the loader
        }
    }

    /** The top-level members other than features and the seq (name, crs …), kept by compaction. */
    private static Map<String, JsonNode> otherMembers(Path file) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return out;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("features") || field.equals(SEQ_MEMBER) || field.equals("type")) p.skipChildren();
                else out.put(field, p.readValueAsTree());
            }
        }
        return out;
    }

    /** Writes the features and seq to the temporary file and fsyncs it; {@link #install} renames it over the file. */
    static Path writeTemp(Path file, LayerDef layer, Collection<SimpleFeature> features, long seq) {
        Path tmp = tempOf(file);
        try {
            Map<String, JsonNode> others = otherMembers(file);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                try (JsonGenerator g = MAPPER.getFactory().createGenerator(new BufferedOutputStream(out, 1 << 16), JsonEncoding.UTF8)) {
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    g.writeStartObject();
                    g.writeStringField("type", "FeatureCollection");
                    g.writeNumberField(SEQ_MEMBER, seq);
                    for (var e : others.entrySet()) {
                        g.writeFieldName(e.getKey());
                        g.writeTree(e.getValue());
                    }
                    g.writeArrayFieldStart("features");
                    for (SimpleFeature f : features) {
                        g.writeRaw('\n');
                        g.writeTree(FeatureJson.of(f, layer));
                    }
                    g.writeRaw('\n');
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
                ch.force(true);
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("写入压缩后的图层文件失败 / cannot write the compacted layer " + tmp, e);
        }
    }

    /** Atomically replaces {@code file} by {@code tmp} and fsyncs the folder. */
    static void install(Path tmp, Path file) {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("替换图层文件失败 / cannot replace " + file, e);
        }
        FeatureJournal.forceDirectory(file.toAbsolutePath().getParent());
    }
}
