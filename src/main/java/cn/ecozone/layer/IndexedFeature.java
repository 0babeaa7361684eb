package cn.ecozone.layer;

import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.AuthalicArea;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A feature with its prepared geometry, for fast repeated intersection tests in the analyses, and its
 * ellipsoidal area once asked for (every site check that hits a zone reports its share of the zone).
 *
 * <p>The prepared geometry is made on first use when not given: an in-memory layer holds one of these per feature,
 * and most features of a national layer are never asked for one (a prepared polygon and its representative points
 * cost ≈ 140 bytes a zone, ≈ 20 MB at national scale, and their making was part of every start).
 */
public final class IndexedFeature {
    private static final PreparedGeometryFactory PREPARED = new PreparedGeometryFactory();
    private final SimpleFeature feature;
    private final Geometry geometry;
    private final int ordinal;
    private volatile Envelope envelope;
    private volatile PreparedGeometry prepared;
    private volatile double areaM2 = Double.NaN;
    private volatile int vertices = -1;

    public IndexedFeature(SimpleFeature feature, PreparedGeometry prepared) {
        this.feature = feature;
        this.geometry = prepared.getGeometry();
        this.prepared = prepared;
        this.ordinal = -1;
    }

    /**
     * A feature of an in-memory layer: its geometry is prepared on first use. {@code ordinal} is its position in the
     * layer's id order (what the tiles' low-zoom copies look it up by), or -1.
     */
    IndexedFeature(SimpleFeature feature, Geometry geometry, Envelope envelope, int ordinal) {
        this.feature = feature;
        this.geometry = geometry;
        this.envelope = envelope;
        this.ordinal = ordinal;
    }

    /**
     * The geometry's envelope, not to be changed: an in-memory layer's is the one its index holds (JTS's
     * {@code getEnvelopeInternal} keeps two more per polygon and hands out a new copy at each call).
     */
    public Envelope envelope() {
        Envelope e = envelope;
        if (e == null) envelope = e = geometry.getEnvelopeInternal();
        return e;
    }

    public SimpleFeature feature() {
        return feature;
    }

    /** The prepared geometry, made on first use (two threads may both make one; either is the same). */
    public PreparedGeometry prepared() {
        PreparedGeometry p = prepared;
        if (p == null) prepared = p = PREPARED.create(geometry);
        return p;
    }

    public String id() {
        return feature.getID();
    }

    public Geometry geometry() {
        return geometry;
    }

    /** Position in its layer's id order, or -1 when not known (a PostGIS feature). */
    int ordinal() {
        return ordinal;
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
