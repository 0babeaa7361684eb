package cn.ecozone.process;

import cn.ecozone.io.CsvWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The 动态更新 review: the same project list checked against two data versions, and the projects whose verdict, hit
 * zones or overlap areas (to 0.01 公顷) changed, with both results. Projects are matched by row and name.
 */
public final class VersionDiff {
    private VersionDiff() {}

    /** @param what {@code verdict}, {@code hits} and/or {@code areas} */
    public record Change(int row, String name, List<String> what, ProjectOutcome before, ProjectOutcome after) {}

    public static List<Change> changes(List<ProjectOutcome> before, List<ProjectOutcome> after) {
        Map<String, ProjectOutcome> old = new HashMap<>();
        for (ProjectOutcome o : before) old.put(key(o), o);
        List<Change> changes = new ArrayList<>();
        for (ProjectOutcome a : after) {
            ProjectOutcome b = old.get(key(a));
            if (b == null) continue;
            List<String> what = new ArrayList<>();
            if (!Objects.equals(a.verdict(), b.verdict())) what.add("verdict");
            Map<String, Object> ca = a.comparable(), cb = b.comparable();
            ca.remove("verdict");
            cb.remove("verdict");
            if (!ca.keySet().equals(cb.keySet())) what.add("hits");
            else if (!ca.equals(cb)) what.add("areas");
            if (!what.isEmpty()) changes.add(new Change(a.row(), a.name(), what, b, a));
        }
        return changes;
    }

    private static String key(ProjectOutcome o) {
        return o.row() + "\u0000" + o.name();
    }

    /** The changes as a table: one line per project, before and after. */
    public static byte[] csv(List<Change> changes) {
        List<List<String>> rows = new ArrayList<>();
        for (Change c : changes) {
            List<String> b = BatchTable.row(c.before()), a = BatchTable.row(c.after());
            rows.add(List.of(String.valueOf(c.row()), c.name() == null ? "" : c.name(), String.join("+", c.what()),
                    b.get(4), a.get(4), b.get(13), a.get(13), b.get(14), a.get(14), b.get(20), a.get(20)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CsvWriter.write(out, List.of("序号 row", "项目名称 project", "变化 changed", "原结论 verdict before", "新结论 verdict after",
                    "原压占区域 hits before", "新压占区域 hits after", "原压占面积(公顷) before", "新压占面积(公顷) after",
                    "原数据版本 before", "新数据版本 after"), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
