package cn.ecozone.analysis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.error.EcoZoneException;
import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.AreaUnits;
import cn.ecozone.geo.AuthalicArea;
import cn.ecozone.geo.GaussKrugerMeasure;
import cn.ecozone.geo.GkZone;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerSet;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * 选址研判: a project site against every layer of a layer set. For each polygon zone near the site, the overlap is
 * computed exactly ({@link OverlapArea} from the boundaries' crossings; OverlayNG where boundaries touch or share
 * edges) and measured on the CGCS2000 ellipsoid
 * ({@link AuthalicArea}, equal to Karney's geodesic area within 2e-7); touching a
 * boundary is not a hit (the overlap must have positive area). Zones and monitoring points within
 * {@code nearbyM} metres that are not hit are listed with their ellipsoidal distance. The access-list clauses
 * of every hit zone give the verdict ({@link Verdict}). Pure: no I/O, safe to call concurrently.
 */
public final class SiteCheck {
    public static final double DEFAULT_NEARBY_M = 1000;
    public static final double MAX_NEARBY_M = 50_000;
    /** Overlaps below 1 mm² are numerical slivers of shared boundaries, i.e. touching, not overlapping. */
    static final double MIN_OVERLAP_M2 = 1e-6;
    /** The catalog kind of the layers whose units the access list is keyed by; they also mark the data's coverage. */
    public static final String CONTROL_UNIT_KIND = "control_unit";

    private final LayerSet layers;
    private final AccessList accessList;
    private final AnalysisCaps caps;

    public SiteCheck(LayerSet layers, AccessList accessList) {
        this(layers, accessList, AnalysisCaps.NONE);
    }

    /** @param caps what one run may read and build; past them it stops with {@link AnalysisLimitExceeded} */
    public SiteCheck(LayerSet layers, AccessList accessList, AnalysisCaps caps) {
        this.layers = layers;
        this.accessList = accessList;
        this.caps = caps;
    }

    /**
     * @param industry an industry id or name from the access list, or null (then clauses limited to industries
     *                 apply too, and a warning says so)
     * @throws EcoZoneException of kind BAD_INPUT for an industry the access list does not know, or a bad nearbyM
     */
    public SiteCheckResult run(SiteInput input, String industry, double nearbyM) {
        if (!(nearbyM >= 0 && nearbyM <= MAX_NEARBY_M)) {
            throw EcoZoneException.badInput("nearbyM 应在 0–" + (int) MAX_NEARBY_M + " 米之间 / nearbyM must be 0–50000 metres, got " + nearbyM);
        }
        Industry ind = null;
        if (industry != null && !industry.isBlank()) {
            ind = accessList.industry(industry).orElseThrow(() -> EcoZoneException.badInput("准入清单中没有行业“" + industry
                    + "”。可用 / known industries: " + accessList.industries().stream().map(i -> i.id() + " " + i.zh()).toList()));
        }
        String industryId = ind == null ? null : ind.id();
        Warnings warnings = new Warnings();
        for (String w : input.warnings()) warnings.add(w, InputNotices.of(w));
        Geometry site = input.geometry();
        SiteCheckResult.Site summary = summarize(input, site, warnings);

        Envelope siteEnv = site.getEnvelopeInternal();
        Edges siteEdges = Edges.of(site), zoneEdges = new Edges();
        OverlapArea overlapArea = new OverlapArea(siteEdges, siteEnv, summary.areaM2());
        NearestDistance distance = new NearestDistance(siteEdges, siteEnv);
        Envelope searchEnv = distance.searchEnvelope(nearbyM);
        Fallback fallback = new Fallback(site);
        List<SiteCheckResult.Hit> hits = new ArrayList<>();
        List<SiteCheckResult.Nearby> nearby = new ArrayList<>();
        AnalysisCaps.Meter meter = caps.meter();
        for (FeatureSource source : layers.inOrder()) {
            LayerDef def = source.layer();
            List<SiteCheckResult.Hit> layerHits = new ArrayList<>();
            List<SiteCheckResult.Nearby> layerNearby = new ArrayList<>();
            for (IndexedFeature c : source.candidates(searchEnv)) {
                // an analysis abandoned past its time budget stops here rather than running on unseen
                if (Thread.currentThread().isInterrupted()) throw new CancellationException("site check abandoned");
                meter.zone(c);
                Geometry zone = c.geometry();
                zoneEdges.load(zone, searchEnv);
                boolean overlaps = false;
                if (def.isPolygon() && zone.getEnvelopeInternal().intersects(siteEnv)) {
                    double overlap = overlapArea.m2(zoneEdges);
                    if (Double.isNaN(overlap)) {
                        meter.overlay();
                        overlap = fallback.overlapM2(c, summary.areaM2());
                    }
                    if (overlap > MIN_OVERLAP_M2) {
                        overlaps = true;
                        meter.entry();
                        layerHits.add(hit(def, c, overlap, summary.areaM2()));
                    }
                }
                if (!overlaps) {
                    double d = def.isPolygon() || fallback.apart(zone, siteEdges) ? distance.metresWithin(zoneEdges, nearbyM) : 0;
                    if (d <= nearbyM) {
                        Object level = c.feature().getAttribute("level");
                        meter.entry();
                        layerNearby.add(new SiteCheckResult.Nearby(def.id(), def.title().zh(), c.id(),
                                FeatureProperties.name(c.feature(), def.nameProperty()), level == null ? null : String.valueOf(level), d));
                    }
                }
            }
            layerHits.sort(Comparator.comparingDouble(SiteCheckResult.Hit::overlapM2).reversed());
            hits.addAll(layerHits);
            nearby.addAll(layerNearby);
        }
        nearby.sort(Comparator.comparingDouble(SiteCheckResult.Nearby::distanceM));

        Set<String> unitLayers = new LinkedHashSet<>();
        for (FeatureSource source : layers.inOrder()) {
            if (source.layer().kind().equals(CONTROL_UNIT_KIND)) unitLayers.add(source.layer().id());
        }
        SiteCheckResult.Coverage coverage = coverage(unitLayers, hits, summary.areaM2(), warnings);
        Admission.Outcome admission = Admission.judge(accessList, hits, unitLayers, industryId, coverage == null || coverage.coveredM2() > 0);
        for (int i = 0; i < admission.warnings().size(); i++) warnings.add(admission.warnings().get(i), admission.notices().get(i));
        Verdict verdict = admission.verdict();
        return new SiteCheckResult(input.name(), industryId, ind == null ? null : ind.zh(), ind == null ? null : ind.en(), summary, verdict,
                verdict.zh(), admission.dimensions(), admission.industryVerdicts(), coverage,
                List.copyOf(hits), List.copyOf(nearby), admission.clauses(), List.copyOf(warnings.strings), List.copyOf(warnings.notices), nearbyM,
                layers.catalog().dataDate(), DataVersion.of(layers, accessList));
    }

    /**
     * The share of the site inside the control units (they tile their districts, so their overlaps add up to the
     * covered area); null when no layer holds control units. Adds a warning when part of the site lies outside.
     */
    private static SiteCheckResult.Coverage coverage(Set<String> unitLayers, List<SiteCheckResult.Hit> hits, double siteM2, Warnings warnings) {
        if (unitLayers.isEmpty()) return null;
        double covered = 0;
        for (SiteCheckResult.Hit h : hits) if (unitLayers.contains(h.collection())) covered += h.overlapM2();
        covered = Math.min(covered, siteM2);
        double uncovered = siteM2 - covered;
        double share = share(uncovered, siteM2);
        String layer = unitLayers.iterator().next();
        if (covered <= 0) {
            warnings.add("地块不在环境管控单元范围内（数据范围之外），无法研判 / the site lies outside every control unit (outside the data), "
                    + "so it cannot be judged", new Notice("site.outside-control-units", "地块不在任何环境管控单元内（超出本系统的数据范围），无法研判。",
                    "The site lies outside every environmental control unit (outside the data), so it cannot be judged."));
        } else if (uncovered > 1.0 && share > 1e-4) {
            warnings.add(String.format("地块有 %.2f 公顷（%.1f%%）在环境管控单元范围之外，该部分无法研判 / %.2f ha (%.1f%%) of the site lies "
                    + "outside the control units and cannot be judged", AreaUnits.toHa(uncovered), share * 100, AreaUnits.toHa(uncovered), share * 100),
                    new Notice("site.partly-outside-control-units", String.format(Locale.ROOT, "地块有 %.2f 公顷（%.1f%%）不在环境管控单元内，"
                            + "这一部分无法研判。", AreaUnits.toHa(uncovered), share * 100), String.format(Locale.ROOT, "%.2f ha (%.1f%%) of the site "
                            + "lies outside the environmental control units; that part cannot be judged.", AreaUnits.toHa(uncovered), share * 100)));
        }
        return new SiteCheckResult.Coverage(layer, covered, uncovered, share);
    }

    /** The site prepared for JTS, made only when boundaries touch or share edges, or for point-like zones. */
    private static final class Fallback {
        private final Geometry site;
        private PreparedGeometry prepared;

        Fallback(Geometry site) {
            this.site = site;
        }

        private PreparedGeometry prepared() {
            if (prepared == null) prepared = PreparedGeometryFactory.prepare(site);
            return prepared;
        }

        /** Whether a point (or other non-polygon) zone lies wholly outside the site. */
        boolean apart(Geometry zone, Edges siteEdges) {
            if (zone instanceof Point p) return siteEdges.locate(p.getCoordinate()) == Location.EXTERIOR;
            return !prepared().intersects(zone);
        }

        /** Overlap in m² when the boundaries touch or share edges: a zone that contains the site, or lies inside it, needs no overlay. */
        double overlapM2(IndexedFeature zone, double siteM2) {
            if (!zone.prepared().intersects(site)) return 0;
            if (zone.prepared().containsProperly(site)) return siteM2;
            if (prepared().containsProperly(zone.geometry())) return AreaOfRecord.siteCheckM2(zone.geometry());
            return AreaOfRecord.siteCheckM2(overlay(zone.geometry(), site));
        }
    }

    static Geometry overlay(Geometry a, Geometry b) {
        try {
            return OverlayNG.overlay(a, b, OverlayNG.INTERSECTION);
        } catch (RuntimeException robustnessFailure) {
            return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
        }
    }

    private static SiteCheckResult.Hit hit(LayerDef def, IndexedFeature zone, double overlapM2, double siteM2) {
        double zoneM2 = zone.areaM2();
        SimpleFeature f = zone.feature();
        Map<String, Object> props = FeatureProperties.of(f);
        return new SiteCheckResult.Hit(def.id(), def.title().zh(), f.getID(), FeatureProperties.name(f, def.nameProperty()), props,
                overlapM2, AreaUnits.toHa(overlapM2), AreaUnits.toMu(overlapM2), share(overlapM2, siteM2), share(overlapM2, zoneM2), zoneM2);
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : Math.min(1.0, part / whole);
    }

    private static SiteCheckResult.Site summarize(SiteInput input, Geometry site, Warnings warnings) {
        double areaM2 = AreaOfRecord.siteCheckM2(site);
        GkZone zone = GaussKrugerMeasure.zoneOf(site);
        double gk = GaussKrugerMeasure.area(site, zone);
        Envelope e = site.getEnvelopeInternal();
        GkZone west = GkZone.ofLongitude(e.getMinX()), east = GkZone.ofLongitude(e.getMaxX());
        if (!west.equals(east)) {
            warnings.add("地块跨越高斯-克吕格 3 度带 " + west.number() + " 与 " + east.number() + " 的分界（" + (west.centralMeridian() + 1.5)
                    + "°E）：平面面积按地块中心所在的第 " + zone.number() + " 带计算，以椭球面积为准 / the site straddles the boundary of GK zones "
                    + west.number() + " and " + east.number() + "; the plane area is in zone " + zone.number() + ", the ellipsoidal area is the area of record",
                    new Notice("site.straddles-gk-zones", "地块跨越高斯-克吕格 3 度带第 " + west.number() + " 带与第 " + east.number() + " 带的分界（"
                            + (west.centralMeridian() + 1.5) + "°E）。平面面积按地块中心所在的第 " + zone.number() + " 带计算，面积以椭球面积为准。",
                            "The site straddles the boundary of Gauss-Krüger 3° zones " + west.number() + " and " + east.number() + " ("
                                    + (west.centralMeridian() + 1.5) + "°E). Its plane area is given in zone " + zone.number()
                                    + ", where its centre lies; the ellipsoidal area is the area of record."));
        }
        List<SiteCheckResult.Parcel> parcels = new ArrayList<>();
        double sum = 0;
        for (SiteParcel p : input.parcels()) {
            double m2 = input.parcels().size() == 1 ? areaM2 : AreaOfRecord.siteCheckM2(p.geometry());
            sum += m2;
            double ha = AreaUnits.toHa(m2);
            Double diff = p.declaredHa() == null ? null : ha - p.declaredHa();
            Double pct = p.declaredHa() == null || p.declaredHa() == 0 ? null : diff / p.declaredHa() * 100;
            if (pct != null && Math.abs(pct) > 1) {
                warnings.add(String.format("地块“%s”声明面积 %.4f 公顷，实测 %.4f 公顷，相差 %+.2f%% / declared %.4f ha, measured %.4f ha (%+.2f%%)",
                        p.name(), p.declaredHa(), ha, pct, p.declaredHa(), ha, pct), new Notice("parcel.declared-area-differs",
                        String.format(Locale.ROOT, "地块“%s”的申报面积为 %.4f 公顷，实测 %.4f 公顷，相差 %+.2f%%，请核对。", p.name(), p.declaredHa(), ha, pct),
                        String.format(Locale.ROOT, "Parcel “%s” declares %.4f ha; it measures %.4f ha (%+.2f%%). Please check.", p.name(), p.declaredHa(), ha, pct)));
            }
            // one parcel is the site itself: its plane area is already known (the GK projection is the costly part)
            double parcelGk = input.parcels().size() == 1 ? gk : GaussKrugerMeasure.area(p.geometry(), zone);
            parcels.add(new SiteCheckResult.Parcel(p.name(), m2, ha, AreaUnits.toMu(m2), parcelGk,
                    p.declaredHa(), diff, pct));
        }
        if (sum > areaM2 + Math.max(1.0, areaM2 * 1e-9)) {
            warnings.add(String.format("各地块之间有重叠（合计 %.1f 平方米，去重后 %.1f 平方米），重叠部分只计一次 / parcels overlap each other; "
                    + "the overlap is counted once", sum, areaM2), new Notice("site.parcels-overlap",
                    String.format(Locale.ROOT, "各地块之间有重叠：面积合计 %.1f 平方米，去掉重叠后 %.1f 平方米；重叠部分只计一次。", sum, areaM2),
                    String.format(Locale.ROOT, "The parcels overlap each other: %.1f m² in total, %.1f m² without the overlap; the overlap is counted once.",
                            sum, areaM2)));
        }
        return new SiteCheckResult.Site(areaM2, AreaUnits.toHa(areaM2), AreaUnits.toMu(areaM2), zone.number(), zone.epsgWithPrefix(), gk,
                parcels.size(), List.copyOf(parcels), input.vertexCount(), input.format(), input.sourceCrs(),
                new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
    }

    /** The legacy warning strings and their {@link Notice}s, kept parallel (one notice per warning, same order). */
    private static final class Warnings {
        final List<String> strings = new ArrayList<>();
        final List<Notice> notices = new ArrayList<>();

        void add(String legacy, Notice notice) {
            strings.add(legacy);
            notices.add(notice);
        }
    }
}
