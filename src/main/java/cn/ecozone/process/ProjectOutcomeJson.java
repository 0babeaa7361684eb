package cn.ecozone.process;

import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.util.Arrays;
import java.util.List;

/**
 * A project's row as JSON, the bytes {@code Jobs.MAPPER.writeValueAsBytes(o)} gives (with the site's shape held as
 * raw GeoJSON text put in as it is, as {@link BatchOutput#json} does), written by straight code instead of Jackson's
 * bean serializers. Those are generic: their call sites (one serializer per property type, lists of records, boxed
 * doubles) see every type of every row and took type-check traps, and C2 compiled them during the job (1.9 s of
 * compiler time in the first job after a start, 1.3 s more in the next one: {@code docs/benchmarks/batch.md}, session
 * 4). Only the usual row is written here: every text made of characters Jackson writes as they are (no
 * control character, quote, backslash or surrogate), every double finite, no null in a list, the shape null or raw
 * ASCII text. Anything else gives null and the caller asks Jackson ({@code ProjectOutcomeJsonTest} compares both, byte for
 * byte, on generated and checked rows).
 */
final class ProjectOutcomeJson {
    private byte[] b;
    private int n;

    private ProjectOutcomeJson(int capacity) {
        b = new byte[capacity];
    }

    /** The row's JSON, or null when Jackson must write it. */
    static byte[] write(ProjectOutcome o) {
        String shape = null;
        if (o.siteGeometry() != null) {
            if (!(o.siteGeometry() instanceof POJONode node && node.getPojo() instanceof RawValue raw && raw.rawValue() instanceof String s)) return null;
            shape = s;
        }
        ProjectOutcomeJson w = new ProjectOutcomeJson(1024 + (shape == null ? 0 : shape.length()));
        return w.outcome(o, shape) ? Arrays.copyOf(w.b, w.n) : null;
    }

    /*
     * The texts of each object go through one loop (strings) instead of a call per field: C2 inlines a small method at
     * every call site, and a call per field gave it one copy of the character loop per field (the first version
     * compiled to 48 KB for the hits alone, 0.9 s of compiler time).
     */
    private static final String[] TOP = {",\"source\":", ",\"name\":", ",\"industry\":", ",\"industryZh\":", ",\"verdict\":", ",\"verdictZh\":",
            ",\"district\":"};
    private static final String[] TAIL = {",\"error\":", ",\"dataVersion\":"};
    private static final String[] DIMENSION = {"{\"dimensionZh\":", ",\"verdict\":", ",\"verdictZh\":"};
    private static final String[] HIT = {"{\"collection\":", ",\"collectionTitle\":", ",\"featureId\":", ",\"name\":", ",\"level\":"};
    private static final String[] HIT_NUMBERS = {",\"overlapM2\":", ",\"overlapHa\":", ",\"overlapMu\":", ",\"siteShare\":", ",\"zoneShare\":"};
    private static final String[] NEAREST = {"{\"collection\":", ",\"collectionTitle\":", ",\"featureId\":", ",\"name\":"};

    private boolean outcome(ProjectOutcome o, String shape) {
        ascii("{\"row\":").ascii(Integer.toString(o.row()));
        if (!strings(TOP, new String[] {o.source(), o.name(), o.industry(), o.industryZh(), o.verdict(), o.verdictZh(), o.district()})) return false;
        if (!boxed(",\"siteAreaHa\":", o.siteAreaHa())) return false;
        if (!boxed(",\"siteAreaMu\":", o.siteAreaMu())) return false;
        if (!dimensions(o.dimensions())) return false;
        if (!hits(o.hits())) return false;
        if (!nearest(o.nearestProtected())) return false;
        if (!warnings(o.warnings())) return false;
        if (!strings(TAIL, new String[] {o.error(), o.dataVersion()})) return false;
        ascii(",\"siteGeometry\":");
        if (shape == null) ascii("null");
        else if (!raw(shape)) return false;
        put('}');
        return true;
    }

