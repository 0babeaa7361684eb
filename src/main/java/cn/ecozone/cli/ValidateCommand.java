package cn.ecozone.cli;

import cn.ecozone.layer.LayerLoader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code validate [--layers DIR]}: checks every layer and prints the report; exit 1 on errors. */
public final class ValidateCommand implements Command {
    @Override public String name() { return "validate"; }

    @Override public String summary() { return "校验图层 / check every layer of the catalog and print a report"; }

    @Override
    public String help() {
        return """
                用法 Usage: ecozone validate [--layers DIR]

                校验图层目录中的每个图层：几何有效性（自相交等，附位置）、几何类型、必填属性、坐标是否在中国范围内及经纬度顺序、
                编号重复、管控单元是否无缝无重叠地覆盖各行政区。打印每个图层的要素数、总面积（公顷）和问题清单。
                Checks every catalog layer (validity with location, geometry type, required attributes, coordinates in China and
                lon/lat order, duplicate ids, control units tiling their districts) and prints features, total area and problems.

                  --layers DIR   图层目录 catalog folder (default: layers)

                退出码 Exit code: 0 无错误 no errors; 1 有错误 errors found; 2 用法错误 usage error.
                """;
    }

    @Override
    public int run(String[] words, PrintStream out, PrintStream err) {
        Args args = new Args(words, Set.of("help"));
        args.allowOnly(Set.of("layers"));
        LayerLoader.Result result = LayerLoader.load(Path.of(args.get("layers", "layers")));
        ValidationReport.print(result, out);
        return result.ok() ? 0 : 1;
    }
}
