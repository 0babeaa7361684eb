package cn.ecozone.accesslist;

import cn.ecozone.text.LocalizedText;

import java.util.List;

/**
 * One item of the list.
 *
 * @param scope {@code 全国}, a {@code 省[/市[/区县]]} path, or — for {@link Level#UNIT} — the unit code
 * @param zone the zones a zone rule attaches to (red line, a water-source level); null for unit and 总体 requirements
 * @param industries the industry ids it is limited to; empty: every project (a {@link Effect#PROHIBITED} must name them)
 */
public record Requirement(String id, Level level, String scope, ZoneSelector zone, Dimension dimension, Effect effect,
                          List<String> industries, LocalizedText text, Basis basis) {
    public Requirement {
        industries = List.copyOf(industries);
    }

    /** Whether it holds for a project of this industry; {@code null} industry: only requirements for every project. */
    public boolean appliesToIndustry(String industryId) {
        return industries.isEmpty() || (industryId != null && industries.contains(industryId));
    }
}
