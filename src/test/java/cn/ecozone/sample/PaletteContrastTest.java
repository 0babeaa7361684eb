package cn.ecozone.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped map palette ({@code styles/*.json}) reads apart: every fill class against every class of the other
 * layers drawn with it, and the classes within one layer, as seen normally and by people with deuteranopia or
 * protanopia.
 *
 * <p>What is compared is the colour a person sees where a zone lies on the map: the class's {@code fillColor} at its
 * {@code fillOpacity} over the map's offline background {@code #f3f1ea} (web/css/map.css), blended in linear light.
 * (Compared at full strength, a pale 0.35 fill would pass a check its on-screen colour fails — that is how the old
 * palette's 水土保持/待修复, 生物多样性维护/优先保护 and 防风固沙/一般管控 collided on screen.) Distances are CIEDE2000 in
 * CIELAB (D65). Colour-vision deficiency is simulated with the Machado, Oliveira &amp; Fernandes (2009) matrices at
 * severity 1.0, applied to linear sRGB.
 *
 * <p>Thresholds (ΔE00): different polygon layers ≥ 8 normal and ≥ 5 simulated; monitoring points against polygons
 * ≥ 5 / 3 (a point is a 12 px circle with its own outline, told apart by shape as well); classes of one layer
 * ≥ 6 / 4 (their legend sits side by side). The old palette fails these (checked below), the new one passes.
 */
class PaletteContrastTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BACKGROUND = "#f3f1ea";
    static final double BETWEEN_NORMAL = 8, BETWEEN_CVD = 5, POINTS_NORMAL = 5, POINTS_CVD = 3, WITHIN_NORMAL = 6, WITHIN_CVD = 4;

    /**
     * Machado, G. M., Oliveira, M. M., Fernandes, L. A. F. (2009): "A Physiologically-based Model for Simulation of
     * Color Vision Deficiency", IEEE Transactions on Visualization and Computer Graphics 15(6), 1291–1298; matrices
     * for severity 1.0 from the authors' table (www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html),
     * rows = output linear R, G, B.
     */
    static final double[][] PROTANOPIA = {
            {0.152286, 1.052583, -0.204868},
            {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}};
    static final double[][] DEUTERANOPIA = {
            {0.367322, 0.860646, -0.227968},
            {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}};

    enum Vision {
        NORMAL(null), DEUTERANOPIA(PaletteContrastTest.DEUTERANOPIA), PROTANOPIA(PaletteContrastTest.PROTANOPIA);
        final double[][] matrix;

        Vision(double[][] m) {
            matrix = m;
        }
    }

    record Swatch(String layer, String value, String fill, double opacity, boolean point) {
        String name() {
            return layer + "/" + value + " " + fill + "@" + opacity;
        }
    }

    @Test
    void everyClassReadsApartFromTheOtherLayersAndFromItsNeighboursAlsoUnderColourVisionDeficiency() throws IOException {
        List<Swatch> swatches = shippedSwatches();
        assertEquals(17, swatches.size(), "fill classes in styles/: " + swatches);
        List<String> failures = failures(swatches);
        assertTrue(failures.isEmpty(), "colours too close (ΔE00):\n" + String.join("\n", failures));
    }

    @Test
    void theCheckCatchesTheCollisionsIssue17Reported() {
        // the palette before issue 17, as fill, opacity: the collisions people saw must fail the check
        List<Swatch> old = List.of(
                new Swatch("control_unit", "优先保护", "#43a047", 0.35, false),
                new Swatch("control_unit", "一般管控", "#fdd835", 0.30, false),
                new Swatch("redline", "水土保持", "#a1887f", 0.45, false),
                new Swatch("redline", "防风固沙", "#ffcc80", 0.45, false),
                new Swatch("redline", "生物多样性维护", "#81c784", 0.45, false),
                new Swatch("restoration", "待修复", "#8d6e63", 0.6, false));
        String all = String.join("\n", failures(old));
        assertTrue(all.contains("redline/水土保持") && all.contains("restoration/待修复"), all);
        assertTrue(all.contains("redline/生物多样性维护") && all.contains("control_unit/优先保护"), all);
        assertTrue(all.contains("redline/防风固沙") && all.contains("control_unit/一般管控"), all);
    }

    @Test
    void theColourScienceMatchesPublishedValues() {
        // CIEDE2000 test pairs of Sharma, Wu & Dalal (2005), Color Res. Appl. 30(1), table 1: pairs 1, 7, 17, 25
        assertEquals(2.0425, de2000(new double[]{50, 2.6772, -79.7751}, new double[]{50, 0, -82.7485}), 1e-4);
        assertEquals(2.3669, de2000(new double[]{50, 0, 0}, new double[]{50, -1, 2}), 1e-4);
        assertEquals(27.1492, de2000(new double[]{50, 2.5, 0}, new double[]{73, 25, -18}), 1e-4);
        assertEquals(1.2644, de2000(new double[]{60.2574, -34.0099, 36.2677}, new double[]{60.4626, -34.1751, 39.4387}), 1e-4);
        // sRGB white is L 100, a 0, b 0; pure sRGB red is L 53.24, a 80.09, b 67.20
        double[] white = lab(linear("#ffffff"));
        assertEquals(100, white[0], 1e-3);
        assertEquals(0, Math.hypot(white[1], white[2]), 1e-3);
        double[] red = lab(linear("#ff0000"));
        assertEquals(53.24, red[0], 0.01);
        assertEquals(80.09, red[1], 0.01);
        assertEquals(67.20, red[2], 0.01);
        // the simulation leaves greys grey (each matrix row sums to 1)
        double[] grey = simulate(linear("#808080"), DEUTERANOPIA);
        assertEquals(grey[0], grey[1], 2e-3);
        assertEquals(grey[1], grey[2], 2e-3);
    }

    // ---------------------------------------------------------------------------------------------------------

    static List<Swatch> shippedSwatches() throws IOException {
        List<Swatch> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("styles"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode style = JSON.readTree(f.toFile());
                String layer = style.get("layer").asText();
                JsonNode def = style.path("default");
                for (JsonNode c : style.path("classes")) {
                    JsonNode s = c.path("style");
                    boolean filled = s.path("fill").asBoolean(def.path("fill").asBoolean(true));
                    String fill = s.path("fillColor").asText(def.path("fillColor").asText(s.path("color").asText(null)));
                    if (!filled || fill == null) continue;  // outlines only (the district boundary)
                    double opacity = s.path("fillOpacity").asDouble(def.path("fillOpacity").asDouble(0.2));
                    boolean point = s.has("radius") || def.has("radius");
                    out.add(new Swatch(layer, c.path("value").asText(), fill, opacity, point));
                }
            }
        }
        return out;
    }

    static List<String> failures(List<Swatch> swatches) {
        List<String> out = new ArrayList<>();
        double[] worst = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < swatches.size(); i++) {
            for (int j = i + 1; j < swatches.size(); j++) {
                Swatch a = swatches.get(i), b = swatches.get(j);
                boolean same = a.layer().equals(b.layer());
                boolean points = a.point() != b.point();
                double tNormal = same ? WITHIN_NORMAL : points ? POINTS_NORMAL : BETWEEN_NORMAL;
                double tCvd = same ? WITHIN_CVD : points ? POINTS_CVD : BETWEEN_CVD;
                for (Vision v : Vision.values()) {
                    double d = de2000(seen(a, v), seen(b, v));
                    double limit = v == Vision.NORMAL ? tNormal : tCvd;
                    if (!same && !points) worst[v == Vision.NORMAL ? 0 : 1] = Math.min(worst[v == Vision.NORMAL ? 0 : 1], d);
                    if (d < limit) out.add(String.format("%s vs %s: %.1f < %.0f (%s)", a.name(), b.name(), d, limit, v));
                }
            }
        }
        System.out.printf("palette: closest pair of different polygon layers ΔE00 %.1f normal, %.1f deuteranopia/protanopia%n", worst[0], worst[1]);
        return out;
    }

    /** CIELAB of the class as seen: its fill at its opacity over the map background, then the vision simulation. */
    static double[] seen(Swatch s, Vision v) {
        double[] fill = linear(s.fill()), bg = linear(BACKGROUND), c = new double[3];
        for (int k = 0; k < 3; k++) c[k] = s.opacity() * fill[k] + (1 - s.opacity()) * bg[k];
        return lab(v.matrix == null ? c : simulate(c, v.matrix));
    }

    static double[] simulate(double[] rgb, double[][] m) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) out[r] = Math.max(0, Math.min(1, m[r][0] * rgb[0] + m[r][1] * rgb[1] + m[r][2] * rgb[2]));
        return out;
    }

    /** #rrggbb as linear-light sRGB 0–1 (IEC 61966-2-1). */
    static double[] linear(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            double c = Integer.parseInt(h.substring(2 * k, 2 * k + 2), 16) / 255.0;
            out[k] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return out;
    }

    /** Linear sRGB → XYZ (D65) → CIELAB with the D65 white of the same matrix. */
    static double[] lab(double[] rgb) {
        double[][] m = {{0.4124564, 0.3575761, 0.1804375}, {0.2126729, 0.7151522, 0.0721750}, {0.0193339, 0.1191920, 0.9503041}};
        double[] f = new double[3];
        for (int r = 0; r < 3; r++) {
            double white = m[r][0] + m[r][1] + m[r][2];
            double t = (m[r][0] * rgb[0] + m[r][1] * rgb[1] + m[r][2] * rgb[2]) / white;
            f[r] = t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        }
        return new double[]{116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])};
    }

    /** CIEDE2000 colour difference (CIE 142-2001; Sharma, Wu &amp; Dalal 2005), kL = kC = kH = 1. */
    static double de2000(double[] lab1, double[] lab2) {
        double l1 = lab1[0], a1 = lab1[1], b1 = lab1[2], l2 = lab2[0], a2 = lab2[1], b2 = lab2[2];
        double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
        double g = 0.5 * (1 - Math.sqrt(Math.pow(cBar, 7) / (Math.pow(cBar, 7) + Math.pow(25, 7))));
        double a1p = (1 + g) * a1, a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1), c2p = Math.hypot(a2p, b2);
        double h1p = c1p == 0 ? 0 : (Math.toDegrees(Math.atan2(b1, a1p)) + 360) % 360;
        double h2p = c2p == 0 ? 0 : (Math.toDegrees(Math.atan2(b2, a2p)) + 360) % 360;
        double dL = l2 - l1, dC = c2p - c1p, dh;
        if (c1p * c2p == 0) dh = 0;
        else {
            dh = h2p - h1p;
            if (dh > 180) dh -= 360;
            else if (dh < -180) dh += 360;
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lBar = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2, hBar;
        if (c1p * c2p == 0) hBar = h1p + h2p;
        else if (Math.abs(h1p - h2p) <= 180) hBar = (h1p + h2p) / 2;
        else hBar = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hBar - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hBar))
                + 0.32 * Math.cos(Math.toRadians(3 * hBar + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hBar - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hBar - 275) / 25, 2));
        double rc = 2 * Math.sqrt(Math.pow(cBarP, 7) / (Math.pow(cBarP, 7) + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lBar - 50, 2) / Math.sqrt(20 + Math.pow(lBar - 50, 2));
        double sc = 1 + 0.045 * cBarP, sh = 1 + 0.015 * cBarP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dL / sl, 2) + Math.pow(dC / sc, 2) + Math.pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }
}
