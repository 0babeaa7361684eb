package cn.ecozone.analysis;

import java.util.Collection;
import java.util.Locale;

/**
 * The site check's conclusion, derived only from the clauses that apply (never from zone names):
 * any 禁止 clause → {@code prohibited}; else any 限制 → {@code restricted}; else any 要求 → {@code conditional};
 * else {@code allowed}.
 */
public enum Verdict {
    PROHIBITED("禁止准入"), RESTRICTED("限制准入"), CONDITIONAL("有条件准入"), ALLOWED("准入");

    private final String zh;

    Verdict(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict of(Collection<Severity> severities) {
        if (severities.contains(Severity.PROHIBITED)) return PROHIBITED;
        if (severities.contains(Severity.RESTRICTED)) return RESTRICTED;
        if (severities.contains(Severity.REQUIRED)) return CONDITIONAL;
        return ALLOWED;
    }
}
