package cn.ecozone.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ExternalLoad#correct} is wrk 4.1's {@code stats_correct}: one stall in a closed-loop run becomes as many
 * samples as a fixed-rate client would have waited through, which is what makes wrk's p99 far above each request's.
 * (Not a benchmark: runs with the tests.)
 */
class WrkCorrectionTest {
    @Test
    void oneStallAddsASampleEveryIntervalBelowIt() {
        long[] us = new long[100];
        Arrays.fill(us, 100);
        us[99] = 1000;
        // 100 requests on one connection in 10,900 µs: interval 109 µs; 1000 ≥ 2 × 109, so 891, 782, … down to 128 (> 109)
        long[] c = ExternalLoad.correct(us, 10_900, 1);
        assertEquals(108, c.length);
        long[] added = Arrays.copyOfRange(c, 100, 108);
        assertArrayEquals(new long[] {891, 782, 673, 564, 455, 346, 237, 128}, added);
        double[] ms = Arrays.stream(c).mapToDouble(u -> u / 1e3).toArray();
        double[] raw = Arrays.stream(us).mapToDouble(u -> u / 1e3).toArray();
        assertEquals(0.1, ExternalLoad.percentile(raw, 99), 1e-12, "as measured, 99 % of the requests took 0.1 ms");
        assertEquals(0.891, ExternalLoad.percentile(ms, 99), 1e-12, "corrected (108 samples, the 107th), the one 1 ms stall sets the p99");
    }

    @Test
    void nothingIsAddedWithoutAStall() {
        long[] us = {100, 120, 90, 150};
        assertArrayEquals(us, ExternalLoad.correct(us, 460, 1));
    }
}
