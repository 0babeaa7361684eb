package cn.ecozone.layer;

import cn.ecozone.geo.Transforms;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Builds the GeoTools feature type of a catalog layer: {@code geometry} (EPSG:4490, lon/lat) plus its attributes. */
public final class FeatureTypes {
    public static final String GEOMETRY = "geometry";

    private FeatureTypes() {}

    public static SimpleFeatureType of(LayerDef layer) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName(layer.id());
        b.setCRS(Transforms.crs(4490));
        b.add(GEOMETRY, layer.isPolygon() ? Geometry.class : Point.class);
        for (AttributeDef a : layer.attributes()) b.add(a.name(), a.binding());
        b.setDefaultGeometry(GEOMETRY);
        return b.buildFeatureType();
    }
}
