package cn.ecozone.process;

import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.io.GeoJsonGeometryReader;

import cn.ecozone.analysis.AnalysisCaps;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.SiteInputReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch from each input format gives, per project, what a single site check of that site gives (the oracle), the
 * hand-checked verdict for 光伏, and a bad row reported with its row and reason without stopping the others.
 */
class BatchCheckTest {
    @TempDir Path tmp;

    static List<ProjectOutcome> batch(byte[] file) {
        List<ProjectRow> rows = new BatchInputReader(BatchInputReader.Options.DEFAULT, SiteInputReader.DEFAULT_MAX_VERTICES).read(file);
        BatchCheck check = new BatchCheck(BatchFixture.LAYERS, BatchFixture.LIST, AnalysisCaps.NONE, Long.MAX_VALUE, Long.MAX_VALUE, "光伏", 1000);
        return rows.stream().map(r -> check.check(r).outcome()).toList();
    }

    static SiteCheckResult single(BatchFixture.Square s) {
        return new SiteCheck(BatchFixture.LAYERS, BatchFixture.LIST).run(
                new SiteInputReader().read(s.wkt().getBytes(StandardCharsets.UTF_8), null, s.name()), "光伏", 1000);
    }

    /** Every good project equals its single check (verdict, hit zones, areas within tol), and the bad one is an error line. */
    /** The shape as a client reads it (the outcome holds it as JSON text). */
    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertLikeSingleChecks(List<ProjectOutcome> out, double areaTolerance, int badRow) {
        assertEquals(BatchFixture.GOOD.size() + 1, out.size());
        for (int i = 0; i < BatchFixture.GOOD.size(); i++) {
            BatchFixture.Square s = BatchFixture.GOOD.get(i);
            ProjectOutcome o = out.get(i);
            SiteCheckResult r = single(s);
            assertEquals(s.name(), o.name());
            assertNull(o.error(), s.name());
            assertEquals(r.verdict().id(), o.verdict(), s.name() + " as a single check");
            if (s.expected() != null) assertEquals(s.expected(), o.verdict(), s.name() + " checked by hand");
            else assertNotEquals("prohibited", o.verdict(), s.name());
            List<String> hits = r.hits().stream().filter(h -> !h.collection().equals("admin")).map(h -> h.collection() + "/" + h.featureId()).toList();
            assertEquals(hits, o.hits().stream().map(h -> h.collection() + "/" + h.featureId()).toList(), s.name());
            for (int k = 0; k < hits.size(); k++) {
                double expected = r.hits().stream().filter(h -> !h.collection().equals("admin")).toList().get(k).overlapHa();
                assertEquals(expected, o.hits().get(k).overlapHa(), expected * areaTolerance + 1e-9, s.name());
            }
            assertEquals(r.dataVersion().id(), o.dataVersion());
            assertEquals("光伏", o.industry());
            // the project's own shape rides along (the map draws a row from any input format): it measures as the site did
            assertNotNull(o.siteGeometry(), s.name() + " has its shape");
            double ha = EllipsoidalMeasure.area(new GeoJsonGeometryReader().read(json(o.siteGeometry().toString()))) / 10_000;
            assertEquals(o.siteAreaHa(), ha, o.siteAreaHa() * 1e-9, s.name() + " shape's area");
        }
        ProjectOutcome bad = out.get(out.size() - 1);
        assertEquals("error", bad.verdict());
        assertEquals(badRow, bad.row());
        assertNotNull(bad.error());
        assertNull(bad.siteGeometry(), "a bad row has no shape");
        assertTrue(!bad.error().isBlank());
    }

    @Test
    void aGeoJsonListGivesEachFeatureTheVerdictOfItsSingleCheckAndReportsThePointFeatureAsABadRow() {
        List<ProjectOutcome> out = batch(BatchFixture.geoJson());
        assertLikeSingleChecks(out, 1e-12, 5);
    }

    @Test
    void aCsvWithAWktColumnGivesEachRowItsSingleCheckAndNamesTheLineOfTheSelfIntersectingPolygon() {
        List<ProjectOutcome> out = batch(BatchFixture.csv());
        assertLikeSingleChecks(out, 1e-12, 6); // header is line 1
        assertTrue(out.get(4).error().contains("自相交") || out.get(4).error().toLowerCase().contains("self"), out.get(4).error());
    }

    @Test
    void aZipOfBoundaryPointTxtFilesGivesOneProjectPerFileAndReportsTheFileThatIsNotATxt() {
        List<ProjectOutcome> out = batch(BatchFixture.txtZip());
        // TXT coordinates are GK metres rounded to mm: areas agree to 1e-6
        assertLikeSingleChecks(out, 1e-5, 5);
        assertEquals("99-说明.txt", out.get(4).source());
    }

    @Test
    void aZippedShapefileGivesEachShapeItsSingleCheckAndReportsTheBowTie() {
        List<ProjectOutcome> out = batch(BatchFixture.shapefileZip(tmp));
        assertLikeSingleChecks(out, 1e-9, 5);
    }

