package cn.ecozone.geo;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fixed reference values computed by PostGIS 3.3.2 on this polygon: {@code ST_Area(g::geography)},
 * {@code ST_Area(ST_Transform(g, 4526))}, {@code ST_Area(ST_Transform(g, 4527))}, {@code ST_Perimeter(g::geography)}.
 * The live comparison over many polygons is {@link MeasureAgainstPostgisTest}.
 */
class AreaReferenceTest {
    /** About 1 km × 1 km at 113.3°E 40.1°N (Datong, GK zone 38). */
    static final String KM_SQUARE = "POLYGON((113.3 40.1, 113.3117276 40.1, 113.3117276 40.109006, 113.3 40.109006, 113.3 40.1))";

    @Test
    void ellipsoidalAreaMatchesPostgisGeography() throws Exception {
        assertEquals(999_932.6603355408, EllipsoidalMeasure.area(square()), 999_932.66 * 1e-6);
    }

    @Test
    void gaussKrugerZone38PlaneAreaMatchesPostgis() throws Exception {
        assertEquals(1_000_018.8620624603, GaussKrugerMeasure.area(square(), new GkZone(38)), 0.01);
    }

    @Test
    void measuringInTheNeighbouringZoneAddsAQuarterPercentScaleError() throws Exception {
        assertEquals(1_002_376.590279324, GaussKrugerMeasure.area(square(), new GkZone(39)), 0.01);
    }

    @Test
    void perimeterMatchesPostgisGeography() throws Exception {
        assertEquals(3_999.865316311385, EllipsoidalMeasure.length(square()), 0.001);
    }

    private static Geometry square() throws Exception {
        return new WKTReader().read(KM_SQUARE);
    }
}
