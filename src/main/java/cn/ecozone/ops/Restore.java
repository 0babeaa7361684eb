package cn.ecozone.ops;

import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.CatalogReader;
import cn.ecozone.layer.CompactionPolicy;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.JournaledFeatureEditor;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.MemoryFeatureSource;
import cn.ecozone.layer.Problem;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Restores a files backup into a layers folder, all or nothing: the backup is verified ({@link Backup#verify}), a
 * catalog in the target with other layers is refused (a backup of another data set) unless forced, the copy is staged
 * beside the target and loaded (layers validate, journals replay) — and only then is the old folder moved aside to
 * {@code <layers>.before-restore-<time>} and the staged one renamed into place.
 */
public final class Restore {
    private Restore() {}

    /** @return the folder the previous layers were moved to (null when there were none) */
    public static Path files(Path from, Path layersDir, Path stylesDir, boolean force) {
        JsonNode manifest = Backup.verify(from);
        if (!"embedded".equals(manifest.path("mode").asText())) {
            throw new Backup.Refused("这是 PostGIS 备份，请用 pg_restore 恢复（见 README）/ a PostGIS backup: restore it with pg_restore (see README)");
        }
        Catalog backupCatalog = CatalogReader.read(from.resolve("layers"));
        Path target = layersDir.toAbsolutePath().normalize();
        if (Files.isRegularFile(target.resolve(Catalog.FILE_NAME)) && !force) {
            Set<String> have;
            try {
                have = ids(CatalogReader.read(target));
            } catch (RuntimeException e) {
                have = Set.of(); // a broken target catalog is what a restore repairs
            }
            Set<String> backed = ids(backupCatalog);
            if (!have.isEmpty() && !have.equals(backed)) {
                throw new Backup.Refused("备份与目标目录的图层不一致（备份 " + backed + "，目标 " + have + "），未做任何更改；确认无误请加 --force / "
                        + "the backup's catalog has other layers than the target's; nothing changed (use --force to replace them)");
            }
        }
        Path staging = target.resolveSibling(target.getFileName() + ".restoring");
        try {
            deleteTree(staging);
            copyTree(from.resolve("layers"), staging);
            LayerLoader.Result r = LayerLoader.load(staging);
            if (!r.ok()) {
                throw new Backup.Refused("备份中的图层有错误，未做任何更改 / the backup's layers have errors; nothing changed:\n" + r.problems().stream()
                        .filter(Problem::isError).map(Problem::describe).collect(Collectors.joining("\n")));
            }
            for (FeatureSource s : r.layers().inOrder()) {
                if (s.layer().editable() && s instanceof MemoryFeatureSource m) {
                    JournaledFeatureEditor.open(r.layers().catalog(), m, x -> {}, Clock.systemUTC(), CompactionPolicy.NEVER).close();
                }
            }
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UncheckedIOException("无法准备恢复 / cannot stage the restore: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            if (e instanceof Backup.Refused) throw e;
            throw new Backup.Refused("备份无法加载，未做任何更改 / the backup does not load; nothing changed: " + e.getMessage());
        }
        try {
            Path aside = null;
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            if (Files.exists(target)) {
                aside = target.resolveSibling(target.getFileName() + ".before-restore-" + stamp);
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            if (stylesDir != null && Files.isDirectory(from.resolve("styles"))) {
                Path styles = stylesDir.toAbsolutePath().normalize();
                Path stylesStaging = styles.resolveSibling(styles.getFileName() + ".restoring");
                deleteTree(stylesStaging);
                copyTree(from.resolve("styles"), stylesStaging);
                if (Files.exists(styles)) Files.move(styles, styles.resolveSibling(styles.getFileName() + ".before-restore-" + stamp), StandardCopyOption.ATOMIC_MOVE);
                Files.move(stylesStaging, styles, StandardCopyOption.ATOMIC_MOVE);
            }
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("恢复时移动目录失败 / cannot move the folders: " + e.getMessage(), e);
        }
    }

    private static Set<String> ids(Catalog c) {
        return c.layers().stream().map(LayerDef::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) if (Files.isRegularFile(p)) Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // a leftover staging folder is removed by the next restore
        }
    }

}
