package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.io.Geometries;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Admission#judge} (loops, branch jit4) gives exactly what the former code gave ({@link FormerAdmission}:
 * streams) on the hits of real site checks over the shipped sample — every industry, none, an unknown one, covered
 * or not, and the hits shuffled and cut (units missing from the list, zones without units).
 */
class AdmissionFormerTest {
    @Test
    void judgeGivesWhatTheFormerCodeGave() {
        LayerSet layers = LayerLoader.load(Path.of("layers")).layers();
        AccessList list = AccessListJson.read(Path.of("layers/access-list.json"));
        Set<String> units = new LinkedHashSet<>();
        for (FeatureSource s : layers.inOrder()) if ("control_unit".equals(s.layer().kind())) units.add(s.layer().id());
        Random r = new Random(21);
        List<Point> centres = new ArrayList<>();
        for (FeatureSource s : layers.inOrder()) {
            try (var features = s.query(FeatureQuery.all())) {
                for (var it = features.iterator(); it.hasNext(); ) {
                    SimpleFeature f = it.next();
                    Geometry g = (Geometry) f.getDefaultGeometry();
                    if (g != null && !g.isEmpty() && centres.size() < 150 && r.nextInt(3) == 0) centres.add(g.getInteriorPoint());
                }
            }
        }
        List<String> industries = new ArrayList<>();
        industries.add(null);
        industries.add("no-such-industry");
        for (Industry i : list.industries()) industries.add(i.id());
        SiteCheck check = new SiteCheck(layers, list);
        int compared = 0, withClauses = 0;
        for (int i = 0; i < centres.size() * 4; i++) {
            Point c = centres.get(i % centres.size());
            double radius = 0.0005 + r.nextDouble() * 0.08;
            SiteInput site = new SiteInput("s" + i, "wkt", "CRS84", List.of(new SiteParcel("1", square(c.getX(), c.getY(), radius), null)), List.of());
            List<SiteCheckResult.Hit> hits = new ArrayList<>(check.run(site, null, 1000).hits());
            for (int k = 0; k < 3; k++) {
                List<SiteCheckResult.Hit> h = new ArrayList<>(hits);
                if (k == 1) Collections.shuffle(h, r);
                if (k == 2 && !h.isEmpty()) h = h.subList(0, r.nextInt(h.size()));
                String industry = industries.get(r.nextInt(industries.size()));
                boolean covered = r.nextInt(5) != 0;
                Set<String> unitCollections = r.nextInt(8) == 0 ? Set.of() : units;
                Admission.Outcome now = Admission.judge(list, h, unitCollections, industry, covered);
                FormerAdmission.Outcome before = FormerAdmission.judge(list, h, unitCollections, industry, covered);
                assertEquals(before.verdict(), now.verdict());
                assertEquals(before.clauses(), now.clauses());
                assertEquals(before.dimensions(), now.dimensions());
                assertEquals(before.industryVerdicts(), now.industryVerdicts());
                assertEquals(before.warnings(), now.warnings());
                assertEquals(before.notices(), now.notices());
                compared++;
                if (!now.clauses().isEmpty()) withClauses++;
            }
        }
        assertTrue(compared > 300 && withClauses > compared / 4, compared + " compared, " + withClauses + " with clauses");
    }

    private static Polygon square(double x, double y, double d) {
        return Geometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(x - d, y - d), new Coordinate(x + d, y - d), new Coordinate(x + d, y + d),
                new Coordinate(x - d, y + d), new Coordinate(x - d, y - d)});
    }
}
