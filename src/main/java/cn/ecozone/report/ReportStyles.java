package cn.ecozone.report;

import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.text.LocalizedText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The report's colours, from the same style files the web map draws with ({@code styles/*.json}: each layer's
 * {@code default} {@code color} and {@code fillColor}; {@code "fill": false} draws no fill), and the English labels of
 * their classes (e.g. water-source {@code 一级保护区} → "First-level zone"), which gloss Chinese attribute values in
 * English reports. A layer without a style file is drawn grey. The colours of the report itself (the site, the
 * verdicts, the disclaimer) are here too, so the HTML and the PDF cannot drift apart.
 */
public final class ReportStyles {
    /** Stroke and fill of a layer; fill {@code none} for outlines only. */
    public record Colours(String stroke, String fill) {}

    public static final Colours UNSTYLED = new Colours("#777777", "#cccccc");
    /** The project site: a black outline over a golden fill. */
    public static final Colours SITE = new Colours("#000000", "#ffd700");
    /** The disclaimer and the site's box in the locator inset. */
    public static final String ALERT = "#c62828";

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]+\\.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** No style files: every layer grey. */
    public static final ReportStyles NONE = new ReportStyles(Map.of(), Map.of());

    private final Map<String, Colours> colours;
    private final Map<String, Map<String, LocalizedText>> labels;

    private ReportStyles(Map<String, Colours> colours, Map<String, Map<String, LocalizedText>> labels) {
        this.colours = colours;
        this.labels = labels;
    }

    /**
     * The styles of the catalog's layers from {@code stylesDir} (each layer's {@code style} file, else {@code <id>.json});
     * a missing or unreadable file leaves that layer grey, it never stops a report.
     */
    public static ReportStyles load(Path stylesDir, Catalog catalog) {
        Map<String, Colours> colours = new HashMap<>();
        Map<String, Map<String, LocalizedText>> labels = new HashMap<>();
        if (stylesDir == null || !Files.isDirectory(stylesDir)) return NONE;
        for (LayerDef l : catalog.layers()) {
            String name = l.style() == null || l.style().isBlank() ? l.id() + ".json" : l.style();
            if (!SAFE_NAME.matcher(name).matches()) continue;
            Path file = stylesDir.resolve(name);
            if (!Files.isRegularFile(file)) continue;
            JsonNode style;
            try {
                style = MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                continue;
            }
            JsonNode d = style.path("default");
            String stroke = d.path("color").asText("");
            String fill = d.path("fill").isBoolean() && !d.path("fill").asBoolean() ? "none" : d.path("fillColor").asText("");
            if (COLOUR.matcher(stroke).matches() && (fill.equals("none") || COLOUR.matcher(fill).matches())) {
                colours.put(l.id(), new Colours(stroke.toLowerCase(java.util.Locale.ROOT), fill.toLowerCase(java.util.Locale.ROOT)));
            }
            Map<String, LocalizedText> byValue = new LinkedHashMap<>();
            for (JsonNode c : style.path("classes")) {
                JsonNode label = c.path("label");
                if (c.has("value") && label.has("en")) byValue.put(c.path("value").asText(), new LocalizedText(label.path("zh").asText(""), label.path("en").asText()));
            }
            if (!byValue.isEmpty()) labels.put(l.id(), byValue);
        }
        return new ReportStyles(Map.copyOf(colours), Map.copyOf(labels));
    }

    /**
     * The styles beside the catalog, where the repository and the server's defaults keep them: {@code styles/} next to
     * the layers folder ({@code layers/} and {@code styles/}).
     */
    public static ReportStyles besideCatalog(Catalog catalog) {
        Path dir = catalog.dir() == null ? null : catalog.dir().toAbsolutePath().normalize();
        return dir == null || dir.getParent() == null ? NONE : load(dir.resolveSibling("styles"), catalog);
    }

    public Colours colours(String layer) {
        return colours.getOrDefault(layer, UNSTYLED);
    }

    /** The English label of a class value of the layer's style, if the style has one. */
    public Optional<String> labelEn(String layer, String value) {
        Map<String, LocalizedText> m = labels.get(layer);
        LocalizedText t = m == null ? null : m.get(value);
        return t == null || t.en() == null || t.en().isBlank() ? Optional.empty() : Optional.of(t.en());
    }

    /** The colour a verdict is shown in. */
    public static String verdictColour(String verdict) {
        return switch (verdict) {
            case "prohibited" -> "#c62828";
            case "restricted" -> "#e8871e";
            case "conditional" -> "#b08a00";
            case "outside" -> "#666666";
            default -> "#2b8c6e";
        };
    }
}
