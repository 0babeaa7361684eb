package cn.ecozone.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample data is exactly the generator's output, and meets the data requirements. */
class SampleDataGeneratorTest {
    static final Path LAYERS = Path.of("layers");
    static final Path STYLES = Path.of("styles");
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static Map<String, List<F>> data = new LinkedHashMap<>();

    record F(String id, JsonNode props, Geometry geom) {
        String s(String k) {
            return props.path(k).asText();
        }
    }

    @BeforeAll
    static void load() throws IOException {
        for (String layer : List.of("admin", "control_unit", "redline", "water_source", "restoration", "monitoring")) {
            JsonNode fc = JSON.readTree(LAYERS.resolve(layer + ".geojson").toFile());
            assertEquals("FeatureCollection", fc.get("type").asText());
            List<F> fs = new ArrayList<>();
            for (JsonNode f : fc.get("features")) {
                fs.add(new F(f.get("id").asText(), f.get("properties"), geometry(f.get("geometry"))));
            }
            data.put(layer, fs);
        }
    }

    @Test
    void committedFilesAreTheGeneratorsOutput(@TempDir Path tmp) throws IOException {
        SampleDataGenerator.generate(tmp);
        for (String dir : List.of("layers", "styles")) {
            Set<String> generated = names(tmp.resolve(dir));
            Set<String> committed = names(Path.of(dir));
            committed.remove("README.md");
            assertEquals(generated, committed, "files in " + dir);
            for (String name : generated) {
                assertArrayEquals(Files.readAllBytes(Path.of(dir, name)), Files.readAllBytes(tmp.resolve(dir).resolve(name)),
                        dir + "/" + name + " differs from the generator's output; rerun SampleDataGenerator");
            }
        }
    }

    @Test
    void featureIdsMatchTheirIdProperty() throws IOException {
        JsonNode catalog = JSON.readTree(LAYERS.resolve("catalog.json").toFile());
        for (JsonNode layer : catalog.get("layers")) {
            Set<String> seen = new HashSet<>();
            for (F f : data.get(layer.get("id").asText())) {
                assertEquals(f.s(layer.get("idProperty").asText()), f.id());
                assertTrue(seen.add(f.id()), "duplicate id " + f.id());
                assertTrue(f.geom().isValid(), "invalid geometry " + f.id());
            }
        }
    }

    @Test
    void catalogShape() throws IOException {
        JsonNode c = JSON.readTree(LAYERS.resolve("catalog.json").toFile());
        assertEquals("2025-12-31", c.get("dataDate").asText());
        assertEquals("access-list.json", c.get("accessList").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode l : c.get("layers")) {
            String id = l.get("id").asText();
            ids.add(id);
            assertEquals(id, l.get("kind").asText());
            assertEquals(id + ".geojson", l.get("file").asText());
            assertEquals(id + ".json", l.get("style").asText());
            assertTrue(Files.exists(STYLES.resolve(id + ".json")));
            assertEquals(id.equals("restoration"), l.get("editable").asBoolean());
            assertEquals(id.equals("control_unit"), l.has("tiles"));
            assertEquals(id.equals("monitoring") ? "point" : "polygon", l.get("geometryType").asText());
            for (JsonNode a : l.get("attributes")) {
                assertFalse(a.path("title").path("zh").asText().isEmpty());
                assertFalse(a.path("title").path("en").asText().isEmpty());
                assertTrue(Set.of("string", "integer", "number", "json").contains(a.get("type").asText()));
                if (a.has("values")) {
                    Set<String> allowed = new HashSet<>();
                    a.get("values").forEach(v -> allowed.add(v.asText()));
                    for (F f : data.get(id)) {
                        if (f.props().has(a.get("name").asText())) {
                            assertTrue(allowed.contains(f.s(a.get("name").asText())), id + "." + a.get("name") + " = " + f.s(a.get("name").asText()));
                        }
                    }
                }
                if (a.get("required").asBoolean()) {
                    for (F f : data.get(id)) {
                        assertTrue(f.props().has(a.get("name").asText()), id + " " + f.id() + " lacks " + a.get("name"));
                    }
                }
            }
        }
        assertEquals(List.of("admin", "control_unit", "redline", "water_source", "restoration", "monitoring"), ids);
    }

