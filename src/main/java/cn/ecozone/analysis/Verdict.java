package cn.ecozone.analysis;

import cn.ecozone.accesslist.Effect;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collection;
import java.util.Locale;

/**
 * The site check's conclusion, derived only from the requirements that apply (never from zone names): any 禁止 that
 * applies to the project's industry → {@code prohibited}; else any 限制 → {@code restricted}; else any 要求 →
 * {@code conditional}; else {@code allowed}. A site outside the data's coverage is {@code outside}: it cannot be judged.
 */
public enum Verdict {
    PROHIBITED("禁止准入"), RESTRICTED("限制准入"), CONDITIONAL("有条件准入"), ALLOWED("准入"), OUTSIDE("不在数据范围内，无法研判");

    private final String zh;

    Verdict(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** {@code prohibited} …: the verdict in JSON, tables and CSS classes. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict whose {@link #id()} this is. */
    public static Verdict of(String id) {
        for (Verdict v : values()) if (v.id().equals(id)) return v;
        throw new IllegalArgumentException("没有这个研判结论 / no verdict " + id);
    }

    /** Its {@link #id()}, so text built from a verdict reads as the JSON does. */
    @Override
    public String toString() {
        return id();
    }

    public static Verdict of(Collection<Effect> effects) {
        if (effects.contains(Effect.PROHIBITED)) return PROHIBITED;
        if (effects.contains(Effect.RESTRICTED)) return RESTRICTED;
        if (effects.contains(Effect.REQUIRED)) return CONDITIONAL;
        return ALLOWED;
    }
}
