package cn.ecozone.io;

import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.geo.Transforms;
import cn.ecozone.testsupport.BoundaryPointTxt;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a site arrives: detected format, crs handling, and a planner-readable refusal for each bad input. */
class SiteInputReaderTest {
    static final String SQUARE = "[[113.20,40.30],[113.21,40.30],[113.21,40.31],[113.20,40.31],[113.20,40.30]]";
    static final double SQUARE_M2 = EllipsoidalMeasure.area(wkt("POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.31, 113.20 40.30))"));
    final SiteInputReader reader = new SiteInputReader();

    SiteInput read(String body, String crs) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), crs, null);
    }

    @Test
    void geoJsonGeometryFeatureAndFeatureCollectionAreAllRead() {
        SiteInput g = read("{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}", null);
        assertEquals("geojson", g.format());
        assertEquals("CRS84", g.sourceCrs());
        assertEquals(SQUARE_M2, EllipsoidalMeasure.area(g.geometry()), 1e-6);

        SiteInput f = read("{\"type\":\"Feature\",\"properties\":{\"name\":\"一号地\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}}", null);
        assertEquals("一号地", f.name());

        SiteInput fc = read("{\"type\":\"FeatureCollection\",\"name\":\"两块地\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"甲\",\"declaredHa\":90.1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"乙\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.30,40.30],[113.31,40.30],[113.31,40.31],[113.30,40.30]]]}}]}", null);
        assertEquals("两块地", fc.name());
        assertEquals(2, fc.parcels().size());
        assertEquals("乙", fc.parcels().get(1).name());
        assertEquals(90.1, fc.parcels().get(0).declaredHa());
        assertEquals(SQUARE_M2 * 1.5, EllipsoidalMeasure.area(fc.geometry()), SQUARE_M2 * 0.01);
    }

    @Test
    void wktAndEwktAreRead() {
        SiteInput w = read("POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.31, 113.20 40.30))", null);
        assertEquals("wkt", w.format());
        assertEquals(SQUARE_M2, EllipsoidalMeasure.area(w.geometry()), 1e-6);
        Geometry gk = Transforms.apply(w.geometry(), 4490, 4526);
        SiteInput e = read("SRID=4526;" + gk.toText(), null);
        assertEquals("EPSG:4526", e.sourceCrs());
        assertEquals(SQUARE_M2, EllipsoidalMeasure.area(e.geometry()), 0.01);
    }

    @Test
    void gaussKrugerWithAndWithoutZonePrefixComeBackToLonLat() {
        Geometry lonLat = wkt("POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.31, 113.20 40.30))");
        String prefixed = Transforms.apply(lonLat, 4490, 4526).toText();
        String bare = Transforms.apply(lonLat, 4490, 4547).toText();
        assertEquals(SQUARE_M2, EllipsoidalMeasure.area(read(prefixed, "EPSG:4526").geometry()), 0.01);
        assertEquals(SQUARE_M2, EllipsoidalMeasure.area(read(bare, "http://www.opengis.net/def/crs/EPSG/0/4547").geometry()), 0.01);
        assertEquals(SQUARE_M2, EllipsoidalMeasure.area(read("POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.31, 113.20 40.30))", "EPSG:4490").geometry()), 1e-6);
    }

    @Test
    void northingFirstGaussKrugerGetsAHint() {
        Geometry gk = Transforms.apply(wkt("POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.30))"), 4490, 4526);
        StringBuilder swapped = new StringBuilder("POLYGON((");
        for (var c : gk.getCoordinates()) swapped.append(c.y).append(' ').append(c.x).append(',');
        swapped.setLength(swapped.length() - 1);
        SiteInputException e = assertThrows(SiteInputException.class, () -> read(swapped + "))", "EPSG:4526"));
        assertTrue(e.getMessage().contains("北坐标 X 写在前面"), e.getMessage());
    }

    @Test
    void latLonOrderAndOutOfChinaAndProjectedWithoutCrsAreRefusedWithHints() {
        SiteInputException swapped = assertThrows(SiteInputException.class,
                () -> read("{\"type\":\"Polygon\",\"coordinates\":[[[40.30,113.20],[40.30,113.21],[40.31,113.21],[40.30,113.20]]]}", null));
        assertTrue(swapped.getMessage().contains("纬度写在前面"), swapped.getMessage());
        SiteInputException paris = assertThrows(SiteInputException.class, () -> read("POLYGON((2.3 48.8, 2.4 48.8, 2.4 48.9, 2.3 48.8))", null));
        assertTrue(paris.getMessage().contains("不在中国范围内"), paris.getMessage());
        SiteInputException projected = assertThrows(SiteInputException.class,
                () -> read("POLYGON((38438683 4466000, 38439683 4466000, 38439683 4467000, 38438683 4466000))", null));
        assertTrue(projected.getMessage().contains("crs"), projected.getMessage());
    }

    @Test
    void invalidGeometryIsRefusedWithReasonAndLocation() {
        SiteInputException e = assertThrows(SiteInputException.class,
                () -> read("POLYGON((113.20 40.30, 113.21 40.31, 113.21 40.30, 113.20 40.31, 113.20 40.30))", null));
        assertTrue(e.getMessage().contains("自相交") && e.getMessage().contains("113.205"), e.getMessage());
    }

    @Test
    void nonPolygonsUnknownFormatsAndUnknownCrsAreRefused() {
        assertTrue(assertThrows(SiteInputException.class, () -> read("{\"type\":\"Point\",\"coordinates\":[113.2,40.3]}", null))
                .getMessage().contains("必须是面"));
        assertTrue(assertThrows(SiteInputException.class, () -> read("hello", null)).getMessage().contains("无法识别"));
        assertTrue(assertThrows(SiteInputException.class, () -> read("POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.30))", "EPSG:3857"))
                .getMessage().contains("EPSG:4526"));
        assertTrue(assertThrows(SiteInputException.class, () -> read("{\"type\":", null)).getMessage().contains("第 1 行"));
    }

    @Test
    void tooManyVerticesIsATooLargeProblem() {
        SiteInputException e = assertThrows(SiteInputException.class,
                () -> new SiteInputReader(4).read("POLYGON((113.20 40.30, 113.21 40.30, 113.21 40.31, 113.20 40.31, 113.20 40.30))".getBytes(StandardCharsets.UTF_8), null, null));
        assertTrue(e.tooLarge());
        assertTrue(e.getMessage().contains("顶点数超过上限 4"), e.getMessage());
    }

    @Test
    void gbkTxtIsDetectedAndTheCrsParameterIgnoredWithAWarning() {
        String txt = new BoundaryPointTxt().plot("甲地块", null, BoundaryPointTxt.rect(113.20, 40.30, 113.21, 40.31)).text();
        SiteInput s = reader.read(txt.getBytes(Charset.forName("GBK")), "EPSG:4490", null);
        assertEquals("txt", s.format());
        assertEquals("EPSG:4526", s.sourceCrs());
        assertEquals("甲地块", s.name());
        // coordinates are written to the millimetre: over a 4 km perimeter that moves the area by well under 1 m²
        assertEquals(SQUARE_M2, EllipsoidalMeasure.area(s.geometry()), 1.0);
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("已忽略参数 crs")));
    }

    static Geometry wkt(String s) {
        try {
            return new WKTReader(Geometries.FACTORY).read(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
