package cn.ecozone.geo;

/**
 * The Gauss-Krüger (transverse Mercator, scale 1 on the central meridian) projection of CGCS2000 for plane
 * measures: the ellipsoidal series of Snyder, Map Projections — A Working Manual (1987), eqs. 8-9 and 3-21, with
 * the meridian arc to e⁸ — the same series GeoTools' TransverseMercator evaluates, without its per-call
 * machinery, so a 500-vertex site costs microseconds. Easting is relative to the central meridian (no false
 * easting or zone prefix: plane areas and lengths do not depend on them). Accurate to well under a millimetre
 * within the 3-degree zones it is used for ({@code GkProjectionTest} holds it to GeoTools).
 */
final class GkProjection {
    private static final double A = Cgcs2000.SEMI_MAJOR_AXIS;
    private static final double ES = Cgcs2000.FLATTENING * (2 - Cgcs2000.FLATTENING);
    private static final double ESP = ES / (1 - ES);
    // meridian arc M(φ)/a = EN0·φ − sinφ·cosφ·(EN1 + sin²φ·(EN2 + sin²φ·(EN3 + sin²φ·EN4)))
    private static final double EN0 = 1 - ES * (0.25 + ES * (0.046875 + ES * (0.01953125 + ES * 0.01068115234375)));
    private static final double EN1 = ES * (0.75 - ES * (0.046875 + ES * (0.01953125 + ES * 0.01068115234375)));
    private static final double EN2 = ES * ES * (0.46875 - ES * (0.01302083333333333333 + ES * 0.00712076822916666666));
    private static final double EN3 = ES * ES * ES * (0.36458333333333333333 - ES * 0.00569661458333333333);
    private static final double EN4 = ES * ES * ES * ES * 0.3076171875;

    private final double centralMeridianRad;

    GkProjection(GkZone zone) {
        this.centralMeridianRad = Math.toRadians(zone.centralMeridian());
    }

    /** Easting (from the central meridian) and northing in metres of lon/lat degrees, into out[0], out[1]. */
    void forward(double lonDeg, double latDeg, double[] out) {
        double phi = Math.toRadians(latDeg), lam = Math.toRadians(lonDeg) - centralMeridianRad;
        double sin = Math.sin(phi), cos = Math.cos(phi);
        double al = cos * lam, als = al * al;
        al /= Math.sqrt(1 - ES * sin * sin);
        double n = ESP * cos * cos;
        double t = Math.abs(cos) < 1e-10 ? 0 : sin * sin / (cos * cos);
        out[0] = A * al * (1 + als / 6 * (1 - t + n + als / 20 * (5 + t * (t - 18) + n * (14 - 58 * t)
                + als / 42 * (61 + t * (t * (179 - t) - 479)))));
        out[1] = A * (EN0 * phi - sin * cos * (EN1 + sin * sin * (EN2 + sin * sin * (EN3 + sin * sin * EN4)))
                + sin * al * lam * 0.5 * (1 + als / 12 * (5 - t + n * (9 + 4 * n) + als / 30 * (61 + t * (t - 58)
                + n * (270 - 330 * t) + als / 56 * (1385 + t * (t * (543 - t) - 3111))))));
    }
}
