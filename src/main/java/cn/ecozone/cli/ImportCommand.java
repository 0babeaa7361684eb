package cn.ecozone.cli;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PostgisImport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code import --db URL [--layers DIR]}: validates the catalog's layers and loads them into PostGIS. */
public final class ImportCommand implements Command {
    @Override public String name() { return "import"; }

    @Override public String summary() { return "导入 PostGIS / load the catalog's layers into PostGIS (replaces them atomically)"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone import --db jdbc:postgresql://HOST:PORT/DB?user=U&password=P [--layers DIR]

                先校验图层（有错误则不导入），再为每个图层建表（SRID 4490、类型化属性列、主键、GiST 索引），分批写入并显示进度；
                可重复运行：每个图层在一个事务中整体替换。
                Validates the layers (nothing is imported when one has errors), then loads one table per layer (SRID 4490,
                typed attribute columns, primary key, GiST index) in batches with a progress bar. Safe to re-run: each layer
                is replaced in one transaction. Then: ecozone serve --db URL.

                  --db URL       PostgreSQL/PostGIS JDBC URL (the database needs CREATE EXTENSION postgis)
                  --layers DIR   图层目录 catalog folder (default: layers)
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(words, Set.of("help"));
        args.allowOnly(Set.of("db", "layers"));
        String db = args.get("db");
        if (db == null) throw new UsageException("需要 --db / --db is required");
        LayerLoader.Result loaded = LayerLoader.load(Path.of(args.get("layers", "layers")));
        if (!loaded.ok()) {
            err.println("图层有错误，未导入 / layers have errors, nothing imported:");
            ValidationReport.print(loaded, err);
            return 1;
        }
        Map<String, Long> counts = new PostgisImport(Databases.pool(db)).importAll(loaded.layers(), out);
        counts.forEach((layer, n) -> out.printf("%s: %d 个要素已导入 features imported%n", layer, n));
        return 0;
    }
}
