package cn.ecozone.process;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table's numbers are the characters {@code String.format} gives, with or without the formatter. */
class BatchTableTest {
    private static void same(double v, int decimals) {
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", v), BatchTable.fixed(v, decimals), () -> "%." + decimals + "f of " + v);
    }

    @Test
    void fixedDecimalsAreWhatTheFormatterWrites() {
        Random r = new Random(20);
        for (int i = 0; i < 2_000_000; i++) {
            int decimals = r.nextInt(5);
            double v = switch (r.nextInt(6)) {
                case 0 -> r.nextDouble(); // shares
                case 1 -> r.nextDouble() * 100; // percentages
                case 2 -> Math.pow(10, r.nextDouble() * 14 - 5); // areas in ha and mu, distances: 10^-5 to 10^9
                // ties of the next digit, as a decimal reads them (0.125, 12.345 …): the formatter's own rounding
                case 3 -> Double.parseDouble(String.format(Locale.ROOT, "%." + (decimals + 1) + "f", r.nextDouble() * 1000).replaceAll(".$", "5"));
                case 4 -> (r.nextInt(2_000_000) + 0.5) / Math.pow(10, decimals); // exact binary ties
                default -> r.nextInt(100_000) / Math.pow(10, r.nextInt(6)); // short decimals, integers
            };
            same(v, decimals);
        }
    }

    @Test
    void edgesAreWhatTheFormatterWrites() {
        double[] values = {0.0, -0.0, -1.5, -0.00001, 1e-300, Double.MIN_VALUE, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 999_999_999.99995,
                1e9, 1.5e9, 123_456_789_012.5, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5, 1.5, 2.5,
                0.04999999999999999, 0.05000000000000001, 9.99995, 9.999949999999999, 99.95, 4.35, 4.45};
        for (double v : values) for (int d = 0; d <= 4; d++) same(v, d);
    }

    @Test
    void aRowIsTheSameWithTheFastNumbers() {
        // the row's cells as the formatter made them before (the share texts were one pattern)
        ProjectOutcome.HitRow h = new ProjectOutcome.HitRow("redline", "生态保护红线", "R1", "某红线", "一级", 12_345.678, 1.2345678, 18.5185185, 0.123456,
                0.0004999);
        ProjectOutcome o = new ProjectOutcome(7, null, "项目", "pv", "光伏", "prohibited", "禁止准入", "某县", 10.00005, 150.005,
                java.util.List.of(), java.util.List.of(h, h), new ProjectOutcome.Nearest("redline", "生态保护红线", "R1", null, 1234.55), java.util.List.of(),
                null, "v1", null);
        java.util.List<String> row = BatchTable.row(o);
        String hit = "生态保护红线 某红线(R1) 一级" + String.format(Locale.US, " 占地块 %.1f%% 占区域 %.2f%%", 0.123456 * 100, 0.0004999 * 100);
        assertEquals(hit + "；" + hit, row.get(13));
        assertEquals(String.format(Locale.US, "%.4f", 10.00005), row.get(7));
        assertEquals(String.format(Locale.US, "%.2f", 150.005), row.get(8));
        assertEquals(String.format(Locale.US, "%.4f；%.4f", 1.2345678, 1.2345678), row.get(14));
        assertEquals(String.format(Locale.US, "%.1f", 1234.55), row.get(17));
        assertTrue(row.get(13).contains("占区域 0.05%"), row.get(13));
    }
}
