package cn.ecozone.io;

import com.fasterxml.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;

import static cn.ecozone.io.GeoJsonSiteStream.GIVE_UP;

/**
 * JSON tokens scanned straight from an ASCII body for {@link GeoJsonSiteStream} — instead of Jackson's parser and
 * its FastDoubleParser, numbers read by {@link JsonDoubles} from the bytes, the usual member names and geometry types
 * given as constants (no String per name). It takes only what it is sure Jackson takes alike, a strict part of the
 * JSON grammar (whitespace of space, tab, CR and LF; strings of printable ASCII without escapes; numbers by the
 * JSON grammar, at most 400 characters, integers of at most 18 digits; nesting up to {@value #MAX_NESTING}), and gives
 * up ({@link GeoJsonSiteStream#GIVE_UP}) on anything else, which Jackson then reads. Like Jackson's parser for the
 * stream, it never looks past the root object's end. {@code GeoJsonByteTokensTest} holds the site it gives to the one
 * Jackson's tokens give, on generated bodies intact and damaged.
 */
final class GeoJsonByteTokens extends GeoJsonSiteStream.Tokens {
    static final int MAX_NESTING = 64;

    private static final int VALUE = 0; // a value: the root, after a name, after a comma in an array
    private static final int VALUE_OR_END = 1; // just after [
    private static final int NAME_OR_END = 2; // just after {
    private static final int NAME = 3; // after a comma in an object
    private static final int COMMA_OR_END = 4; // after a value in an array or object
    private static final int DONE = 5; // after the root value

