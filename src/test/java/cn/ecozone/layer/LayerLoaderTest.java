package cn.ecozone.layer;

import cn.ecozone.testsupport.FixtureLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static cn.ecozone.testsupport.FixtureLayers.collection;
import static cn.ecozone.testsupport.FixtureLayers.put;
import static cn.ecozone.testsupport.FixtureLayers.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a catalog: good files load; every broken file is reported with file, feature and reason. */
class LayerLoaderTest {
    @TempDir Path dir;

    @Test
    void aValidCatalogLoadsEveryLayerWithNoProblems() {
        LayerLoader.Result r = LayerLoader.load(FixtureLayers.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of("admin", "control_unit", "monitoring"), r.layers().inOrder().stream().map(s -> s.layer().id()).toList());
        assertEquals(2, r.layers().source("control_unit").orElseThrow().count());
        assertEquals("堡子湾", r.layers().source("monitoring").orElseThrow().get("P1").orElseThrow().getAttribute("name"));
    }

    @Test
    void invalidJsonIsReportedWithFileAndLine() {
        FixtureLayers.write(dir);
        put(dir, "monitoring.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": \"Feature\", ");
        Problem p = only(LayerLoader.load(dir).problems());
        assertEquals("monitoring", p.layer());
        assertTrue(p.message().contains("monitoring.geojson") && p.message().contains("JSON") && p.message().contains("第 2 行"), p.message());
    }

    @Test
    void aBowTiePolygonIsReportedAsSelfIntersectingWithItsLocation() {
        FixtureLayers.write(dir);
        put(dir, "admin.geojson", collection("""
                {"type": "Feature", "properties": {"code": "140213", "name": "平城区"},
                 "geometry": {"type": "Polygon", "coordinates": [[[113.2, 40.0], [113.3, 40.1], [113.3, 40.0], [113.2, 40.1], [113.2, 40.0]]]}}
                """));
        Problem p = LayerLoader.load(dir).problems().stream().filter(x -> x.layer().equals("admin")).findFirst().orElseThrow();
        assertEquals("140213", p.featureId());
        assertTrue(p.message().contains("自相交") && p.message().contains("Self-intersection"), p.message());
        assertEquals(113.25, p.location().x, 1e-9);
        assertEquals(40.05, p.location().y, 1e-9);
        assertTrue(p.describe().contains("admin / 140213") && p.describe().contains("113.25"), p.describe());
    }

    @Test
    void aMissingRequiredAttributeNamesTheAttribute() {
        FixtureLayers.write(dir);
        put(dir, "control_unit.geojson", collection(unit("ZH14021310001", "西单元", "优先保护", 113.2, 113.25).replace("\"name\": \"西单元\", ", "")
                + "," + unit("ZH14021320002", "东单元", "重点管控", 113.25, 113.3)));
        Problem p = only(LayerLoader.load(dir).problems());
        assertEquals("ZH14021310001", p.featureId());
        assertTrue(p.message().contains("缺少必填属性") && p.message().contains("\"name\""), p.message());
    }

    @Test
    void aValueOutsideTheAllowedListIsAnError() {
        FixtureLayers.write(dir);
        put(dir, "control_unit.geojson", collection(unit("ZH14021310001", "西单元", "优先", 113.2, 113.25)
                + "," + unit("ZH14021320002", "东单元", "重点管控", 113.25, 113.3)));
        assertTrue(only(LayerLoader.load(dir).problems()).message().contains("不在允许值"));
    }

    @Test
    void latitudeLongitudeOrderIsDetected() {
        FixtureLayers.write(dir);
        put(dir, "monitoring.geojson", collection("""
                {"type": "Feature", "properties": {"code": "P1", "name": "堡子湾"}, "geometry": {"type": "Point", "coordinates": [40.0463, 113.2427]}}
                """));
        Problem p = only(LayerLoader.load(dir).problems());
        assertTrue(p.message().contains("纬度写在前面"), p.message());
    }

    @Test
    void duplicateIdsAndWrongGeometryTypesAreErrors() {
        FixtureLayers.write(dir);
        String point = """
                {"type": "Feature", "properties": {"code": "P1", "name": "A"}, "geometry": {"type": "Point", "coordinates": [113.25, 40.05]}}
                """;
        String line = """
                {"type": "Feature", "properties": {"code": "P2", "name": "B"}, "geometry": {"type": "LineString", "coordinates": [[113.25, 40.05], [113.26, 40.06]]}}
                """;
        put(dir, "monitoring.geojson", collection(point + "," + point + "," + line));
        List<Problem> ps = LayerLoader.load(dir).problems();
        assertTrue(ps.stream().anyMatch(p -> p.featureId().equals("P1") && p.message().contains("编号重复")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.featureId().equals("P2") && p.message().contains("几何类型应为")), ps.toString());
    }

    @Test
    void controlUnitGapsAndOverlapsAreMeasuredInSquareMetres() {
        FixtureLayers.write(dir);
        // west unit ends at 113.249 (a gap of 0.001° × 0.1° ≈ 940 m²... ≈ 8.5 m × 11 km); east unit starts at 113.26 over a third unit
        put(dir, "control_unit.geojson", collection(unit("ZH14021310001", "西", "优先保护", 113.2, 113.249) + ","
                + unit("ZH14021320002", "东", "重点管控", 113.25, 113.3) + ","
                + unit("ZH14021330003", "叠", "一般管控", 113.29, 113.3)));
        List<Problem> ps = LayerLoader.load(dir).problems();
        assertTrue(ps.stream().anyMatch(p -> p.message().contains("空隙") && p.location() != null && Math.abs(p.location().x - 113.2495) < 1e-6), ps.toString());
        Problem overlap = ps.stream().filter(p -> p.message().contains("重叠")).findFirst().orElseThrow();
        assertEquals("ZH14021320002", overlap.featureId());
        // 0.01° × 0.1° at 40.05°N ≈ 852 m × 11 100 m ≈ 9.46 km²
        double m2 = Double.parseDouble(overlap.message().replaceAll(".*重叠 ([0-9.]+) m².*", "$1"));
        assertEquals(9.46e6, m2, 0.02e6);
    }

    @Test
    void sliversBelowOneSquareMetreAreRoundingNotGaps() {
        FixtureLayers.write(dir);
        // a 5e-10° gap (≈ 0.04 mm wide) along 11.1 km is ≈ 0.47 m²: rounding, not a gap
        put(dir, "control_unit.geojson", collection(unit("ZH14021310001", "西", "优先保护", 113.2, 113.2499999995) + ","
                + unit("ZH14021320002", "东", "重点管控", 113.25, 113.3)));
        assertTrue(LayerLoader.load(dir).ok());
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
