package cn.ecozone.accesslist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an importer read where: the place (sheet, row, column) of every unit, unit dimension cell and requirement, and
 * the problems found while reading. {@link #finish} adds the whole list's {@link AccessListCheck} findings and the unit
 * codes unknown to the layers, each at its place.
 */
final class ImportLog {
    private static final String DUPLICATE_UNIT = "环境管控单元编码重复", DUPLICATE_ID = "要求编号重复";
    private final List<String> errors = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();
    private final Map<String, List<String>> units = new HashMap<>();
    private final Map<String, String> unitDimensions = new HashMap<>();
    private final Map<String, List<String>> requirements = new HashMap<>();

    /** A problem at a place; later findings at the same place are not repeated (they follow from this one). */
    void error(String place, String message) {
        errors.add(place == null ? message : place + "：" + message);
        if (place != null) failed.add(place);
    }

    void unit(String code, String place) {
        units.computeIfAbsent(code, k -> new ArrayList<>()).add(place);
    }

    void unitDimension(String code, Dimension d, String place) {
        unitDimensions.putIfAbsent(code + "|" + d.name(), place);
    }

    void requirement(String id, String place) {
        requirements.computeIfAbsent(id, k -> new ArrayList<>()).add(place);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Every error: those met while reading, unit codes not in the layers (when known), then the list's findings. */
    List<String> finish(AccessList list, Set<String> knownUnitCodes) {
        List<String> out = new ArrayList<>(errors);
        if (knownUnitCodes != null) {
            Set<String> seen = new HashSet<>();
            for (Unit u : list.units()) {
                if (!seen.add(u.code()) || knownUnitCodes.contains(u.code())) continue;
                add(out, first(units.get(u.code())), "环境管控单元编码 " + u.code() + " 不在管控单元图层（control_unit）中 / unit code "
                        + u.code() + " is not in the control_unit layer");
            }
        }
        Map<String, Integer> duplicates = new HashMap<>();
        for (AccessListCheck.Finding f : AccessListCheck.findings(list)) {
            String place = null, what = "";
            if (f.requirementId() != null) {
                List<String> ps = requirements.get(f.requirementId());
                place = f.message().startsWith(DUPLICATE_ID) ? nth(ps, duplicates.merge("r|" + f.requirementId(), 1, Integer::sum)) : first(ps);
                what = "要求 " + f.requirementId() + "：";
            } else if (f.unitCode() != null && f.dimension() != null) {
                place = unitDimensions.get(f.unitCode() + "|" + f.dimension().name());
                if (place == null) {
                    String row = first(units.get(f.unitCode()));
                    place = row == null ? null : row;
                    what = "［" + f.dimension().zh() + "］";
                }
            } else if (f.unitCode() != null) {
                List<String> ps = units.get(f.unitCode());
                place = f.message().startsWith(DUPLICATE_UNIT) ? nth(ps, duplicates.merge("u|" + f.unitCode(), 1, Integer::sum)) : first(ps);
                if (f.message().startsWith(DUPLICATE_UNIT)) what = f.unitCode() + " ";
            }
            if (place != null && failed.contains(place)) continue;
            if (place == null) out.add(f.toString());
            else out.add(place + "：" + what + f.message());
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static void add(List<String> out, String place, String message) {
        out.add(place == null ? message : place + "：" + message);
    }

    private static String first(List<String> ps) {
        return ps == null || ps.isEmpty() ? null : ps.get(0);
    }

    private static String nth(List<String> ps, int n) {
        return ps == null || ps.isEmpty() ? null : ps.get(Math.min(n, ps.size() - 1));
    }

    /** {@code A}, {@code B} … {@code Z}, {@code AA} for a 0-based column index. */
    static String column(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) s.insert(0, (char) ('A' + (i - 1) % 26));
        return s.toString();
    }

    /** {@code 「sheet」第 5 行 G 列（空间布局约束）}. */
    static String place(String sheet, int row, int column, String header) {
        return "「" + sheet + "」第 " + row + " 行 " + column(column) + " 列（" + header + "）";
    }

    static String place(String sheet, int row) {
        return "「" + sheet + "」第 " + row + " 行";
    }
}