    private static final String[] NAMES = {"type", "coordinates", "geometry", "properties", "features", "name", "crs", "declaredHa", "Polygon",
            "MultiPolygon", "Feature", "FeatureCollection", "bbox", "id"};
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];

    static {
        for (int i = 0; i < NAMES.length; i++) NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
    }

    private final byte[] b;
    private final int end;
    private int pos;
    private final boolean[] object = new boolean[MAX_NESTING + 1];
    private int depth;
    private int state = VALUE;
    private JsonToken current;
    /** The current string's or name's characters (without quotes), or the number's. */
    private int textStart, textEnd;

    GeoJsonByteTokens(byte[] ascii) {
        this.b = ascii;
        this.end = ascii.length;
    }

    @Override
    JsonToken nextToken() {
        int c = skipWhitespace();
        switch (state) {
            case COMMA_OR_END -> {
                if (c == ',') {
                    pos++;
                    c = skipWhitespace();
                    state = object[depth] ? NAME : VALUE;
                } else if (c == (object[depth] ? '}' : ']')) {
                    pos++;
                    return current = closeContainer();
                } else {
                    throw GIVE_UP;
                }
            }
            case VALUE_OR_END -> {
                if (c == ']') {
                    pos++;
                    return current = closeContainer();
                }
            }
            case NAME_OR_END -> {
                if (c == '}') {
                    pos++;
                    return current = closeContainer();
                }
            }
            case DONE -> throw GIVE_UP;
            default -> { }
        }
        if (state == NAME || state == NAME_OR_END) {
            if (c != '"') throw GIVE_UP;
            string();
            if (skipWhitespace() != ':') throw GIVE_UP;
            pos++;
            state = VALUE;
            return current = JsonToken.FIELD_NAME;
        }
        return current = value(c);
    }

    private JsonToken closeContainer() {
        boolean wasObject = object[depth];
        depth--;
        state = depth == 0 ? DONE : COMMA_OR_END;
        return wasObject ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    private JsonToken value(int c) {
        switch (c) {
            case '{' -> {
                open(true);
                state = NAME_OR_END;
                return JsonToken.START_OBJECT;
            }
            case '[' -> {
                open(false);
                state = VALUE_OR_END;
                return JsonToken.START_ARRAY;
            }
            case '"' -> {
                string();
                afterValue();
                return JsonToken.VALUE_STRING;
            }
            case 't' -> {
                literal("true");
                return JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                literal("false");
                return JsonToken.VALUE_FALSE;
            }
            case 'n' -> {
                literal("null");
                return JsonToken.VALUE_NULL;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw GIVE_UP;
            }
        }
    }

    private void open(boolean isObject) {
        if (depth == MAX_NESTING) throw GIVE_UP;
        object[++depth] = isObject;
        pos++;
    }

    private void afterValue() {
        state = depth == 0 ? DONE : COMMA_OR_END;
    }

    private void literal(String word) {
        int n = word.length();
        if (pos + n > end) throw GIVE_UP;
        for (int i = 0; i < n; i++) if (b[pos + i] != word.charAt(i)) throw GIVE_UP;
        pos += n;
        afterValue(); // whatever follows must be a comma, an end or whitespace: "truex" gives up there
    }

    /** A string at {@code pos} (its opening quote): printable ASCII up to the closing quote, else give up. */
    private void string() {
        int i = pos + 1;
        byte[] b = this.b;
        for (; i < end; i++) {
            byte x = b[i];
            if (x == '"') {
                textStart = pos + 1;
                textEnd = i;
                pos = i + 1;
                return;
            }
            if (x < 0x20 || x == '\\') throw GIVE_UP; // control characters, escapes and every non-ASCII byte (negative)
        }
        throw GIVE_UP;
    }

    /** A number by the JSON grammar at {@code pos}: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private JsonToken number() {
        byte[] b = this.b;
        int start = pos, i = pos;
        if (b[i] == '-') i++;
        if (i >= end) throw GIVE_UP;
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        } else {
            throw GIVE_UP;
        }
        boolean decimal = false;
        if (i < end && b[i] == '.') {
            i++;
            decimal = true;
            if (i >= end || b[i] < '0' || b[i] > '9') throw GIVE_UP;
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            decimal = true;
            if (i < end && (b[i] == '+' || b[i] == '-')) i++;
            if (i >= end || b[i] < '0' || b[i] > '9') throw GIVE_UP;
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        }
        if (i - start > 400) throw GIVE_UP;
        textStart = start;
        textEnd = i;
        pos = i;
        afterValue();
        return decimal ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
    }

    private int skipWhitespace() {
        byte[] b = this.b;
        int i = pos;
        while (i < end) {
            byte x = b[i];
            if (x == ' ' || x == '\n' || x == '\r' || x == '\t') i++;
            else break;
        }
        pos = i;
        if (i >= end) throw GIVE_UP; // the end inside the root object (nothing is read after it)
        return b[i];
    }

    @Override
    String currentName() {
        return text();
    }

    @Override
    String getText() {
        if (current != JsonToken.VALUE_STRING) throw GIVE_UP; // the stream asks only for strings' texts
        return text();
    }

    /** The current string's characters, a constant for the usual names and types. */
    private String text() {
        int n = textEnd - textStart;
        for (int k = 0; k < NAMES.length; k++) {
            byte[] name = NAME_BYTES[k];
            if (name.length != n) continue;
            int i = 0;
            while (i < n && b[textStart + i] == name[i]) i++;
            if (i == n) return NAMES[k];
        }
        return new String(b, textStart, n, StandardCharsets.ISO_8859_1);
    }

    @Override
    void skipChildren() {
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) return;
        int target = depth - 1;
        while (depth > target) nextToken();
    }

    @Override
    double number(JsonToken t, boolean finite) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            int i = textStart;
            boolean negative = b[i] == '-';
            if (negative) i++;
            if (textEnd - i > 18) throw GIVE_UP; // Jackson's LONG up to 18 digits; longer ones the stream leaves too
            long v = 0;
            for (; i < textEnd; i++) v = v * 10 + (b[i] - '0');
            return (double) (negative ? -v : v);
        }
        if (t != JsonToken.VALUE_NUMBER_FLOAT) throw GIVE_UP;
        double v = JsonDoubles.parse(b, textStart, textEnd);
        if (finite && !Double.isFinite(v)) throw GIVE_UP;
        return v;
    }

    @Override
    public void close() {}
}
