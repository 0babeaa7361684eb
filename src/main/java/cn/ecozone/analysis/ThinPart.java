package cn.ecozone.analysis;

import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.EllipsoidalMeasure;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/**
 * A sliver: a polygon part so thin it is most likely a digitising artefact (a strip left between two
 * boundaries), not land. Thinness is the isoperimetric quotient {@code 4πA/P²} of the part on the ellipsoid:
 * 1 for a circle, 0.785 for a square, 0.098 for a 1:30 strip, 0.0065 for a 1:500 strip. A part is a sliver
 * when its thinness is below {@link #THINNESS_LIMIT} (thinner than a ~1:30 strip) or its mean width
 * {@code 2A/P} is below {@link #WIDTH_LIMIT_M} metres.
 *
 * @param part index of the part in the (multi)polygon, from 0
 * @param areaM2 ellipsoidal area of the part, m²
 * @param thinness 4πA/P², dimensionless
 * @param meanWidthM 2A/P, metres (the width of a long strip)
 * @param at a point inside the part, [lon, lat]
 */
public record ThinPart(int part, double areaM2, double thinness, double meanWidthM, double[] at) {
    public static final double THINNESS_LIMIT = 0.1;
    public static final double WIDTH_LIMIT_M = 2.0;

    /** The sliver parts of a polygonal geometry (empty for sound plots). */
    public static List<ThinPart> find(Geometry g) {
        List<ThinPart> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
            double a = AreaOfRecord.m2(p);
            // the outer ring alone: holes make a plot irregular, not thin
            double perimeter = EllipsoidalMeasure.length(p.getExteriorRing());
            if (perimeter <= 0) continue;
            double thinness = 4 * Math.PI * a / (perimeter * perimeter);
            double width = 2 * a / perimeter;
            if (thinness < THINNESS_LIMIT || width < WIDTH_LIMIT_M) {
                var c = p.getInteriorPoint().getCoordinate();
                out.add(new ThinPart(i, a, thinness, width, c == null ? null : new double[]{c.x, c.y}));
            }
        }
        return out;
    }
}
