package cn.ecozone.io;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one geometry factory: floating precision, SRID 4490 (CGCS2000 lon/lat). */
public final class Geometries {
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private Geometries() {}
}
