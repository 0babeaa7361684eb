package cn.ecozone.geo;

import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CRSs {@link Transforms} builds without the EPSG database against the database's own (GeoTools' EPSG HSQL
 * factory, {@code CRS.decode(code, true)} and {@code CRS.findMathTransform}): same names, codes and axis order, and
 * bit-identical coordinates both ways over a grid covering each zone and a zone and a half either side, China's
 * latitudes 3–54° N.
 */
class TransformsTest {
    private static final int[] CODES;

    static {
        List<Integer> codes = new ArrayList<>();
        codes.add(Cgcs2000.EPSG);
        for (int n = GkZone.FIRST_IN_CHINA; n <= GkZone.LAST_IN_CHINA; n++) {
            codes.add(new GkZone(n).epsgWithPrefix());
            codes.add(new GkZone(n).epsgWithoutPrefix());
        }
        CODES = codes.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyCgcs2000CrsIsBuiltWithTheDatabasesNameCodeAndAxes() throws Exception {
        assertEquals(43, CODES.length);
        for (int code : CODES) {
            assertTrue(Transforms.isBuilt(code), "EPSG:" + code);
            CoordinateReferenceSystem built = Transforms.built(code), db = Transforms.fromDatabase(code);
            assertNotNull(built, "EPSG:" + code);
            assertEquals(db.getName().getCode(), built.getName().getCode(), "name of EPSG:" + code);
            assertEquals(code, CRS.lookupEpsgCode(built, false), "code of EPSG:" + code);
            assertEquals(CRS.getAxisOrder(db), CRS.getAxisOrder(built), "axes of EPSG:" + code);
            assertEquals(db.getCoordinateSystem().getAxis(0).getUnit(), built.getCoordinateSystem().getAxis(0).getUnit(), "unit of EPSG:" + code);
            assertEquals(db.getCoordinateSystem().getAxis(1).getDirection(), built.getCoordinateSystem().getAxis(1).getDirection());
            assertTrue(CRS.equalsIgnoreMetadata(db, built), "EPSG:" + code + " equal to the database's, metadata aside");
        }
        assertTrue(Transforms.crs(Cgcs2000.EPSG) == Transforms.built(Cgcs2000.EPSG), "4490 is built once");
        // other codes still come from the database
        assertEquals("WGS 84", Transforms.crs(4326).getName().getCode());
    }

    @Test
    void theBuiltCrsTransformsAGridBitForBitAsTheDatabasesDoesBothWays() throws Exception {
        CoordinateReferenceSystem dbGeo = Transforms.fromDatabase(Cgcs2000.EPSG);
        long points = 0;
        for (int code : CODES) {
            if (code == Cgcs2000.EPSG) continue;
            GkZone zone = GkZone.ofEpsg(code);
            CoordinateReferenceSystem dbGk = Transforms.fromDatabase(code);
            MathTransform dbForward = CRS.findMathTransform(dbGeo, dbGk, true), dbInverse = CRS.findMathTransform(dbGk, dbGeo, true);
            MathTransform forward = Transforms.transform(Cgcs2000.EPSG, code), inverse = Transforms.transform(code, Cgcs2000.EPSG);
            int n = 0;
            double[] lonLat = new double[2 * 61 * 52];
            for (int i = 0; i <= 60; i++) {
                for (int j = 0; j <= 51; j++) {
                    lonLat[n++] = zone.centralMeridian() - 4.5 + i * 0.15 + j * 1e-7; // off-grid fractions too
                    lonLat[n++] = 3 + j + i * 1.3e-6;
                }
            }
            double[] expected = new double[n], got = new double[n];
            dbForward.transform(lonLat, 0, expected, 0, n / 2);
            forward.transform(lonLat, 0, got, 0, n / 2);
            assertBitIdentical(expected, got, "EPSG:4490 → EPSG:" + code);
            double[] back = new double[n], backDb = new double[n];
            dbInverse.transform(expected, 0, backDb, 0, n / 2);
            inverse.transform(expected, 0, back, 0, n / 2);
            assertBitIdentical(backDb, back, "EPSG:" + code + " → EPSG:4490");
            for (int k = 0; k < n; k++) assertEquals(lonLat[k], back[k], 1e-9); // and it is the projection and its inverse
            points += n / 2;
        }
        assertEquals(42L * 61 * 52, points);
    }

    private static void assertBitIdentical(double[] expected, double[] got, String what) {
        for (int k = 0; k < expected.length; k++) {
            if (Double.doubleToLongBits(expected[k]) != Double.doubleToLongBits(got[k])) {
                throw new AssertionError(what + ": ordinate " + k + " is " + got[k] + ", the database's " + expected[k]);
            }
        }
    }
}
