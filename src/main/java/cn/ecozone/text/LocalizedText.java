package cn.ecozone.text;

/** A label in Chinese (shown by default) with its English gloss. */
public record LocalizedText(String zh, String en) {
    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en == null ? zh : en);
    }
}
