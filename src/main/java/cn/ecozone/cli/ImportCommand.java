package cn.ecozone.cli;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListImport;
import cn.ecozone.io.ShapefileReader;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.CatalogReader;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerFileReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.MemoryFeatureSource;
import cn.ecozone.layer.Problem;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PgSchema;
import cn.ecozone.layer.postgis.PostgisLayers;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.layer.postgis.PostgisImport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geotools.api.feature.simple.SimpleFeatureType;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code import --db URL [--layers DIR]}: validates the catalog's layers and loads them into PostGIS. */
public final class ImportCommand implements Command {
    @Override public String name() { return "import"; }

    @Override public String summary() { return "导入 PostGIS / load the catalog's layers into PostGIS (replaces them atomically)"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone import --db jdbc:postgresql://HOST:PORT/DB?user=U&password=P [--layers DIR] [--schema NAME]
                           ecozone import --db URL --layer ID --from FILE.shp|FILE.geojson [--layers DIR] [--schema NAME]

                先校验图层（有错误则不导入），再为每个图层建表（SRID 4490、类型化属性列、主键、GiST 索引），分批写入并显示进度；
                可重复运行：每个图层在一个事务中整体替换。
                Validates the layers and the catalog's access list (nothing is imported when one has errors), then loads one table per layer (SRID 4490,
                typed attribute columns, primary key, GiST index) in batches with a progress bar. Safe to re-run: each layer
                is replaced in one transaction; the access list goes to the ecozone_access_* tables (one transaction).
                Then: ecozone serve --db URL.

