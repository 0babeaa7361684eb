package cn.ecozone.cli;

import cn.ecozone.layer.CompactionPolicy;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.JournaledFeatureEditor;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.MemoryFeatureSource;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/** {@code compact [--layers DIR]}: folds every editable layer's edit journal into its GeoJSON file, atomically. */
public final class CompactCommand implements Command {
    @Override public String name() { return "compact"; }

    @Override public String summary() { return "压缩编辑日志 / fold the edit journals into the layer files"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone compact [--layers DIR]

                把每个可编辑图层的编辑日志（<图层>.journal.jsonl）并入其 GeoJSON 文件，并清空日志；已并入的编辑保存在
                <图层>.history.jsonl（要素历史仍可查询）。先写临时文件、fsync、再原子替换，任何时刻被中断都不丢失已确认的编辑。
                请在服务停止时运行；服务运行时请用 POST /admin/compact（或自动压缩，ECOZONE_COMPACT_EDITS / ECOZONE_COMPACT_BYTES）。
                Folds each editable layer's journal into its GeoJSON file (temp file, fsync, atomic rename, then the journal is
                emptied); folded edits stay in <layer>.history.jsonl. Safe to interrupt at any moment. Run it while the server
                is stopped; on a running server use POST /admin/compact (or the automatic threshold).

                  --layers DIR   图层目录 catalog folder (default: layers)
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) {
        Args args = new Args(words, Set.of("help"));
        args.allowOnly(Set.of("layers"));
        LayerLoader.Result loaded = LayerLoader.load(Path.of(args.get("layers", "layers")));
        if (!loaded.ok()) {
            err.println("图层有错误，未压缩 / layers have errors, nothing compacted:");
            ValidationReport.print(loaded, err);
            return 1;
        }
        for (FeatureSource s : loaded.layers().inOrder()) {
            if (!s.layer().editable() || !(s instanceof MemoryFeatureSource m)) continue;
            try (JournaledFeatureEditor e = JournaledFeatureEditor.open(loaded.layers().catalog(), m, x -> {}, Clock.systemUTC(), CompactionPolicy.NEVER)) {
                var c = e.compact();
                out.printf("%s: %d 条编辑已并入 entries folded (seq %d, journal %d bytes before)%n", c.layer(), c.entries(), c.seq(), c.journalBytesBefore());
            }
        }
        return 0;
    }
}
