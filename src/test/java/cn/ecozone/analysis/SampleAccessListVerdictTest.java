package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListCheck;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.accesslist.Level;
import cn.ecozone.accesslist.Requirement;
import cn.ecozone.accesslist.Unit;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdicts a planner gets on the shipped sample (layers/), as the issue tried them: a 一般管控 unit is not a
 * blanket ban, a red line bans 光伏, a water-source 一级 zone bans every construction but water works, no industry
 * lists the banned ones instead of banning all, a site outside the data cannot be judged, and every basis is the
 * unit's own district's (or a wider) document.
 */
class SampleAccessListVerdictTest {
    static LayerSet layers;
    static AccessList list;
    static SiteCheck check;

    @BeforeAll
    static void load() {
        layers = LayerLoader.load(Path.of("layers")).layers();
        list = AccessListJson.read(Path.of("layers/access-list.json"));
        check = new SiteCheck(layers, list);
    }

    /** A ~60 m square around a point inside the feature (its interior point), as WKT in lon/lat. */
    static SiteInput smallSiteInside(String collection, String featureId) {
        SimpleFeature f = feature(collection, featureId);
        Point p = ((Geometry) f.getDefaultGeometry()).getInteriorPoint();
        double x = p.getX(), y = p.getY(), d = 0.0003;
        String wkt = String.format(Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x - d, y - d, x + d, y - d, x + d, y + d, x - d, y + d, x - d, y - d);
        return new SiteInputReader().read(wkt.getBytes(StandardCharsets.UTF_8), null, "测试地块");
    }

    static SimpleFeature feature(String collection, String id) {
        FeatureSource s = layers.source(collection).orElseThrow();
        try (var it = s.query(FeatureQuery.all())) {
            for (var i = it.iterator(); i.hasNext(); ) {
                SimpleFeature f = i.next();
                if (f.getID().equals(id)) return f;
            }
        }
        throw new AssertionError("no feature " + id + " in " + collection);
    }

    static List<String> ids(SiteCheckResult r, String collection) {
        return r.hits().stream().filter(h -> h.collection().equals(collection)).map(SiteCheckResult.Hit::featureId).toList();
    }

    @Test
    void aSiteInAGeneralUnitTouchingNoProtectedZoneIsNotBannedForTheIndustriesThatWereBannedBefore() {
        SiteInput site = smallSiteInside("control_unit", "ZH14021530002"); // 云州区周士庄镇一般管控单元
        for (String industry : new String[] {null, "光伏", "房地产", "旅游", "水利", "道路交通"}) {
            SiteCheckResult r = check.run(site, industry, 0);
            assertEquals(List.of("ZH14021530002"), ids(r, "control_unit"));
            assertTrue(ids(r, "redline").isEmpty() && ids(r, "water_source").isEmpty(), "the site touches no protected zone");
            assertNotEquals(Verdict.PROHIBITED, r.verdict(), industry + ": " + r.clauses());
            assertTrue(Set.of(Verdict.CONDITIONAL, Verdict.RESTRICTED).contains(r.verdict()), industry + " → " + r.verdict());
            assertTrue(r.clauses().stream().anyMatch(c -> c.level().equals("单元")), "the unit's own list applies");
            assertTrue(r.clauses().stream().anyMatch(c -> c.clauseId().equals("YZ-0002") && c.effect().equals("required")),
                    "不符合规划环评结论的项目环评不予审批 is a condition, not a ban");
        }
    }

    @Test
    void aSolarFarmInARedLineIsProhibitedByTheRedLineRule() {
        String redline = layers.source("redline").orElseThrow().query(FeatureQuery.all()).iterator().next().getID();
        SiteCheckResult r = check.run(smallSiteInside("redline", redline), "光伏", 0);
        assertEquals(List.of(redline), ids(r, "redline"));
        assertEquals(Verdict.PROHIBITED, r.verdict());
        SiteCheckResult.AppliedClause ban = r.clauses().get(0);
        assertEquals("prohibited", ban.effect());
        assertEquals("redline", ban.collection(), "the ban names the red line that triggered it");
        assertEquals(Verdict.PROHIBITED, r.dimensions().stream().filter(d -> d.dimension().equals("spatial")).findFirst().orElseThrow().verdict());
    }