                  --db URL       PostgreSQL/PostGIS JDBC URL (the database needs CREATE EXTENSION postgis)
                  --layers DIR   图层目录 catalog folder (default: layers)
                  --schema NAME  导入为一个已存数据版本：PostgreSQL 模式（不存在则创建；小写字母、数字、下划线），其他模式不受影响；
                                 默认为以前的不限定表。serve/check --db URL --schema NAME 读取它。
                                 store a data version in this PostgreSQL schema (created if missing; lower-case letters, digits,
                                 _); other schemas are untouched. Default: the unqualified tables, as before. Read it with
                                 serve/check --db URL --schema NAME (e.g. zoning_2023, zoning_2025 for the 动态更新 review).
                  --layer ID --from FILE
                                 用正式数据替换一个图层：ESRI shapefile（.prj 为 CGCS2000 地理坐标或高斯-克吕格3度带；.dbf 按 .cpg
                                 编码，缺省 GBK）或 GeoJSON；属性按目录中的名称匹配（不区分大小写），校验通过才导入。
                                 replace one layer with official data: a shapefile (.prj CGCS2000 geographic or a GK 3° zone;
                                 .dbf encoding from .cpg, GBK by default) or GeoJSON; columns matched to the catalog's
                                 attribute names ignoring case; imported only when every feature validates.
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(words, Set.of("help"));
        args.allowOnly(Set.of("db", "layers", "layer", "from", "schema"));
        String db = args.get("db");
        if (db == null) throw new UsageException("需要 --db / --db is required");
        PgSchema schema = schema(args);
        if (args.get("from") != null) return importFile(args, db, schema, out, err);
        LayerLoader.Result loaded = LayerLoader.load(Path.of(args.get("layers", "layers")));
        if (!loaded.ok()) {
            err.println("图层有错误，未导入 / layers have errors, nothing imported:");
            ValidationReport.print(loaded, err);
            return 1;
        }
        // the catalog's access list is validated with the layers, before anything is imported
        AccessList accessList = null;
        String accessFile = loaded.layers().catalog().accessList();
        if (accessFile != null && !accessFile.isBlank()) {
            Path file = loaded.layers().catalog().resolve(accessFile);
            AccessListImport.Result r = Files.isRegularFile(file)
                    ? AccessListImport.read(Files.readAllBytes(file), AccessListImport.Format.JSON, loaded.layers().unitCodes())
                    : new AccessListImport.Result(AccessList.EMPTY, List.of());
            if (!r.ok()) {
                err.println(file + "：准入清单有错误，未导入 / the access list has errors, nothing imported:");
                r.errors().forEach(e -> err.println("  " + e));
                return 1;
            }
            accessList = r.list();
        }
        var pool = Databases.pool(db);
        Map<String, Long> counts = new PostgisImport(pool, schema).importAll(loaded.layers(), out);
        counts.forEach((layer, n) -> out.printf("%s: %d 个要素已导入 features imported%s%n", layer, n, schema.isDefault() ? "" : " → " + schema.name()));
        if (accessList != null) {
            new PostgisAccessListStore(pool, schema).store(accessList);
            out.printf("准入清单 access list: %d 个单元 units, %d 条要求 requirements 已导入 imported (%s)%n",
                    accessList.units().size(), accessList.requirements().size(), new PostgisAccessListStore(pool, schema).describe());
        }
        if (!schema.isDefault()) {
            out.println("数据版本 data version " + DataVersion.of(PostgisLayers.of(loaded.layers().catalog(), pool, schema),
                    new PostgisAccessListStore(pool, schema).load()).id() + " 已存于模式 stored in schema " + schema.name());
        }
        return 0;
    }

    /** {@code --schema NAME}, validated (a bad name is a usage error, exit 2). */
    static PgSchema schema(Args args) {
        return schemaNamed(args.get("schema"), "--schema");
    }

    static PgSchema schemaNamed(String name, String flag) {
        try {
            return PgSchema.of(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + ": " + e.getMessage());
        }
    }

    /** {@code --layer ID --from FILE}: official data (shapefile or GeoJSON) replaces one layer, after validation. */
    private int importFile(Args args, String db, PgSchema schema, PrintStream out, PrintStream err) throws Exception {
        String id = args.get("layer");
        if (id == null) throw new UsageException("--from 需要 --layer ID / --from needs --layer ID");
        Catalog catalog = CatalogReader.read(Path.of(args.get("layers", "layers")));
        LayerDef layer = catalog.layer(id).orElseThrow(() -> new UsageException("目录中没有图层 / no layer " + id + " in the catalog"));
        Path from = Path.of(args.get("from"));
        ObjectNode fc = from.toString().toLowerCase(Locale.ROOT).endsWith(".shp")
                ? ShapefileReader.read(from) : (ObjectNode) new ObjectMapper().readTree(from.toFile());
        renameToCatalogAttributes(fc, layer);
        Path normalised = Files.createTempFile("ecozone-import-", ".geojson");
        try {
            new ObjectMapper().writeValue(normalised.toFile(), fc);
            SimpleFeatureType type = FeatureTypes.of(layer);
            LayerFileReader.Content content = LayerFileReader.read(normalised, layer, type);
            long errors = content.problems().stream().filter(Problem::isError).count();
            content.problems().forEach(p -> err.println("    " + p.describe()));
            if (errors > 0) {
                err.println(from + ": " + errors + " 个错误，未导入 / errors, nothing imported");
                return 1;
            }
            long n = new PostgisImport(Databases.pool(db), schema).importLayer(new MemoryFeatureSource(layer, type, content.features(), "import"), out);
            out.printf("%s: %d 个要素已从 %s 导入 features imported%n", id, n, from.getFileName());
            return 0;
        } finally {
            Files.deleteIfExists(normalised);
        }
    }

    /** Shapefile columns come upper-case and truncated to 10 letters: match them to the catalog's names ignoring case. */
    private static void renameToCatalogAttributes(ObjectNode fc, LayerDef layer) {
        for (JsonNode f : fc.path("features")) {
            if (!(f.get("properties") instanceof ObjectNode props)) continue;
            ObjectNode renamed = props.objectNode();
            props.fields().forEachRemaining(e -> {
                String name = layer.attributes().stream().map(AttributeDef::name).filter(a -> a.equalsIgnoreCase(e.getKey())).findFirst().orElse(e.getKey());
                renamed.set(name, e.getValue());
            });
            ((ObjectNode) f).set("properties", renamed);
        }
    }
}
