package cn.ecozone.accesslist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a list holds together, before it is used or stored: unique unit codes and requirement ids; scopes that
 * exist and fit their level; bans that name their industries; known industries; every unit with its own requirements
 * in all four dimensions; and every basis issued by the requirement's own place or a wider one (a unit's requirement
 * cites its county, its city, its province or national law — never another district's plan).
 */
public final class AccessListCheck {
    private AccessListCheck() {}

    /**
     * One problem, located by what it is about so an importer can point at its row and column.
     *
     * @param unitCode the unit (row) concerned, or null
     * @param requirementId the requirement concerned, or null
     * @param dimension the dimension (column) concerned, or null
     */
    public record Finding(String unitCode, String requirementId, Dimension dimension, String message) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (unitCode != null) s.append("单元 unit ").append(unitCode).append(' ');
            if (dimension != null) s.append('[').append(dimension.zh()).append("] ");
            if (requirementId != null) s.append("要求 ").append(requirementId).append(' ');
            return s.append(": ").append(message).toString();
        }
    }

    public static List<Finding> findings(AccessList list) {
        List<Finding> out = new ArrayList<>();
        Set<String> industries = new HashSet<>();
        for (Industry i : list.industries()) {
            if (!industries.add(i.id())) out.add(new Finding(null, null, null, "行业编号重复 / duplicate industry id " + i.id()));
        }
        Map<String, Unit> units = new HashMap<>();
        Set<String> scopes = new HashSet<>();
        scopes.add(Scope.NATIONAL);
        for (Unit u : list.units()) {
            if (units.putIfAbsent(u.code(), u) != null) {
                out.add(new Finding(u.code(), null, null, "环境管控单元编码重复 / duplicate unit code"));
            }
            if (u.province().isBlank() || u.city().isBlank() || u.county().isBlank()) {
                out.add(new Finding(u.code(), null, null, "缺少省、市或区县 / province, city or county missing"));
            }
            scopes.addAll(u.scopes());
        }
        Set<String> ids = new HashSet<>();
        Map<String, Set<Dimension>> dimensionsOfUnit = new HashMap<>();
        for (Requirement r : list.requirements()) {
            String unit = r.level() == Level.UNIT ? r.scope() : null;
            if (!ids.add(r.id())) out.add(new Finding(unit, r.id(), r.dimension(), "要求编号重复 / duplicate requirement id"));
            if (r.text().zh().isBlank()) out.add(new Finding(unit, r.id(), r.dimension(), "要求内容为空 / empty text"));
            if (r.effect() == Effect.PROHIBITED && r.industries().isEmpty()) {
                out.add(new Finding(unit, r.id(), r.dimension(), "禁止类要求须列出所禁止的行业 / a ban must name the industries it bans"));
            }
            for (String i : r.industries()) {
                if (!industries.contains(i)) {
                    out.add(new Finding(unit, r.id(), r.dimension(), "未知行业 / unknown industry \"" + i + "\"; 已知 known: " + industries));
                }
            }
            if (r.basis().document().isBlank()) out.add(new Finding(unit, r.id(), r.dimension(), "缺少依据文件 / basis document missing"));
            String scopeProblem = scopeProblem(r, units, scopes);
            if (scopeProblem != null) {
                out.add(new Finding(unit, r.id(), r.dimension(), scopeProblem));
                continue;
            }
            if (r.level() == Level.UNIT) dimensionsOfUnit.computeIfAbsent(r.scope(), k -> new HashSet<>()).add(r.dimension());
            Set<String> issuers = allowedIssuers(r, units);
            if (!issuers.contains(r.basis().issuer())) {
                out.add(new Finding(unit, r.id(), r.dimension(), "依据的发布机关“" + r.basis().issuer() + "”不属于本要求的区域或其上级（应为 "
                        + String.join("、", issuers) + "）/ the basis must be issued by the requirement's own place or a wider one, not \""
                        + r.basis().issuer() + "\""));
            }
        }
        for (Unit u : list.units()) {
            Set<Dimension> ds = dimensionsOfUnit.getOrDefault(u.code(), Set.of());
            if (ds.isEmpty()) {
                out.add(new Finding(u.code(), null, null, "该单元没有任何准入要求 / the unit has no requirement of its own"));
                continue;
            }
            for (Dimension d : Dimension.values()) {
                if (!ds.contains(d)) out.add(new Finding(u.code(), null, d, "该维度为空 / no requirement in this dimension"));
            }
        }
        return out;
    }

    /** Throws with every finding (one per line) when there are any. */
    public static AccessList requireValid(AccessList list) {
        List<Finding> f = findings(list);
        if (!f.isEmpty()) {
            StringBuilder s = new StringBuilder("准入清单有 " + f.size() + " 处错误 / the access list has " + f.size() + " errors:");
            f.stream().limit(50).forEach(x -> s.append("\n  ").append(x));
            if (f.size() > 50) s.append("\n  …");
            throw new AccessListException(s.toString());
        }
        return list;
    }

    private static String scopeProblem(Requirement r, Map<String, Unit> units, Set<String> scopes) {
        int parts = Scope.places(r.scope()).size();
        return switch (r.level()) {
            case UNIT -> !units.containsKey(r.scope()) ? "单元编码不在单元表中 / unknown unit code " + r.scope()
                    : r.zone() != null ? "单元要求不设 zone / a unit's requirement has no zone" : null;
            case NATIONAL -> Scope.NATIONAL.equals(r.scope()) ? null : "国家级要求的范围应为“全国” / a national requirement's scope is 全国";
            case PROVINCE, CITY, COUNTY -> {
                int want = r.level() == Level.PROVINCE ? 1 : r.level() == Level.CITY ? 2 : 3;
                if (parts != want) yield "范围“" + r.scope() + "”与层级" + r.level().zh() + "不符（应为" + (want == 1 ? "省" : want == 2 ? "省/市" : "省/市/区县")
                        + "）/ scope does not fit the level";
                yield scopes.contains(r.scope()) ? null : "范围“" + r.scope() + "”内没有任何单元 / no unit lies in scope " + r.scope();
            }
        };
    }

    /** Who may issue a requirement's basis: the places of its scope (a unit's county, city, province) and 国家. */
    static Set<String> allowedIssuers(Requirement r, Map<String, Unit> units) {
        Set<String> out = new LinkedHashSet<>();
        if (r.level() == Level.UNIT) {
            Unit u = units.get(r.scope());
            if (u != null) {
                out.add(u.county());
                out.add(u.city());
                out.add(u.province());
            }
        } else {
            out.addAll(Scope.places(r.scope()));
        }
        out.add("国家");
        return out;
    }
}
