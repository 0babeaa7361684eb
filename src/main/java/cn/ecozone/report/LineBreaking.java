package cn.ecozone.report;

/**
 * Chinese line-breaking rules (禁则, GB/T 15834 and common typesetting practice): closing punctuation never starts a
 * line, opening punctuation never ends one. Given where a line would break, moves the break back so both hold.
 */
public final class LineBreaking {
    /** Marks that may not begin a line. */
    static final String NO_START = "，。、；：！？）》」』〕】〉”’…—%‰·,.;:!?)]}>";
    /** Marks that may not end a line. */
    static final String NO_END = "（《「『〔【〈“‘([{<";
    /** At most this many characters move to the next line; beyond that the rule gives way rather than leave a stub. */
    static final int MAX_BACKTRACK = 3;

    private LineBreaking() {}

    /**
     * @param text the paragraph
     * @param breakAt index of the first character of the next line (0 < breakAt < text.length())
     * @return the adjusted break, never below {@code start + 1} where start is the line's first index
     */
    public static int adjust(String text, int start, int breakAt) {
        int b = breakAt;
        for (int i = 0; i < MAX_BACKTRACK && b - 1 > start; i++) {
            boolean badStart = b < text.length() && NO_START.indexOf(text.charAt(b)) >= 0;
            boolean badEnd = NO_END.indexOf(text.charAt(b - 1)) >= 0;
            if (!badStart && !badEnd) return b;
            b--;
        }
        boolean ok = (b >= text.length() || NO_START.indexOf(text.charAt(b)) < 0) && NO_END.indexOf(text.charAt(b - 1)) < 0;
        return ok ? b : breakAt;
    }

    public static boolean mayStartLine(char c) {
        return NO_START.indexOf(c) < 0;
    }

    public static boolean mayEndLine(char c) {
        return NO_END.indexOf(c) < 0;
    }
}
