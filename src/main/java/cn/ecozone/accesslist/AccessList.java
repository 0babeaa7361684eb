package cn.ecozone.accesslist;

import cn.ecozone.text.LocalizedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The access list (准入清单): industries, the unit table and every requirement, with look-ups by unit and for zone rules.
 * Immutable; a changed list is a new object swapped in whole.
 */
public final class AccessList {
    public static final AccessList EMPTY = new AccessList(LocalizedText.of("", ""), List.of(), List.of(), List.of());

    private final LocalizedText title;
    private final List<Industry> industries;
    private final List<Unit> units;
    private final List<Requirement> requirements;
    private final Map<String, Unit> unitsByCode = new LinkedHashMap<>();
    private final Map<String, List<Requirement>> byScope = new LinkedHashMap<>();
    private final List<Requirement> zoneRules = new ArrayList<>();
    /** county name → every scope (and unit code) some unit of a county of that name lies within: {@link #countyWithin}. */
    private final Map<String, Set<String>> scopesByCounty = new HashMap<>();

    public AccessList(LocalizedText title, List<Industry> industries, List<Unit> units, List<Requirement> requirements) {
        this.title = title;
        this.industries = List.copyOf(industries);
        this.units = List.copyOf(units);
        this.requirements = List.copyOf(requirements);
        for (Unit u : units) {
            unitsByCode.putIfAbsent(u.code(), u);
            Set<String> in = scopesByCounty.computeIfAbsent(u.county(), k -> new HashSet<>());
            in.add(u.code());
            in.addAll(u.scopes());
        }
        for (Requirement r : requirements) {
            if (r.zone() != null) zoneRules.add(r);
            else byScope.computeIfAbsent(r.scope(), k -> new ArrayList<>()).add(r);
        }
    }

    public LocalizedText title() { return title; }

    public List<Industry> industries() { return industries; }

    public List<Unit> units() { return units; }

    public List<Requirement> requirements() { return requirements; }

    /** Rules that attach to zones of other layers (red line, water-source levels), from law or a plan. */
    public List<Requirement> zoneRules() { return zoneRules; }

    /**
     * Whether some unit of a county of this name lies {@link Unit#within within} the scope — what a zone rule below
     * 国家 asks of a zone's {@code district}. One lookup: a national list has 44,604 units, scanned once here.
     */
    public boolean countyWithin(String county, String scope) {
        Set<String> in = scopesByCounty.get(county);
        return in != null && in.contains(scope);
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : unitsByCode.get(code));
    }

    /** The industry by id, Chinese or English name (e.g. {@code 光伏}, {@code 光伏发电}, {@code Solar PV}). */
    public Optional<Industry> industry(String idOrName) {
        if (idOrName == null) return Optional.empty();
        String s = idOrName.trim();
        for (Industry i : industries) { // a loop, not a stream: every site check asks (see Admission)
            if (i.id().equalsIgnoreCase(s) || i.zh().equals(s) || s.equalsIgnoreCase(i.en())) return Optional.of(i);
        }
        return Optional.empty();
    }

    /** The unit's own requirements. */
    public List<Requirement> own(Unit u) {
        return byScope.getOrDefault(u.code(), List.of());
    }

    /**
     * Everything that holds in the unit without a zone: its own list, then the 总体准入要求 of its county, city and
     * province (and national ones without a zone), in that order; within a level, in list order.
     */
    public List<Requirement> forUnit(Unit u) {
        List<Requirement> out = new ArrayList<>(own(u));
        List<String> scopes = u.scopes();
        for (int i = scopes.size() - 1; i >= 0; i--) out.addAll(byScope.getOrDefault(scopes.get(i), List.of()));
        return out;
    }

    /** Requirements grouped by dimension, each group in the given order (dimensions in table order, empty ones kept). */
    public static Map<Dimension, List<Requirement>> byDimension(List<Requirement> rs) {
        Map<Dimension, List<Requirement>> m = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) m.put(d, new ArrayList<>());
        for (Requirement r : rs) m.get(r.dimension()).add(r);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessList a && title.equals(a.title) && industries.equals(a.industries) && units.equals(a.units)
                && requirements.equals(a.requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, industries, units, requirements);
    }

    /** Strongest effect first, then dimension, then level from the most specific. */
    public static final Comparator<Requirement> STRONGEST_FIRST = Comparator.comparing(Requirement::effect)
            .thenComparing(Requirement::dimension).thenComparing(Requirement::level, Comparator.reverseOrder());
}
