package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.Dimension;
import cn.ecozone.accesslist.Effect;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.accesslist.Level;
import cn.ecozone.accesslist.Requirement;
import cn.ecozone.accesslist.Scope;
import cn.ecozone.accesslist.Unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 准入研判: the access list against a site's hits. A control unit that is hit brings its own requirements and the
 * 总体准入要求 of its county, city and province; any hit zone brings the zone rules that match it (red line,
 * water-source levels). Of those, the ones that hold for the project's industry give the verdict, overall and per
 * dimension; without an industry only requirements for every project count, and each industry's verdict is given
 * beside (which industries are banned where). Pure: no geometry, no I/O.
 */
public final class Admission {
    /** The outcome; {@code unitsHit} false means the site lies outside the control units: {@link Verdict#OUTSIDE}. */
    public record Outcome(Verdict verdict, List<SiteCheckResult.AppliedClause> clauses, List<SiteCheckResult.DimensionConclusion> dimensions,
                          List<SiteCheckResult.IndustryVerdict> industryVerdicts, List<String> warnings, List<Notice> notices) {}

    private record Applied(Requirement requirement, SiteCheckResult.Hit via) {}

    private static final Comparator<Applied> BY_REQUIREMENT_STRONGEST_FIRST = Comparator.comparing(Applied::requirement, AccessList.STRONGEST_FIRST);

    private Admission() {}

    /**
     * @param hits the site's hits, largest overlap first within each layer
     * @param unitCollections ids of the layers holding 环境管控单元 (kind {@code control_unit})
     * @param industryId the project's industry id, or null
     * @param covered whether the site overlaps the data's coverage at all (false → {@link Verdict#OUTSIDE})
     */
    public static Outcome judge(AccessList list, List<SiteCheckResult.Hit> hits, Set<String> unitCollections, String industryId,
                                boolean covered) {
        List<String> warnings = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        Map<String, Applied> candidates = new LinkedHashMap<>();
        for (SiteCheckResult.Hit h : hits) {
            if (unitCollections.contains(h.collection())) {
                Unit u = list.unit(unitCode(h)).orElse(null);
                if (u == null) {
                    if (!list.units().isEmpty() || !list.requirements().isEmpty()) notListed(h, warnings, notices);
                    continue;
                }
                for (Requirement r : list.forUnit(u)) candidates.putIfAbsent(r.id(), new Applied(r, h));
            }
            for (Requirement r : list.zoneRules()) {
                if (r.zone().matches(h.collection(), h.properties()) && inScope(list, r, h)) candidates.putIfAbsent(r.id(), new Applied(r, h));
            }
        }
        // plain loops, not streams: the JDK's stream methods are shared by every stream of the server, and their
        // profiles (several element and sink types) sent C2 back to recompile them during a batch job
        List<Applied> applied = new ArrayList<>(candidates.size());
        Set<Effect> effects = EnumSet.noneOf(Effect.class);
        for (Applied a : candidates.values()) {
            if (!a.requirement().appliesToIndustry(industryId)) continue;
            applied.add(a);
            effects.add(a.requirement().effect());
        }
        Verdict verdict = covered ? Verdict.of(effects) : Verdict.OUTSIDE;

        List<Applied> sorted = new ArrayList<>(applied);
        sorted.sort(BY_REQUIREMENT_STRONGEST_FIRST);
        List<SiteCheckResult.AppliedClause> clauses = new ArrayList<>(sorted.size());
        for (Applied a : sorted) clauses.add(clause(a));
        clauses = List.copyOf(clauses);

        List<SiteCheckResult.DimensionConclusion> dimensions = dimensions(applied, covered);

        List<SiteCheckResult.IndustryVerdict> industryVerdicts = industryId == null && covered
                ? industryVerdicts(list, candidates.values(), warnings, notices) : List.of();
        return new Outcome(verdict, clauses, dimensions, industryVerdicts, List.copyOf(warnings), List.copyOf(notices));
    }

    /** The warning and notice for a hit control unit the list's unit table lacks. */
    private static void notListed(SiteCheckResult.Hit h, List<String> warnings, List<Notice> notices) {
        warnings.add("管控单元 " + unitCode(h) + "（" + h.name() + "）不在准入清单的单元表中，其准入要求无法列出 / control unit "
                + unitCode(h) + " is not in the access list's unit table; its requirements cannot be listed");
        notices.add(new Notice("unit.not-in-access-list", "环境管控单元 " + unitCode(h) + "（" + h.name()
                + "）不在准入清单的单元表中，无法列出它的准入要求。", "Control unit " + unitCode(h) + " (“" + h.name()
                + "”) is not in the access list's table of units, so its requirements cannot be listed."));
    }

