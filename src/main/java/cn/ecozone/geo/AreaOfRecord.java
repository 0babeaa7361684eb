package cn.ecozone.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * The area of record (DESIGN §5): ellipsoidal, on the CGCS2000 ellipsoid, as the national land survey measures plots
 * and sites. The one place that says how it is computed: callers ask here and never choose between
 * {@link EllipsoidalMeasure} and {@link AuthalicArea} themselves.
 * <ul>
 *   <li>{@link #m2}: Karney's geodesic polygon area ({@link EllipsoidalMeasure#area}, the algorithm of PostGIS
 *   {@code ST_Area(geography)}), for every figure of its own — plots, measures, districts, overlaps, layer checks,
 *   exports.</li>
 *   <li>{@link #siteCheckM2}: the same area on the authalic (equal-area) sphere ({@link AuthalicArea}), within 2e-7
 *   relative or 0.01 m² of {@link #m2} and about 20× faster, for the site check only: its overlap kernel
 *   ({@code analysis.OverlapArea}) sums the same authalic excess, so the site, each zone and each overlap of one check
 *   come from one computation and add up. Rings with edges longer than 0.05° are measured by Karney's algorithm.</li>
 * </ul>
 * Not here: the Gauss-Krüger plane area of the site's own 3° zone ({@link GaussKrugerMeasure}), reported beside the
 * area of record and the basis of zoning statistics in the ministry's technical requirement.
 * Input EPSG:4490, x = longitude, y = latitude (degrees); results in m².
 */
public final class AreaOfRecord {
    private AreaOfRecord() {}

    /** The area of record of the polygonal parts (holes subtracted); points and lines count 0. */
    public static double m2(Geometry lonLat) {
        return EllipsoidalMeasure.area(lonLat);
    }

    /** The area of record with its 公顷 and 亩. */
    public static Area of(Geometry lonLat) {
        return Area.ofM2(m2(lonLat));
    }

    /** The area of record as the site check computes all its figures (see above). */
    public static double siteCheckM2(Geometry lonLat) {
        return AuthalicArea.area(lonLat);
    }
}
