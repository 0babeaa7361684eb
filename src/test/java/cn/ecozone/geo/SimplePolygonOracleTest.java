package cn.ecozone.geo;

import cn.ecozone.io.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faster validity proof ({@link SimplePolygon}) answers what the former one ({@link FormerSimplePolygon}, kept
 * verbatim) answered, on every generated ring: valid stars and blobs, random walks that cross and touch themselves,
 * rings with folds (a vertex going straight back along its edge, exactly), spikes, collinear runs, duplicate points,
 * touching vertices, first/last-edge folds at vertex 0, and the same rings scaled to tiny (1e-300) and huge (1e300)
 * coordinates or moved far from the origin, in both coordinate sequence kinds (objects and packed doubles).
 */
class SimplePolygonOracleTest {
    private static final GeometryFactory F = Geometries.FACTORY;

    @Test
    void answersAsTheFormerProofOnHundredsOfThousandsOfRings() {
        Random rnd = new Random(20261202);
        int cases = 0, proven = 0;
        int[] provenBy = new int[Family.values().length], seen = new int[Family.values().length];
        for (int k = 0; k < 200_000; k++) {
            Family family = Family.values()[k % Family.values().length];
            Coordinate[] ring = family.ring(rnd);
            ring = transform(rnd, ring, k);
            if (ring == null) continue;
            Geometry g = polygon(ring, k % 3 == 0);
            if (g == null) continue;
            boolean former = FormerSimplePolygon.provablyValid(g), now = SimplePolygon.provablyValid(g);
            if (former != now) {
                throw new AssertionError("family " + family + ", case " + k + ": former " + former + ", now " + now + ": " + Arrays.toString(ring));
            }
            cases++;
            seen[family.ordinal()]++;
            if (now) {
                proven++;
                provenBy[family.ordinal()]++;
            }
            // and a proof is never wrong (IsValidOp is slower: every 400th)
            if (now && k % 400 == 0) assertTrue(IsValidOp.isValid(g), "proved valid but IsValidOp disagrees: " + g);
        }
        assertTrue(cases > 180_000, "cases " + cases);
        assertTrue(proven > cases / 5 && proven < cases * 4 / 5, "a mix of proved and not proved: " + proven + " of " + cases);
        for (Family f : Family.values()) {
            // every family gives both answers somewhere, except those built to be invalid or valid only
            assertTrue(seen[f.ordinal()] > 8_000, f + " seen " + seen[f.ordinal()]);
            if (f.mixed) assertTrue(provenBy[f.ordinal()] > 0 && provenBy[f.ordinal()] < seen[f.ordinal()], f + ": proven " + provenBy[f.ordinal()] + " of " + seen[f.ordinal()]);
        }
    }

