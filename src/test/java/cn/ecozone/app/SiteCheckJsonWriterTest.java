package cn.ecozone.app;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.analysis.Notice;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.Verdict;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SiteFixtureLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written site-check JSON ({@link SiteCheckJsonWriter}) against Jackson, the oracle it stands in for: the
 * same bytes as {@code JsonMapping.MAPPER.writeValueAsBytes} of the result (and of {@code WithSiteGeometry}) on
 * thousands of generated results — every component set, nulls and empty lists, strings with quotes, backslashes,
 * every control character, Chinese, emoji, U+2028; doubles of every magnitude, negative zero, integers, NaN and the
 * infinities; properties of every type the writer takes — and on real results of the fixture layers through {@link
 * SiteCheckJson#render}. What it leaves to Jackson (a property of another type) gives null.
 */
class SiteCheckJsonWriterTest {
    @TempDir Path dir;

    @Test
    void generatedResultsAreWrittenAsJacksonWritesThem() throws Exception {
        Random r = new Random(20261202);
        int written = 0;
        for (int k = 0; k < 1500; k++) {
            final int i = k;
            SiteCheckResult result = result(r, i % 4 == 0);
            byte[] expected = JsonMapping.MAPPER.writeValueAsBytes(result);
            byte[] actual = SiteCheckJsonWriter.write(result, null);
            assertNotNull(actual, "result " + i);
            assertArrayEquals(expected, actual, () -> "result " + i + ":\n" + new String(expected, StandardCharsets.UTF_8) + "\n" + new String(actual, StandardCharsets.UTF_8));
            String geometry = "{\"type\":\"Polygon\",\"coordinates\":[[[" + r.nextDouble() + ",1.5],[2,3],[4,5.25],[" + r.nextDouble() + ",1.5]]]}";
            byte[] expectedWith = JsonMapping.MAPPER.writeValueAsBytes(new SiteCheckJson.WithSiteGeometry(result, geometry));
            assertArrayEquals(expectedWith, SiteCheckJsonWriter.write(result, geometry), "with the site's geometry, result " + i);
            written++;
        }
        assertEquals(1500, written);
    }

    @Test
    void whatItDoesNotKnowIsLeftToJackson() throws Exception {
        Random r = new Random(3);
        SiteCheckResult base = result(r, true);
        assertNotNull(SiteCheckJsonWriter.write(base, null));
        for (String lone : List.of("a\uD83Db", "x\uDE00", "\uD83D")) {
            SiteCheckResult withLone = new SiteCheckResult(lone, base.industry(), base.industryZh(), base.industryEn(), base.site(), base.verdict(),
                    base.verdictZh(), base.dimensions(), base.industryVerdicts(), base.coverage(), base.hits(), base.nearby(), base.clauses(),
                    base.warnings(), base.notices(), base.nearbyM(), base.dataDate(), base.dataVersion());
            assertArrayEquals(JsonMapping.MAPPER.writeValueAsBytes(withLone), SiteCheckJsonWriter.write(withLone, null), "an unpaired surrogate, escaped alike");
        }
        for (Object odd : List.of(new BigDecimal("1.50"), java.time.LocalDate.of(2025, 12, 31), new java.util.Date(0L), List.of(1, 2), new int[] {1})) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("odd", odd);
            SiteCheckResult.Hit h = new SiteCheckResult.Hit("c", "t", "f", "n", props, 1, 2, 3, 0.5, 0.5, 10);
            SiteCheckResult withOdd = new SiteCheckResult(base.name(), base.industry(), base.industryZh(), base.industryEn(), base.site(), base.verdict(),
                    base.verdictZh(), base.dimensions(), base.industryVerdicts(), base.coverage(), List.of(h), base.nearby(), base.clauses(),
                    base.warnings(), base.notices(), base.nearbyM(), base.dataDate(), base.dataVersion());
            assertNull(SiteCheckJsonWriter.write(withOdd, null), "a property of type " + odd.getClass());
        }
    }

    /**
     * The writer names every component of the records it writes: a component added to one of them later must be added
     * to the writer (and to this test's generator, whose canonical constructor calls then stop compiling).
     */
    @Test
    void everyRecordComponentIsKnown() {
        Map<Class<?>, String> known = new LinkedHashMap<>();
        known.put(SiteCheckResult.class, "name,industry,industryZh,industryEn,site,verdict,verdictZh,dimensions,industryVerdicts,coverage,hits,nearby,clauses,warnings,notices,nearbyM,dataDate,dataVersion");
        known.put(SiteCheckResult.Site.class, "areaM2,areaHa,areaMu,gkZone,gkEpsg,gkAreaM2,parcelCount,parcels,vertices,format,sourceCrs,bbox");
        known.put(SiteCheckResult.Parcel.class, "name,areaM2,areaHa,areaMu,gkAreaM2,declaredHa,differenceHa,differencePct");
        known.put(SiteCheckResult.Hit.class, "collection,collectionTitle,featureId,name,properties,overlapM2,overlapHa,overlapMu,siteShare,zoneShare,zoneAreaM2");
        known.put(SiteCheckResult.Nearby.class, "collection,collectionTitle,featureId,name,level,distanceM");
        known.put(SiteCheckResult.AppliedClause.class, "clauseId,level,scope,dimension,dimensionZh,effect,effectZh,severity,severityZh,text,textEn,basis,basisIssuer,basisDocument,basisArticle,collection,featureId,featureName,industries");
        known.put(SiteCheckResult.DimensionConclusion.class, "dimension,dimensionZh,dimensionEn,verdict,verdictZh,requirementCount,strongest");
        known.put(SiteCheckResult.IndustryVerdict.class, "industry,industryZh,industryEn,verdict,verdictZh,bannedBy,bannedWhere");
        known.put(SiteCheckResult.Coverage.class, "collection,coveredM2,uncoveredM2,uncoveredShare");
        known.put(Notice.class, "code,zh,en");
        known.put(DataVersion.class, "id,dataDate,layersHash,accessListHash");
        known.put(cn.ecozone.geo.Area.class, "m2,ha,mu");
        for (Map.Entry<Class<?>, String> e : known.entrySet()) {
            List<String> names = new ArrayList<>();
            for (RecordComponent c : e.getKey().getRecordComponents()) names.add(c.getName());
            assertEquals(e.getValue(), String.join(",", names), e.getKey() + " has components SiteCheckJsonWriter does not write");
        }
        // the getters Jackson writes besides the components (area, gkArea …): a new one changes the bytes of every
        // generated result above, so the byte comparison catches it
    }

    @Test
    void realResultsThroughRenderAreJacksonsBytes() throws Exception {
        SiteFixtureLayers.write(dir);
        LayerLoader.Result loaded = LayerLoader.load(dir);
        assertTrue(loaded.ok(), loaded.problems().toString());
        LayerSet layers = loaded.layers();
        AccessList list = AccessListJson.read(dir.resolve("access-list.json"));
        SiteInput farm = new SiteInputReader().read(SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK")), null, "光伏电站");
        String geoJson = "{\"type\":\"Polygon\",\"coordinates\":[[[113.2,40.3],[113.21,40.3],[113.21,40.31],[113.2,40.31],[113.2,40.3]]]}";
        SiteInput plain = new SiteInputReader().read(geoJson.getBytes(StandardCharsets.UTF_8), null, null);
        int hits = 0;
        for (SiteInput site : List.of(farm, plain)) {
            for (String industry : Arrays.asList(null, "pv")) {
                for (double nearby : new double[] {0, 5000}) {
                    SiteCheckResult result = new SiteCheck(layers, list).run(site, industry, nearby);
                    hits += result.hits().size();
                    for (Boolean echo : Arrays.asList(null, Boolean.TRUE, Boolean.FALSE)) {
                        for (SiteCheckResult res : List.of(result, result.forReport())) {
                            SiteCheckUseCase.Outcome o = new SiteCheckUseCase.Outcome(res, site, layers, cn.ecozone.report.ReportLanguage.ZH, echo);
                            byte[] expected = JsonMapping.MAPPER.writeValueAsBytes(SiteCheckJson.withSiteGeometry(res, site, echo));
                            assertArrayEquals(expected, new SiteCheckJson().render(o, false).bytes(), industry + " " + nearby + " " + echo);
                            byte[] pretty = JsonMapping.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(SiteCheckJson.withSiteGeometry(res, site, echo));
                            assertArrayEquals(pretty, new SiteCheckJson().render(o, true).bytes());
                        }
                    }
                }
            }
        }
        assertTrue(hits > 0, "results with hits");
    }

    // ---- generation ----

    static SiteCheckResult result(Random r, boolean full) {
        int nw = full ? 1 + r.nextInt(3) : r.nextInt(3);
        List<String> warnings = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < nw; i++) {
            warnings.add(text(r, false));
            notices.add(new Notice("c" + text(r, true), text(r, true), text(r, true)));
        }
        DataVersion v = full || r.nextBoolean() ? new DataVersion(text(r, full), text(r, full), text(r, full), text(r, full)) : null;
        return new SiteCheckResult(text(r, full), text(r, full), text(r, full), text(r, full), full || r.nextInt(8) != 0 ? site(r, full) : null,
                verdict(r, full), text(r, full),
                list(r, full, () -> new SiteCheckResult.DimensionConclusion(text(r, full), text(r, full), text(r, full), verdict(r, full), text(r, full),
                        integer(r), strings(r, full))),
                list(r, full, () -> new SiteCheckResult.IndustryVerdict(text(r, full), text(r, full), text(r, full), verdict(r, full), text(r, full),
                        strings(r, full), strings(r, full))),
                full || r.nextBoolean() ? new SiteCheckResult.Coverage(text(r, full), dbl(r), dbl(r), dbl(r)) : null,
                list(r, full, () -> new SiteCheckResult.Hit(text(r, full), text(r, full), text(r, full), text(r, full), properties(r, full), dbl(r), dbl(r),
                        dbl(r), dbl(r), dbl(r), dbl(r))),
                list(r, full, () -> new SiteCheckResult.Nearby(text(r, full), text(r, full), text(r, full), text(r, full), text(r, full), dbl(r))),
                list(r, full, () -> new SiteCheckResult.AppliedClause(text(r, full), text(r, full), text(r, full), text(r, full), text(r, full), text(r, full),
                        text(r, full), text(r, full), text(r, full), text(r, full), text(r, full), text(r, full), text(r, full), text(r, full), text(r, full),
                        text(r, full), text(r, full), text(r, full), strings(r, full))),
                warnings, notices, dbl(r), text(r, full), v);
    }

    static SiteCheckResult.Site site(Random r, boolean full) {
        double[] bbox = full || r.nextInt(6) != 0 ? new double[] {dbl(r), dbl(r), dbl(r), dbl(r)} : r.nextBoolean() ? null : new double[0];
        return new SiteCheckResult.Site(dbl(r), dbl(r), dbl(r), integer(r), integer(r), dbl(r), integer(r),
                list(r, full, () -> new SiteCheckResult.Parcel(text(r, full), dbl(r), dbl(r), dbl(r), dbl(r), boxed(r, full), boxed(r, full), boxed(r, full))),
                integer(r), text(r, full), text(r, full), bbox);
    }

    static Verdict verdict(Random r, boolean full) {
        Verdict[] all = Verdict.values();
        return !full && r.nextInt(6) == 0 ? null : all[r.nextInt(all.length)];
    }

    static <T> List<T> list(Random r, boolean full, java.util.function.Supplier<T> element) {
        if (!full && r.nextInt(8) == 0) return null;
        int n = full ? 1 + r.nextInt(3) : r.nextInt(3);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(!full && r.nextInt(20) == 0 ? null : element.get());
        return out;
    }

    static List<String> strings(Random r, boolean full) {
        return list(r, full, () -> text(r, full));
    }

    static Map<String, Object> properties(Random r, boolean full) {
        if (!full && r.nextInt(10) == 0) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        int n = full ? 8 : r.nextInt(8);
        for (int i = 0; i < n; i++) {
            String key = text(r, true) + i;
            Object v = switch (full ? i : r.nextInt(10)) {
                case 0 -> text(r, true);
                case 1 -> r.nextInt();
                case 2 -> r.nextLong();
                case 3 -> dbl(r);
                case 4 -> Float.intBitsToFloat(r.nextInt(10) == 0 ? r.nextInt() : Float.floatToIntBits((float) dbl(r)));
                case 5 -> r.nextBoolean();
                case 6 -> (short) r.nextInt();
                case 7 -> (byte) r.nextInt();
                default -> null;
            };
            m.put(key, v);
        }
        return m;
    }

    static int integer(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(10);
            case 1 -> r.nextInt();
            case 2 -> new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 4490, 4527}[r.nextInt(6)];
            default -> r.nextInt(100_000);
        };
    }

    static Double boxed(Random r, boolean full) {
        return !full && r.nextInt(3) == 0 ? null : dbl(r);
    }

    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e7, 1e-3, 9999999.999999998, 0.001, 0.0009999999999999998, 1e21, 1e22, 1e23,
            2e-323, 123456789012345678.0, 0.1 + 0.2, 666.6666666666666, 100.0, 1.0E-5};

    static double dbl(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> SPECIAL[r.nextInt(SPECIAL.length)];
            case 1 -> Double.longBitsToDouble(r.nextLong());
            case 2 -> (double) (r.nextInt(2_000_001) - 1_000_000);
            case 3 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20) * (r.nextBoolean() ? 1 : -1);
            case 4 -> r.nextDouble();
            case 5 -> Math.round(r.nextDouble() * 1e6) / 100.0;
            case 6 -> r.nextDouble() * 1e-300;
            case 7 -> 100 + r.nextDouble() * 30;
            default -> r.nextGaussian() * 1e5;
        };
    }

    private static final String[] PIECES = {"\"", "\\", "/", "\u2028", "\u2029", "禁止准入", "生态保护红线", "😀", "𠀀", "\u007F", "\u0080", "\u00e9",
            "\uFFFF", "\uFEFF", "'", "<script>", "&amp;", " ", "\t\n\r\b\f", "NaN", "null", "e+10", "ε"};

    /** Text of every kind (null sometimes unless {@code full}), with paired and (rarely) unpaired surrogates. */
    static String text(Random r, boolean full) {
        if (!full && r.nextInt(7) == 0) return null;
        int n = r.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(0x20));
                case 1 -> b.append(PIECES[r.nextInt(PIECES.length)]);
                case 2 -> b.appendCodePoint(0x4E00 + r.nextInt(0x5000));
                case 3 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 4 -> {
                    int c = r.nextInt(0x10000);
                    if (!Character.isSurrogate((char) c) || r.nextInt(20) == 0) b.append((char) c);
                }
                default -> b.append((char) (0x20 + r.nextInt(0x60)));
            }
        }
        return b.toString();
    }
}
