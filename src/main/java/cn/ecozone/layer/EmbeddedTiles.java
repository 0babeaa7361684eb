package cn.ecozone.layer;

import cn.ecozone.tiles.TileRequest;
import cn.ecozone.tiles.WebMercatorQuad;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mapbox Vector Tiles made in the JVM from a layer's spatial index (embedded mode; any {@link FeatureSource} can use
 * it through {@code candidates}). Per feature that intersects the tile (exact test in lon/lat): vertices projected to
 * Web Mercator and to tile units, rings clipped to the tile plus buffer, coordinates rounded to the tile's integer
 * grid, and consecutive repeated points (and the there-and-back spikes of no area that rounding leaves) dropped.
 * That is the whole generalisation: a vertex shared by two adjacent
 * polygons rounds to the same grid point in both, so shared boundaries stay closed at every zoom (no per-polygon
 * simplification, which would open slivers between neighbours). Polygons that round to no area are left out, as
 * PostGIS {@code ST_AsMVTGeom} does. At zooms up to {@value LowZoomCopies#MAX_ZOOM} polygons come from the layer's
 * {@link LowZoomCopies} (the same rounding, done once per layer version and zoom, so a national z 4 tile no longer
 * projects millions of vertices). Encoded with mapbox-vector-tile-java (winding order per MVT 2.1).
 */
public final class EmbeddedTiles {
    private static final GeometryFactory TILE_GEOMETRY = new GeometryFactory();

    private EmbeddedTiles() {}

    /** The bytes held by the low-zoom copies made so far (memory benchmark). */
    public static long lowZoomCopyBytes() {
        return LowZoomCopies.bytes();
    }

    /**
     * Lets go of the low-zoom copy tiles of zoom z at this extent come from (a no-op when none serves them): the
     * tile warm-up calls it once every tile of that zoom over the layer is kept in the tile cache. A tile of that grid
     * asked for later builds it again.
     */
    public static void releaseLowZoomCopy(FeatureSource source, int z, int extent) {
        int level = LowZoomCopies.level(z, extent);
        if (level != Integer.MIN_VALUE) LowZoomCopies.release(source, level);
    }

    /** The tile, or an empty array when no feature is in it. */
    public static byte[] encode(FeatureSource source, TileRequest r) {
        return encode(r, features(source, r));
    }

    /** The features as a vector tile (the MVT layer named and sized by the request), or an empty array when there are none. */
    public static byte[] encode(TileRequest r, List<Geometry> features) {
        if (features.isEmpty()) return new byte[0];
        JtsMvt mvt = new JtsMvt(new JtsLayer(r.layerName(), features, r.extent()));
        return MvtEncoder.encode(mvt, new MvtLayerParams(r.extent()), new UserDataKeyValueMapConverter());
    }

    /**
     * What the vector tile of this request holds, before encoding: per feature intersecting the tile, in id order,
     * its geometry in tile units (x east, y down, 0–extent, clipped to the buffered tile and snapped to the tile's
     * integer grid; specks on the coarse grid) with the requested attributes as a {@code Map<String, Object>} in
     * {@link Geometry#getUserData()}. The map tiles (PNG) are painted from exactly this list.
     */
    public static List<Geometry> features(FeatureSource source, TileRequest r) {
        Envelope lonLat = r.tile().lonLat();
        BoxIntersects box = new BoxIntersects(lonLat);
        List<IndexedFeature> candidates = new ArrayList<>(source.candidates(lonLat));
        candidates.sort(Comparator.comparing(IndexedFeature::id, FeatureOrder.IDS));
        TileProjection p = new TileProjection(r);
        int level = LowZoomCopies.level(r.tile().z(), r.extent());
        // no copy for a tile with no candidates (around the layer's extent at national zooms): after the warm-up let
        // its copies go, such a 204 rebuilt one in ≈ 1.5 s and held it again
        LowZoomCopies.Copy copy = level != Integer.MIN_VALUE && !candidates.isEmpty() ? LowZoomCopies.of(source, level) : null;
        List<Geometry> out = new ArrayList<>();
        for (IndexedFeature c : candidates) {
            int i = copy == null ? -1 : copy.indexOf(c);
            if (!box.test(c)) continue;
            Geometry g = i < 0 ? p.toTile(c.geometry()) : copy.nothing(i) ? null : p.fromCopy(copy, i);
            // on the coarse grid a feature covering less than one grid cell is drawn as a one-cell speck (the encoder
            // would drop some such slivers, depending on their winding)
            if (g != null && i >= 0 && g.getArea() < 1) g = null;
            if (g == null && i >= 0) {
                // rounds to no area on this coarse grid (or its part in the tile does): a speck of one grid cell where
                // it lies, so that every feature stays on the map at every zoom (a pixel, as a renderer would draw a
                // sub-pixel polygon)
                g = p.speck(c.envelope());
            }
            if (g == null) continue;
            g.setUserData(properties(c.feature(), r.properties()));
            out.add(g);
        }
        return out;
    }

    private static Map<String, Object> properties(SimpleFeature f, List<String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String n : names) {
            Object v = f.getAttribute(n);
            if (v instanceof Integer i) v = i.longValue();
            else if (v instanceof Float x) v = x.doubleValue();
            if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) m.put(n, v);
        }
        return m;
    }

    /** Lon/lat → tile units (x east, y down), clipping to the buffered tile and snapping to the integer grid. */
    static final class TileProjection {
        private final double minX, maxY, scale, lo, hi, extent;
        private final long offX, offY;

        TileProjection(TileRequest r) {
            Envelope m = r.tile().mercator();
            this.minX = m.getMinX();
            this.maxY = m.getMaxY();
            this.scale = r.extent() / m.getWidth();
            this.extent = r.extent();
            this.lo = -r.buffer();
            this.hi = r.extent() + r.buffer();
            this.offX = (long) r.tile().x() * r.extent();
            this.offY = (long) r.tile().y() * r.extent();
        }

        /**
         * The grid cell holding the centre of a lon/lat envelope's part in the tile (projected to tile units, clipped
         * to the tile square), as a square polygon of one unit, or null when the envelope misses the tile.
         */
        Geometry speck(Envelope lonLat) {
            double x1 = Math.max(px(lonLat.getMinX()), 0), x2 = Math.min(px(lonLat.getMaxX()), extent);
            double y1 = Math.max(py(lonLat.getMaxY()), 0), y2 = Math.min(py(lonLat.getMinY()), extent);
            if (x1 > x2 || y1 > y2) return null;
            double x = Math.floor((x1 + x2) / 2), y = Math.floor((y1 + y2) / 2);
            return TILE_GEOMETRY.createPolygon(new Coordinate[]{new Coordinate(x, y), new Coordinate(x + 1, y), new Coordinate(x + 1, y + 1),
                    new Coordinate(x, y + 1), new Coordinate(x, y)});
        }

        /** Feature i of a {@link LowZoomCopies low-zoom copy} (already on this tile's grid) in tile units, or null. */
        Geometry fromCopy(LowZoomCopies.Copy copy, int i) {
            List<Polygon> polys = new ArrayList<>(1);
            int end = copy.endRing(i);
            for (int r = copy.firstRing(i); r < end; ) {
                LinearRing shell = ring(copy.coords, copy.start(r), copy.end(r));
                int next = r + 1;
                while (next < end && !copy.shell(next)) next++;
                double shellArea = shell == null ? 0 : Math.abs(Area.ofRingSigned(shell.getCoordinateSequence()));
                // a shell of no area (its kept vertices on one grid line) is not encoded: the feature becomes a speck
                if (shellArea > 0) {
                    List<LinearRing> holes = new ArrayList<>();
                    for (int h = r + 1; h < next; h++) {
                        LinearRing hole = ring(copy.coords, copy.start(h), copy.end(h));
                        if (hole != null && Math.abs(Area.ofRingSigned(hole.getCoordinateSequence())) < shellArea) holes.add(hole);
                    }
                    polys.add(TILE_GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
                }
                r = next;
            }
            if (polys.isEmpty()) return null;
            return polys.size() == 1 ? polys.get(0) : TILE_GEOMETRY.createMultiPolygon(polys.toArray(Polygon[]::new));
        }

        /** A snapped ring of a copy (ints from..to): shifted to this tile, clipped, snapped again (only clip points move), repeats dropped. */
        private LinearRing ring(int[] xy, int from, int to) {
            int n = (to - from) / 2;
            double[] xs = new double[n], ys = new double[n];
            boolean inside = true;
            double minx = Double.MAX_VALUE, maxx = -Double.MAX_VALUE, miny = Double.MAX_VALUE, maxy = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                double x = xs[i] = xy[from + 2 * i] - offX, y = ys[i] = xy[from + 2 * i + 1] - offY;
                if (x < lo || x > hi || y < lo || y > hi) inside = false;
                if (x < minx) minx = x;
                if (x > maxx) maxx = x;
                if (y < miny) miny = y;
                if (y > maxy) maxy = y;
            }
            if (maxx < lo || minx > hi || maxy < lo || miny > hi) return null; // this part is elsewhere
            Ring r = new Ring(xs, ys, n);
            if (!inside) {
                for (int side = 0; side < 4 && r.n > 0; side++) r = clip(r, side);
            }
            return snap(r);
        }

        double px(double lon) {
            return (WebMercatorQuad.x(lon) - minX) * scale;
        }

        double py(double lat) {
            return (maxY - WebMercatorQuad.y(lat)) * scale;
        }

        /** The geometry in tile units, or null when nothing of it is left in the buffered tile. */
        Geometry toTile(Geometry g) {
            if (g instanceof Point pt) {
                if (pt.isEmpty()) return null;
                double x = Math.rint(px(pt.getX())), y = Math.rint(py(pt.getY()));
                if (x < lo || x > hi || y < lo || y > hi) return null;
                return TILE_GEOMETRY.createPoint(new Coordinate(x, y));
            }
            if (g.getNumGeometries() > 1 || !(g instanceof Polygon)) {
                List<Polygon> polys = new ArrayList<>();
                List<Point> points = new ArrayList<>();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Geometry part = toTile(g.getGeometryN(i));
                    if (part instanceof Polygon p) polys.add(p);
                    else if (part instanceof Point p) points.add(p);
                }
                if (!polys.isEmpty()) {
                    return polys.size() == 1 ? polys.get(0) : TILE_GEOMETRY.createMultiPolygon(polys.toArray(Polygon[]::new));
                }
                if (!points.isEmpty()) {
                    return points.size() == 1 ? points.get(0) : TILE_GEOMETRY.createMultiPoint(points.toArray(Point[]::new));
                }
                return null;
            }
            Polygon poly = (Polygon) g;
            LinearRing shell = ring(poly.getExteriorRing().getCoordinateSequence());
            if (shell == null) return null;
            List<LinearRing> holes = new ArrayList<>();
            double shellArea = Math.abs(Area.ofRingSigned(shell.getCoordinateSequence()));
            for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                LinearRing h = ring(poly.getInteriorRingN(i).getCoordinateSequence());
                // a hole that grid rounding made as large as its shell (a ring zone a few units wide) is dropped, so the
                // zone still shows as a small patch instead of the encoder leaving the whole polygon out
                if (h != null && Math.abs(Area.ofRingSigned(h.getCoordinateSequence())) < shellArea) holes.add(h);
            }
            return TILE_GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new));
        }

        /** A ring in tile units: projected, clipped (Sutherland–Hodgman), snapped, repeats dropped; null when degenerate. */
        private LinearRing ring(CoordinateSequence cs) {
            int n = cs.size();
            if (n > 1 && cs.getX(0) == cs.getX(n - 1) && cs.getY(0) == cs.getY(n - 1)) n--; // open ring
            double[] xs = new double[n], ys = new double[n];
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                xs[i] = px(cs.getX(i));
                ys[i] = py(cs.getY(i));
                if (xs[i] < lo || xs[i] > hi || ys[i] < lo || ys[i] > hi) inside = false;
            }
            Ring r = new Ring(xs, ys, n);
            if (!inside) {
                for (int side = 0; side < 4 && r.n > 0; side++) r = clip(r, side);
            }
            return snap(r);
        }

        private record Ring(double[] xs, double[] ys, int n) {}

        /** One Sutherland–Hodgman pass against one side of the buffered tile (0: x ≥ lo, 1: x ≤ hi, 2: y ≥ lo, 3: y ≤ hi). */
        private Ring clip(Ring r, int side) {
            double[] ox = new double[2 * r.n + 2], oy = new double[2 * r.n + 2];
            int m = 0;
            for (int i = 0; i < r.n; i++) {
                int j = (i + 1) % r.n;
                double ax = r.xs[i], ay = r.ys[i], bx = r.xs[j], by = r.ys[j];
                boolean aIn = in(ax, ay, side), bIn = in(bx, by, side);
                if (aIn) {
                    ox[m] = ax;
                    oy[m++] = ay;
                }
                if (aIn != bIn) {
                    double edge = side == 0 || side == 2 ? lo : hi;
                    double t;
                    if (side < 2) {
                        t = (edge - ax) / (bx - ax);
                        ox[m] = edge;
                        oy[m++] = ay + t * (by - ay);
                    } else {
                        t = (edge - ay) / (by - ay);
                        ox[m] = ax + t * (bx - ax);
                        oy[m++] = edge;
                    }
                }
            }
            return new Ring(ox, oy, m);
        }

        private boolean in(double x, double y, int side) {
            return switch (side) {
                case 0 -> x >= lo;
                case 1 -> x <= hi;
                case 2 -> y >= lo;
                default -> y <= hi;
            };
        }

        /**
         * Rounds to the grid and drops repeats and spikes, in primitive arrays: only the vertices kept become
         * coordinates (at small zooms most of a ring's vertices collapse, and one object per input vertex was most of
         * a tile's garbage).
         */
        private static LinearRing snap(Ring r) {
            double[] xs = new double[r.n], ys = new double[r.n];
            int k = 0;
            for (int i = 0; i < r.n; i++) {
                double x = Math.rint(r.xs[i]), y = Math.rint(r.ys[i]);
                if (k > 0 && xs[k - 1] == x && ys[k - 1] == y) continue; // repeated point
                if (k > 1 && xs[k - 2] == x && ys[k - 2] == y) { // a there-and-back spike of no area: a, b, a → a
                    k--;
                    continue;
                }
                xs[k] = x;
                ys[k++] = y;
            }
            int s = 0; // first kept vertex
            boolean changed = true;
            while (changed && k - s >= 3) { // the same where the ring closes
                changed = false;
                if (xs[s] == xs[k - 1] && ys[s] == ys[k - 1]) {
                    k--;
                    changed = true;
                } else if (xs[k - 2] == xs[s] && ys[k - 2] == ys[s]) {
                    k--;
                    changed = true;
                } else if (xs[s + 1] == xs[k - 1] && ys[s + 1] == ys[k - 1]) {
                    s++;
                    changed = true;
                }
            }
            if (k - s < 3) return null;
            Coordinate[] pts = new Coordinate[k - s + 1];
            for (int i = s; i < k; i++) pts[i - s] = new Coordinate(xs[i], ys[i]);
            pts[k - s] = new Coordinate(xs[s], ys[s]);
            return TILE_GEOMETRY.createLinearRing(pts);
        }
    }
}
