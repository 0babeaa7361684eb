package cn.ecozone.io;

import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.testsupport.BoundaryPointTxt;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static cn.ecozone.testsupport.BoundaryPointTxt.rect;
import static cn.ecozone.testsupport.BoundaryPointTxt.rectClockwise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 国土 boundary-point TXT reader, one test per pitfall of peers-and-standards §C.4. */
class BoundaryPointTxtReaderTest {
    static final Charset GBK = Charset.forName("GBK");

    /** Plot 1 with a hole, plot 2 plain: 新荣区, GK zone 38 (113.2°E is west of 114°E). */
    static BoundaryPointTxt twoPlots() {
        return new BoundaryPointTxt()
                .plot("光伏一区", 3.2, rect(113.225, 40.340, 113.250, 40.360), rectClockwise(113.230, 40.345, 113.235, 40.349))
                .plot("光伏二区", 1.7, rect(113.205, 40.300, 113.218, 40.315));
    }

    static BoundaryPointTxtReader.Result read(String text, Charset cs) {
        return BoundaryPointTxtReader.read(text.getBytes(cs));
    }

    @Test
    void twoPlotsOneWithAHoleComeBackAtTheirLonLatPositions() {
        BoundaryPointTxtReader.Result r = read(twoPlots().text(), StandardCharsets.UTF_8);
        assertEquals(38, r.zone());
        assertEquals(3, r.zoneWidth());
        assertEquals(4526, r.epsg());
        assertEquals("UTF-8", r.encoding());
        assertEquals(2, r.plots().size());
        assertEquals("光伏一区", r.plots().get(0).name());
        Polygon p1 = (Polygon) r.plots().get(0).geometry();
        assertEquals(1, p1.getNumInteriorRing(), "圈号 2 is a hole");
        assertEquals(4490, p1.getSRID());
        // GK → lon/lat lands within a millimetre (1e-8°) of where the surveyor measured
        assertNear(new Coordinate(113.225, 40.340), p1.getExteriorRing().getCoordinateN(0));
        assertNear(new Coordinate(113.250, 40.360), p1.getExteriorRing().getCoordinateN(2));
        assertNear(new Coordinate(113.230, 40.345), p1.getInteriorRingN(0).getCoordinateN(0));
        assertEquals(3.2, r.plots().get(0).declaredHa());
        // the hole is subtracted: 0.025° × 0.020° minus 0.005° × 0.004° at 40.35°N
        Geometry outer = Geometries.FACTORY.createPolygon(p1.getExteriorRing().getCoordinates());
        Geometry hole = Geometries.FACTORY.createPolygon(p1.getInteriorRingN(0).getCoordinates());
        assertEquals(EllipsoidalMeasure.area(outer) - EllipsoidalMeasure.area(hole), EllipsoidalMeasure.area(p1), 1e-6);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void gbkEncodedFileIsDetectedAndChineseNamesSurvive() {
        BoundaryPointTxtReader.Result r = read(twoPlots().text(), GBK);
        assertEquals("GB18030", r.encoding());
        assertEquals("光伏二区", r.plots().get(1).name());
        assertEquals("大同市规划和自然资源局新荣分局", r.header().get("数据产生单位"));
        assertEquals("2000国家大地坐标系", r.header().get("坐标系"));
    }

    @Test
    void headerZoneThatDisagreesWithTheCoordinatesIsOverruledWithAWarning() {
        BoundaryPointTxtReader.Result r = read(twoPlots().headerZone(39).text(), StandardCharsets.UTF_8);
        assertEquals(38, r.zone(), "the Y prefix wins over 带号");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("带号=39") && w.contains("38")), r.warnings().toString());
        assertNear(new Coordinate(113.225, 40.340), ((Polygon) r.plots().get(0).geometry()).getExteriorRing().getCoordinateN(0));
    }

    @Test
    void xian1980IsRefusedWithAReason() {
        SiteInputException e = assertThrows(SiteInputException.class,
                () -> read(twoPlots().coordinateSystem("1980西安坐标系").text(), GBK));
        assertTrue(e.getMessage().contains("1980西安坐标系") && e.getMessage().contains("CGCS2000"), e.getMessage());
        assertTrue(e.getMessage().contains("Xian 1980"), e.getMessage());
    }

    @Test
    void beijing54IsRefused() {
        SiteInputException e = assertThrows(SiteInputException.class, () -> read(twoPlots().coordinateSystem("1954北京坐标系").text(), StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("北京54"), e.getMessage());
    }

    @Test
    void eastFirstColumnsAreDetectedByDigitCount() {
        BoundaryPointTxtReader.Result normal = read(twoPlots().text(), StandardCharsets.UTF_8);
        BoundaryPointTxtReader.Result swapped = read(twoPlots().eastFirst().text(), StandardCharsets.UTF_8);
        assertTrue(normal.plots().get(0).geometry().equalsExact(swapped.plots().get(0).geometry(), 1e-12));
        assertTrue(swapped.warnings().stream().anyMatch(w -> w.contains("东,北")), swapped.warnings().toString());
    }

    @Test
    void numericPointIdsUnclosedRingsAndSloppyHeadersAreRead() {
        BoundaryPointTxtReader.Result r = read(twoPlots().numericIds().unclosedRings().sloppy().text(), StandardCharsets.UTF_8);
        assertEquals(2, r.plots().size());
        assertEquals(1, ((Polygon) r.plots().get(0).geometry()).getNumInteriorRing());
        assertEquals(3.2, r.plots().get(0).declaredHa(), "a 公顷 suffix on the area is stripped");
        assertEquals(3, r.warnings().stream().filter(w -> w.contains("自动闭合")).count(), "three rings were closed: " + r.warnings());
        BoundaryPointTxtReader.Result closed = read(twoPlots().text(), StandardCharsets.UTF_8);
        assertTrue(closed.plots().get(1).geometry().equalsExact(r.plots().get(1).geometry(), 1e-12));
    }

    @Test
    void eastingsWithoutZonePrefixUseTheHeaderZone() {
        BoundaryPointTxtReader.Result r = read(twoPlots().withoutZonePrefix().text(), StandardCharsets.UTF_8);
        assertEquals(38, r.zone());
        assertNear(new Coordinate(113.205, 40.300), ((Polygon) r.plots().get(1).geometry()).getExteriorRing().getCoordinateN(0));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("不带带号")));
        String noZone = twoPlots().withoutZonePrefix().text().replace("带号=38\n", "");
        assertThrows(SiteInputException.class, () -> read(noZone, StandardCharsets.UTF_8));
    }

    @Test
    void zone37SiteInShuochengReadsFromItsOwnPrefix() {
        BoundaryPointTxtReader.Result r = read(new BoundaryPointTxt().zone(37)
                .plot("朔城西", null, rect(112.30, 39.30, 112.32, 39.31)).text(), StandardCharsets.UTF_8);
        assertEquals(37, r.zone());
        assertEquals(4525, r.epsg());
        assertNull(r.plots().get(0).declaredHa());
        assertNear(new Coordinate(112.32, 39.31), ((Polygon) r.plots().get(0).geometry()).getExteriorRing().getCoordinateN(2));
    }

    @Test
    void bowTiePlotIsRefusedNamingThePointNearTheCrossing() {
        String text = new BoundaryPointTxt().plot("错序地块", null,
                new double[] {113.20, 40.30, 113.22, 40.32, 113.22, 40.30, 113.20, 40.32}).text();
        SiteInputException e = assertThrows(SiteInputException.class, () -> read(text, StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("错序地块") && e.getMessage().contains("自相交") && e.getMessage().contains("界址点 J"), e.getMessage());
    }

    @Test
    void holeOutsideItsOuterRingIsRefused() {
        String text = new BoundaryPointTxt().plot("洞在外", null, rect(113.20, 40.30, 113.21, 40.31), rect(113.30, 40.30, 113.301, 40.301)).text();
        SiteInputException e = assertThrows(SiteInputException.class, () -> read(text, StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("扣除圈"), e.getMessage());
    }

    @Test
    void lonLatInATxtFileIsRefusedWithTheDigitRule() {
        String text = "[属性描述]\n坐标系=2000国家大地坐标系\n[地块坐标]\n4,1,1,A,面,,,,@\nJ1,1,40.30,113.20\nJ2,1,40.30,113.21\nJ3,1,40.31,113.21\nJ1,1,40.30,113.20\n";
        SiteInputException e = assertThrows(SiteInputException.class, () -> read(text, StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("第 5 行") && e.getMessage().contains("8 位"), e.getMessage());
    }

    @Test
    void pointsFromTwoZonesInOneFileAreRefused() {
        String a = new BoundaryPointTxt().zone(38).plot("A", null, rect(113.20, 40.30, 113.21, 40.31)).text();
        String b = new BoundaryPointTxt().zone(37).plot("B", null, rect(112.30, 39.30, 112.31, 39.31)).text();
        String mixed = a + b.substring(b.indexOf("[地块坐标]") + "[地块坐标]".length());
        SiteInputException e = assertThrows(SiteInputException.class, () -> read(mixed, StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("带号 37") && e.getMessage().contains("38"), e.getMessage());
    }

    static void assertNear(Coordinate expected, Coordinate actual) {
        assertEquals(expected.x, actual.x, 1e-8, "longitude");
        assertEquals(expected.y, actual.y, 1e-8, "latitude");
    }
}
