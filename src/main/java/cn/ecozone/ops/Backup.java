package cn.ecozone.ops;

import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.CatalogReader;
import cn.ecozone.layer.CompactedLayerFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backups of the embedded data: a consistent copy of the layers folder (catalog, layer files, journals, histories,
 * access list) and optionally the styles, taken while a server is editing, plus {@code manifest.json} (every file
 * with its size and SHA-256, the data date, EcoZone's version); and the checked restore.
 *
 * <p>Consistency without the server's lock: journals and histories only grow, and a layer file only changes by an
 * atomic rename (compaction), after its history was appended and before its journal is truncated. So each editable
 * layer is copied file → history → journal, and the copy is kept only if the layer file is still the same afterwards
 * (else a compaction ran in between and the layer is copied again). A journal line being written while it is copied
 * is a torn last line that replay drops: that edit was not acknowledged when the snapshot was taken.
 */
public final class Backup {
    public static final String MANIFEST = "manifest.json";
    public static final String VERSION = versionOf();
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Backup() {}

    private static String versionOf() {
        String v = Backup.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** A backup refused by {@link #verify} or {@link Restore}: nothing was changed. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Copies the layers folder (and styles when not null) into {@code to}/layers and {@code to}/styles; writes the manifest. */
    public static ObjectNode ofFiles(Path layersDir, Path stylesDir, Path to) {
        return ofFiles(layersDir, stylesDir, to, "embedded");
    }

    /** PostGIS mode: {@code ecozone.dump} is already in {@code to}; adds the catalog files and the manifest. */
    public static ObjectNode ofFilesWithDump(Path layersDir, Path stylesDir, Path to) {
        return ofFiles(layersDir, stylesDir != null && Files.isDirectory(stylesDir) ? stylesDir : null, to, "postgis");
    }

    private static ObjectNode ofFiles(Path layersDir, Path stylesDir, Path to, String mode) {
        try {
            if (Files.exists(to.resolve(MANIFEST))) throw new Refused(to + " 已有备份 / already holds a backup; choose an empty folder");
            Files.createDirectories(to);
            Catalog catalog = CatalogReader.read(layersDir);
            Path layersOut = to.resolve("layers");
            Files.createDirectories(layersOut);
            List<String> editable = new ArrayList<>();
            Map<String, String> layerFileOf = new LinkedHashMap<>();
            catalog.layers().forEach(l -> {
                if (l.editable()) {
                    editable.add(l.id());
                    layerFileOf.put(l.id(), l.file());
                }
            });
            List<String> handled = new ArrayList<>();
            for (String id : editable) {
                String file = layerFileOf.get(id);
                copyEditable(layersDir, layersOut, file, id + ".history.jsonl", id + ".journal.jsonl");
                handled.addAll(List.of(file, id + ".history.jsonl", id + ".journal.jsonl"));
            }
            try (Stream<Path> files = Files.list(layersDir)) {
                for (Path p : files.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (!Files.isRegularFile(p) || handled.contains(name) || name.endsWith(".compacting") || name.endsWith(".tmp")) continue;
                    copyStable(p, layersOut.resolve(name));
                }
            }
            if (stylesDir != null && Files.isDirectory(stylesDir)) {
                Path stylesOut = to.resolve("styles");
                Files.createDirectories(stylesOut);
                try (Stream<Path> files = Files.list(stylesDir)) {
                    for (Path p : files.sorted().toList()) if (Files.isRegularFile(p)) copyStable(p, stylesOut.resolve(p.getFileName()));
                }
            }
            ObjectNode manifest = manifest(to, mode, catalog.dataDate());
            writeManifest(to, manifest);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("备份失败 / backup failed: " + e.getMessage(), e);
        }
    }

    private static void copyEditable(Path from, Path to, String layerFile, String history, String journal) throws IOException {
        Path file = from.resolve(layerFile);
        for (int attempt = 0; attempt < 50; attempt++) {
            Object before = stamp(file);
            copyIfExists(file, to.resolve(layerFile));
            copyIfExists(from.resolve(history), to.resolve(history));
            copyIfExists(from.resolve(journal), to.resolve(journal));
            if (before.equals(stamp(file)) && CompactedLayerFile.seqOf(file) == CompactedLayerFile.seqOf(to.resolve(layerFile))) return;
            // a compaction replaced the file meanwhile: its journal may already be emptied; copy the layer again
        }
        throw new IllegalStateException("图层 " + layerFile + " 不断被压缩，无法得到一致的副本 / kept changing during the backup");
    }

    private static Object stamp(Path f) throws IOException {
        if (!Files.exists(f)) return List.of();
        Object key = Files.readAttributes(f, BasicFileAttributes.class).fileKey();
        FileTime t = Files.getLastModifiedTime(f);
        return List.of(String.valueOf(key), t.toMillis(), Files.size(f));
    }

    private static void copyIfExists(Path from, Path to) throws IOException {
        if (Files.exists(from)) Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        else Files.deleteIfExists(to);
    }

    /** Copies a file until two reads in a row agree (a file rewritten during the copy is copied again). */
    private static void copyStable(Path from, Path to) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Object before = stamp(from);
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            if (before.equals(stamp(from))) return;
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    static ObjectNode manifest(Path root, String mode, String dataDate) throws IOException {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("format", "ecozone-backup/1");
        m.put("ecozoneVersion", VERSION);
        m.put("createdAt", Instant.now().toString());
        m.put("mode", mode);
        m.put("dataDate", dataDate);
        ArrayNode files = m.putArray("files");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.equals(MANIFEST)) continue;
                ObjectNode f = files.addObject();
                f.put("path", rel);
                f.put("bytes", Files.size(p));
                f.put("sha256", sha256(p));
            }
        }
        return m;
    }

    static void writeManifest(Path to, ObjectNode manifest) throws IOException {
        Path tmp = to.resolve(MANIFEST + ".tmp");
        MAPPER.writeValue(tmp.toFile(), manifest);
        Files.move(tmp, to.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a backup: the manifest is there and readable, every file it lists is present with its size and SHA-256,
     * and (files backup) the catalog's layer files are all in it. Returns the manifest; throws {@link Refused}.
     */
    public static JsonNode verify(Path from) {
        Path mf = from.resolve(MANIFEST);
        if (!Files.isRegularFile(mf)) throw new Refused(from + " 中没有 manifest.json，不是 EcoZone 备份 / not an EcoZone backup (no manifest.json)");
        JsonNode manifest;
        try {
            manifest = MAPPER.readTree(mf.toFile());
        } catch (IOException e) {
            throw new Refused("manifest.json 已损坏 / is damaged: " + e.getMessage());
        }
        if (!manifest.path("files").isArray()) throw new Refused("manifest.json 缺少文件清单 / lists no files");
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            String rel = f.path("path").asText();
            listed.add(rel);
            Path p = from.resolve(rel).normalize();
            if (!p.startsWith(from.normalize()) || rel.isBlank()) throw new Refused("manifest.json 中的路径无效 / bad path: " + rel);
            try {
                if (!Files.isRegularFile(p)) throw new Refused("备份缺少文件 / file missing from the backup: " + rel);
                if (Files.size(p) != f.path("bytes").asLong()) {
                    throw new Refused("文件大小与清单不符，备份已损坏 / size differs from the manifest (corrupt backup): " + rel
                            + " (" + Files.size(p) + " ≠ " + f.path("bytes").asLong() + " bytes)");
                }
                if (!sha256(p).equals(f.path("sha256").asText())) {
                    throw new Refused("文件校验和不符，备份已损坏 / SHA-256 differs from the manifest (corrupt backup): " + rel);
                }
            } catch (IOException e) {
                throw new Refused("无法读取 / cannot read " + rel + ": " + e.getMessage());
            }
        }
        if ("embedded".equals(manifest.path("mode").asText())) {
            if (!listed.contains("layers/" + Catalog.FILE_NAME)) throw new Refused("备份中没有 layers/catalog.json / the backup has no catalog");
            Catalog c;
            try {
                c = CatalogReader.read(from.resolve("layers"));
            } catch (RuntimeException e) {
                throw new Refused("备份中的 catalog.json 无效 / the backup's catalog is invalid: " + e.getMessage());
            }
            for (var l : c.layers()) {
                if (!listed.contains("layers/" + l.file())) {
                    throw new Refused("备份与其目录不符：缺少图层文件 / backup does not match its catalog: layer file missing: " + l.file());
                }
            }
            if (!c.dataDate().equals(manifest.path("dataDate").asText(c.dataDate()))) {
                throw new Refused("备份的数据日期与清单不符 / the catalog's data date differs from the manifest");
            }
        }
        return manifest;
    }
}
