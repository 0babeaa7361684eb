package cn.ecozone.analysis;

import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;

import java.util.List;

/**
 * The layers plots are checked against: protected zones (red line, water-source protection areas) and the
 * districts. Found by layer kind, so renamed collections still work; any of them may be missing.
 */
public record PlotContext(List<FeatureSource> protectedZones, FeatureSource districts) {
    public static final List<String> PROTECTED_KINDS = List.of("redline", "water_source");

    public static PlotContext from(LayerSet layers) {
        List<FeatureSource> zones = layers.inOrder().stream()
                .filter(s -> PROTECTED_KINDS.contains(s.layer().kind()) && s.layer().isPolygon()).toList();
        FeatureSource districts = layers.inOrder().stream().filter(s -> s.layer().kind().equals("admin")).findFirst().orElse(null);
        return new PlotContext(zones, districts);
    }

    public static PlotContext none() {
        return new PlotContext(List.of(), null);
    }
}
