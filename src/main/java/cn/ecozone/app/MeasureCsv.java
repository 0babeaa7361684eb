package cn.ecozone.app;

import cn.ecozone.analysis.PlotReport;
import cn.ecozone.analysis.PlotTable;
import cn.ecozone.io.CsvWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * {@code csv}: one table of a measurement, UTF-8 with BOM (opens in Excel) — {@code table=plots} (default),
 * {@code summary} (by groupBy) or {@code progress} (per mine).
 */
public final class MeasureCsv implements OutputFormat<MeasureUseCase.Measurement> {
    @Override public String name() { return "csv"; }

    @Override public String mediaType() { return "text/csv"; }

    @Override
    public Rendered render(MeasureUseCase.Measurement m, boolean indented) throws IOException {
        String table = m.options().table();
        PlotTable.Table t = table(table, m.report(), m.titles());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(out, t.header(), t.rows());
        String suffix = table == null || table.isBlank() ? "plots" : table;
        return Rendered.of(out.toByteArray(), "text/csv; charset=utf-8")
                .attachment(m.name() + "-" + suffix + ".csv", m.title() + "-" + title(table) + ".csv");
    }

    public static PlotTable.Table table(String table, PlotReport report, Map<String, String> titles) {
        return switch (table == null || table.isBlank() ? "plots" : table) {
            case "plots" -> PlotTable.of(report, titles);
            case "summary" -> {
                if (report.groupBy() == null) {
                    throw UseCaseException.badOption("分组汇总需要 groupBy 参数（如 groupBy=mine）/ table=summary needs groupBy");
                }
                yield PlotTable.summary(report, titles.getOrDefault(report.groupBy(), report.groupBy()));
            }
            case "progress" -> PlotTable.progress(report);
            default -> throw UseCaseException.badOption("table 应为 plots、summary 或 progress / table must be plots, summary or progress, got " + table);
        };
    }

    public static String title(String table) {
        return switch (table == null || table.isBlank() ? "plots" : table) {
            case "summary" -> "分组汇总";
            case "progress" -> "矿山修复进度";
            default -> "图斑量算";
        };
    }
}