    /** The conclusion in each of the four dimensions (in table order): the strongest effect among its requirements. */
    private static List<SiteCheckResult.DimensionConclusion> dimensions(List<Applied> applied, boolean covered) {
        List<SiteCheckResult.DimensionConclusion> dimensions = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            int count = 0;
            Effect strongest = null; // the first of the smallest effects, as Stream.min gives it
            for (Applied a : applied) {
                Requirement r = a.requirement();
                if (r.dimension() != d) continue;
                count++;
                if (strongest == null || r.effect().compareTo(strongest) < 0) strongest = r.effect();
            }
            List<String> ids = new ArrayList<>();
            for (Applied a : applied) {
                Requirement r = a.requirement();
                if (r.dimension() == d && r.effect() == strongest) ids.add(r.id());
            }
            Verdict v = !covered ? Verdict.OUTSIDE : strongest == null ? Verdict.ALLOWED : Verdict.of(EnumSet.of(strongest));
            dimensions.add(new SiteCheckResult.DimensionConclusion(d.id(), d.zh(), d.en(), v, v.zh(), count, List.copyOf(ids)));
        }
        return List.copyOf(dimensions);
    }

    /**
     * Without an industry: each industry's verdict from every candidate requirement (which industries are banned where),
     * and the warning and notice that say so. Apart from {@link #judge} so that the JIT compiles the two paths apart.
     */
    private static List<SiteCheckResult.IndustryVerdict> industryVerdicts(AccessList list, Collection<Applied> candidates,
                                                                          List<String> warnings, List<Notice> notices) {
        List<SiteCheckResult.IndustryVerdict> industryVerdicts = new ArrayList<>();
        for (Industry ind : list.industries()) {
            Set<Effect> e = EnumSet.noneOf(Effect.class);
            List<String> bannedBy = new ArrayList<>();
            Set<String> where = new LinkedHashSet<>();
            for (Applied a : candidates) {
                if (!a.requirement().appliesToIndustry(ind.id())) continue;
                e.add(a.requirement().effect());
                if (a.requirement().effect() == Effect.PROHIBITED) {
                    bannedBy.add(a.requirement().id());
                    where.add(a.via().collectionTitle() + " " + a.via().name());
                }
            }
            Verdict v = Verdict.of(e);
            industryVerdicts.add(new SiteCheckResult.IndustryVerdict(ind.id(), ind.zh(), ind.en(), v, v.zh(), List.copyOf(bannedBy), List.copyOf(where)));
        }
        List<String> banned = industryVerdicts.stream().filter(v -> !v.bannedBy().isEmpty()).map(SiteCheckResult.IndustryVerdict::industryZh).toList();
        warnings.add("未指定行业：结论只计适用于所有项目的要求" + (banned.isEmpty() ? "；没有行业在此被禁止" : "；以下行业在此禁止准入：" + String.join("、", banned))
                + "。请选择行业得到针对本项目的结论 / no industry given: the verdict counts requirements for every project; "
                + (banned.isEmpty() ? "no industry is banned here" : banned.size() + " industries are banned here (the result lists each industry's verdict)"));
        List<String> bannedEn = industryVerdicts.stream().filter(v -> !v.bannedBy().isEmpty())
                .map(v -> v.industryEn() == null || v.industryEn().isBlank() ? "“" + v.industryZh() + "”" : v.industryEn()).toList();
        notices.add(new Notice("industry.not-chosen", "未选择行业，结论只计适用于所有项目的要求"
                + (banned.isEmpty() ? "；没有行业在此禁止准入。" : "；以下行业在此禁止准入：" + String.join("、", banned) + "。")
                + "选择项目所属行业，可得到针对本项目的结论。", "No industry was chosen, so the verdict counts only the requirements for every project"
                + (bannedEn.isEmpty() ? "; no industry is prohibited here." : "; prohibited here: " + String.join(", ", bannedEn) + ".")
                + " Choose the project's industry for a verdict on this project."));
        return List.copyOf(industryVerdicts);
    }

    /** The unit code of a control-unit hit: its {@code code} attribute, else the feature id. */
    static String unitCode(SiteCheckResult.Hit h) {
        Object code = h.properties().get("code");
        return code == null ? h.featureId() : String.valueOf(code);
    }

    /** A zone rule below 国家 holds only for zones of its own place: the zone's {@code district} must lie in its scope. */
    private static boolean inScope(AccessList list, Requirement r, SiteCheckResult.Hit h) {
        if (r.level() == Level.NATIONAL) return true;
        Object district = h.properties().get("district");
        if (district == null) return true;
        String county = String.valueOf(district);
        if (r.level() == Level.COUNTY) return Scope.place(r.scope()).equals(county);
        return list.countyWithin(county, r.scope());
    }

    private static SiteCheckResult.AppliedClause clause(Applied a) {
        Requirement r = a.requirement();
        SiteCheckResult.Hit h = a.via();
        return new SiteCheckResult.AppliedClause(r.id(), r.level().zh(), r.scope(), r.dimension().id(), r.dimension().zh(),
                r.effect().id(), r.effect().zh(), r.effect().id(), r.effect().zh(), r.text().zh(), r.text().en(), r.basis().text(),
                r.basis().issuer(), r.basis().document(), r.basis().article(), h.collection(), h.featureId(), h.name(), r.industries());
    }
}
