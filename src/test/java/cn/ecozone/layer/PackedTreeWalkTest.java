package cn.ecozone.layer;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SortedSTRtree}'s packed walk answers JTS's own walk of the same tree — the same item objects in the same
 * order, through the list query and the visitor query — on a national-size tree (150,000 boxes: unit-like cells and
 * small scattered boxes, many sharing edges) for random boxes of every size, boxes whose sides lie exactly on items'
 * sides, points, the null box and boxes outside everything; and on empty, one-item and small trees; before
 * {@code build()} (the query builds) and after a removal (JTS's walk then).
 */
class PackedTreeWalkTest {
    @Test
    void answersAsJtsWalkOnANationalSizeTree() {
        Random rnd = new Random(17);
        SortedSTRtree tree = new SortedSTRtree();
        List<Envelope> boxes = new ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            Envelope e;
            if (i % 3 != 0) { // a grid of cells sharing their sides, like control units
                int cx = rnd.nextInt(240), cy = rnd.nextInt(190);
                e = new Envelope(105 + cx * 0.0625, 105 + (cx + 1) * 0.0625, 30 + cy * 0.0625, 30 + (cy + 1) * 0.0625);
            } else { // small scattered boxes and points, like red lines and monitoring points
                double x = 105 + rnd.nextDouble() * 15, y = 30 + rnd.nextDouble() * 12, r = i % 9 == 0 ? 0 : rnd.nextDouble() * 0.02;
                e = new Envelope(x - r, x + r, y - r, y + r);
            }
            boxes.add(e);
            tree.insert(e, Integer.valueOf(i));
        }
        tree.build();
        int nonEmpty = 0;
        for (int k = 0; k < 2000; k++) {
            Envelope q = switch (k % 5) {
                case 0 -> boxes.get(rnd.nextInt(boxes.size())); // exactly an item's box (sides equal)
                case 1 -> {
                    double x = 104 + rnd.nextDouble() * 17, y = 29 + rnd.nextDouble() * 14;
                    yield new Envelope(x, x, y, y); // a point
                }
                case 2 -> {
                    double x = 104 + rnd.nextDouble() * 17, y = 29 + rnd.nextDouble() * 14, w = rnd.nextDouble() * 0.5;
                    yield new Envelope(x, x + w, y, y + w * rnd.nextDouble());
                }
                case 3 -> { // sides on the cells' sides
                    int cx = rnd.nextInt(241), cy = rnd.nextInt(191);
                    yield new Envelope(105 + cx * 0.0625, 105 + (cx + rnd.nextInt(4)) * 0.0625, 30 + cy * 0.0625, 30 + (cy + rnd.nextInt(4)) * 0.0625);
                }
                default -> {
                    double x = 105 + rnd.nextDouble() * 15, y = 30 + rnd.nextDouble() * 12, r = 0.02 + rnd.nextDouble() * 0.03; // a site's search box
                    yield new Envelope(x - r, x + r, y - r, y + r);
                }
            };
            nonEmpty += same(tree, q) > 0 ? 1 : 0;
        }
        assertTrue(nonEmpty > 1500, "most queries find items: " + nonEmpty);
        for (Envelope q : new Envelope[] {new Envelope(), new Envelope(0, 1, 0, 1), new Envelope(-180, 180, -90, 90), new Envelope(120.5, 130, 42.5, 50)}) same(tree, q);
    }

    @Test
    void answersAsJtsOnSmallTreesBeforeBuildAndAfterARemoval() {
        Random rnd = new Random(5);
        for (int n : new int[] {0, 1, 2, 9, 10, 11, 100, 101, 1000}) {
            SortedSTRtree tree = new SortedSTRtree();
            STRtree jts = new STRtree();
            List<Envelope> boxes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double x = rnd.nextInt(20), y = rnd.nextInt(20);
                Envelope e = new Envelope(x, x + rnd.nextInt(3), y, y + rnd.nextInt(3));
                boxes.add(e);
                tree.insert(e, Integer.valueOf(i));
                jts.insert(e, Integer.valueOf(i));
            }
            // not built yet: the first query builds (and packs)
            Envelope first = new Envelope(3, 9, 3, 9);
            assertEquals(jts.query(first), tree.query(first));
            for (int k = 0; k < 200; k++) {
                double x = rnd.nextInt(24) - 2, y = rnd.nextInt(24) - 2;
                Envelope q = new Envelope(x, x + rnd.nextInt(6), y, y + rnd.nextInt(6));
                same(tree, q);
                assertEquals(jts.query(q), tree.query(q), "n " + n);
            }
            if (n > 0) {
                assertEquals(jts.remove(boxes.get(0), Integer.valueOf(0)), tree.remove(boxes.get(0), Integer.valueOf(0)));
                Envelope all = new Envelope(-5, 30, -5, 30);
                assertEquals(jts.query(all), tree.query(all), "after a removal");
            }
        }
    }

    /** The packed walk's items are JTS's walk's, object for object, by list and by visitor; answers how many. */
    private static int same(SortedSTRtree tree, Envelope q) {
        List<?> jts = tree.jtsQuery(q), packed = tree.query(q);
        List<Object> visited = new ArrayList<>();
        tree.query(q, visited::add);
        assertEquals(jts.size(), packed.size(), "query " + q);
        assertEquals(jts.size(), visited.size(), "visitor query " + q);
        for (int i = 0; i < jts.size(); i++) {
            assertSame(jts.get(i), packed.get(i), "query " + q + " item " + i);
            assertSame(jts.get(i), visited.get(i), "visitor query " + q + " item " + i);
        }
        return jts.size();
    }
}
