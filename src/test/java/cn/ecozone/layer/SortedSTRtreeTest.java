package cn.ecozone.layer;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SortedSTRtree} is JTS's STRtree node for node: the same nested item lists for random envelopes (many
 * centres tied, -0.0 against 0.0, points, sizes around the node capacity and its powers), and the same items in the
 * same order for random queries.
 */
class SortedSTRtreeTest {
    @Test
    void buildsTheTreeJtsBuilds() {
        Random rnd = new Random(11);
        for (int n : new int[] {0, 1, 2, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 5003, 40_000}) {
            for (int round = 0; round < 3; round++) {
                STRtree jts = new STRtree();
                SortedSTRtree ours = new SortedSTRtree();
                Envelope[] envs = new Envelope[n];
                for (int i = 0; i < n; i++) {
                    // round 0: coarse grid (many ties), 1: fine, 2: around zero with signed zeros
                    double q = round == 0 ? 1 : round == 1 ? 1e-9 : 0.5;
                    double x = Math.floor(rnd.nextDouble() * 40 / q) * q - (round == 2 ? 20 : 0);
                    double y = Math.floor(rnd.nextDouble() * 40 / q) * q - (round == 2 ? 20 : 0);
                    double w = rnd.nextInt(4) == 0 ? 0 : Math.floor(rnd.nextDouble() * 4 / q) * q;
                    double h = rnd.nextInt(4) == 0 ? 0 : Math.floor(rnd.nextDouble() * 4 / q) * q;
                    if (round == 2 && rnd.nextInt(5) == 0) {
                        x = rnd.nextBoolean() ? -0.0 : 0.0;
                        w = 0;
                    }
                    envs[i] = new Envelope(x, x + w, y, y + h);
                    jts.insert(envs[i], i);
                    ours.insert(new Envelope(envs[i]), i);
                }
                jts.build();
                ours.build();
                assertEquals(jts.itemsTree(), ours.itemsTree(), "n " + n + " round " + round);
                for (int k = 0; k < 50; k++) {
                    double x = rnd.nextDouble() * 50 - 25, y = rnd.nextDouble() * 50 - 25;
                    Envelope box = new Envelope(x, x + rnd.nextDouble() * 10, y, y + rnd.nextDouble() * 10);
                    List<?> a = jts.query(box), b = ours.query(box);
                    assertEquals(a, b, "query " + box);
                }
            }
        }
    }
}
