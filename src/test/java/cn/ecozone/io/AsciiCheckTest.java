package cn.ecozone.io;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link SiteInputReader#ascii} (eight bytes at a time) against a byte loop, on every length 0–40 and a non-ASCII byte at every place. */
class AsciiCheckTest {
    @Test
    void eightAtATimeIsTheByteLoop() {
        Random r = new Random(1);
        for (int n = 0; n <= 40; n++) {
            byte[] b = new byte[n];
            for (int k = 0; k < n; k++) b[k] = (byte) r.nextInt(128);
            assertEquals(true, SiteInputReader.ascii(b));
            for (int at = 0; at < n; at++) {
                byte keep = b[at];
                b[at] = (byte) (0x80 | r.nextInt(128));
                assertEquals(false, SiteInputReader.ascii(b), n + " " + at);
                b[at] = keep;
            }
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(100)];
            r.nextBytes(b);
            if (r.nextBoolean()) for (int k = 0; k < b.length; k++) b[k] &= 0x7F;
            boolean loop = true;
            for (byte x : b) loop &= x >= 0;
            assertEquals(loop, SiteInputReader.ascii(b));
        }
    }
}
