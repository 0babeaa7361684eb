package cn.ecozone.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The output formats a use case offers, found by name ({@code pdf}) or media type ({@code application/pdf}). The
 * first registered is the default.
 */
public final class Formats<T> {
    private final List<OutputFormat<T>> formats;

    private Formats(List<OutputFormat<T>> formats) {
        if (formats.isEmpty()) throw new IllegalArgumentException("no formats");
        this.formats = List.copyOf(formats);
    }

    @SafeVarargs
    public static <T> Formats<T> of(OutputFormat<T>... formats) {
        return new Formats<>(List.of(formats));
    }

    /** A registry with one more format (a new format is one class and this call). */
    public Formats<T> with(OutputFormat<T> format) {
        List<OutputFormat<T>> all = new ArrayList<>(formats);
        all.removeIf(f -> f.name().equals(format.name()));
        all.add(format);
        return new Formats<>(all);
    }

    public OutputFormat<T> defaultFormat() {
        return formats.get(0);
    }

    public List<String> names() {
        return formats.stream().map(OutputFormat::name).toList();
    }

    /**
     * By name, media type (parameters ignored) or alias, ignoring case. A space inside is read as {@code +}: an
     * unencoded {@code f=application/geo+json} arrives as {@code application/geo json}.
     */
    public Optional<OutputFormat<T>> find(String nameOrMediaType) {
        if (nameOrMediaType == null) return Optional.empty();
        String key = nameOrMediaType.split(";", 2)[0].strip().replace(' ', '+').toLowerCase(Locale.ROOT);
        return formats.stream().filter(f -> f.name().equals(key) || f.mediaType().equals(key) || f.aliases().contains(key)).findFirst();
    }

    /**
     * The format asked for, the default when none is, else a bad option ({@link UseCaseException#badOption()}) naming the
     * parameter and the formats there are.
     */
    public OutputFormat<T> require(String nameOrMediaType, String parameter) {
        if (nameOrMediaType == null || nameOrMediaType.isBlank()) return defaultFormat();
        return find(nameOrMediaType).orElseThrow(() -> UseCaseException.badOption(parameter + " 应为 " + listZh() + " / " + parameter
                + " must be " + listEn() + ", got " + nameOrMediaType));
    }

    private String listZh() {
        List<String> n = names();
        return n.size() == 1 ? n.get(0) : String.join("、", n.subList(0, n.size() - 1)) + " 或 " + n.get(n.size() - 1);
    }

    private String listEn() {
        List<String> n = names();
        return n.size() == 1 ? n.get(0) : String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
    }
}