    @Test
    void theTableIsCsvWithBomAndTheSummaryCountsVerdictsAndDistricts() {
        List<ProjectOutcome> out = batch(BatchFixture.csv());
        String csv = new String(BatchTable.csv(out), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF序号"), "BOM for Excel");
        assertEquals(out.size() + 1, csv.split("\r\n").length);
        assertTrue(csv.contains("禁止准入"));
        var summary = BatchTable.summary(out, out.get(0).dataVersion());
        @SuppressWarnings("unchecked") var perVerdict = (java.util.Map<String, Integer>) summary.get("perVerdict");
        assertEquals(2, perVerdict.get("prohibited"));
        assertEquals(1, perVerdict.get("outside"));
        assertEquals(1, perVerdict.get("error"));
        @SuppressWarnings("unchecked") var errors = (List<java.util.Map<String, Object>>) summary.get("errors");
        assertEquals(6, errors.get(0).get("row"));
        @SuppressWarnings("unchecked") var perDistrict = (java.util.Map<String, ?>) summary.get("perDistrict");
        assertTrue(perDistrict.size() >= 2, "sites in sample districts and one outside: " + perDistrict);
    }

    @Test
    void anXlsxListIsReadLikeTheCsvAndTheTableIsWrittenAsXlsxToo() throws Exception {
        java.io.ByteArrayOutputStream book = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(book, "test", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("项目");
        ws.value(0, 0, "项目名称");
        ws.value(0, 1, "行业");
        ws.value(0, 2, "WKT");
        int r = 1;
        for (BatchFixture.Square s : BatchFixture.GOOD) {
            ws.value(r, 0, s.name());
            ws.value(r, 1, "光伏");
            ws.value(r++, 2, s.wkt());
        }
        ws.value(r, 0, "自相交");
        ws.value(r, 2, BatchFixture.BOW_TIE);
        wb.finish();
        List<ProjectOutcome> out = batch(book.toByteArray());
        assertLikeSingleChecks(out, 1e-12, 6); // Excel row numbers: header is row 1
        byte[] xlsx = BatchTable.xlsx(out);
        try (var read = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var rows = read.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> all = rows.toList();
            assertEquals(out.size() + 1, all.size());
            assertEquals("禁止准入", all.get(1).getCellText(4));
            assertEquals(out.get(0).siteAreaHa(), Double.parseDouble(all.get(1).getCellText(7)), 1e-4);
        }
    }

    static final String CGCS2000_WKT = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]";

    @Test
    void aGeoPackageGivesEachFeatureItsSingleCheckAndReportsTheBowTieWithItsFeatureId() {
        List<ProjectOutcome> out = batch(BatchFixture.geoPackage(tmp, 4490, "EPSG", 4490, CGCS2000_WKT, "projects"));
        assertLikeSingleChecks(out, 1e-12, 5); // the bad row is numbered with its fid
        assertEquals("projects", out.get(4).source());
        assertTrue(out.get(4).error().contains("fid 5"), out.get(4).error());
    }

    @Test
    void aGeoPackageInAGaussKrugerZoneIsTransformedTo4490LikeTheOtherInputs() {
        // zone 38 with prefix (CM 114°E), declared without an EPSG code: found from the definition, as for a .prj
        String gk = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger zone 38\",GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
                + "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",114],"
                + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",38500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";
        List<ProjectOutcome> out = batch(BatchFixture.geoPackage(tmp, 4526, "NONE", 99_526, gk, "projects"));
        assertLikeSingleChecks(out, 1e-6, 5); // there and back through the zone: areas agree to 1e-6
        List<ProjectOutcome> coded = batch(BatchFixture.geoPackage(tmp, 4526, "EPSG", 4526, gk, "projects"));
        assertLikeSingleChecks(coded, 1e-6, 5);
    }

    @Test
    void aGeoPackageLayerInputPicksTheTableAndXian80OrAnUnknownTableIsRefused() {
        byte[] two = BatchFixture.geoPackage(tmp, 4490, "EPSG", 4490, CGCS2000_WKT, "first", "second");
        List<ProjectRow> rows = new BatchInputReader(new BatchInputReader.Options(null, null, null, null, "second"), 1000).read(two);
        assertEquals("second-红线内光伏", rows.get(0).name());
        assertEquals("second", rows.get(0).source());
        assertEquals("红线内光伏", new BatchInputReader(BatchInputReader.Options.DEFAULT, 1000).read(two).get(0).name());
        BatchInputException none = org.junit.jupiter.api.Assertions.assertThrows(BatchInputException.class,
                () -> new BatchInputReader(new BatchInputReader.Options(null, null, null, null, "third"), 1000).read(two));
        assertTrue(none.getMessage().contains("third"), none.getMessage());
        byte[] xian = BatchFixture.geoPackage(tmp, 4490, "EPSG", 2383, "PROJCS[\"Xian 1980 / 3-degree Gauss-Kruger CM 114E\"]", "projects");
        BatchInputException refused = org.junit.jupiter.api.Assertions.assertThrows(BatchInputException.class,
                () -> new BatchInputReader(BatchInputReader.Options.DEFAULT, 1000).read(xian));
        assertTrue(refused.getMessage().contains("西安"), refused.getMessage());
    }
}
