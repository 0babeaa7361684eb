package cn.ecozone.report;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.Geometries;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.text.LocalizedText;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;

import java.util.ArrayList;
import java.util.HashMap;
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
    /**
     * One drawable shape: rings as lists of figure points (holes are further rings; fill even-odd); {@code labelAt} is
     * where its name goes (a point inside its visible part), null for points.
     */
    public record Shape(String collection, String collectionTitle, String label, boolean hit, List<double[][]> rings, double[] point,
                        double[] labelAt) {}

    /**
     * The locator inset (位置示意): the districts around the site, and the site's box, in figure units inside
     * {@code box} = [x, y, width, height] at the figure's lower left.
     */
    public record Inset(double[] box, List<double[][]> rings, List<String> names, List<double[]> nameAt, double[] site) {}

    private final double width, height;
    private final Envelope frame;
    private final double cosLat, scale;
    private final List<Shape> zones = new ArrayList<>();
    private final List<double[][]> siteRings = new ArrayList<>();
    private final double scaleBarMetres;
    private final LocalizedText dataTitle;
    private final Map<String, LocalizedText> layerTitles = new LinkedHashMap<>();
    private final ReportStyles styles;

    /** With the colours of the style files beside the catalog ({@link ReportStyles#besideCatalog}). */
    public SiteFigure(SiteCheckResult result, Geometry site, LayerSet layers, double width, double height) {
        this(result, site, layers, ReportStyles.besideCatalog(layers.catalog()), width, height);
    }

    /**
     * Draws from the result and one {@link FeatureSource#candidates} query per layer that has hits or nearby zones
     * (the analysis's zones are not fetched again one by one).
     *
     * @param site the site, EPSG:4490 lon/lat
     * @param width figure width, @param height figure height (any unit: px for SVG, pt for PDF)
     */
    public SiteFigure(SiteCheckResult result, Geometry site, LayerSet layers, ReportStyles styles, double width, double height) {
        this.width = width;
        this.height = height;
        this.styles = styles;
        LocalizedText title = layers.catalog().title();
        this.dataTitle = title == null ? new LocalizedText("", "") : LocalizedText.of(title.zh() == null ? "" : title.zh(), title.en());
        for (FeatureSource s : layers.inOrder()) layerTitles.put(s.layer().id(), LocalizedText.of(s.layer().title().zh(), s.layer().title().en()));
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
        Optional<FeatureSource> admin = layers.inOrder().stream().filter(s -> s.layer().kind().equals("admin") && s.layer().isPolygon()).findFirst();
        Envelope near = new Envelope(site.getEnvelopeInternal());
        near.expandBy(0.5);
        near.expandToInclude(frame);
        // the districts around the site, read once: for the inset, and (they contain the frame) for the admin hits
        List<IndexedFeature> districts = admin.map(a -> a.candidates(near)).orElse(List.of());
        Map<String, Map<String, Geometry>> zonesById = new HashMap<>();
        for (SiteCheckResult.Nearby n : result.nearby()) add(layers, zonesById, admin, districts, n.collection(), n.featureId(), n.name(), false, box);
        for (SiteCheckResult.Hit hit : result.hits()) add(layers, zonesById, admin, districts, hit.collection(), hit.featureId(), hit.name(), true, box);
        for (int i = 0; i < site.getNumGeometries(); i++) {
            if (site.getGeometryN(i) instanceof Polygon p) siteRings.addAll(rings(p));
        }
        this.scaleBarMetres = niceLength(frame.getWidth() * cosLat * 111_320 / 4);
        this.inset = admin.isEmpty() ? null : inset(admin.get(), districts, site);
    }

    private final Inset inset;

    /** The locator inset, or null when the layers have no district (admin) layer. */
    public Inset inset() { return inset; }

    /** The districts within half a degree of the site, fitted into a box at the lower left, with the site's box in red. */
    private Inset inset(FeatureSource admin, List<IndexedFeature> near, Geometry site) {
        List<Geometry> districts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var c : near) {
            districts.add(c.geometry());
            Object n = c.feature().getAttribute(admin.layer().nameProperty());
            names.add(n == null ? c.id() : String.valueOf(n));
        }
        if (districts.isEmpty()) return null;
        Envelope all = new Envelope(site.getEnvelopeInternal());
        for (Geometry d : districts) all.expandToInclude(d.getEnvelopeInternal());
        double bw = width * 0.24, bh = height * 0.3, pad = 6;
        double sx = (bw - 2 * pad) / (all.getWidth() * cosLat), sy = (bh - 2 * pad) / all.getHeight(), k = Math.min(sx, sy);
        double x0 = 8, y0 = height - bh - 8;
        java.util.function.Function<Coordinate, double[]> at = c -> new double[] {x0 + pad + (c.x - all.getMinX()) * cosLat * k,
                y0 + pad + (all.getMaxY() - c.y) * k};
        List<double[][]> rings = new ArrayList<>();
        List<double[]> nameAt = new ArrayList<>();
        for (Geometry d : districts) {
            Geometry simple = org.locationtech.jts.simplify.DouglasPeuckerSimplifier.simplify(d, 1 / k);
            for (int i = 0; i < simple.getNumGeometries(); i++) {
                if (!(simple.getGeometryN(i) instanceof Polygon p)) continue;
                Coordinate[] cs = p.getExteriorRing().getCoordinates();
                double[][] pts = new double[cs.length][];
                for (int j = 0; j < cs.length; j++) pts[j] = at.apply(cs[j]);
                rings.add(pts);
            }
            nameAt.add(at.apply(d.getInteriorPoint().getCoordinate()));
        }
        Envelope se = site.getEnvelopeInternal();
        double[] a = at.apply(new Coordinate(se.getMinX(), se.getMaxY())), b = at.apply(new Coordinate(se.getMaxX(), se.getMinY()));
        double[] siteBox = {a[0], a[1], Math.max(3, b[0] - a[0]), Math.max(3, b[1] - a[1])};
        return new Inset(new double[] {x0, y0, bw, bh}, rings, names, nameAt, siteBox);
    }

    /**
     * One zone of the result, found among its layer's features in the frame — read with one query per layer, the
     * first time the layer comes up (the admin layer's were read for the inset already).
     */
    private void add(LayerSet layers, Map<String, Map<String, Geometry>> zonesById, Optional<FeatureSource> admin, List<IndexedFeature> districts,
                     String collection, String id, String label, boolean hit, Geometry box) {
        Optional<FeatureSource> source = layers.source(collection);
        if (source.isEmpty()) return;
        Map<String, Geometry> inFrame = zonesById.computeIfAbsent(collection, c -> {
            boolean isAdmin = admin.isPresent() && admin.get().layer().id().equals(c);
            Map<String, Geometry> m = new HashMap<>();
            for (IndexedFeature f : isAdmin ? districts : source.get().candidates(frame)) m.put(f.id(), f.geometry());
            return m;
        });
        Geometry g = inFrame.get(id);
        if (g == null) return;
        String title = source.get().layer().title().zh();
        if (g.getDimension() == 0) {
            Coordinate c = g.getCoordinate();
            if (frame.contains(c)) zones.add(new Shape(collection, title, label, hit, List.of(), toFigure(c), null));
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
        if (!rings.isEmpty()) {
            double[] at = clipped.isEmpty() ? null : toFigure(clipped.getInteriorPoint().getCoordinate());
            zones.add(new Shape(collection, title, label, hit, rings, null, at));
        }
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
    public String dataTitle() { return dataTitle.zh(); }

    /** The catalog's title in the report's language. */
    public String dataTitle(ReportLanguage lang) { return lang.pick(dataTitle.zh(), dataTitle.en()); }

    /** A layer's title in the report's language (its id when the layers have no such layer). */
    public String layerTitle(String layer, ReportLanguage lang) {
        LocalizedText t = layerTitles.get(layer);
        return t == null ? layer : lang.pick(t.zh(), t.en());
    }

    /** The styles the figure is drawn with. */
    public ReportStyles styles() { return styles; }

    /** Whether the layers are the illustrative sample (their title says 示意): the report must say so. */
    public boolean illustrative() { return dataTitle.zh().contains("示意"); }

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

    /** The layer's stroke and fill ({@code none}: outline only), from its style file. */
    public ReportStyles.Colours colours(String collection) {
        return styles.colours(collection);
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
