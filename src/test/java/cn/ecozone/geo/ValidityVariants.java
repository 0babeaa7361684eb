package cn.ecozone.geo;

import org.locationtech.jts.geom.Geometry;

/** The validity proof as it was and as it is, for the A/B harness in another package ({@code SiteGeometryProfile}). */
public final class ValidityVariants {
    private ValidityVariants() {}

    public static boolean former(Geometry g) {
        return FormerSimplePolygon.provablyValid(g);
    }

    public static boolean now(Geometry g) {
        return SimplePolygon.provablyValid(g);
    }
}
