package cn.ecozone.layer;

import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.AuthalicArea;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * A feature with its prepared geometry, for fast repeated intersection tests in the analyses, and its
 * ellipsoidal area once asked for (every site check that hits a zone reports its share of the zone).
 */
public final class IndexedFeature {
    private final SimpleFeature feature;
    private final PreparedGeometry prepared;
    private volatile double areaM2 = Double.NaN;
    private volatile int vertices = -1;

    public IndexedFeature(SimpleFeature feature, PreparedGeometry prepared) {
        this.feature = feature;
        this.prepared = prepared;
    }

    public SimpleFeature feature() {
        return feature;
    }

    public PreparedGeometry prepared() {
        return prepared;
    }

    public String id() {
        return feature.getID();
    }

    public Geometry geometry() {
        return prepared.getGeometry();
    }

    /** Number of vertices (all rings and parts), counted once: what an analysis reading this zone's boundary meets. */
    public int vertices() {
        int v = vertices;
        if (v < 0) vertices = v = geometry().getNumPoints();
        return v;
    }

    /** Ellipsoidal area in m² ({@link AuthalicArea}), computed on first use. */
    public double areaM2() {
        double a = areaM2;
        if (Double.isNaN(a)) areaM2 = a = AreaOfRecord.siteCheckM2(geometry());
        return a;
    }
}