    private boolean dimensions(List<ProjectOutcome.Dimension> dims) {
        ascii(",\"dimensions\":");
        if (dims == null) {
            ascii("null");
            return true;
        }
        put('[');
        for (int i = 0; i < dims.size(); i++) {
            ProjectOutcome.Dimension d = dims.get(i);
            if (d == null) return false;
            if (i > 0) put(',');
            if (!strings(DIMENSION, new String[] {d.dimensionZh(), d.verdict(), d.verdictZh()})) return false;
            put('}');
        }
        put(']');
        return true;
    }

    private boolean hits(List<ProjectOutcome.HitRow> hits) {
        ascii(",\"hits\":");
        if (hits == null) {
            ascii("null");
            return true;
        }
        put('[');
        for (int i = 0; i < hits.size(); i++) {
            ProjectOutcome.HitRow h = hits.get(i);
            if (h == null) return false;
            if (i > 0) put(',');
            if (!strings(HIT, new String[] {h.collection(), h.collectionTitle(), h.featureId(), h.name(), h.level()})
                    || !numbers(HIT_NUMBERS, new double[] {h.overlapM2(), h.overlapHa(), h.overlapMu(), h.siteShare(), h.zoneShare()})) {
                return false;
            }
            put('}');
        }
        put(']');
        return true;
    }

    private boolean nearest(ProjectOutcome.Nearest n) {
        ascii(",\"nearestProtected\":");
        if (n == null) {
            ascii("null");
            return true;
        }
        if (!strings(NEAREST, new String[] {n.collection(), n.collectionTitle(), n.featureId(), n.name()})
                || !numbers(new String[] {",\"distanceM\":"}, new double[] {n.distanceM()})) {
            return false;
        }
        put('}');
        return true;
    }

    private boolean warnings(List<String> warnings) {
        ascii(",\"warnings\":");
        if (warnings == null) {
            ascii("null");
            return true;
        }
        put('[');
        for (int i = 0; i < warnings.size(); i++) {
            String s = warnings.get(i);
            if (s == null) return false;
            if (i > 0) put(',');
            if (!string(s)) return false;
        }
        put(']');
        return true;
    }

    /** Each head (a field name with what precedes it) and its text, or null. */
    private boolean strings(String[] heads, String[] values) {
        for (int i = 0; i < heads.length; i++) {
            ascii(heads[i]);
            String v = values[i];
            if (v == null) ascii("null");
            else if (!string(v)) return false;
        }
        return true;
    }

    /** Each head and its number. */
    private boolean numbers(String[] heads, double[] values) {
        for (int i = 0; i < heads.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) return false; // Jackson quotes NaN and the infinities
            ascii(heads[i]).ascii(Double.toString(v));
        }
        return true;
    }

    private boolean boxed(String head, Double value) {
        if (value == null) {
            ascii(head).ascii("null");
            return true;
        }
        return numbers(new String[] {head}, new double[] {value});
    }

    /** A JSON string of text Jackson writes unescaped; false for anything it would escape or check. */
    private boolean string(String s) {
        put('"');
        if (!text(s)) return false;
        put('"');
        return true;
    }

    /** The characters as UTF-8; false on a control character, a quote, a backslash or a surrogate. */
    private boolean text(String s) {
        int len = s.length();
        room(len * 3);
        byte[] out = b;
        int p = n;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') return false;
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                if (Character.isSurrogate(c)) return false;
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        n = p;
        return true;
    }

    /** Raw JSON text (the shape) as it is; false unless every character is ASCII. */
    private boolean raw(String s) {
        int len = s.length();
        room(len);
        byte[] out = b;
        int p = n;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return false;
            out[p++] = (byte) c;
        }
        n = p;
        return true;
    }

    /** ASCII text as it is (field names, numbers). */
    private ProjectOutcomeJson ascii(String s) {
        int len = s.length();
        room(len);
        for (int i = 0; i < len; i++) b[n++] = (byte) s.charAt(i);
        return this;
    }

    private void put(char c) {
        room(1);
        b[n++] = (byte) c;
    }

    private void room(int more) {
        if (n + more > b.length) b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
    }
}
