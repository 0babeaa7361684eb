package cn.ecozone.io;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link JsonDoubles#parse} against {@link Double#parseDouble}, bit for bit, on millions of JSON numbers: {@link
 * Double#toString} and {@code %.17g} of random doubles (the benchmark's coordinates), the exact binary values (50+
 * digits), random digit strings of 1–25 digits with every exponent of the table and beyond, the half-way points
 * between neighbouring doubles (exact, and cut to 17–19 digits), subnormals, the largest and smallest doubles and
 * their neighbours, zeros of every spelling, and every JSON spelling of a number (fraction, e/E, +/- exponents).
 */
class JsonDoublesTest {
    @Test
    void everyGeneratedNumberIsDoubleParseDoubleBitForBit() {
        Random r = new Random(2026_12_02L);
        long n = 0;
        for (int i = 0; i < 500_000; i++) {
            double v = randomDouble(r);
            if (!Double.isFinite(v)) continue;
            check(Double.toString(v));
            check(Double.toString(-v));
            check(digits(r));
            check(digits(r));
            n += 4;
            if ((i & 7) == 0) {
                check(String.format(Locale.ROOT, "%.17g", v).replace("+", ""));
                check(String.format(Locale.ROOT, "%.16e", v));
                n += 2;
            }
        }
        for (int i = 0; i < 10_000; i++) {
            double v = randomDouble(r);
            if (!Double.isFinite(v) || v == Double.MAX_VALUE || v == 0) continue;
            BigDecimal a = new BigDecimal(v), b = new BigDecimal(Math.nextUp(v));
            BigDecimal half = a.add(b).divide(BigDecimal.valueOf(2));
            check(half.toString().replace("E+", "E"));
            check(half.toPlainString().length() < 380 ? half.toPlainString() : half.toString());
            for (int p = 16; p <= 20; p++) {
                BigDecimal cut = half.round(new java.math.MathContext(p));
                check(cut.toString().replace("E+", "e"));
                check(cut.add(cut.ulp()).toString());
                check(cut.subtract(cut.ulp()).toString());
            }
            check(a.toString());
            n += 19;
        }
        for (String s : List.of("0", "-0", "0.0", "-0.0", "0e10", "0E-10", "-0e+400", "0.000000000000000000000000000001", "1", "-1", "1e0", "1E+0",
                "9007199254740992", "9007199254740993", "9007199254740993.0", "9007199254740994", "9007199254740995", "18014398509481985",
                "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308", "2.225073858507201e-308", "4.9e-324", "5e-324",
                "2e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
                "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309", "1e400", "-1e400", "1e-400", "123456789012345678901234567890",
                "1e22", "1e23", "1e-22", "1e-23", "4.35679e-3", "116.12345678901234", "39.99999999999999", "0.1", "0.2", "0.3",
                "9999999999999999999", "99999999999999999999", "18446744073709551615", "18446744073709551616", "10000000000000000000e-19",
                "7.2057594037927933e16", "1e-342", "1e-343", "1e308", "1.0e-342", "8.98846567431158e307", "3.4028236692093846346e38")) {
            check(s);
            n++;
        }
        System.out.printf("%,d numbers parsed alike%n", n);
    }

    @Test
    void everyExponentOfTheTableWithShortAndLongMantissas() {
        Random r = new Random(11);
        for (int q = JsonDoubles.MIN_Q - 30; q <= JsonDoubles.MAX_Q + 30; q++) {
            for (int k = 0; k < 300; k++) {
                int len = 1 + r.nextInt(k < 100 ? 8 : 19);
                StringBuilder b = new StringBuilder();
                b.append((char) ('1' + r.nextInt(9)));
                for (int j = 1; j < len; j++) b.append((char) ('0' + r.nextInt(10)));
                check(b + "e" + q);
                check("-" + b.charAt(0) + (len > 1 ? "." + b.substring(1) : "") + "E" + (q >= 0 ? "+" : "") + q);
            }
        }
    }

    @Test
    void eightDigitsAtOnce() {
        Random r = new Random(8);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[8];
            for (int k = 0; k < 8; k++) b[k] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : '0' + r.nextInt(10));
            long v = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            boolean digits = true;
            long value = 0;
            for (byte x : b) {
                digits &= x >= '0' && x <= '9';
                value = value * 10 + (x - '0');
            }
            assertEquals(digits, JsonDoubles.eightDigits(v), java.util.Arrays.toString(b));
            if (digits) assertEquals(value, JsonDoubles.valueOfEight(v), java.util.Arrays.toString(b));
        }
    }

    static double randomDouble(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> Double.longBitsToDouble(r.nextLong());
            case 1 -> 70 + r.nextDouble() * 70; // longitudes of China
            case 2 -> 15 + r.nextDouble() * 40; // latitudes
            case 3 -> r.nextDouble() * Math.pow(10, r.nextInt(60) - 30);
            case 4 -> Double.longBitsToDouble(r.nextLong() & 0x000FFFFFFFFFFFFFL); // subnormal
            case 5 -> 300_000 + r.nextDouble() * 40_000_000; // GK metres
            case 6 -> Math.scalb(1.0 + r.nextInt(1 << 20) / (double) (1 << 20), r.nextInt(2046) - 1022);
            default -> r.nextDouble();
        };
    }

    /** A random JSON number: 1–25 digits, a fraction or not, an exponent or not. */
    static String digits(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) b.append('-');
        int intDigits = r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(20);
        if (r.nextInt(5) == 0) b.append('0');
        else {
            b.append((char) ('1' + r.nextInt(9)));
            for (int j = 1; j < intDigits; j++) b.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextBoolean()) {
            b.append('.');
            int f = 1 + r.nextInt(22);
            for (int j = 0; j < f; j++) b.append(r.nextInt(6) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
        }
        if (r.nextBoolean()) {
            b.append(r.nextBoolean() ? 'e' : 'E');
            int c = r.nextInt(3);
            if (c == 0) b.append('+');
            else if (c == 1) b.append('-');
            b.append(r.nextInt(4) == 0 ? r.nextInt(10) : r.nextInt(400));
        }
        return b.toString();
    }

    static void check(String s) {
        byte[] b = ("  " + s + ",").getBytes(StandardCharsets.US_ASCII);
        double expected = Double.parseDouble(s);
        double actual = JsonDoubles.parse(b, 2, b.length - 1);
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            fail(s + ": Double.parseDouble " + expected + " (" + Long.toHexString(Double.doubleToRawLongBits(expected)) + "), parse " + actual
                    + " (" + Long.toHexString(Double.doubleToRawLongBits(actual)) + ")");
        }
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual));
    }
}
