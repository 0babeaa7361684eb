package cn.ecozone.report;

import java.util.Locale;

/** The language a report is written in: Chinese (the default, the report of record) or English (on request, {@code lang=en}). */
public enum ReportLanguage {
    ZH("zh", "zh-CN"), EN("en", "en");

    private final String id, htmlLang;

    ReportLanguage(String id, String htmlLang) {
        this.id = id;
        this.htmlLang = htmlLang;
    }

    /** {@code zh} or {@code en}. */
    public String id() { return id; }

    /** The HTML {@code lang} attribute. */
    public String htmlLang() { return htmlLang; }

    /** Picks the text of this language. */
    public String pick(String zh, String en) {
        return this == EN ? en : zh;
    }

    /**
     * @param s {@code zh}, {@code en} (any case; {@code zh-CN}, {@code en-GB} … too), or null/blank for Chinese
     * @throws IllegalArgumentException for any other language
     */
    public static ReportLanguage of(String s) {
        if (s == null || s.isBlank()) return ZH;
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-")) return ZH;
        if (t.equals("en") || t.startsWith("en-")) return EN;
        throw new IllegalArgumentException("lang 应为 zh 或 en（报告语言）/ lang must be zh or en, got " + s);
    }
}
