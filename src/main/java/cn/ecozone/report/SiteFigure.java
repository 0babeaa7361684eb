package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.Geometries;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's map figure, independent of the drawing technology (SVG or PDF): the site and the zones it hits
 * or comes near, clipped to a frame around the site, in figure units (origin top-left, y down). Longitude is
 * shrunk by cos(latitude) so shapes keep their true proportions.
 */
public final class SiteFigure {
    /** One drawable shape: rings as lists of figure points (holes are further rings; fill even-odd). */
    public record Shape(String collection, String collectionTitle, String label, boolean hit, List<double[][]> rings, double[] point) {}

    /** Colours per collection kind (stroke, fill); unknown collections get grey. */
    public static final Map<String, String[]> COLOURS = new LinkedHashMap<>();

    static {
        COLOURS.put("admin", new String[] {"#555555", "none"});
        COLOURS.put("control_unit", new String[] {"#2b8c6e", "#9ad9c2"});
        COLOURS.put("redline", new String[] {"#c0161a", "#f4a3a5"});
        COLOURS.put("water_source", new String[] {"#1f5fa8", "#9cc3ee"});
        COLOURS.put("restoration", new String[] {"#8a5a12", "#e3c08a"});
        COLOURS.put("monitoring", new String[] {"#6a3d9a", "#cab2d6"});
    }

    private final double width, height;
    private final Envelope frame;
    private final double cosLat, scale;
    private final List<Shape> zones = new ArrayList<>();
    private final List<double[][]> siteRings = new ArrayList<>();
    private final double scaleBarMetres;
    private final String dataTitle;

    /**
     * @param site the site, EPSG:4490 lon/lat
     * @param width figure width, @param height figure height (any unit: px for SVG, pt for PDF)
     */
    public SiteFigure(SiteCheckResult result, Geometry site, LayerSet layers, double width, double height) {
        this.width = width;
        this.height = height;
        this.dataTitle = layers.catalog().title() == null ? "" : layers.catalog().title().zh();
        Envelope e = new Envelope(site.getEnvelopeInternal());
        this.cosLat = Math.cos(Math.toRadians(e.centre().y));
        double padLat = Math.max(e.getHeight(), e.getWidth() * cosLat) * 0.3 + 0.002;
        e.expandBy(padLat / cosLat, padLat);
        // widen the frame to the figure's aspect ratio so nothing is distorted
        double w = e.getWidth() * cosLat, h = e.getHeight();
        if (w / h < width / height) e.expandBy(((h * width / height) - w) / 2 / cosLat, 0);
        else e.expandBy(0, ((w * height / width) - h) / 2);
        this.frame = e;
        this.scale = width / (frame.getWidth() * cosLat);
        Geometry box = Geometries.FACTORY.toGeometry(frame);
        for (SiteCheckResult.Nearby n : result.nearby()) add(layers, n.collection(), n.featureId(), n.name(), false, box);
        for (SiteCheckResult.Hit hit : result.hits()) add(layers, hit.collection(), hit.featureId(), hit.name(), true, box);
        for (int i = 0; i < site.getNumGeometries(); i++) {
            if (site.getGeometryN(i) instanceof Polygon p) siteRings.addAll(rings(p));
        }
        this.scaleBarMetres = niceLength(frame.getWidth() * cosLat * 111_320 / 4);
    }

    private void add(LayerSet layers, String collection, String id, String label, boolean hit, Geometry box) {
        Optional<FeatureSource> source = layers.source(collection);
        Optional<SimpleFeature> f = source.flatMap(s -> s.get(id));
        if (f.isEmpty()) return;
        String title = source.get().layer().title().zh();
        Geometry g = (Geometry) f.get().getDefaultGeometry();
        if (g.getDimension() == 0) {
            Coordinate c = g.getCoordinate();
            if (frame.contains(c)) zones.add(new Shape(collection, title, label, hit, List.of(), toFigure(c)));
            return;
        }
        Geometry clipped;
        try {
            clipped = OverlayNGRobust.overlay(g, box, OverlayNG.INTERSECTION);
        } catch (RuntimeException e) {
            clipped = g;
        }
        List<double[][]> rings = new ArrayList<>();
        for (int i = 0; i < clipped.getNumGeometries(); i++) {
            if (clipped.getGeometryN(i) instanceof Polygon p) rings.addAll(rings(p));
        }
        if (!rings.isEmpty()) zones.add(new Shape(collection, title, label, hit, rings, null));
    }

    private List<double[][]> rings(Polygon p) {
        List<double[][]> out = new ArrayList<>();
        out.add(ring(p.getExteriorRing()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) out.add(ring(p.getInteriorRingN(i)));
        return out;
    }

    private double[][] ring(LineString r) {
        Coordinate[] cs = r.getCoordinates();
        double[][] pts = new double[cs.length][];
        for (int i = 0; i < cs.length; i++) pts[i] = toFigure(cs[i]);
        return pts;
    }

    /** Figure coordinates of a lon/lat point: x to the right, y down. */
    public double[] toFigure(Coordinate c) {
        return new double[] {(c.x - frame.getMinX()) * cosLat * scale, (frame.getMaxY() - c.y) * scale};
    }

    public double width() { return width; }

    /** The title of the data drawn (the catalog's), e.g. "…（示意数据）". */
    public String dataTitle() { return dataTitle; }

    /** Whether the layers are the illustrative sample (their title says 示意): the report must say so. */
    public boolean illustrative() { return dataTitle.contains("示意"); }

    public double height() { return height; }

    /** Zones, nearby ones first, hit ones last (drawn on top); the admin layer first of all (it is the backdrop). */
    public List<Shape> zones() {
        List<Shape> out = new ArrayList<>(zones);
        out.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return out;
    }

    private static int rank(Shape s) {
        return s.collection().equals("admin") ? 0 : s.hit() ? 2 : 1;
    }

    public List<double[][]> siteRings() { return siteRings; }

    public static String[] colours(String collection) {
        return COLOURS.getOrDefault(collection, new String[] {"#777777", "#cccccc"});
    }

    /** A round length (1, 2 or 5 × 10ⁿ m) for the scale bar, and its length in figure units. */
    public double scaleBarMetres() { return scaleBarMetres; }

    public double scaleBarLength() {
        return scaleBarMetres / (111_320 * cosLat) * cosLat * scale;
    }

    /** [west, south, east, north] of the frame. */
    public double[] frameLonLat() {
        return new double[] {frame.getMinX(), frame.getMinY(), frame.getMaxX(), frame.getMaxY()};
    }

    private static double niceLength(double m) {
        double p = Math.pow(10, Math.floor(Math.log10(m)));
        double f = m / p;
        return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * p;
    }
}
