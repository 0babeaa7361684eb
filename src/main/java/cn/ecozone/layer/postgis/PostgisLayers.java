package cn.ecozone.layer.postgis;

import cn.ecozone.layer.Catalog;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** The catalog's layers served from PostGIS tables (made by {@link PostgisImport}). */
public final class PostgisLayers {
    private PostgisLayers() {}

    public static LayerSet of(Catalog catalog, DataSource db) {
        Map<String, FeatureSource> sources = new LinkedHashMap<>();
        // editable layers (restoration plots) edit in transactions; the others are read-only
        for (LayerDef l : catalog.layers()) sources.put(l.id(), l.editable() ? new PostgisEditableSource(l, db) : new PostgisFeatureSource(l, db));
        return new LayerSet(catalog, sources);
    }
}
