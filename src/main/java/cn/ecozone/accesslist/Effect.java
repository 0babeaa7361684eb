package cn.ecozone.accesslist;

import java.util.Locale;

/**
 * What a requirement does to a project, strongest first: 禁止 (a ban, for the industries it names), 限制 (allowed
 * within stated limits), 要求 (a condition the project must meet). Conditions never ban.
 */
public enum Effect {
    PROHIBITED("禁止"), RESTRICTED("限制"), REQUIRED("要求");

    private final String zh;

    Effect(String zh) {
        this.zh = zh;
    }

    public String zh() { return zh; }

    /** The JSON id: {@code prohibited}, {@code restricted}, {@code required}. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Effect of(String s) {
        String t = s == null ? "" : s.trim();
        for (Effect e : values()) if (e.id().equals(t) || e.zh.equals(t)) return e;
        throw new AccessListException("效力应为 禁止/限制/要求（prohibited/restricted/required），而不是“" + s
                + "” / effect must be 禁止, 限制 or 要求, got \"" + s + "\"");
    }
}
