package cn.ecozone.cli;

import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.AreaUnits;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.Problem;
import org.locationtech.jts.geom.Geometry;

import java.io.PrintStream;
import java.util.List;

/** Prints the per-layer validation report: features, total area in 公顷, problems. */
public final class ValidationReport {
    private ValidationReport() {}

    public static void print(LayerLoader.Result result, PrintStream out) {
        for (FeatureSource s : result.layers().inOrder()) {
            LayerDef l = s.layer();
            List<Problem> problems = result.problemsOf(l.id());
            long errors = problems.stream().filter(Problem::isError).count();
            String area = l.isPolygon() ? String.format("，总面积 %.2f 公顷 / total %.2f ha", totalHa(s), totalHa(s)) : "";
            out.printf("%s %s (%s, %s): %d 个要素 features%s，%d 个错误 errors，%d 个警告 warnings%n",
                    errors == 0 ? "✔" : "✘", l.id(), l.title().zh(), l.file(), s.count(), area, errors, problems.size() - errors);
            for (Problem p : problems) out.println("    " + p.describe());
        }
        long errors = result.problems().stream().filter(Problem::isError).count();
        out.println(errors == 0 ? "图层校验通过 / all layers valid" : "图层校验发现 " + errors + " 个错误 / " + errors + " errors found");
    }

    private static double totalHa(FeatureSource s) {
        try (var features = s.query(FeatureQuery.all())) {
            return AreaUnits.toHa(features.mapToDouble(f -> AreaOfRecord.m2((Geometry) f.getDefaultGeometry())).sum());
        }
    }
}
