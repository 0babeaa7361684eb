package cn.ecozone.app;

import cn.ecozone.analysis.DataVersion;
import cn.ecozone.analysis.Notice;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.analysis.Verdict;
import cn.ecozone.geo.Area;
import cn.ecozone.geo.AreaUnits;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The site check's compact JSON answer written by hand straight into a byte array: the very bytes {@link
 * JsonMapping#MAPPER} writes for a {@link SiteCheckResult} (and for {@link SiteCheckJson.WithSiteGeometry}) — the
 * record components in declaration order, then the {@code @JsonProperty} methods ({@code area}, {@code gkArea} …) in
 * the order Jackson takes them in this JVM (asked once, at class initialisation),
 * numbers as Jackson prints them ({@link Double#toString}, non-finite doubles as strings), strings in UTF-8 with
 * Jackson's escapes — without Jackson's bean serialisers (10 % of a site check's CPU in the benchmark's profile).
 * Characters outside the BMP are written as Jackson 2.18 writes them: each surrogate as a {@code \\uXXXX} escape.
 * It writes only what it knows how to write exactly: a feature property of another type than String, Boolean,
 * Integer, Long, Short, Byte, Double or Float, or a null property name make {@link #write} return null, and the
 * caller asks Jackson. {@code SiteCheckJsonWriterTest} holds the bytes to
 * Jackson's on thousands of generated results and on real ones.
 */
final class SiteCheckJsonWriter {
    /** Thrown inside for what this writer leaves to Jackson; never escapes {@link #write}. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For bytes below 0x80: 0 written as is, else the escape's letter ('u' for \\u00XX). */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int i = 0; i < 0x20; i++) ESCAPE[i] = 'u';
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\f'] = 'f';
        ESCAPE['\r'] = 'r';
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
    }

    /*
     * Jackson writes a record's components in declaration order (they are its creator's properties), then the
     * {@code @JsonProperty} methods in the order reflection lists them — which is not fixed from one JVM run to the next
     * (Parcel's declared/area/gkArea came in two orders in two runs). So the order of those is taken from Jackson
     * itself, once, on a sample of each record; anything unexpected there (a component out of place, a property this
     * writer does not know) turns the writer off and every answer is Jackson's.
     */
    private static final String[] SITE_EXTRAS, PARCEL_EXTRAS, HIT_EXTRAS, COVERAGE_EXTRAS;
    private static final boolean USABLE;

    static {
        String[] site = null, parcel = null, hit = null, coverage = null;
        boolean usable;
        try {
            site = extras(new SiteCheckResult.Site(1, 1, 1, 1, 1, 1, 1, List.of(), 1, "", "", new double[0]), "area", "gkArea");
            parcel = extras(new SiteCheckResult.Parcel("", 1, 1, 1, 1, 1.0, 1.0, 1.0), "declared", "area", "gkArea");
            hit = extras(new SiteCheckResult.Hit("", "", "", "", Map.of(), 1, 1, 1, 1, 1, 1), "overlap", "zoneArea");
            coverage = extras(new SiteCheckResult.Coverage("", 1, 1, 1), "covered", "uncovered");
            usable = site != null && parcel != null && hit != null && coverage != null
                    && extras(new SiteCheckResult(null, null, null, null, null, null, null, List.of(), List.of(), null, List.of(), List.of(), List.of(),
                            List.of(), List.of(), 1, null, null)) != null
                    && extras(new SiteCheckResult.Nearby("", "", "", "", "", 1)) != null
                    && extras(new SiteCheckResult.AppliedClause("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", List.of())) != null
                    && extras(new SiteCheckResult.DimensionConclusion("", "", "", null, "", 1, List.of())) != null
                    && extras(new SiteCheckResult.IndustryVerdict("", "", "", null, "", List.of(), List.of())) != null
                    && extras(new Notice("c", "", "")) != null
                    && extras(new DataVersion("", "", "", "")) != null
                    && extras(new Area(1, 1, 1)) != null;
        } catch (RuntimeException e) {
            usable = false;
        }
        SITE_EXTRAS = site;
        PARCEL_EXTRAS = parcel;
        HIT_EXTRAS = hit;
        COVERAGE_EXTRAS = coverage;
        USABLE = usable;
    }

    /**
     * The names Jackson writes for {@code sample} after its record components, when the components come first and in
     * order and the rest are exactly {@code known} (in any order); else null.
     */
    private static String[] extras(Record sample, String... known) {
        com.fasterxml.jackson.databind.JsonNode tree = JsonMapping.MAPPER.valueToTree(sample);
        List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        java.lang.reflect.RecordComponent[] components = sample.getClass().getRecordComponents();
        if (names.size() != components.length + known.length) return null;
        for (int i = 0; i < components.length; i++) if (!components[i].getName().equals(names.get(i))) return null;
        List<String> rest = names.subList(components.length, names.size());
        if (!new java.util.HashSet<>(rest).equals(java.util.Set.of(known))) return null;
        return rest.toArray(new String[0]);
    }

    private byte[] buf;
    private int len;

    private SiteCheckJsonWriter(byte[] buffer) {
        buf = buffer;
    }

    /**
     * The answer's bytes as {@code JsonMapping.MAPPER.writeValueAsBytes(result)} gives them, with {@code
     * ,"siteGeometry":} and the raw text appended inside the object when {@code siteGeometry} is not null (the bytes
     * of {@code WithSiteGeometry}); null when the result holds something this writer leaves to Jackson.
     */
    static byte[] write(SiteCheckResult r, String siteGeometry) {
        if (!USABLE) return null;
        // the work buffer is the thread's (a request thread's: one answer at a time), so an answer allocates only its bytes
        SiteCheckJsonWriter w = new SiteCheckJsonWriter(BUFFER.get());
        w.ensure(1024 + (siteGeometry == null ? 0 : siteGeometry.length() * 3));
        try {
            w.result(r, siteGeometry);
        } catch (Unsupported e) {
            return null;
        } finally {
            if (w.buf.length <= MAX_KEPT) BUFFER.set(w.buf);
        }
        return Arrays.copyOf(w.buf, w.len);
    }

    /** The largest work buffer a thread keeps between answers. */
    private static final int MAX_KEPT = 256 * 1024;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    private void result(SiteCheckResult r, String siteGeometry) {
        raw("{\"name\":");
        string(r.name());
        raw(",\"industry\":");
        string(r.industry());
        raw(",\"industryZh\":");
        string(r.industryZh());
        raw(",\"industryEn\":");
        string(r.industryEn());
        raw(",\"site\":");
        site(r.site());
        raw(",\"verdict\":");
        verdict(r.verdict());
        raw(",\"verdictZh\":");
        string(r.verdictZh());
        raw(",\"dimensions\":");
        if (r.dimensions() == null) nul();
        else {
            byte sep = '[';
            for (SiteCheckResult.DimensionConclusion d : r.dimensions()) {
                put(sep);
                sep = ',';
                dimension(d);
            }
            close(sep);
        }
        raw(",\"industryVerdicts\":");
        if (r.industryVerdicts() == null) nul();
        else {
            byte sep = '[';
            for (SiteCheckResult.IndustryVerdict v : r.industryVerdicts()) {
                put(sep);
                sep = ',';
                industryVerdict(v);
            }
            close(sep);
        }
        raw(",\"coverage\":");
        coverage(r.coverage());
        raw(",\"hits\":");
        if (r.hits() == null) nul();
        else {
            byte sep = '[';
            for (SiteCheckResult.Hit h : r.hits()) {
                put(sep);
                sep = ',';
                hit(h);
            }
            close(sep);
        }
        raw(",\"nearby\":");
        if (r.nearby() == null) nul();
        else {
            byte sep = '[';
            for (SiteCheckResult.Nearby n : r.nearby()) {
                put(sep);
                sep = ',';
                nearby(n);
            }
            close(sep);
        }
        raw(",\"clauses\":");
        if (r.clauses() == null) nul();
        else {
            byte sep = '[';
            for (SiteCheckResult.AppliedClause c : r.clauses()) {
                put(sep);
                sep = ',';
                clause(c);
            }
            close(sep);
        }
        raw(",\"warnings\":");
        strings(r.warnings());
        raw(",\"notices\":");
        if (r.notices() == null) nul();
        else {
            byte sep = '[';
            for (Notice n : r.notices()) {
                put(sep);
                sep = ',';
                if (n == null) {
                    nul();
                    continue;
                }
                raw("{\"code\":");
                string(n.code());
                raw(",\"zh\":");
                string(n.zh());
                raw(",\"en\":");
                string(n.en());
                put((byte) '}');
            }
            close(sep);
        }
        raw(",\"nearbyM\":");
        number(r.nearbyM());
        raw(",\"dataDate\":");
        string(r.dataDate());
        raw(",\"dataVersion\":");
        DataVersion v = r.dataVersion();
        if (v == null) nul();
        else {
            raw("{\"id\":");
            string(v.id());
            raw(",\"dataDate\":");
            string(v.dataDate());
            raw(",\"layersHash\":");
            string(v.layersHash());
            raw(",\"accessListHash\":");
            string(v.accessListHash());
            put((byte) '}');
        }
        if (siteGeometry != null) {
            raw(",\"siteGeometry\":");
            raw(siteGeometry);
        }
        put((byte) '}');
    }

    private void site(SiteCheckResult.Site s) {
        if (s == null) {
            nul();
            return;
        }
        raw("{\"areaM2\":");
        number(s.areaM2());
        raw(",\"areaHa\":");
        number(s.areaHa());
        raw(",\"areaMu\":");
        number(s.areaMu());
        raw(",\"gkZone\":");
        number(s.gkZone());
        raw(",\"gkEpsg\":");
        number(s.gkEpsg());
        raw(",\"gkAreaM2\":");
        number(s.gkAreaM2());
        raw(",\"parcelCount\":");
        number(s.parcelCount());
        raw(",\"parcels\":");
        if (s.parcels() == null) nul();
        else {
            byte sep = '[';
            for (SiteCheckResult.Parcel p : s.parcels()) {
                put(sep);
                sep = ',';
                parcel(p);
            }
            close(sep);
        }
        raw(",\"vertices\":");
        number(s.vertices());
        raw(",\"format\":");
        string(s.format());
        raw(",\"sourceCrs\":");
        string(s.sourceCrs());
        raw(",\"bbox\":");
        double[] bbox = s.bbox();
        if (bbox == null) nul();
        else {
            byte sep = '[';
            for (double d : bbox) {
                put(sep);
                sep = ',';
                number(d);
            }
            close(sep);
        }
        for (String e : SITE_EXTRAS) {
            switch (e) {
                case "area" -> {
                    raw(",\"area\":");
                    area(s.areaM2(), s.areaHa(), s.areaMu());
                }
                case "gkArea" -> {
                    raw(",\"gkArea\":");
                    areaOfM2(s.gkAreaM2());
                }
                default -> throw UNSUPPORTED;
            }
        }
        put((byte) '}');
    }

    private void parcel(SiteCheckResult.Parcel p) {
        if (p == null) {
            nul();
            return;
        }
        raw("{\"name\":");
        string(p.name());
        raw(",\"areaM2\":");
        number(p.areaM2());
        raw(",\"areaHa\":");
        number(p.areaHa());
        raw(",\"areaMu\":");
        number(p.areaMu());
        raw(",\"gkAreaM2\":");
        number(p.gkAreaM2());
        raw(",\"declaredHa\":");
        number(p.declaredHa());
        raw(",\"differenceHa\":");
        number(p.differenceHa());
        raw(",\"differencePct\":");
        number(p.differencePct());
        for (String e : PARCEL_EXTRAS) {
            switch (e) {
                case "declared" -> {
                    raw(",\"declared\":");
                    if (p.declaredHa() == null) nul();
                    else areaOfM2(AreaUnits.haToM2(p.declaredHa()));
                }
                case "area" -> {
                    raw(",\"area\":");
                    area(p.areaM2(), p.areaHa(), p.areaMu());
                }
                case "gkArea" -> {
                    raw(",\"gkArea\":");
                    areaOfM2(p.gkAreaM2());
                }
                default -> throw UNSUPPORTED;
            }
        }
        put((byte) '}');
    }

    private void hit(SiteCheckResult.Hit h) {
        if (h == null) {
            nul();
            return;
        }
        raw("{\"collection\":");
        string(h.collection());
        raw(",\"collectionTitle\":");
        string(h.collectionTitle());
        raw(",\"featureId\":");
        string(h.featureId());
        raw(",\"name\":");
        string(h.name());
        raw(",\"properties\":");
        properties(h.properties());
        raw(",\"overlapM2\":");
        number(h.overlapM2());
        raw(",\"overlapHa\":");
        number(h.overlapHa());
        raw(",\"overlapMu\":");
        number(h.overlapMu());
        raw(",\"siteShare\":");
        number(h.siteShare());
        raw(",\"zoneShare\":");
        number(h.zoneShare());
        raw(",\"zoneAreaM2\":");
        number(h.zoneAreaM2());
        for (String e : HIT_EXTRAS) {
            switch (e) {
                case "overlap" -> {
                    raw(",\"overlap\":");
                    area(h.overlapM2(), h.overlapHa(), h.overlapMu());
                }
                case "zoneArea" -> {
                    raw(",\"zoneArea\":");
                    areaOfM2(h.zoneAreaM2());
                }
                default -> throw UNSUPPORTED;
            }
        }
        put((byte) '}');
    }

    private void nearby(SiteCheckResult.Nearby n) {
        if (n == null) {
            nul();
            return;
        }
        raw("{\"collection\":");
        string(n.collection());
        raw(",\"collectionTitle\":");
        string(n.collectionTitle());
        raw(",\"featureId\":");
        string(n.featureId());
        raw(",\"name\":");
        string(n.name());
        raw(",\"level\":");
        string(n.level());
        raw(",\"distanceM\":");
        number(n.distanceM());
        put((byte) '}');
    }

    private void clause(SiteCheckResult.AppliedClause c) {
        if (c == null) {
            nul();
            return;
        }
        raw("{\"clauseId\":");
        string(c.clauseId());
        raw(",\"level\":");
        string(c.level());
        raw(",\"scope\":");
        string(c.scope());
        raw(",\"dimension\":");
        string(c.dimension());
        raw(",\"dimensionZh\":");
        string(c.dimensionZh());
        raw(",\"effect\":");
        string(c.effect());
        raw(",\"effectZh\":");
        string(c.effectZh());
        raw(",\"severity\":");
        string(c.severity());
        raw(",\"severityZh\":");
        string(c.severityZh());
        raw(",\"text\":");
        string(c.text());
        raw(",\"textEn\":");
        string(c.textEn());
        raw(",\"basis\":");
        string(c.basis());
        raw(",\"basisIssuer\":");
        string(c.basisIssuer());
        raw(",\"basisDocument\":");
        string(c.basisDocument());
        raw(",\"basisArticle\":");
        string(c.basisArticle());
        raw(",\"collection\":");
        string(c.collection());
        raw(",\"featureId\":");
        string(c.featureId());
        raw(",\"featureName\":");
        string(c.featureName());
        raw(",\"industries\":");
        strings(c.industries());
        put((byte) '}');
    }

    private void dimension(SiteCheckResult.DimensionConclusion d) {
        if (d == null) {
            nul();
            return;
        }
        raw("{\"dimension\":");
        string(d.dimension());
        raw(",\"dimensionZh\":");
        string(d.dimensionZh());
        raw(",\"dimensionEn\":");
        string(d.dimensionEn());
        raw(",\"verdict\":");
        verdict(d.verdict());
        raw(",\"verdictZh\":");
        string(d.verdictZh());
        raw(",\"requirementCount\":");
        number(d.requirementCount());
        raw(",\"strongest\":");
        strings(d.strongest());
        put((byte) '}');
    }

    private void industryVerdict(SiteCheckResult.IndustryVerdict v) {
        if (v == null) {
            nul();
            return;
        }
        raw("{\"industry\":");
        string(v.industry());
        raw(",\"industryZh\":");
        string(v.industryZh());
        raw(",\"industryEn\":");
        string(v.industryEn());
        raw(",\"verdict\":");
        verdict(v.verdict());
        raw(",\"verdictZh\":");
        string(v.verdictZh());
        raw(",\"bannedBy\":");
        strings(v.bannedBy());
        raw(",\"bannedWhere\":");
        strings(v.bannedWhere());
        put((byte) '}');
    }

    private void coverage(SiteCheckResult.Coverage c) {
        if (c == null) {
            nul();
            return;
        }
        raw("{\"collection\":");
        string(c.collection());
        raw(",\"coveredM2\":");
        number(c.coveredM2());
        raw(",\"uncoveredM2\":");
        number(c.uncoveredM2());
        raw(",\"uncoveredShare\":");
        number(c.uncoveredShare());
        for (String e : COVERAGE_EXTRAS) {
            switch (e) {
                case "covered" -> {
                    raw(",\"covered\":");
                    areaOfM2(c.coveredM2());
                }
                case "uncovered" -> {
                    raw(",\"uncovered\":");
                    areaOfM2(c.uncoveredM2());
                }
                default -> throw UNSUPPORTED;
            }
        }
        put((byte) '}');
    }

    /** {@link Area#ofM2}, as the {@code @JsonProperty} methods build it. */
    private void areaOfM2(double m2) {
        Area a = Area.ofM2(m2);
        area(a.m2(), a.ha(), a.mu());
    }

    private void area(double m2, double ha, double mu) {
        raw("{\"m2\":");
        number(m2);
        raw(",\"ha\":");
        number(ha);
        raw(",\"mu\":");
        number(mu);
        put((byte) '}');
    }

    private void verdict(Verdict v) {
        if (v == null) nul();
        else string(v.id());
    }

    private void strings(List<String> list) {
        if (list == null) {
            nul();
            return;
        }
        byte sep = '[';
        for (String s : list) {
            put(sep);
            sep = ',';
            string(s);
        }
        close(sep);
    }

    /** A feature's properties as Jackson's map serialiser writes them (insertion order, nulls written). */
    private void properties(Map<String, Object> map) {
        if (map == null) {
            nul();
            return;
        }
        byte sep = '{';
        for (Map.Entry<String, Object> e : map.entrySet()) {
            put(sep);
            sep = ',';
            String key = e.getKey();
            if (key == null) throw UNSUPPORTED;
            string(key);
            put((byte) ':');
            Object v = e.getValue();
            if (v == null) nul();
            else if (v instanceof String s) string(s);
            else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) raw(v.toString());
            else if (v instanceof Double d) number(d.doubleValue());
            else if (v instanceof Float f) floatNumber(f);
            else if (v instanceof Boolean b) raw(b ? "true" : "false");
            else throw UNSUPPORTED;
        }
        if (sep == '{') {
            put((byte) '{');
            put((byte) '}');
        } else {
            put((byte) '}');
        }
    }

    // ---- tokens ----

    /** After a list's elements: {@code ]}, or {@code []} when there were none. */
    private void close(byte sep) {
        if (sep == '[') put((byte) '[');
        put((byte) ']');
    }

    private void nul() {
        raw("null");
    }

    private void number(int v) {
        if (v >= 0 && v < 10) put((byte) ('0' + v));
        else raw(Integer.toString(v));
    }

    private void number(Double v) {
        if (v == null) nul();
        else number(v.doubleValue());
    }

    /** As Jackson: {@link Double#toString}; NaN and the infinities as strings (WRITE_NAN_AS_STRINGS). */
    private void number(double v) {
        String s = Double.toString(v);
        if (Double.isFinite(v)) {
            raw(s);
        } else {
            put((byte) '"');
            raw(s);
            put((byte) '"');
        }
    }

    private void floatNumber(float v) {
        String s = Float.toString(v);
        if (Float.isFinite(v)) {
            raw(s);
        } else {
            put((byte) '"');
            raw(s);
            put((byte) '"');
        }
    }

    /** ASCII text as is (names, numbers, raw GeoJSON). */
    private void raw(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = buf;
        int at = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                len = at;
                rawUtf8(s, i);
                return;
            }
            b[at++] = (byte) c;
        }
        len = at;
    }

    /** The rest of a raw text from {@code from} in UTF-8 (a raw siteGeometry is ASCII; this is for safety). */
    private void rawUtf8(String s, int from) {
        byte[] bytes = s.substring(from).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** A JSON string as Jackson's UTF-8 generator writes it; null as {@code null}. */
    private void string(String s) {
        if (s == null) {
            nul();
            return;
        }
        int n = s.length();
        ensure(n * 6 + 2); // the longest: \\u00XX for each char; a supplementary pair is 2 chars for 4 bytes
        byte[] b = buf;
        int at = len;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = ESCAPE[c];
                if (e == 0) {
                    b[at++] = (byte) c;
                } else {
                    b[at++] = '\\';
                    b[at++] = e;
                    if (e == 'u') {
                        b[at++] = '0';
                        b[at++] = '0';
                        b[at++] = HEX[c >> 4];
                        b[at++] = HEX[c & 0xF];
                    }
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                // as Jackson 2.18's UTF-8 generator (COMBINE_UNICODE_SURROGATES_IN_UTF8 off): every surrogate, paired
                // or not, as its own backslash-u escape (uppercase hex)
                b[at++] = '\\';
                b[at++] = 'u';
                b[at++] = HEX[c >> 12];
                b[at++] = HEX[(c >> 8) & 0xF];
                b[at++] = HEX[(c >> 4) & 0xF];
                b[at++] = HEX[c & 0xF];
            }
        }
        b[at++] = '"';
        len = at;
    }

    private void put(byte c) {
        if (len == buf.length) ensure(1);
        buf[len++] = c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
}
