package cn.ecozone.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A JSON number's text (ASCII bytes) to the double {@link Double#parseDouble} gives for it, bit for bit, without making
 * a String: Clinger's fast path when the digits and the power of ten are both exact doubles; else one 64×64-bit
 * product with a table of 5<sup>q</sup> (the Eisel–Lemire idea), taken only when the bits below the half-way bit
 * prove the rounding; else (more than 19 significant digits, a result near half-way, subnormal or overflowing, an
 * exponent out of the table) {@link Double#parseDouble} itself. The benchmark's coordinates ({@link Double#toString}
 * output, 16–17 significant digits) take the product path. {@code JsonDoublesTest} holds it to {@code
 * Double.parseDouble} on millions of generated numbers.
 */
final class JsonDoubles {
    private JsonDoubles() {}

    static final int MIN_Q = -342;
    static final int MAX_Q = 308;
    /** 5^q ≈ POW5[q - MIN_Q] × 2^EXP5[q - MIN_Q], the 64-bit value in [2^63, 2^64) rounded down. */
    private static final long[] POW5 = new long[MAX_Q - MIN_Q + 1];
    private static final int[] EXP5 = new int[MAX_Q - MIN_Q + 1];
    private static final double[] EXACT_10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
            1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    static {
        BigInteger five = BigInteger.valueOf(5);
        for (int q = MIN_Q; q <= MAX_Q; q++) {
            BigInteger t;
            int e;
            if (q >= 0) {
                BigInteger p = five.pow(q);
                int b = p.bitLength();
                t = b <= 64 ? p.shiftLeft(64 - b) : p.shiftRight(b - 64);
                e = b - 64;
            } else {
                BigInteger p = five.pow(-q);
                int s = 63 + p.bitLength();
                t = BigInteger.ONE.shiftLeft(s).divide(p); // in (2^63, 2^64): 5^-q is no power of two
                e = -s;
            }
            if (t.bitLength() != 64) throw new AssertionError("5^" + q);
            POW5[q - MIN_Q] = t.longValue();
            EXP5[q - MIN_Q] = e;
        }
    }

    /**
     * The double of the JSON number {@code s[from, to)} ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?},
     * which the caller has checked), as {@link Double#parseDouble} reads it.
     */
    static double parse(byte[] s, int from, int to) {
        // with at most 400 characters an exponent capped at 100,000+ still puts q far out of the table
        if (to - from > 400) return slow(s, from, to);
        int i = from;
        boolean negative = s[i] == '-';
        if (negative) i++;
        long w = 0; // the significant digits, unsigned (at most 19: < 2^64)
        int digits = 0; // significant digits taken into w (from the first non-zero)
        int fraction = 0;
        boolean inFraction = false;
        for (; i < to; i++) {
            int c = s[i];
            if (c == '.') {
                inFraction = true;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) break;
            if (inFraction) fraction++;
            if (w == 0 && d == 0) continue;
            if (++digits > 19) return slow(s, from, to);
            w = w * 10 + d;
            // the next eight characters at once when they are all digits and still fit in 19 (a coordinate's fraction)
            if (digits <= 11 && i + 9 <= to) {
                long v = (long) LONG_LE.get(s, i + 1);
                if (eightDigits(v)) {
                    w = w * 100_000_000L + valueOfEight(v);
                    digits += 8;
                    if (inFraction) fraction += 8;
                    i += 8;
                }
            }
        }
        int exponent = 0;
        if (i < to) { // e or E
            i++;
            boolean negativeExponent = false;
            if (s[i] == '+') i++;
            else if (s[i] == '-') {
                negativeExponent = true;
                i++;
            }
            for (; i < to; i++) {
                if (exponent < 100_000) exponent = exponent * 10 + (s[i] - '0');
            }
            if (negativeExponent) exponent = -exponent;
        }
        if (w == 0) return negative ? -0.0 : 0.0;
        int q = exponent - fraction;
        if (w > 0 && w <= (1L << 53) && q >= -22 && q <= 22) {
            double d = (double) w;
            d = q < 0 ? d / EXACT_10[-q] : d * EXACT_10[q];
            return negative ? -d : d;
        }
        if (q < MIN_Q || q > MAX_Q) return slow(s, from, to);
        int lz = Long.numberOfLeadingZeros(w);
        long wn = w << lz;
        long hi = unsignedMultiplyHigh(wn, POW5[q - MIN_Q]);
        int upper = (int) (hi >>> 63);
        int shift = 9 + upper;
        long below = (1L << shift) - 1;
        long dropped = hi & below;
        // the exact product lies in [hi·2^64, (hi + 1)·2^64): unless the bits under the half-way bit are all 0 (maybe
        // exactly half-way, or just under) or all 1 (a carry may reach the half-way bit), they decide the rounding
        if (dropped == 0 || dropped == below) return slow(s, from, to);
        long m54 = hi >>> shift; // in [2^53, 2^54): 53 bits and the half-way bit
        long m53 = (m54 >>> 1) + (m54 & 1);
        int e2 = shift + 1 + 64 + EXP5[q - MIN_Q] + q - lz; // the value is m53 × 2^e2
        if (m53 == (1L << 53)) {
            m53 = 1L << 52;
            e2++;
        }
        int biased = e2 + 52 + 1023;
        if (biased <= 0 || biased >= 0x7FF) return slow(s, from, to);
        long bits = ((long) biased << 52) | (m53 & ((1L << 52) - 1));
        if (negative) bits |= Long.MIN_VALUE;
        return Double.longBitsToDouble(bits);
    }

    /** Eight bytes as one little-endian long: the first in the lowest byte. */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether each of the eight bytes is '0'–'9'. */
    static boolean eightDigits(long v) {
        return (v & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L && ((v + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L;
    }

    /** The value of eight digit bytes (first byte the most significant digit), two, four, then eight at a time. */
    static long valueOfEight(long v) {
        v -= 0x3030303030303030L;
        v = v * 10 + (v >>> 8); // each byte pair's low byte: its two digits' value
        return (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32))) + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    private static double slow(byte[] s, int from, int to) {
        return Double.parseDouble(new String(s, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 17 has only the signed {@link Math#multiplyHigh}). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