    @Test
    void answersAsTheFormerProofOnHandMadeEdgeCases() {
        double[][][] rings = {
                {{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}, // square
                {{0, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}, // a straight vertex (collinear, forward): valid
                {{0, 0}, {2, 0}, {1, 0}, {1, 2}, {0, 0}}, // fold back along the first edge
                {{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 3}, {0, 0}}, // the last edge folds back onto the first... at vertex 0
                {{0, 1}, {0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 1}}, // vertex 0 in the middle of a straight side
                {{0, 0}, {2, 0}, {2, 2}, {1, 0}, {0, 2}, {0, 0}}, // touches itself at a vertex
                {{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}, // bow-tie
                {{0, 0}, {4, 0}, {4, 4}, {2, 4}, {2, 0}, {0, 0}}, // an edge lying on another
                {{0, 0}, {1, 0}, {1, 1}, {0, 0}}, // triangle
                {{0, 0}, {1, 0}, {2, 0}, {0, 0}}, // collapsed triangle
                {{0, 0}, {1e-300, 0}, {1e-300, 1e-300}, {0, 1e-300}, {0, 0}}, // tiny
                {{0, 0}, {1e-300, 0}, {2e-300, 0}, {1e-300, 0}, {1e-300, 1e-300}, {0, 0}}, // tiny fold (dot underflows)
                {{1e300, 1e300}, {1.5e300, 1e300}, {1.5e300, 1.5e300}, {1e300, 1.5e300}, {1e300, 1e300}}, // huge
                {{-1e308, -1e308}, {1e308, -1e308}, {1e308, 1e308}, {-1e308, 1e308}, {-1e308, -1e308}}, // differences overflow
                {{0, 0}, {Double.POSITIVE_INFINITY, 0}, {1, 1}, {0, 0}}, // infinite coordinate
                {{-0.0, 0}, {1, 0}, {1, 1}, {0.0, 1}, {0.0, -0.0}}, // signed zeros
        };
        for (double[][] r : rings) {
            Coordinate[] cs = new Coordinate[r.length];
            for (int i = 0; i < r.length; i++) cs[i] = new Coordinate(r[i][0], r[i][1]);
            for (boolean packed : new boolean[] {false, true}) {
                Geometry g = polygon(cs, packed);
                if (g == null) continue;
                assertEquals(FormerSimplePolygon.provablyValid(g), SimplePolygon.provablyValid(g), Arrays.deepToString(r));
            }
        }
        // holes, several parts, a one-part collection, empty: the same (false, false, true, false)
        Polygon square = F.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(4, 0), new Coordinate(4, 4), new Coordinate(0, 4), new Coordinate(0, 0)});
        LinearRing hole = F.createLinearRing(new Coordinate[] {new Coordinate(1, 1), new Coordinate(2, 1), new Coordinate(2, 2), new Coordinate(1, 1)});
        for (Geometry g : List.of(F.createPolygon(square.getExteriorRing().getCoordinates()) , F.createPolygon(F.createLinearRing(square.getExteriorRing().getCoordinates()), new LinearRing[] {hole}),
                F.createMultiPolygon(new Polygon[] {square, (Polygon) square.copy()}), F.createMultiPolygon(new Polygon[] {square}), F.createPolygon())) {
            assertEquals(FormerSimplePolygon.provablyValid(g), SimplePolygon.provablyValid(g), g.toText());
        }
        // past the size limit, both leave it to IsValidOp
        Geometry big = cn.ecozone.testsupport.RandomShapes.star(new Random(1), 112, 39, 0.1, SimplePolygon.MAX_POINTS);
        assertEquals(FormerSimplePolygon.provablyValid(big), SimplePolygon.provablyValid(big));
        // one thread proving a big ring then a small one (the reused arrays hold the big one's leftovers)
        Geometry large = cn.ecozone.testsupport.RandomShapes.star(new Random(2), 112, 39, 0.1, 3000);
        assertEquals(FormerSimplePolygon.provablyValid(large), SimplePolygon.provablyValid(large));
        Geometry fold = polygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(2, 0), new Coordinate(1, 0), new Coordinate(1, 2), new Coordinate(0, 0)}, false);
        assertEquals(false, SimplePolygon.provablyValid(fold));
    }

    private enum Family {
        /** Star-shaped rings around a centre (valid unless points coincide by rounding). */
        STAR(false) {
            Coordinate[] ring(Random rnd) {
                int n = 3 + rnd.nextInt(rnd.nextInt(16) == 0 ? 600 : 40);
                Coordinate[] cs = new Coordinate[n + 1];
                double r = 0.01 * Math.pow(10, rnd.nextInt(5) - 2);
                for (int j = 0; j < n; j++) {
                    double a = 2 * Math.PI * j / n, rr = r * (0.3 + rnd.nextDouble());
                    cs[j] = new Coordinate(112 + rr * Math.cos(a), 39 + rr * Math.sin(a));
                }
                cs[n] = cs[0];
                return cs;
            }
        },
        /** Random walks on a coarse grid: they cross, touch, fold back, repeat points and run collinear. */
        GRID_WALK(true) {
            Coordinate[] ring(Random rnd) {
                int n = 3 + rnd.nextInt(rnd.nextInt(4) == 0 ? 30 : 7);
                int grid = 2 + rnd.nextInt(rnd.nextBoolean() ? 4 : 30);
                Coordinate[] cs = new Coordinate[n + 1];
                for (int j = 0; j < n; j++) cs[j] = new Coordinate(rnd.nextInt(grid), rnd.nextInt(grid));
                cs[n] = cs[0];
                return cs;
            }
        },
        /** Rectilinear staircases on integers: collinear straight vertices, exact folds where a step goes back. */
        STAIRS(true) {
            Coordinate[] ring(Random rnd) {
                List<Coordinate> cs = new ArrayList<>();
                int x = 0, y = 0, steps = 2 + rnd.nextInt(20);
                cs.add(new Coordinate(0, 0));
                for (int s = 0; s < steps; s++) {
                    x += rnd.nextInt(3);
                    cs.add(new Coordinate(x, y));
                    y += rnd.nextInt(3) - (rnd.nextInt(12) == 0 ? 2 : 0);
                    cs.add(new Coordinate(x, y));
                }
                cs.add(new Coordinate(x, y + 1 + rnd.nextInt(3)));
                cs.add(new Coordinate(0, y + 1 + rnd.nextInt(3)));
                if (rnd.nextInt(6) == 0) cs.add(new Coordinate(0, -rnd.nextInt(2))); // sometimes past vertex 0: a fold at the start
                cs.add(new Coordinate(0, 0));
                return cs.toArray(Coordinate[]::new);
            }
        },
        /** A valid star with one defect: a spike out and exactly back, a fold, a duplicate, a touch, or a crossing. */
        DEFECT(true) {
            Coordinate[] ring(Random rnd) {
                Coordinate[] star = STAR.ring(rnd);
                int n = star.length - 1;
                List<Coordinate> cs = new ArrayList<>(Arrays.asList(star).subList(0, n));
                int at = rnd.nextInt(n), kind = rnd.nextInt(7);
                Coordinate a = cs.get(at), b = cs.get((at + 1) % n);
                switch (kind) {
                    case 0 -> cs.add(at + 1, a.copy()); // duplicate point
                    case 1 -> { // fold back: b, then a point on the way back towards a (exact: b + (a - b)/2 with power-of-two steps)
                        cs.add(at + 2 > cs.size() ? cs.size() : at + 2, new Coordinate(b.x + (a.x - b.x) / 2, b.y + (a.y - b.y) / 2));
                    }
                    case 2 -> { // spike: out past b along the edge and back to b (a fold at the tip)
                        Coordinate tip = new Coordinate(b.x + (b.x - a.x), b.y + (b.y - a.y));
                        cs.add(at + 2 > cs.size() ? cs.size() : at + 2, tip);
                        cs.add(at + 3 > cs.size() ? cs.size() : at + 3, b.copy());
                    }
                    case 3 -> cs.set(at, cs.get((at + n / 2) % n).copy()); // a vertex moved onto another: touch
                    case 4 -> { // swap two vertices: usually a crossing
                        int o = (at + 1 + rnd.nextInt(Math.max(1, n - 2))) % n;
                        Coordinate t = cs.get(at);
                        cs.set(at, cs.get(o));
                        cs.set(o, t);
                    }
                    case 5 -> cs.add(at + 1, new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2)); // a straight vertex: still valid (mostly)
                    default -> { } // untouched
                }
                cs.add(cs.get(0));
                return cs.toArray(Coordinate[]::new);
            }
        },
        /** Zigzags with near-collinear turns (orientation filters pushed to their exact fallback). */
        NEAR_COLLINEAR(true) {
            Coordinate[] ring(Random rnd) {
                int n = 4 + rnd.nextInt(30);
                List<Coordinate> cs = new ArrayList<>();
                double eps = Math.ulp(1.0) * (1 + rnd.nextInt(4)) * (rnd.nextBoolean() ? 1 : 1e6);
                for (int j = 0; j < n; j++) cs.add(new Coordinate(j * 0.1 + 1, (j % 2 == 0 ? 0 : eps) + 1));
                if (rnd.nextInt(3) == 0) cs.add(new Coordinate((n - 1) * 0.1 + 1 - 0.05, 1)); // back along the last edge
                cs.add(new Coordinate((n - 1) * 0.1 + 1, 2));
                cs.add(new Coordinate(1, 2));
                cs.add(cs.get(0));
                return cs.toArray(Coordinate[]::new);
            }
        };

        final boolean mixed;

        Family(boolean mixed) {
            this.mixed = mixed;
        }

        abstract Coordinate[] ring(Random rnd);
    }

    /** The ring as generated, or scaled by a power of two (exact) to tiny or huge, or moved, or reversed. */
    private static Coordinate[] transform(Random rnd, Coordinate[] cs, int k) {
        int t = rnd.nextInt(8);
        Coordinate[] out = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            Coordinate c = cs[i];
            out[i] = switch (t) {
                case 0 -> new Coordinate(Math.scalb(c.x, -1000), Math.scalb(c.y, -1000)); // tiny: products underflow
                case 1 -> new Coordinate(Math.scalb(c.x, 900), Math.scalb(c.y, 900)); // huge
                case 2 -> new Coordinate(c.x + 1e15, c.y - 1e15); // far out: the moved ring is rounded (and may change)
                case 3 -> new Coordinate(c.x * 1e-12, c.y * 1e-12); // small, rounded
                default -> new Coordinate(c.x, c.y);
            };
        }
        for (Coordinate c : out) if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) return null;
        if (t == 4) {
            for (int i = 0; i < out.length / 2; i++) {
                Coordinate s = out[i];
                out[i] = out[out.length - 1 - i];
                out[out.length - 1 - i] = s;
            }
        }
        return out;
    }

    /** A polygon of the ring (null where JTS refuses to build one, e.g. too few points); sometimes on packed doubles. */
    private static Geometry polygon(Coordinate[] cs, boolean packed) {
        if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) return null;
        try {
            if (!packed) return F.createPolygon(cs);
            double[] xy = new double[2 * cs.length];
            for (int i = 0; i < cs.length; i++) {
                xy[2 * i] = cs[i].x;
                xy[2 * i + 1] = cs[i].y;
            }
            return F.createPolygon(new PackedCoordinateSequence.Double(xy, 2, 0));
        } catch (IllegalArgumentException notARing) {
            return null;
        }
    }
}
