package cn.ecozone.io;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads WKT as JTS's {@link WKTReader} does, faster for what project lists hold: a 2-D {@code POLYGON} or
 * {@code MULTIPOLYGON} with plain decimal numbers is scanned by hand (no {@code StreamTokenizer}, numbers by the
 * Clinger fast path: at most 15 significant digits and a power of ten up to 10^22 give the exact
 * {@code (double) mantissa} times or divided by {@code 10^k}; other numbers go to {@link Double#parseDouble}, as JTS
 * parses them). Anything else — other types, {@code Z}/{@code M}, {@code EMPTY}, a third ordinate, {@code NaN}/
 * {@code Inf}, comments, a ring that is not closed or has fewer than 4 points, any syntax error — is read by JTS
 * itself, so the accepted language, the geometry (the same {@link Coordinate}s in the factory's sequences) and the
 * error messages are exactly JTS's. One difference: a ring JTS cannot build (not closed) is a {@link ParseException}
 * here, not JTS's {@link IllegalArgumentException}, so a bad site is a bad request rather than a server error.
 */
public final class WktReader {
    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private final GeometryFactory factory;

    public WktReader(GeometryFactory factory) {
        this.factory = factory;
    }

    public Geometry read(String text) throws ParseException {
        Geometry g = fast(text);
        if (g != null) return g;
        try {
            return new WKTReader(factory).read(text);
        } catch (IllegalArgumentException e) {
            // JTS builds rings and polygons after parsing: a ring that is not closed or too short ends up here
            throw new ParseException(e.getMessage());
        }
    }

    /** The geometry when the text is in the fast language, else null (then JTS reads it). */
    Geometry fast(String s) {
        return new Scan(s).geometry();
    }

    private final class Scan {
        /** The text as chars: a list from a CSV with Chinese names is a UTF-16 string, whose charAt checks its index each time. */
        private final char[] s;
        private final int n;
        private int i;
        private final List<Coordinate> coords = new ArrayList<>();

        Scan(String s) {
            this.s = s.toCharArray();
            this.n = this.s.length;
        }

        Geometry geometry() {
            skip();
            int start = i;
            while (i < n && word(s[i])) i++;
            boolean multi;
            if (keyword(start, i, "polygon")) multi = false;
            else if (keyword(start, i, "multipolygon")) multi = true;
            else return null;
            if (!multi) return polygon();
            if (!open()) return null;
            List<Polygon> polygons = new ArrayList<>();
            while (true) {
                Polygon p = polygon();
                if (p == null) return null;
                polygons.add(p);
                skip();
                if (i >= n) return null;
                char c = s[i++];
                if (c == ')') break;
                if (c != ',') return null;
            }
            return factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
        }

        private Polygon polygon() {
            if (!open()) return null;
            LinearRing shell = null;
            List<LinearRing> holes = new ArrayList<>();
            while (true) {
                LinearRing r = ring();
                if (r == null) return null;
                if (shell == null) shell = r;
                else holes.add(r);
                skip();
                if (i >= n) return null;
                char c = s[i++];
                if (c == ')') break;
                if (c != ',') return null;
            }
            return factory.createPolygon(shell, holes.toArray(new LinearRing[0]));
        }

        private LinearRing ring() {
            if (!open()) return null;
            coords.clear();
            while (true) {
                skip();
                double x = number();
                if (Double.isNaN(x)) return null;
                skip();
                double y = number();
                if (Double.isNaN(y)) return null;
                coords.add(new Coordinate(x, y));
                skip();
                if (i >= n) return null;
                char c = s[i++];
                if (c == ')') break;
                if (c != ',') return null;
            }
            int size = coords.size();
            if (size < 4 || !coords.get(0).equals2D(coords.get(size - 1))) return null;
            return factory.createLinearRing(factory.getCoordinateSequenceFactory().create(coords.toArray(new Coordinate[0])));
        }

        private boolean open() {
            skip();
            if (i < n && s[i] == '(') {
                i++;
                return true;
            }
            return false;
        }

        /** JTS's whitespace: every character up to the space. */
        private void skip() {
            while (i < n && s[i] <= ' ') i++;
        }

        /** A plain decimal number ending at whitespace, a comma or a closing parenthesis; NaN when it is not one. */
        private double number() {
            int start = i;
            boolean negative = false;
            if (i < n && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
            long mantissa = 0;
            int significant = 0, digits = 0, scale = 0;
            while (i < n) {
                char c = s[i];
                if (c < '0' || c > '9') break;
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                    if (significant <= 18) mantissa = mantissa * 10 + (c - '0');
                }
                i++;
            }
            if (i < n && s[i] == '.') {
                i++;
                while (i < n) {
                    char c = s[i];
                    if (c < '0' || c > '9') break;
                    digits++;
                    scale++;
                    if (significant > 0 || c != '0') {
                        significant++;
                        if (significant <= 18) mantissa = mantissa * 10 + (c - '0');
                    }
                    i++;
                }
            }
            if (digits == 0) return Double.NaN;
            int exponent = 0;
            if (i < n && (s[i] == 'e' || s[i] == 'E')) {
                i++;
                boolean negativeExponent = false;
                if (i < n && (s[i] == '-' || s[i] == '+')) negativeExponent = s[i++] == '-';
                int expDigits = 0;
                while (i < n) {
                    char c = s[i];
                    if (c < '0' || c > '9') break;
                    if (exponent < 100_000) exponent = exponent * 10 + (c - '0');
                    expDigits++;
                    i++;
                }
                if (expDigits == 0) return Double.NaN;
                if (negativeExponent) exponent = -exponent;
            }
            // the number must end where JTS's word ends: at whitespace, a comma or a closing parenthesis
            if (i >= n) return Double.NaN;
            char end = s[i];
            if (!(end <= ' ' || end == ',' || end == ')')) return Double.NaN;
            double v;
            int power = exponent - scale;
            if (significant <= 15 && power >= -22 && power <= 22) {
                v = power >= 0 ? (double) mantissa * POWERS[power] : (double) mantissa / POWERS[-power];
                if (significant == 0) v = 0;
            } else {
                v = Double.parseDouble(new String(s, start, i - start));
                return v; // parseDouble has applied the sign
            }
            return negative ? -v : v;
        }

        private boolean keyword(int from, int to, String lower) {
            if (to - from != lower.length()) return false;
            for (int k = 0; k < lower.length(); k++) {
                char c = s[from + k];
                if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
                if (c != lower.charAt(k)) return false;
            }
            return true;
        }
    }

    /** A character of a JTS word: letters, digits, '-', '+', '.', and everything from U+00A0 on. */
    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c >= 160;
    }
}
