package cn.ecozone.analysis;

import cn.ecozone.error.EcoZoneException;
import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SiteFixtureLayers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Site check as a specification: WKT site in, hits with areas, nearby zones, clauses and verdict out. */
class SiteCheckTest {
    @TempDir static Path dir;
    static LayerSet layers;
    static SiteCheck check;

    @BeforeAll
    static void load() {
        LayerLoader.Result r = LayerLoader.load(SiteFixtureLayers.write(dir));
        assertTrue(r.ok(), r.problems().toString());
        layers = r.layers();
        check = new SiteCheck(layers, cn.ecozone.accesslist.AccessListJson.read(dir.resolve("access-list.json")));
    }

    static SiteInput site(String wkt) {
        return new SiteInputReader().read(wkt.getBytes(StandardCharsets.UTF_8), null, "测试地块");
    }

    static SiteCheckResult run(String wkt, String industry) {
        return check.run(site(wkt), industry, SiteCheck.DEFAULT_NEARBY_M);
    }

    static List<String> ids(SiteCheckResult r, String collection) {
        return r.hits().stream().filter(h -> h.collection().equals(collection)).map(SiteCheckResult.Hit::featureId).toList();
    }

    @Test
    void anAnalysisWhoseThreadIsInterruptedStopsInsteadOfRunningOn() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class,
                    () -> run("POLYGON((113.21 40.25, 113.22 40.25, 113.22 40.26, 113.21 40.26, 113.21 40.25))", null));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void siteInsideOneGeneralUnitIsConditionalWithTheWholeSiteOverlapping() {
        SiteCheckResult r = run("POLYGON((113.21 40.25, 113.22 40.25, 113.22 40.26, 113.21 40.26, 113.21 40.25))", null);
        assertEquals(List.of("140212"), ids(r, "admin"), "the district is reported as context");
        assertEquals(List.of("ZH14021230003"), ids(r, "control_unit"));
        SiteCheckResult.Hit unit = r.hits().stream().filter(h -> h.collection().equals("control_unit")).findFirst().orElseThrow();
        assertEquals(r.site().areaM2(), unit.overlapM2(), 1e-6);
        assertEquals(1.0, unit.siteShare(), 1e-12);
        assertEquals(unit.overlapM2() / unit.zoneAreaM2(), unit.zoneShare(), 1e-12);
        assertEquals(unit.overlapM2() / 10_000, unit.overlapHa(), 1e-9);
        assertEquals(unit.overlapM2() * 15 / 10_000, unit.overlapMu(), 1e-9);
        assertEquals("一般管控", unit.properties().get("type"));
        assertEquals(Verdict.CONDITIONAL, r.verdict());
        assertEquals(List.of("XR-01", "ZH14021230003-E", "ZH14021230003-R", "ZH14021230003-S", "ZH14021230003-U"),
                r.clauses().stream().map(SiteCheckResult.AppliedClause::clauseId).sorted().toList(),
                "the unit's own four dimensions and its county's 总体准入要求");
        assertEquals(List.of(Verdict.CONDITIONAL, Verdict.CONDITIONAL, Verdict.CONDITIONAL, Verdict.CONDITIONAL),
                r.dimensions().stream().map(SiteCheckResult.DimensionConclusion::verdict).toList());
        assertEquals(0.0, r.coverage().uncoveredM2(), 1e-6);
        assertEquals(38, r.site().gkZone());
        assertEquals(r.site().areaM2(), r.site().gkAreaM2(), r.site().areaM2() * 0.002, "GK plane area is within 0.2 % of the ellipsoidal area near the CM");
    }

    @Test
    void siteAcrossAUnitBoundarySplitsItsAreaBetweenBothUnits() {
        SiteCheckResult r = run("POLYGON((113.19 40.25, 113.21 40.25, 113.21 40.26, 113.19 40.26, 113.19 40.25))", "化工");
        assertEquals(List.of("ZH14021220002", "ZH14021230003"), ids(r, "control_unit").stream().sorted().toList());
        double sum = r.hits().stream().filter(h -> h.collection().equals("control_unit")).mapToDouble(SiteCheckResult.Hit::overlapM2).sum();
        assertEquals(r.site().areaM2(), sum, 0.01);
        r.hits().stream().filter(h -> h.collection().equals("control_unit")).forEach(h -> assertEquals(0.5, h.siteShare(), 1e-3));
        assertEquals("chemical", r.industry());
        assertEquals(List.of("XR-01", "ZH14021220002-E", "ZH14021220002-R", "ZH14021220002-S", "ZH14021220002-U",
                        "ZH14021230003-E", "ZH14021230003-R", "ZH14021230003-S", "ZH14021230003-U"),
                r.clauses().stream().map(SiteCheckResult.AppliedClause::clauseId).sorted().toList(), "XR-01 once, though both units bring it");
        assertTrue(r.industryVerdicts().isEmpty(), "an industry was given");
    }

    @Test
    void touchingARedLineIsNotAHitButIsNearbyAtZeroMetres() {
        SiteCheckResult r = run("POLYGON((112.45 39.32, 112.47 39.32, 112.47 39.33, 112.45 39.33, 112.45 39.32))", null);
        assertTrue(ids(r, "redline").isEmpty());
        SiteCheckResult.Nearby n = r.nearby().stream().filter(x -> x.collection().equals("redline")).findFirst().orElseThrow();
        assertEquals("HX140602-01", n.featureId());
        assertEquals(0.0, n.distanceM(), 1e-6);
        assertFalse(r.clauses().stream().anyMatch(c -> c.collection().equals("redline")));
    }

    @Test
    void solarFarmInTheRedLineIsProhibitedAndLimitedClausesFollowTheIndustry() {
        String wkt = "POLYGON((113.225 40.34, 113.25 40.34, 113.25 40.36, 113.225 40.36, 113.225 40.34))";
        SiteCheckResult pv = run(wkt, "光伏");
        assertEquals(Verdict.PROHIBITED, pv.verdict());
        assertEquals("禁止准入", pv.verdictZh());
        assertEquals(List.of("HX140212-01"), ids(pv, "redline"));
        assertEquals("RL-01", pv.clauses().get(0).clauseId(), "the strongest clause comes first");
        assertEquals("HX140212-01", pv.clauses().get(0).featureId(), "the red line that triggered it");
        assertEquals(Verdict.PROHIBITED, pv.dimensions().get(0).verdict(), "the ban is a spatial-layout constraint");
        assertEquals(List.of("RL-01"), pv.dimensions().get(0).strongest());
        assertTrue(pv.clauses().stream().anyMatch(c -> c.clauseId().equals("ZH14021210007-P")), "光伏 requirement of the 优先保护 unit applies");
        SiteCheckResult chem = run(wkt, "chemical");
        assertFalse(chem.clauses().stream().anyMatch(c -> c.clauseId().equals("ZH14021210007-P")), "光伏-only requirement does not apply to 化工");
        SiteCheckResult any = run(wkt, null);
        assertEquals(Verdict.RESTRICTED, any.verdict(), "no industry: no blanket ban, the strongest requirement for every project is the unit's 限制");
        assertFalse(any.clauses().stream().anyMatch(c -> !c.industries().isEmpty()), "only requirements for every project count");
        assertEquals(List.of("pv:prohibited", "chemical:prohibited", "mining:prohibited"), any.industryVerdicts().stream()
                .map(v -> v.industry() + ":" + v.verdict()).toList(), "the red line bans all three industries here");
        assertEquals(List.of("RL-01"), any.industryVerdicts().get(0).bannedBy());
        assertTrue(any.industryVerdicts().get(0).bannedWhere().get(0).contains("采凉山"), any.industryVerdicts().get(0).bannedWhere().toString());
        assertTrue(any.warnings().stream().anyMatch(w -> w.contains("未指定行业") && w.contains("光伏")), any.warnings().toString());
    }

    @Test
    void nearbyWaterSourceAndMonitoringPointAreMeasuredOnTheEllipsoid() {
        SiteCheckResult r = run("POLYGON((113.225 40.34, 113.25 40.34, 113.25 40.36, 113.225 40.36, 113.225 40.34))", "pv");
        SiteCheckResult.Nearby ws = r.nearby().stream().filter(n -> n.featureId().equals("WS-AJXC-2")).findFirst().orElseThrow();
        // the two facing meridian edges are closest at their northern end (meridians converge)
        double expected = Cgcs2000.ELLIPSOID.Inverse(40.355, 113.2156, 40.355, 113.225).s12;
        assertEquals(expected, ws.distanceM(), 0.5);
        assertTrue(ws.distanceM() > 780 && ws.distanceM() < 820, "about 800 m: " + ws.distanceM());
        assertFalse(r.nearby().stream().anyMatch(n -> n.featureId().equals("WS-AJXC-1")), "the 一级 zone is > 1000 m away");
        SiteCheckResult.Nearby station = r.nearby().stream().filter(n -> n.collection().equals("monitoring")).findFirst().orElseThrow();
        assertEquals(Cgcs2000.ELLIPSOID.Inverse(40.36, 113.24, 40.365, 113.24).s12, station.distanceM(), 0.01);
        SiteCheckResult wide = check.run(site("POLYGON((113.225 40.34, 113.25 40.34, 113.25 40.36, 113.225 40.36, 113.225 40.34))"), "pv", 1500);
        assertTrue(wide.nearby().stream().anyMatch(n -> n.featureId().equals("WS-AJXC-1")), "nearbyM widens the search");
    }

    @Test
    void aZoneInsideTheSitesHoleIsNotHit() {
        SiteCheckResult r = run("POLYGON((113.203 40.339, 113.214 40.339, 113.214 40.351, 113.203 40.351, 113.203 40.339),"
                + "(113.204 40.340, 113.204 40.350, 113.213 40.350, 113.213 40.340, 113.204 40.340))", null);
        assertEquals(List.of("WS-AJXC-2"), ids(r, "water_source"));
        assertTrue(r.nearby().stream().anyMatch(n -> n.featureId().equals("WS-AJXC-1") && n.distanceM() > 80 && n.distanceM() < 90));
        SiteCheckResult.Hit ws = r.hits().stream().filter(h -> h.featureId().equals("WS-AJXC-2")).findFirst().orElseThrow();
        assertEquals(r.site().areaM2(), ws.overlapM2(), 0.01, "the ring lies wholly in the 二级 zone");
    }

    @Test
    void siteCrossingTheZone37And38BoundaryIsMeasuredAndWarned() {
        SiteCheckResult r = run("POLYGON((112.49 39.305, 112.51 39.305, 112.51 39.315, 112.49 39.315, 112.49 39.305))", "pv");
        assertEquals(List.of("HX140602-01"), ids(r, "redline"));
        assertEquals(r.site().areaM2(), r.hits().stream().filter(h -> h.collection().equals("redline")).findFirst().orElseThrow().overlapM2(), 0.01);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("跨越高斯-克吕格 3 度带 37 与 38")), r.warnings().toString());
    }

    @Test
    void siteOutsideEveryLayerCannotBeJudged() {
        SiteCheckResult r = run("POLYGON((113.60 40.60, 113.61 40.60, 113.61 40.61, 113.60 40.60))", "pv");
        assertTrue(r.hits().isEmpty());
        assertEquals(Verdict.OUTSIDE, r.verdict());
        assertEquals("不在数据范围内，无法研判", r.verdictZh());
        assertEquals(1.0, r.coverage().uncoveredShare(), 1e-12);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("无法研判")));
    }

    @Test
    void siteHalfOutsideTheControlUnitsIsJudgedOnItsCoveredPartWithTheUncoveredAreaWarned() {
        // 新荣区's grid ends at 113.45°E; the site runs 0.01° past it
        SiteCheckResult r = run("POLYGON((113.44 40.25, 113.46 40.25, 113.46 40.26, 113.44 40.26, 113.44 40.25))", "pv");
        assertEquals(Verdict.RESTRICTED, r.verdict(), "the covered half lies in a 优先保护 unit (限制)");
        assertEquals(0.5, r.coverage().uncoveredShare(), 1e-3);
        assertEquals(r.site().areaM2() - r.coverage().coveredM2(), r.coverage().uncoveredM2(), 1e-6);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("在环境管控单元范围之外") && w.contains("50.0%")), r.warnings().toString());
    }

    @Test
    void multiParcelSitesCountOverlappingParcelsOnce() {
        SiteInput two = new SiteInputReader().read(("{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"甲\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.21,40.25],[113.22,40.25],[113.22,40.26],[113.21,40.26],[113.21,40.25]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"乙\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.215,40.25],[113.225,40.25],[113.225,40.26],[113.215,40.26],[113.215,40.25]]]}}]}")
                .getBytes(StandardCharsets.UTF_8), null, null);
        SiteCheckResult r = check.run(two, null, 1000);
        assertEquals(2, r.site().parcelCount());
        double union = EllipsoidalMeasure.area(site("POLYGON((113.21 40.25, 113.225 40.25, 113.225 40.26, 113.21 40.26, 113.21 40.25))").geometry());
        assertEquals(union, r.site().areaM2(), 0.01);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("重叠部分只计一次")));
    }

    @Test
    void unknownIndustryAndBadSearchDistanceAreRefused() {
        EcoZoneException e = assertThrows(EcoZoneException.class, () -> run("POLYGON((113.21 40.25, 113.22 40.25, 113.22 40.26, 113.21 40.25))", "炼钢"));
        assertTrue(e.getMessage().contains("炼钢") && e.getMessage().contains("光伏"), e.getMessage());
        assertEquals(EcoZoneException.Kind.BAD_INPUT, e.kind());
        EcoZoneException far = assertThrows(EcoZoneException.class, () -> check.run(site("POLYGON((113.21 40.25, 113.22 40.25, 113.22 40.26, 113.21 40.25))"), null, -1));
        assertEquals(EcoZoneException.Kind.BAD_INPUT, far.kind());
    }

    @Test
    void identifyListsEveryZoneContainingThePoint() {
        List<Identify.ZoneAtPoint> zones = Identify.at(layers, 113.208, 40.345);
        assertEquals(List.of("admin/140212", "control_unit/ZH14021230003", "water_source/WS-AJXC-1", "water_source/WS-AJXC-2"),
                zones.stream().map(z -> z.collection() + "/" + z.featureId()).sorted().toList());
        assertTrue(Identify.at(layers, 100.0, 30.0).isEmpty());
    }

    @Test
    void identifyPreparesNoZoneSoNoPerZoneIndexStaysInMemory() {
        // every zone's prepared geometry fails if anything but its plain geometry is asked for
        java.util.Map<String, cn.ecozone.layer.FeatureSource> strict = new java.util.LinkedHashMap<>();
        layers.sources().forEach((id, source) -> strict.put(id, new UnpreparedSource(source)));
        LayerSet unprepared = new LayerSet(layers.catalog(), strict);
        assertEquals(Identify.at(layers, 113.208, 40.345), Identify.at(unprepared, 113.208, 40.345));
    }

    /** A source whose candidates' prepared geometries answer only getGeometry(). */
    private record UnpreparedSource(cn.ecozone.layer.FeatureSource delegate) implements cn.ecozone.layer.FeatureSource {
        @Override public cn.ecozone.layer.LayerDef layer() { return delegate.layer(); }
        @Override public org.geotools.api.feature.simple.SimpleFeatureType featureType() { return delegate.featureType(); }
        @Override public long count() { return delegate.count(); }
        @Override public org.locationtech.jts.geom.Envelope extent() { return delegate.extent(); }
        @Override public java.util.Optional<org.geotools.api.feature.simple.SimpleFeature> get(String id) { return delegate.get(id); }
        @Override public long count(cn.ecozone.layer.FeatureQuery q) { return delegate.count(q); }
        @Override public java.util.stream.Stream<org.geotools.api.feature.simple.SimpleFeature> query(cn.ecozone.layer.FeatureQuery q) { return delegate.query(q); }
        @Override public String version() { return delegate.version(); }

        @Override
        public List<cn.ecozone.layer.IndexedFeature> candidates(org.locationtech.jts.geom.Envelope lonLat) {
            return delegate.candidates(lonLat).stream().map(c -> new cn.ecozone.layer.IndexedFeature(c.feature(), onlyGeometry(c.geometry()))).toList();
        }

        private static org.locationtech.jts.geom.prep.PreparedGeometry onlyGeometry(org.locationtech.jts.geom.Geometry g) {
            return (org.locationtech.jts.geom.prep.PreparedGeometry) java.lang.reflect.Proxy.newProxyInstance(UnpreparedSource.class.getClassLoader(),
                    new Class<?>[] {org.locationtech.jts.geom.prep.PreparedGeometry.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getGeometry")) return g;
                        throw new AssertionError("identify asked the prepared geometry for " + method.getName());
                    });
        }
    }
}
