package cn.ecozone.tiles;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Map tiles: the features of a vector tile painted into a PNG with Java2D, as the web map draws vector tiles
 * ({@code web/js/tiles.js draw}) — per feature in tile order, its rings as one even-odd path, filled with the class's fill
 * colour at its fill opacity, then outlined with the class's stroke colour at its opacity; outlines half as wide at
 * map zooms below 8 (so small zones keep their colour at national scale); points as circles. Anti-aliased, on a
 * transparent background, so map tiles of several layers stack as the vector tiles did.
 * <p>
 * The features are those the vector tile of the same address holds ({@code FeatureSource.tileFeatures}): clipped,
 * snapped to the tile's grid, and on the coarse grid (zooms ≤ {@value TileRequest#COARSE_MAX_ZOOM}) every feature too
 * small for a grid cell is a one-cell speck — so every feature of the tile still paints at least one pixel.
 */
public final class MapTilePainter {
    public static final String PNG = "image/png";
    /** Scales offered: 1 gives the tile matrix set's 256 × 256 pixels, 2 gives 512 × 512 (the web map's tiles). */
    public static final int MIN_SCALE = 1, MAX_SCALE = 2;

    private MapTilePainter() {}

    /**
     * The map zoom a tile of zoom {@code z} painted at {@code scale} is seen at: a tile of 256·scale pixels covers what
     * 256-pixel tiles of zoom z + log2(scale) cover.
     */
    static int mapZoom(int z, int scale) {
        return z + (31 - Integer.numberOfLeadingZeros(scale));
    }

    /**
     * Paints the features (tile units, 0–extent, y down; attributes as a map in the user data) into an image of
     * 256·scale pixels a side.
     */
    public static BufferedImage paint(List<Geometry> features, int extent, int z, int scale, MapTileStyle style) {
        int size = WebMercatorQuad.TILE_SIZE * scale;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // geometry as given (no normalisation of strokes to pixel centres), as a canvas draws it
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = (double) size / extent;
            double thin = mapZoom(z, scale) < 8 ? 0.5 : 1;
            for (Geometry f : features) {
                @SuppressWarnings("unchecked")
                Map<String, Object> props = f.getUserData() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                MapTileStyle.Paint p = style.paintFor(props);
                Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                boolean area = append(path, f, s, p.radius());
                if (area && p.fill()) {
                    g.setColor(p.fillRgba());
                    g.fill(path);
                }
                if (p.strokes()) {
                    g.setColor(p.strokeRgba());
                    float w = (float) (p.weight() * thin);
                    float[] dash = p.dash();
                    g.setStroke(dash == null ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f)
                            : new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
                    g.draw(path);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Appends a geometry's rings (or circles for points) to the path; true when it encloses area (polygons, points). */
    private static boolean append(Path2D.Double path, Geometry g, double s, double radius) {
        if (g instanceof Point pt) {
            if (pt.isEmpty()) return false;
            path.append(new Ellipse2D.Double(pt.getX() * s - radius, pt.getY() * s - radius, 2 * radius, 2 * radius), false);
            return true;
        }
        if (g instanceof Polygon poly) {
            ring(path, poly.getExteriorRing().getCoordinateSequence(), s, true);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) ring(path, poly.getInteriorRingN(i).getCoordinateSequence(), s, true);
            return true;
        }
        if (g instanceof LineString line) {
            ring(path, line.getCoordinateSequence(), s, false);
            return false;
        }
        boolean area = false;
        for (int i = 0; i < g.getNumGeometries(); i++) area |= append(path, g.getGeometryN(i), s, radius);
        return area;
    }

    private static void ring(Path2D.Double path, CoordinateSequence cs, double s, boolean close) {
        int n = cs.size();
        if (n == 0) return;
        path.moveTo(cs.getX(0) * s, cs.getY(0) * s);
        for (int i = 1; i < n; i++) path.lineTo(cs.getX(i) * s, cs.getY(i) * s);
        if (close) path.closePath();
    }

    /**
     * The image as PNG bytes ({@link PngEncoder}: with a palette when it has at most 256 colours, else RGBA; deflate
     * level 4 — a map tile is made on demand, higher levels cost more time than they save bytes).
     */
    public static byte[] png(BufferedImage img) {
        return PngEncoder.encode(img);
    }
}