    @Test
    void accessList() throws IOException {
        JsonNode a = JSON.readTree(LAYERS.resolve("access-list.json").toFile());
        assertEquals("ecozone-access-list/2", a.get("format").asText());
        Set<String> industries = new HashSet<>();
        a.get("industries").forEach(i -> industries.add(i.get("id").asText()));
        assertEquals(Set.of("光伏", "风电", "煤矿", "非煤矿山", "化工", "冶金建材", "养殖", "房地产", "道路交通", "水利", "旅游"), industries);
        // one row per control unit, same code, name, type and district
        Map<String, JsonNode> units = new TreeMap<>();
        for (JsonNode u : a.get("units")) {
            assertTrue(units.put(u.get("code").asText(), u) == null, "duplicate unit " + u.get("code"));
        }
        assertEquals(ids(data.get("control_unit")), units.keySet());
        for (F f : data.get("control_unit")) {
            JsonNode u = units.get(f.id());
            assertEquals(f.s("name"), u.get("name").asText());
            assertEquals(f.s("type"), u.get("type").asText());
            assertEquals(f.s("district"), u.get("county").asText());
            assertEquals("山西省", u.get("province").asText());
            assertEquals(f.s("district").equals("朔城区") ? "朔州市" : "大同市", u.get("city").asText());
        }
        Set<String> dimensions = Set.of("空间布局约束", "污染物排放管控", "环境风险防控", "资源利用效率");
        Set<String> ids = new HashSet<>();
        Map<String, Set<String>> unitDimensions = new TreeMap<>();
        for (JsonNode r : a.get("requirements")) {
            String id = r.get("id").asText();
            assertTrue(ids.add(id), "duplicate id " + id);
            String level = r.get("level").asText();
            String scope = r.get("scope").asText();
            assertTrue(dimensions.contains(r.get("dimension").asText()), id);
            String effect = r.get("effect").asText();
            assertTrue(Set.of("禁止", "限制", "要求").contains(effect), id);
            if (r.has("industries")) {
                assertTrue(r.get("industries").size() > 0, id);
                r.get("industries").forEach(i -> assertTrue(industries.contains(i.asText()), id + " " + i.asText()));
            }
            if (effect.equals("禁止")) {
                assertTrue(r.has("industries"), id + ": a 禁止 names its industries");
            }
            assertFalse(r.path("text").path("zh").asText().isEmpty(), id);
            assertFalse(r.path("text").path("en").asText().isEmpty(), id);
            JsonNode basis = r.get("basis");
            for (String k : List.of("issuer", "document", "article")) {
                assertFalse(basis.path(k).asText().isEmpty(), id + " basis." + k);
            }
            // a requirement cites its own scope or a higher one, never another district or city
            String issuer = basis.get("issuer").asText();
            Set<String> allowed = switch (level) {
                case "单元" -> {
                    JsonNode u = units.get(scope);
                    assertNotNull(u, id + ": no unit " + scope);
                    unitDimensions.computeIfAbsent(scope, k -> new TreeSet<>()).add(r.get("dimension").asText());
                    yield Set.of(u.get("county").asText(), u.get("city").asText(), "山西省", "国家");
                }
                case "区县" -> {
                    String[] p = scope.split("/");
                    assertEquals(3, p.length, id);
                    yield Set.of(p[2], p[1], "山西省", "国家");
                }
                case "市" -> {
                    String[] p = scope.split("/");
                    assertEquals(2, p.length, id);
                    yield Set.of(p[1], "山西省", "国家");
                }
                case "省" -> {
                    assertEquals("山西省", scope, id);
                    yield Set.of("山西省", "国家");
                }
                case "国家" -> {
                    assertEquals("全国", scope, id);
                    yield Set.of("国家");
                }
                default -> throw new AssertionError(id + ": level " + level);
            };
            assertTrue(allowed.contains(issuer), id + " (" + level + " " + scope + ") cites " + issuer);
            if (r.has("zone")) {
                JsonNode zone = r.get("zone");
                String collection = zone.get("collection").asText();
                assertTrue(data.containsKey(collection), id);
                String county = level.equals("区县") ? scope.split("/")[2] : null;
                // every zone rule matches at least one feature (of its county, below 国家)
                boolean any = data.get(collection).stream().anyMatch(f -> matches(zone.get("match"), f.props())
                        && (county == null || county.equals(f.s("district"))));
                assertTrue(any, id + " matches nothing");
            } else {
                assertFalse(level.equals("国家"), id + ": a national rule needs a zone");
                // no ban of 光伏 that covers whole units of a type (一般管控) or whole scopes
                if (effect.equals("禁止") && !level.equals("单元")) {
                    r.get("industries").forEach(i -> assertFalse(i.asText().equals("光伏"), id));
                }
            }
            if (effect.equals("禁止") && level.equals("单元") && units.get(scope).get("type").asText().equals("一般管控")) {
                r.get("industries").forEach(i -> assertFalse(i.asText().equals("光伏"), id));
            }
        }
        // every unit has its own requirements in all four dimensions
        for (String code : units.keySet()) {
            assertEquals(dimensions, unitDimensions.getOrDefault(code, Set.of()), code);
        }
    }

