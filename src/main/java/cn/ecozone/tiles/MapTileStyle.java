package cn.ecozone.tiles;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.Color;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A layer's style ({@code styles/<layer>.json}) as the map tiles paint it, read exactly as the web map reads it
 * ({@code web/js/layers.js styleFor}, {@code web/js/tiles.js draw}): a base of {@code color #555, weight 1,
 * fillOpacity 0.3}, then the style's {@code default}, then the style of the class the feature's {@code property}
 * value falls in (a class's {@code value} may be one value or a list; values compare as text). Fill colour is
 * {@code fillColor} or else {@code color}; {@code fill: false} and {@code stroke: false} turn either off; a stroke needs
 * a weight above 0; {@code opacity} (default 1) is the stroke's, {@code fillOpacity} the fill's; {@code dashArray}
 * in CSS pixels; points are circles of {@code radius} (default 6) pixels.
 */
public final class MapTileStyle {
    /** One resolved paint: what a feature of one class looks like. */
    public record Paint(boolean fill, Color fillColor, double fillOpacity, boolean stroke, Color color, double weight,
                        double opacity, float[] dash, double radius) {
        /** The fill colour with its opacity as alpha. */
        public Color fillRgba() {
            return withAlpha(fillColor, fillOpacity);
        }

        /** The stroke colour with its opacity as alpha. */
        public Color strokeRgba() {
            return withAlpha(color, opacity);
        }

        public boolean strokes() {
            return stroke && weight > 0;
        }
    }

    private static final Color FALLBACK_STROKE = new Color(0x55, 0x55, 0x55);
    private final String property;
    private final Paint base;
    private final Map<String, Paint> classes;

    private MapTileStyle(String property, Paint base, Map<String, Paint> classes) {
        this.property = property;
        this.base = base;
        this.classes = classes;
    }

    /** The style of a layer without a style file: grey outline, grey fill at 0.3. */
    public static MapTileStyle none() {
        return of(null);
    }

    /** The style read from a {@code styles/*.json} document (null: {@link #none()}). */
    public static MapTileStyle of(JsonNode style) {
        Map<String, JsonNode> merged = new HashMap<>();
        if (style != null && style.get("default") != null && style.get("default").isObject()) {
            style.get("default").fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue()));
        }
        Paint base = paint(merged);
        Map<String, Paint> classes = new HashMap<>();
        String property = style != null && style.hasNonNull("property") ? style.get("property").asText() : null;
        if (property != null && style.get("classes") != null && style.get("classes").isArray()) {
            for (JsonNode c : style.get("classes")) {
                Map<String, JsonNode> m = new HashMap<>(merged);
                if (c.get("style") != null && c.get("style").isObject()) c.get("style").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
                Paint p = paint(m);
                JsonNode v = c.get("value");
                if (v == null) continue;
                // the first class listing a value wins, as Array.find in the web map
                if (v.isArray()) v.forEach(x -> classes.putIfAbsent(x.asText(), p));
                else classes.putIfAbsent(v.asText(), p);
            }
        }
        return new MapTileStyle(property, base, classes);
    }

    /** The attribute that picks the class, or null. */
    public String property() {
        return property;
    }

    /** The paint of a feature with these attributes. */
    public Paint paintFor(Map<String, ?> properties) {
        if (property == null || properties == null) return base;
        Object v = properties.get(property);
        if (v == null) return base;
        Paint p = classes.get(text(v));
        return p == null ? base : p;
    }

    /** A value as the web map's String(v) writes it (whole numbers without ".0"). */
    private static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
        if (v instanceof Float f && f == Math.rint(f) && !f.isInfinite()) return String.valueOf((long) f.floatValue());
        return String.valueOf(v);
    }

    private static Paint paint(Map<String, JsonNode> m) {
        Color color = colour(m.get("color"), FALLBACK_STROKE);
        Color fillColor = m.containsKey("fillColor") && !m.get("fillColor").isNull() && !m.get("fillColor").asText().isEmpty()
                ? colour(m.get("fillColor"), color) : color;
        double fillOpacity = number(m.get("fillOpacity"), 0.3);
        double weight = number(m.get("weight"), 1);
        double opacity = number(m.get("opacity"), 1);
        boolean fill = !(m.get("fill") != null && m.get("fill").isBoolean() && !m.get("fill").asBoolean());
        boolean stroke = !(m.get("stroke") != null && m.get("stroke").isBoolean() && !m.get("stroke").asBoolean());
        float[] dash = null;
        JsonNode d = m.get("dashArray");
        if (d != null && !d.isNull() && !d.asText().isBlank()) {
            String[] parts = d.asText().trim().split("[ ,]+");
            dash = new float[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) dash[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                dash = null;
            }
        }
        double radius = number(m.get("radius"), 6);
        if (radius <= 0) radius = 6;
        return new Paint(fill, fillColor, fillOpacity, stroke, color, weight, opacity, dash, radius);
    }

    private static double number(JsonNode n, double dflt) {
        return n == null || n.isNull() || !(n.isNumber() || n.isTextual()) ? dflt : parse(n.asText(), dflt);
    }

    private static double parse(String s, double dflt) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*([0-9.]+)\\s*)?\\)");
    private static final Map<String, Color> NAMED = Map.of("black", Color.BLACK, "white", Color.WHITE, "red", new Color(255, 0, 0),
            "green", new Color(0, 128, 0), "blue", new Color(0, 0, 255), "gray", new Color(128, 128, 128), "grey", new Color(128, 128, 128),
            "yellow", new Color(255, 255, 0), "orange", new Color(255, 165, 0), "purple", new Color(128, 0, 128));

    /** #rgb, #rrggbb, rgb()/rgba() and a few CSS names; anything else is the fallback. */
    static Color colour(JsonNode n, Color fallback) {
        if (n == null || n.isNull()) return fallback;
        String s = n.asText().trim().toLowerCase(Locale.ROOT);
        if (s.matches("#[0-9a-f]{3}")) {
            return new Color(Integer.parseInt(s.substring(1, 2).repeat(2), 16), Integer.parseInt(s.substring(2, 3).repeat(2), 16),
                    Integer.parseInt(s.substring(3, 4).repeat(2), 16));
        }
        if (s.matches("#[0-9a-f]{6}")) return new Color(Integer.parseInt(s.substring(1), 16));
        Matcher m = RGB.matcher(s);
        if (m.matches()) {
            int a = m.group(4) == null ? 255 : (int) Math.round(255 * Math.max(0, Math.min(1, parse(m.group(4), 1))));
            return new Color(Math.min(255, Integer.parseInt(m.group(1))), Math.min(255, Integer.parseInt(m.group(2))),
                    Math.min(255, Integer.parseInt(m.group(3))), a);
        }
        return NAMED.getOrDefault(s, fallback);
    }

    private static Color withAlpha(Color c, double opacity) {
        double o = Math.max(0, Math.min(1, opacity)) * c.getAlpha() / 255.0;
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * o));
    }
}
