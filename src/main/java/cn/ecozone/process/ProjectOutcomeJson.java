package cn.ecozone.process;

import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.util.Arrays;
import java.util.List;

/**
 * A project's row as JSON, the bytes {@code Jobs.MAPPER.writeValueAsBytes(o)} gives (with the site's shape held as
 * raw GeoJSON text put in as it is, as {@link BatchOutput#json} does), written by straight code instead of Jackson's
 * bean serializers. Those are generic: their call sites (one serializer per property type, lists of records, boxed
 * doubles) see every type of every row, and C2 compiled and recompiled them during a job's first thousands of rows
 * (≈ 1.7 s of compiler time in the first job, 1.3 s more in the next one, 2 December, {@code docs/benchmarks/batch.md}
 * session 4). Only the usual row is written here: every text made of characters Jackson writes as they are (no
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

    private boolean outcome(ProjectOutcome o, String shape) {
        ascii("{\"row\":").ascii(Integer.toString(o.row()));
        if (!field(",\"source\":", o.source())) return false;
        if (!field(",\"name\":", o.name())) return false;
        if (!field(",\"industry\":", o.industry())) return false;
        if (!field(",\"industryZh\":", o.industryZh())) return false;
        if (!field(",\"verdict\":", o.verdict())) return false;
        if (!field(",\"verdictZh\":", o.verdictZh())) return false;
        if (!field(",\"district\":", o.district())) return false;
        if (!field(",\"siteAreaHa\":", o.siteAreaHa())) return false;
        if (!field(",\"siteAreaMu\":", o.siteAreaMu())) return false;
        if (!dimensions(o.dimensions())) return false;
        if (!hits(o.hits())) return false;
        if (!nearest(o.nearestProtected())) return false;
        if (!warnings(o.warnings())) return false;
        if (!field(",\"error\":", o.error())) return false;
        if (!field(",\"dataVersion\":", o.dataVersion())) return false;
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
            if (!field("{\"dimensionZh\":", d.dimensionZh()) || !field(",\"verdict\":", d.verdict()) || !field(",\"verdictZh\":", d.verdictZh())) {
                return false;
            }
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
            if (!field("{\"collection\":", h.collection()) || !field(",\"collectionTitle\":", h.collectionTitle())
                    || !field(",\"featureId\":", h.featureId()) || !field(",\"name\":", h.name()) || !field(",\"level\":", h.level())
                    || !number(",\"overlapM2\":", h.overlapM2()) || !number(",\"overlapHa\":", h.overlapHa())
                    || !number(",\"overlapMu\":", h.overlapMu()) || !number(",\"siteShare\":", h.siteShare())
                    || !number(",\"zoneShare\":", h.zoneShare())) {
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
        if (!field("{\"collection\":", n.collection()) || !field(",\"collectionTitle\":", n.collectionTitle())
                || !field(",\"featureId\":", n.featureId()) || !field(",\"name\":", n.name()) || !number(",\"distanceM\":", n.distanceM())) {
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

    private boolean field(String head, String value) {
        ascii(head);
        if (value == null) {
            ascii("null");
            return true;
        }
        return string(value);
    }

    private boolean field(String head, Double value) {
        if (value == null) {
            ascii(head).ascii("null");
            return true;
        }
        return number(head, value);
    }

    private boolean number(String head, double v) {
        if (!Double.isFinite(v)) return false; // Jackson quotes NaN and the infinities
        ascii(head).ascii(Double.toString(v));
        return true;
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