    @Test
    void aFirstLevelWaterSourceZoneBansEveryConstructionButWaterWorks() {
        String zone = firstWithLevel("一级保护区");
        SiteInput site = smallSiteInside("water_source", zone);
        for (Industry i : list.industries()) {
            SiteCheckResult r = check.run(site, i.id(), 0);
            assertTrue(ids(r, "water_source").contains(zone));
            if (i.id().equals("水利")) assertEquals(Verdict.RESTRICTED, r.verdict(), "water works are allowed only as supply facilities");
            else assertEquals(Verdict.PROHIBITED, r.verdict(), i.id() + " in a 一级保护区");
        }
    }

    @Test
    void withoutAnIndustryTheBannedIndustriesAreListedInsteadOfABlanketBan() {
        SiteInput site = smallSiteInside("water_source", firstWithLevel("一级保护区"));
        SiteCheckResult r = check.run(site, null, 0);
        assertNotEquals(Verdict.PROHIBITED, r.verdict(), "no requirement bans every project");
        assertTrue(r.clauses().stream().allMatch(c -> c.industries().isEmpty()), "only requirements for every project count");
        assertEquals(list.industries().size(), r.industryVerdicts().size());
        List<String> banned = new ArrayList<>();
        for (SiteCheckResult.IndustryVerdict v : r.industryVerdicts()) {
            if (v.verdict() == Verdict.PROHIBITED) {
                banned.add(v.industry());
                assertFalse(v.bannedBy().isEmpty());
                assertTrue(v.bannedWhere().stream().anyMatch(w -> w.contains("一级")) || v.bannedWhere().stream().anyMatch(w -> w.contains("水源")),
                        v.bannedWhere().toString());
            }
        }
        assertEquals(list.industries().size() - 1, banned.size(), "all but 水利");
        assertFalse(banned.contains("水利"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("以下行业在此禁止准入")), r.warnings().toString());
    }

    @Test
    void aSiteAt116DegreesEastIsOutsideTheDataAndCannotBeJudged() {
        SiteInput site = new SiteInputReader().read("POLYGON((116.0 40.0, 116.01 40.0, 116.01 40.01, 116.0 40.01, 116.0 40.0))"
                .getBytes(StandardCharsets.UTF_8), null, "外地");
        for (String industry : new String[] {null, "光伏"}) {
            SiteCheckResult r = check.run(site, industry, 1000);
            assertEquals(Verdict.OUTSIDE, r.verdict());
            assertEquals("不在数据范围内，无法研判", r.verdictZh());
            assertTrue(r.dimensions().stream().allMatch(d -> d.verdict() == Verdict.OUTSIDE));
        }
    }

    @Test
    void everyRequirementOfTheSampleCitesItsOwnDistrictItsCityItsProvinceOrNationalLaw() {
        assertEquals(List.of(), AccessListCheck.findings(list));
        // an independent reading: no unit's or county's requirement names another district or city in its basis
        List<String> places = List.of("平城", "新荣", "云州", "朔城", "大同", "朔州");
        int checked = 0;
        for (Requirement r : list.requirements()) {
            String home;
            if (r.level() == Level.UNIT) {
                Unit u = list.unit(r.scope()).orElseThrow();
                home = u.county() + u.city();
            } else if (r.level() == Level.COUNTY || r.level() == Level.CITY) {
                home = r.scope();
            } else continue;
            for (String p : places) {
                String doc = r.basis().document() + r.basis().issuer() + r.basis().article();
                // 朔城区 and 朔州市 share 朔; 新荣区's own plan title names 大同市 (its city)
                if (doc.contains(p) && !home.contains(p)) throw new AssertionError(r.id() + " (" + home + ") cites " + doc);
            }
            checked++;
        }
        assertTrue(checked > 250, "unit and county requirements checked: " + checked);
        for (Unit u : list.units()) {
            assertEquals(4, AccessList.byDimension(list.own(u)).values().stream().filter(l -> !l.isEmpty()).count(), u.code());
        }
    }

    private static String firstWithLevel(String level) {
        try (var it = layers.source("water_source").orElseThrow().query(FeatureQuery.all())) {
            for (var i = it.iterator(); i.hasNext(); ) {
                SimpleFeature f = i.next();
                if (level.equals(f.getAttribute("level"))) return f.getID();
            }
        }
        throw new AssertionError("no " + level);
    }
}
