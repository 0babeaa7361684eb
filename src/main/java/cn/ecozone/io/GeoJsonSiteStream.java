package cn.ecozone.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link SiteInputReader} for a GeoJSON site: Jackson's tokens straight into coordinate arrays, no
 * {@code JsonNode} tree (a 500-vertex site was ≈ 1,500 tree nodes, a boxed number each). It reads only the common,
 * well-formed shapes — a Polygon or MultiPolygon, bare, as a Feature, or as the features of a FeatureCollection, with
 * the members the tree reader looks at ({@code type}, {@code coordinates}, {@code geometry}, {@code features},
 * {@code properties} with the parcel's name and {@code declaredHa}, the root's {@code name} and {@code crs}) — and
 * gives up ({@link #read} returns null) on anything else: broken JSON, a structural error, another geometry type, a
 * duplicated member, a name that is not a string, a number that is not a finite double, more vertices than allowed.
 * The caller then reads the text again with the tree reader, which accepts what it always accepted and refuses with
 * the messages it always gave; so this class only has to be exact on what it accepts: the same geometries (same
 * factory, same {@link Coordinate} arrays, the same doubles), names, declared areas and CRS as the tree reader
 * ({@code GeoJsonSiteStreamTest} holds the two to that on generated bodies, intact and damaged).
 */
final class GeoJsonSiteStream {
    /** One parcel as the tree reader would take it from a feature (or a bare geometry). */
    record Part(Geometry geometry, String label, Double declaredHa) {}

    /**
     * What the tree reader takes from the document.
     *
     * @param declaredCrs {@code crs.properties.name} of the root when it is a string, else null
     * @param rootName the root's {@code name} when it is a non-blank string, else null
     * @param parts the parcels in order (one for a bare geometry or a Feature)
     * @param collection whether the root is a FeatureCollection
     */
    record Site(String declaredCrs, String rootName, List<Part> parts, boolean collection) {}

    /** Thrown inside to leave the fast path; never escapes {@link #read}. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    static final RuntimeException GIVE_UP = new GiveUp();
    /** Deeper than a MultiPolygon's coordinates ([[[[x, y]]]]) is not a site. */
    private static final int MAX_DEPTH = 4;
    private static final Object POSITION = new Object();

    private final GeometryFactory factory;
    private final int maxVertices;
    /** The positions of the ring being read; the thread's buffer (one read at a time per thread), not 8 KB per read. */
    private double[] xy = XY.get();
    private static final ThreadLocal<double[]> XY = ThreadLocal.withInitial(() -> new double[2 * 512]);
    /** The largest position buffer a thread keeps between reads (doubles). */
    private static final int MAX_KEPT_XY = 64 * 1024;
    private int size; // doubles in xy
    private int vertices;

    private GeoJsonSiteStream(GeometryFactory factory, int maxVertices) {
        this.factory = factory;
        this.maxVertices = maxVertices;
    }

    /** The site in {@code text} (a JSON object), or null when the tree reader must decide. */
    static Site read(JsonFactory json, String text, int maxVertices) {
        try {
            return read(json.createParser(text), maxVertices);
        } catch (IOException e) {
            return null;
        }
    }

    /** The same from the UTF-8 bytes of such a text. */
    static Site read(JsonFactory json, byte[] utf8, int maxVertices) {
        try {
            return read(json.createParser(utf8), maxVertices);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The same from an ASCII body: first through {@link GeoJsonByteTokens} (the bytes scanned here, numbers by {@link
     * JsonDoubles}), and when that gives up — anything it is not sure to read as Jackson does: an escape or a
     * control character in a string, a nesting deeper than {@value GeoJsonByteTokens#MAX_NESTING}, a number longer than
     * 400 characters or an integer of more than 18 digits, any syntax error — through Jackson as {@link #read(JsonFactory,
     * byte[], int)}, which then decides as before.
     */
    static Site readAscii(JsonFactory json, byte[] ascii, int maxVertices) {
        Site fast = read(new GeoJsonByteTokens(ascii), maxVertices);
        return fast != null ? fast : read(json, ascii, maxVertices);
    }

    /** The site through {@link GeoJsonByteTokens} alone (null when they give up or the site is not one the stream takes). */
    static Site readBytes(byte[] ascii, int maxVertices) {
        return read(new GeoJsonByteTokens(ascii), maxVertices);
    }

    private static Site read(JsonParser parser, int maxVertices) {
        return read(new JacksonTokens(parser), maxVertices);
    }

    private static Site read(Tokens tokens, int maxVertices) {
        GeoJsonSiteStream s = new GeoJsonSiteStream(Geometries.FACTORY, maxVertices);
        try (Tokens p = tokens) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            return s.root(p);
        } catch (IOException | RuntimeException e) { // GiveUp, broken JSON, anything unexpected: the tree decides
            return null;
        } finally {
            if (s.xy.length <= MAX_KEPT_XY) XY.set(s.xy);
        }
    }

    /**
     * The few calls of Jackson's {@link JsonParser} the reading below makes, so that it reads the same way from
     * Jackson's tokens ({@link JacksonTokens}) or from the bytes scanned here ({@link GeoJsonByteTokens}).
     */
    abstract static class Tokens implements AutoCloseable {
        abstract JsonToken nextToken() throws IOException;

        /** The member's name after a FIELD_NAME. */
        abstract String currentName() throws IOException;

        /** A VALUE_STRING's text. */
        abstract String getText() throws IOException;

        /** After a START_OBJECT or START_ARRAY: past its end; else nothing. */
        abstract void skipChildren() throws IOException;

        /**
         * The double the tree reader's node would give for the number token {@code t} just read: {@code (double)} of
         * an int or long ({@code IntNode}, {@code LongNode}), Jackson's {@code getDoubleValue} of a decimal ({@code
         * DoubleNode}); a big integer, and for coordinates ({@code finite}) a non-finite value, give up (the tree
         * reader converts or refuses those itself).
         */
        abstract double number(JsonToken t, boolean finite) throws IOException;

        @Override
        public abstract void close() throws IOException;
    }

    /** Jackson's tokens, as the stream read them first. */
    private static final class JacksonTokens extends Tokens {
        private final JsonParser p;

        JacksonTokens(JsonParser p) {
            this.p = p;
        }

        @Override JsonToken nextToken() throws IOException { return p.nextToken(); }

        @Override String currentName() throws IOException { return p.currentName(); }

        @Override String getText() throws IOException { return p.getText(); }

        @Override void skipChildren() throws IOException { p.skipChildren(); }

        @Override
        double number(JsonToken t, boolean finite) throws IOException {
            double v;
            if (t == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType nt = p.getNumberType();
                if (nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) throw GIVE_UP;
                v = (double) p.getLongValue();
            } else {
                v = p.getDoubleValue();
            }
            if (finite && !Double.isFinite(v)) throw GIVE_UP;
            return v;
        }

        @Override public void close() throws IOException { p.close(); }
    }

    /** The members of an object that matter somewhere; which of them count depends on the object's type. */
    private static final class Members {
        String type;
        boolean hasType;
        Object coordinates;
        boolean hasCoordinates;
        Members geometry;
        boolean hasGeometry;
        String[] labels; // name, 名称, 地块名称, NAME of properties (strings as given)
        Double declaredHa;
        boolean hasProperties;
        String name; // the object's own name (the root's counts)
        boolean hasName;
        String crs;
        boolean hasCrs;
        List<Members> features;
        boolean hasFeatures;
    }

    private Site root(Tokens p) throws IOException {
        Members root = members(p, true);
        // the tree reader ignores anything after the root object (no trailing-token check), so this does too
        String type = root.hasType ? root.type : "";
        List<Part> parts = new ArrayList<>();
        boolean collection = type.equals("FeatureCollection");
        if (collection) {
            if (!root.hasFeatures || root.features.isEmpty()) throw GIVE_UP;
            for (Members f : root.features) parts.add(part(f));
        } else {
            parts.add(part(root));
        }
        if (vertices > maxVertices) throw GIVE_UP;
        String rootName = root.hasName && !root.name.isBlank() ? root.name : null;
        return new Site(root.hasCrs ? root.crs : null, rootName, parts, collection);
    }

    private Part part(Members f) {
        boolean feature = f.hasType && f.type.equals("Feature");
        if (!feature) return new Part(geometry(f), null, null);
        if (!f.hasGeometry || f.geometry == null) throw GIVE_UP;
        String label = null;
        if (f.labels != null) {
            for (String l : f.labels) {
                if (l != null && !l.isBlank()) {
                    label = l;
                    break;
                }
            }
        }
        return new Part(geometry(f.geometry), label, f.declaredHa);
    }

    /** A Polygon or MultiPolygon exactly as {@link GeoJsonGeometryReader} builds it; anything else gives up. */
    private Geometry geometry(Members g) {
        if (!g.hasType || !g.hasCoordinates) throw GIVE_UP;
        switch (g.type) {
            case "Polygon":
                return polygon(g.coordinates);
            case "MultiPolygon": {
                if (!(g.coordinates instanceof List<?> list) || list.isEmpty()) throw GIVE_UP;
                Polygon[] ps = new Polygon[list.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(list.get(i));
                return factory.createMultiPolygon(ps);
            }
            default:
                throw GIVE_UP;
        }
    }

    private Polygon polygon(Object c) {
        if (!(c instanceof List<?> rings) || rings.isEmpty()) throw GIVE_UP;
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(Object c) {
        if (!(c instanceof Coordinate[] cs) || cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) throw GIVE_UP;
        return factory.createLinearRing(cs);
    }

    /**
     * The members of the object whose START_OBJECT was just read, up to its END_OBJECT. A member the tree reader
     * would see twice (the last one wins there) gives up; members that never matter are skipped.
     */
    private Members members(Tokens p, boolean root) throws IOException {
        Members m = new Members();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "type" -> {
                    if (m.hasType || v != JsonToken.VALUE_STRING) throw GIVE_UP;
                    m.hasType = true;
                    m.type = p.getText();
                }
                case "coordinates" -> {
                    if (m.hasCoordinates || v != JsonToken.START_ARRAY) throw GIVE_UP;
                    m.hasCoordinates = true;
                    m.coordinates = array(p, 1);
                }
                case "geometry" -> {
                    if (m.hasGeometry) throw GIVE_UP;
                    m.hasGeometry = true;
                    if (v == JsonToken.START_OBJECT) m.geometry = members(p, false);
                    else if (v == JsonToken.START_ARRAY) throw GIVE_UP;
                    // a scalar geometry: left null (a Feature with it gives up)
                }
                case "properties" -> {
                    if (m.hasProperties) throw GIVE_UP;
                    m.hasProperties = true;
                    if (v == JsonToken.START_OBJECT) properties(p, m);
                    else if (v == JsonToken.START_ARRAY) p.skipChildren();
                }
                case "features" -> {
                    if (!root) {
                        p.skipChildren();
                        break;
                    }
                    if (m.hasFeatures || v != JsonToken.START_ARRAY) throw GIVE_UP;
                    m.hasFeatures = true;
                    m.features = new ArrayList<>();
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (e != JsonToken.START_OBJECT) throw GIVE_UP;
                        m.features.add(members(p, false));
                    }
                }
                case "name" -> {
                    if (!root) {
                        p.skipChildren();
                        break;
                    }
                    if (m.hasName) throw GIVE_UP;
                    if (v == JsonToken.VALUE_STRING) {
                        m.hasName = true;
                        m.name = p.getText();
                    } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        // not a value: the tree reader passes over it too, but a second "name" would replace it
                        throw GIVE_UP;
                    } else {
                        throw GIVE_UP; // numbers, booleans, null: the tree takes their text; rare, let it
                    }
                }
                case "crs" -> {
                    if (!root) {
                        p.skipChildren();
                        break;
                    }
                    if (m.hasCrs) throw GIVE_UP;
                    m.crs = crs(p, v);
                    m.hasCrs = m.crs != null;
                    if (!m.hasCrs) throw GIVE_UP; // present but not crs.properties.name as a string: rare, let the tree decide
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) throw GIVE_UP;
        return m;
    }

    /** {@code crs.properties.name} when the crs is an object whose properties hold it as a string, else null. */
    private static String crs(Tokens p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) return null;
        String name = null;
        boolean seenProperties = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken w = p.nextToken();
            if (!key.equals("properties")) {
                p.skipChildren();
                continue;
            }
            if (seenProperties || w != JsonToken.START_OBJECT) return null;
            seenProperties = true;
            boolean seenName = false;
            JsonToken u;
            while ((u = p.nextToken()) == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken x = p.nextToken();
                if (k.equals("name")) {
                    if (seenName || x != JsonToken.VALUE_STRING) return null;
                    seenName = true;
                    name = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (u != JsonToken.END_OBJECT) return null;
        }
        if (t != JsonToken.END_OBJECT) return null;
        return name;
    }

    private static final String[] LABEL_KEYS = {"name", "名称", "地块名称", "NAME"};

    /** A feature's properties: the parcel's name (the tree's first non-blank of {@link #LABEL_KEYS}) and declaredHa. */
    private void properties(Tokens p, Members m) throws IOException {
        boolean seenHa = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            int label = -1;
            for (int i = 0; i < LABEL_KEYS.length; i++) if (LABEL_KEYS[i].equals(key)) label = i;
            if (label >= 0) {
                if (m.labels == null) m.labels = new String[LABEL_KEYS.length];
                if (m.labels[label] != null) throw GIVE_UP;
                if (v == JsonToken.VALUE_STRING) m.labels[label] = p.getText();
                else throw GIVE_UP; // objects/arrays (skipped by the tree), numbers, booleans, null (their text): rare
            } else if (key.equals("declaredHa")) {
                if (seenHa) throw GIVE_UP;
                seenHa = true;
                if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) m.declaredHa = p.number(v, false);
                else p.skipChildren(); // not a number: null, as the tree's isNumber() says
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) throw GIVE_UP;
    }

    /**
     * The array whose START_ARRAY was just read: {@link #POSITION} (its x, y appended to {@link #xy}) when its first
     * element is a number; a {@code Coordinate[]} when its elements are positions; a list of what its elements are
     * otherwise (all of one kind). Empty arrays and anything unusual give up.
     */
    private Object array(Tokens p, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw GIVE_UP;
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double x = p.number(t, true);
            JsonToken u = p.nextToken();
            if (u != JsonToken.VALUE_NUMBER_INT && u != JsonToken.VALUE_NUMBER_FLOAT) throw GIVE_UP;
            double y = p.number(u, true);
            // a third and further values are not looked at by the tree reader (z, m, anything)
            while ((u = p.nextToken()) != JsonToken.END_ARRAY) {
                if (u == null) throw GIVE_UP;
                p.skipChildren();
            }
            if (++vertices > maxVertices) throw GIVE_UP;
            if (size == xy.length) xy = Arrays.copyOf(xy, xy.length * 2);
            xy[size++] = x;
            xy[size++] = y;
            return POSITION;
        }
        if (t != JsonToken.START_ARRAY) throw GIVE_UP;
        int mark = size;
        Object first = array(p, depth + 1);
        if (first == POSITION) {
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY || array(p, depth + 1) != POSITION) throw GIVE_UP;
            }
            Coordinate[] cs = new Coordinate[(size - mark) / 2];
            for (int i = 0, j = mark; i < cs.length; i++, j += 2) cs[i] = new Coordinate(xy[j], xy[j + 1]);
            size = mark;
            return cs;
        }
        List<Object> list = new ArrayList<>();
        list.add(first);
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) throw GIVE_UP;
            Object o = array(p, depth + 1);
            if (o == POSITION || (o instanceof Coordinate[]) != (first instanceof Coordinate[])) throw GIVE_UP;
            list.add(o);
        }
        return list;
    }

}