    private static boolean matches(JsonNode match, JsonNode props) {
        for (var it = match.fields(); it.hasNext(); ) {
            var e = it.next();
            String v = props.path(e.getKey()).asText(null);
            boolean ok = false;
            if (e.getValue().isArray()) {
                for (JsonNode x : e.getValue()) {
                    ok |= x.asText().equals(v);
                }
            } else {
                ok = e.getValue().asText().equals(v);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Test
    void districts() {
        List<F> admin = data.get("admin");
        assertEquals(Set.of("140213", "140212", "140215", "140602"), ids(admin));
        Map<String, Double> expectedKm2 = Map.of("140213", 238.95, "140212", 1091.27, "140215", 1490.0, "140602", 1760.0);
        for (F d : admin) {
            double km2 = Geo.area(d.geom()) / 1e6;
            assertEquals(expectedKm2.get(d.id()), km2, expectedKm2.get(d.id()) * 0.005, d.s("name"));
            assertTrue(d.geom().getNumPoints() >= 40, "irregular outline");
        }
        for (int i = 0; i < admin.size(); i++) {
            for (int j = i + 1; j < admin.size(); j++) {
                assertTrue(overlapM2(admin.get(i).geom(), admin.get(j).geom()) < 1.0);
            }
        }
        Geometry sc = byId(admin, "140602").geom();
        assertTrue(sc.getEnvelopeInternal().getMinX() < 112.5 && sc.getEnvelopeInternal().getMaxX() > 112.5, "朔城区 straddles 112.5°E");
    }

    @Test
    void controlUnitsTileEachDistrict() {
        for (F d : data.get("admin")) {
            List<F> units = data.get("control_unit").stream().filter(u -> u.s("county_code").equals(d.id())).toList();
            assertTrue(units.size() >= 8, d.s("name") + " has " + units.size() + " units");
            assertEquals(Set.of("优先保护", "重点管控", "一般管控"), new HashSet<>(units.stream().map(u -> u.s("type")).toList()));
            double sum = 0;
            List<Geometry> gs = new ArrayList<>();
            for (F u : units) {
                assertTrue(u.id().matches("ZH" + d.id() + "[123]\\d{4}"), u.id());
                assertEquals(switch (u.s("type")) { case "优先保护" -> '1'; case "重点管控" -> '2'; default -> '3'; }, u.id().charAt(8));
                assertEquals(d.s("name"), u.s("district"));
                sum += Geo.area(u.geom());
                gs.add(u.geom());
            }
            Geometry union = Geo.GF.buildGeometry(gs).union();
            assertTrue(Math.abs(Geo.area(union) - Geo.area(d.geom())) < 1.0, "union vs district area");
            assertTrue(Math.abs(Geo.area(Geo.difference(d.geom(), union))) < 1.0, "gap");
            assertTrue(Math.abs(Geo.area(Geo.difference(union, d.geom()))) < 1.0, "outside the district");
            assertTrue(Math.abs(sum - Geo.area(d.geom())) < 1.0, "sum of unit areas vs district (overlaps)");
            for (int i = 0; i < gs.size(); i++) {
                for (int j = i + 1; j < gs.size(); j++) {
                    assertTrue(overlapM2(gs.get(i), gs.get(j)) < 1.0, units.get(i).id() + " overlaps " + units.get(j).id());
                }
            }
        }
    }

    @Test
    void redLinesLieInPriorityUnits() {
        List<F> red = data.get("redline");
        assertTrue(red.size() >= 10);
        Set<String> names = new HashSet<>();
        for (F r : red) {
            names.add(r.s("name"));
            F unit = byId(data.get("control_unit"), r.s("unit_code"));
            assertEquals("优先保护", unit.s("type"));
            assertTrue(Geo.area(Geo.difference(r.geom(), unit.geom())) < 1.0, r.id() + " leaves its unit");
            assertTrue(r.id().matches("HX-\\d{6}-\\d{2}"));
        }
        for (String key : List.of("采凉山", "六棱山", "桑干河", "火山群")) {
            assertTrue(names.stream().anyMatch(n -> n.contains(key)), key);
        }
    }

    @Test
    void waterSourceLevelsNest() {
        Map<String, Map<String, F>> bySource = new TreeMap<>();
        for (F f : data.get("water_source")) {
            bySource.computeIfAbsent(f.s("source_name"), k -> new TreeMap<>()).put(f.s("level"), f);
        }
        assertTrue(bySource.size() >= 8);
        for (String key : List.of("安家小村", "十里店", "南梁", "甘庄", "中高庄", "张士窑", "赵家窑水库", "万泉河")) {
            assertTrue(bySource.keySet().stream().anyMatch(n -> n.contains(key)), key);
        }
        for (var e : bySource.entrySet()) {
            Map<String, F> lv = e.getValue();
            F l1 = lv.get("一级保护区");
            F l2 = lv.get("二级保护区");
            assertNotNull(l1, e.getKey());
            assertNotNull(l2, e.getKey());
            boolean surface = l1.s("type").startsWith("地表水");
            assertEquals(surface, lv.containsKey("准保护区"), e.getKey());
            assertNested(l1.geom(), l2.geom(), e.getKey());
            if (surface) {
                F l3 = lv.get("准保护区");
                assertNested(Geo.union(l1.geom(), l2.geom()), l3.geom(), e.getKey());
                assertTrue(overlapM2(l1.geom(), l3.geom()) < 1.0);
            }
            F district = data.get("admin").stream().filter(d -> d.s("name").equals(l1.s("district"))).findFirst().orElseThrow();
            for (F z : lv.values()) {
                assertTrue(Geo.area(Geo.difference(z.geom(), district.geom())) < 1.0, z.id() + " leaves its district");
                assertTrue(z.id().startsWith("WS-" + district.id() + "-"));
            }
        }
    }

    /** outer is a ring around inner: they do not overlap, and outer's shell contains inner. */
    private static void assertNested(Geometry inner, Geometry outer, String name) {
        assertTrue(overlapM2(inner, outer) < 1.0, name + " levels overlap");
        List<Geometry> shells = new ArrayList<>();
        for (int i = 0; i < outer.getNumGeometries(); i++) {
            shells.add(Geo.GF.createPolygon(((Polygon) outer.getGeometryN(i)).getExteriorRing()));
        }
        Geometry shell = Geo.GF.buildGeometry(shells).union();
        assertTrue(shell.covers(inner), name + " inner level not inside the outer boundary");
    }

    @Test
    void restorationPlots() {
        List<F> plots = data.get("restoration");
        assertTrue(plots.size() >= 60);
        assertTrue(new HashSet<>(plots.stream().map(p -> p.s("mine")).toList()).size() >= 10);
        assertEquals(new BigDecimal("198.85"), sumMu(plots, "YZ-TMTS-"));
        assertEquals(0, new BigDecimal("372.2").compareTo(sumMu(plots, "YZ-ZGHG-")));
        int off = 0;
        for (F p : plots) {
            double declared = Geo.M2_PER_MU * p.props().get("declared_mu").decimalValue().doubleValue();
            double rel = Math.abs(Geo.area(p.geom()) / declared - 1);
            if (rel > 0.005) {
                off++;
                assertTrue(rel >= 0.02 && rel <= 0.08, p.id() + " off by " + rel);
            }
            int year = p.props().get("year").asInt();
            assertTrue(p.props().get("year").isInt() && year >= 2016 && year <= 2025);
            F district = data.get("admin").stream().filter(d -> d.s("name").equals(p.s("district"))).findFirst().orElseThrow();
            assertTrue(district.geom().covers(p.geom()), p.id() + " outside its district");
        }
        assertTrue(off >= 3 && off <= 5, off + " plots off by more than 0.5 %");
        // exactly one overlapping pair, of the same mine
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < plots.size(); i++) {
            for (int j = i + 1; j < plots.size(); j++) {
                if (overlapM2(plots.get(i).geom(), plots.get(j).geom()) > 1.0) {
                    pairs.add(plots.get(i).id() + "+" + plots.get(j).id());
                    assertEquals(plots.get(i).s("mine"), plots.get(j).s("mine"));
                }
            }
        }
        assertEquals(List.of(RestorationPlots.OVERLAP_A + "+" + RestorationPlots.OVERLAP_B), pairs);
        // exactly one plot crosses into a water-source zone, and that zone is a 二级保护区
        List<String> crossings = new ArrayList<>();
        for (F p : plots) {
            for (F z : data.get("water_source")) {
                if (overlapM2(p.geom(), z.geom()) > 1.0) {
                    crossings.add(p.id() + ">" + z.id());
                    assertEquals("二级保护区", z.s("level"));
                }
            }
        }
        assertEquals(List.of(RestorationPlots.CROSSING + ">" + RestorationPlots.CROSSED_ZONE), crossings);
    }

    private static BigDecimal sumMu(List<F> plots, String prefix) {
        return plots.stream().filter(p -> p.id().startsWith(prefix))
                .map(p -> p.props().get("declared_mu").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void monitoringPoints() {
        List<F> pts = data.get("monitoring");
        assertTrue(pts.size() >= 25);
        Set<String> classes = Set.of("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ");
        Set<String> names = new TreeSet<>();
        for (F p : pts) {
            names.add(p.s("name"));
            F district = data.get("admin").stream().filter(d -> d.s("name").equals(p.s("district"))).findFirst().orElseThrow();
            assertTrue(district.geom().contains(p.geom()), p.s("name") + " outside " + district.s("name"));
            if (p.props().has("quality")) {
                p.props().get("quality").fields().forEachRemaining(e -> {
                    assertTrue(e.getKey().matches("20\\d\\d"));
                    assertTrue(classes.contains(e.getValue().asText()), e.getValue().asText());
                });
            }
        }
        assertTrue(names.containsAll(List.of("小南头", "红卫桥", "上泉", "册田水库出口", "固定桥", "利仁皂", "堡子湾", "古店")));
        F bzw = pts.stream().filter(p -> p.s("name").equals("堡子湾")).findFirst().orElseThrow();
        assertEquals(new Coordinate(113.2427, 40.4063), bzw.geom().getCoordinate());
        assertEquals("新荣区", bzw.s("district"));
        assertEquals("Ⅳ", bzw.s("target"));
        List<String> q = new ArrayList<>();
        bzw.props().get("quality").fields().forEachRemaining(e -> q.add(e.getKey() + ":" + e.getValue().asText()));
        assertEquals(List.of("2015:Ⅳ", "2016:Ⅳ", "2017:Ⅳ", "2018:Ⅴ", "2019:劣Ⅴ", "2020:Ⅳ"), q);
        F gd = pts.stream().filter(p -> p.s("name").equals("古店")).findFirst().orElseThrow();
        assertEquals(new Coordinate(113.3123, 40.1744), gd.geom().getCoordinate());
        assertEquals("新荣区", gd.s("district"));
    }

    // ---- helpers ----

    private static double overlapM2(Geometry a, Geometry b) {
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
            return 0;
        }
        return Geo.area(Geo.intersection(a, b));
    }

    private static F byId(List<F> fs, String id) {
        return fs.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    private static Set<String> ids(List<F> fs) {
        return new HashSet<>(fs.stream().map(F::id).toList());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static Geometry geometry(JsonNode g) {
        JsonNode c = g.get("coordinates");
        return switch (g.get("type").asText()) {
            case "Point" -> Geo.GF.createPoint(coord(c));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.get(i));
                }
                yield Geo.GF.createMultiPolygon(ps);
            }
            default -> throw new AssertionError("unexpected geometry " + g.get("type"));
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        assertTrue(org.locationtech.jts.algorithm.Orientation.isCCW(shell.getCoordinates()), "RFC 7946 shell orientation");
        return Geo.GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode r) {
        Coordinate[] cs = new Coordinate[r.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coord(r.get(i));
        }
        return Geo.GF.createLinearRing(cs);
    }

    private static Coordinate coord(JsonNode c) {
        BigDecimal x = c.get(0).decimalValue();
        BigDecimal y = c.get(1).decimalValue();
        assertTrue(x.scale() <= 7 && y.scale() <= 7, "coordinates rounded to 7 decimals");
        return new Coordinate(x.doubleValue(), y.doubleValue());
    }

}
