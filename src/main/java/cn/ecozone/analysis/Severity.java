package cn.ecozone.analysis;

import java.util.Locale;

/** How strongly an access-list clause binds a project: 禁止, 限制, 要求 (strongest first). */
public enum Severity {
    PROHIBITED("禁止"), RESTRICTED("限制"), REQUIRED("要求");

    private final String zh;

    Severity(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The JSON spelling: {@code prohibited}, {@code restricted}, {@code required}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity of(String s) {
        for (Severity v : values()) if (v.id().equals(s) || v.zh.equals(s)) return v;
        throw new IllegalArgumentException("severity 应为 prohibited/restricted/required，而不是 " + s);
    }
}
