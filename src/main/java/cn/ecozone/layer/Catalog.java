package cn.ecozone.layer;

import cn.ecozone.text.LocalizedText;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The layer catalog ({@code layers/catalog.json}): the layers in display order, the access-list file and
 * the folder everything is relative to.
 */
public record Catalog(Path dir, LocalizedText title, String dataDate, String accessList, List<LayerDef> layers) {
    public static final String FILE_NAME = "catalog.json";

    public Catalog {
        layers = List.copyOf(layers);
    }

    public Optional<LayerDef> layer(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Path resolve(String relative) {
        return dir.resolve(relative);
    }
}
