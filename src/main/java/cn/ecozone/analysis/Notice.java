package cn.ecozone.analysis;

/**
 * One thing a planner should know about a site check, written for people in both languages: the site-check JSON's
 * {@code notices} array, one per legacy {@code warnings} string and in the same order. The Chinese text names no
 * request fields or attribute names; the English one quotes Chinese names (“采凉山…”).
 *
 * @param code a stable id for programs, e.g. {@code parcel.declared-area-differs}, {@code input.ring-closed}
 */
public record Notice(String code, String zh, String en) {
    public Notice {
        if (code == null || code.isBlank() || zh == null || en == null) throw new IllegalArgumentException("a notice needs a code and both texts");
    }

    /** The text in a report language: {@code en} for English, else Chinese. */
    public String text(String lang) {
        return "en".equals(lang) ? en : zh;
    }
}
