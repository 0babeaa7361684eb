package cn.ecozone.api;

import cn.ecozone.analysis.Identify;
import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.MemoryFeatureSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Envelope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /analysis/identify?lon=&lat=}: the zones of every polygon layer at a point, with their attributes — the
 * public map's click. The answer is {@code {"lon":…,"lat":…,"zones":[…]}}, each zone as Jackson writes {@link
 * Identify.ZoneAtPoint}; a zone's part is encoded once per layer set and kept ({@link Blocks}), since it depends only
 * on the zone and its layer, so a click copies bytes instead of building a map of attributes and serializing it.
 * A point where many zones overlap (more than the quick limits) is identified on the analysis pool, within its budget.
 */
public final class IdentifyRoutes implements RouteModule {
    private static final Set<String> PARAMETERS = Set.of("lon", "lat", "f");
    /**
     * The encoded zones kept per layer set: at most this many bytes (then the store starts again), ≈ 16 MB — a
     * national load's 144,604 zones take ≈ 20 MB, so a map clicked all over the country keeps most of them.
     */
    static final long MAX_CACHED_BYTES = 16L << 20;

    private final LiveLayers layers;
    private final Limits limits;
    private final AnalysisBudget budget;
    private volatile Blocks blocks;

    IdentifyRoutes(LiveLayers layers, Limits limits, AnalysisBudget budget) {
        this.layers = layers;
        this.limits = limits;
        this.budget = budget;
    }

    @Override
    public void register(Javalin app) {
        app.get("/analysis/identify", this::identify);
    }

    private void identify(Context ctx) {
        OgcResponses.onlyParameters(ctx, PARAMETERS);
        double lon = number(ctx.queryParam("lon"), "lon");
        double lat = number(ctx.queryParam("lat"), "lat");
        if (Double.isNaN(lon) || Double.isNaN(lat)) throw ApiProblem.badRequest("需要参数 lon 和 lat（经度、纬度，CGCS2000）/ lon and lat are required");
        if (!Cgcs2000.inChina(lon, lat)) {
            throw ApiProblem.badRequest(Cgcs2000.looksSwapped(lon, lat)
                    ? "经纬度疑似写反：lon 应为经度（73–136），lat 为纬度（3–54）/ lon and lat look swapped"
                    : "坐标不在中国范围内 / the point is outside China: lon " + lon + ", lat " + lat);
        }
        Blocks b = blocks(layers.current());
        // a point meets few zones: identified on the request thread (counted as interactive work, which background
        // jobs yield to); one where many overlap on the pool, within the budget
        byte[] body = budget.run(quick(b.polygons, lon, lat), () -> b.answer(lon, lat));
        SiteCheckRoutes.writeJson(ctx, body);
    }

    /** Whether the zones whose boxes hold the point are few and small enough for the request thread. */
    private boolean quick(List<FeatureSource> polygons, double lon, double lat) {
        Footprint f = Footprint.NONE;
        Envelope at = new Envelope(lon, lon, lat, lat);
        for (int i = 0, n = polygons.size(); i < n; i++) {
            f = f.plus(polygons.get(i).footprint(at, limits.quickMaxCandidates() - f.candidates(), limits.quickMaxZoneVertices() - f.vertices()));
            if (!f.complete()) return false;
        }
        return true;
    }

    /** The blocks of this layer set: the ones kept while the set is current, new ones when it has changed. */
    Blocks blocks(LayerSet set) {
        Blocks b = blocks;
        if (b == null || b.set != set) blocks = b = new Blocks(set, MAX_CACHED_BYTES);
        return b;
    }

    /**
     * One layer set's polygon layers and its zones' encoded parts: {@code {"collection":…,"collectionTitle":…,
     * "featureId":…,"name":…,"properties":{…}}} as {@link Json#MAPPER} writes the {@link Identify.ZoneAtPoint}, keyed by
     * the zone's index entry (an in-memory layer's entries live as long as the layer; a PostGIS layer makes new ones
     * per query, so its zones are encoded each time and not kept).
     */
    static final class Blocks {
        final LayerSet set;
        final List<FeatureSource> polygons;
        private final ConcurrentHashMap<IndexedFeature, byte[]> encoded = new ConcurrentHashMap<>();
        private final AtomicLong bytes = new AtomicLong();
        private final long maxBytes;

        Blocks(LayerSet set, long maxBytes) {
            this.set = set;
            this.maxBytes = maxBytes;
            List<FeatureSource> p = new ArrayList<>();
            for (FeatureSource s : set.inOrder()) if (s.layer().isPolygon()) p.add(s);
            this.polygons = List.copyOf(p);
        }

        /** The whole answer at the point, as the route writes it. */
        byte[] answer(double lon, double lat) {
            Found found = new Found();
            Identify.forEach(polygons, lon, lat, found);
            return join(lon, lat, found.zones, found.n);
        }

        /** The encoded zones found at a point, in order. */
        private final class Found implements Identify.Hit {
            byte[][] zones = new byte[4][];
            int n;

            @Override
            public void zone(FeatureSource layer, IndexedFeature zone) {
                if (n == zones.length) zones = Arrays.copyOf(zones, 2 * n);
                zones[n++] = block(layer, zone);
            }
        }

        byte[] block(FeatureSource s, IndexedFeature c) {
            byte[] b = encoded.get(c);
            if (b != null) return b;
            b = encode(s, c);
            if (s instanceof MemoryFeatureSource) {
                if (bytes.addAndGet(b.length + 64) > maxBytes) {
                    encoded.clear();
                    bytes.set(0);
                }
                encoded.put(c, b);
            }
            return b;
        }

        /** Zones kept now (for tests). */
        int kept() {
            return encoded.size();
        }

        static byte[] encode(FeatureSource s, IndexedFeature c) {
            try {
                return Json.MAPPER.writeValueAsBytes(Identify.zone(s, c));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {"lon":…,"lat":…,"zones":[…]}: the numbers as Jackson writes a double (Double.toString). */
        static byte[] join(double lon, double lat, byte[][] zones, int n) {
            byte[] head = ("{\"lon\":" + lon + ",\"lat\":" + lat + ",\"zones\":[").getBytes(StandardCharsets.ISO_8859_1);
            int length = head.length + 2 + Math.max(0, n - 1);
            for (int i = 0; i < n; i++) length += zones[i].length;
            byte[] out = new byte[length];
            System.arraycopy(head, 0, out, 0, head.length);
            int at = head.length;
            for (int i = 0; i < n; i++) {
                if (i > 0) out[at++] = ',';
                System.arraycopy(zones[i], 0, out, at, zones[i].length);
                at += zones[i].length;
            }
            out[at++] = ']';
            out[at] = '}';
            return out;
        }
    }

    /** A number parameter: NaN when absent or blank, 400 when not a finite number. */
    private static double number(String value, String name) {
        if (value == null || value.isBlank()) return Double.NaN;
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.badRequest("参数 " + name + " 应为数字 / " + name + " must be a number, got " + value);
    }
}
