package cn.ecozone.api;

import cn.ecozone.analysis.Identify;
import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.Footprint;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.MemoryFeatureSource;
import cn.ecozone.layer.PointGrid;
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
 * Identify.ZoneAtPoint}. Per layer version ({@link Layer}): the point's candidates come from a grid ({@link PointGrid},
 * the same zones in the same order as the layer's tree, without walking it twice), and a zone's part of the answer is
 * encoded once and kept, since it depends only on the zone and its layer — a click tests a few rings and copies bytes
 * instead of building a map of attributes and serializing it. A point where many zones overlap (more than the quick
 * limits) is identified on the analysis pool, within its budget. Measured: docs/benchmarks/identify.md.
 */
public final class IdentifyRoutes implements RouteModule {
    private static final Set<String> PARAMETERS = Set.of("lon", "lat", "f");
    /**
     * The encoded zones kept, over all polygon layers (each its share): at most this many bytes, then a layer's store
     * starts again — 8 MB, where a national load's 144,604 zones take ≈ 25 MB with their map entries: a third of
     * them, the ones a map clicked over a region asks again; bounded so that the national heap stays within the
     * start-up target (docs/benchmarks/national-map.md: 284 MiB after the tile warm-up, target 316 MB).
     */
    static final long MAX_CACHED_BYTES = 8L << 20;

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
        Blocks.Probe probe = b.probe(lon, lat, limits.quickMaxCandidates(), limits.quickMaxZoneVertices());
        byte[] body = budget.run(probe.quick, () -> b.answer(lon, lat, probe.quick ? probe : null));
        SiteCheckRoutes.writeJson(ctx, body);
    }

    /**
     * Makes the current layer set's point grids now, so that the first click after a start does not (41–152 ms a layer
     * on the national load): the server calls it in the background once the data version is known. A layer changed
     * later (an edit, a reload) gets its grid from the first click that needs it.
     *
     * @return the polygon layers whose grid is made (a PostGIS layer has none)
     */
    int prepare() {
        int made = 0;
        for (Layer l : blocks(layers.current()).polygons) if (l.grid() != null) made++;
        return made;
    }

    /** Whether the current layer set's polygon layers all have their grid decided (made, or none for PostGIS). */
    boolean prepared() {
        Blocks b = blocks;
        return b != null && b.set == layers.current() && b.polygons.stream().allMatch(l -> l.gridMade);
    }

    /**
     * The blocks of this layer set: the ones kept while the set is current, new ones when it has changed — each layer
     * whose source is the same object as before (an edit replaces one layer) keeping its grid and encodings.
     */
    Blocks blocks(LayerSet set) {
        Blocks b = blocks;
        if (b == null || b.set != set) blocks = b = new Blocks(set, MAX_CACHED_BYTES, b);
        return b;
    }

    /**
     * One layer set's polygon layers ({@link Layer}: the point grid and the zones' encoded parts of each) and the
     * answer built from them.
     */
    static final class Blocks {
        final LayerSet set;
        final List<Layer> polygons;

        /** @param previous the blocks of the set before (or null): its layers whose source has not changed are kept */
        Blocks(LayerSet set, long maxBytes, Blocks previous) {
            this.set = set;
            List<Layer> p = new ArrayList<>();
            List<FeatureSource> sources = new ArrayList<>();
            for (FeatureSource s : set.inOrder()) if (s.layer().isPolygon()) sources.add(s);
            for (FeatureSource s : sources) {
                Layer kept = null;
                if (previous != null) for (Layer l : previous.polygons) if (l.source == s) kept = l;
                p.add(kept != null ? kept : new Layer(s, maxBytes / Math.max(1, sources.size())));
            }
            this.polygons = List.copyOf(p);
        }

        Blocks(LayerSet set, long maxBytes) {
            this(set, maxBytes, null);
        }

        /**
         * Whether the zones whose boxes hold the point are few and small enough for the request thread: the count
         * {@link FeatureSource#footprint} makes (the same candidates and vertices, stopping past the same limits).
         */
        boolean quick(double lon, double lat, long maxCandidates, long maxVertices) {
            return probe(lon, lat, maxCandidates, maxVertices).quick;
        }

        /**
         * The footprint of the point ({@link #quick}) and, from the layers with a grid, the candidates it counted — kept
         * for {@link #answer(double, double, Probe)}, so a quick point walks each grid once.
         */
        Probe probe(double lon, double lat, long maxCandidates, long maxVertices) {
            Probe p = new Probe(polygons.size());
            Envelope at = null;
            for (int i = 0; i < polygons.size(); i++) {
                Layer l = polygons.get(i);
                long mc = maxCandidates - p.candidates, mv = maxVertices - p.vertices;
                PointGrid g = l.grid();
                if (g != null) {
                    p.limit(mc, mv);
                    g.candidates(lon, lat, p);
                    if (p.passed) return p;
                } else {
                    if (at == null) at = new Envelope(lon, lon, lat, lat);
                    Footprint f = l.source.footprint(at, mc, mv);
                    p.candidates += f.candidates();
                    p.vertices += f.vertices();
                    if (!f.complete()) return p;
                }
                p.end[i] = p.size;
            }
            p.quick = true;
            return p;
        }

        /** The whole answer at the point, as the route writes it: {@code {"lon":…,"lat":…,"zones":[…]}}. */
        byte[] answer(double lon, double lat) {
            return answer(lon, lat, null);
        }

        /** … from the candidates a quick probe kept (the grids' layers), or walking the grids again when null. */
        byte[] answer(double lon, double lat, Probe probe) {
            Found found = new Found(new Identify.At(lon, lat));
            for (int i = 0; i < polygons.size(); i++) {
                Layer l = polygons.get(i);
                found.layer = l;
                PointGrid g = l.grid();
                if (g != null && probe != null) {
                    for (int k = i == 0 ? 0 : probe.end[i - 1]; k < probe.end[i]; k++) found.visit(probe.items[k]);
                } else if (g != null) {
                    g.candidates(lon, lat, found);
                } else {
                    for (IndexedFeature c : l.source.candidates(new Envelope(lon, lon, lat, lat))) found.visit(c);
                }
            }
            return join(lon, lat, found.zones, found.n);
        }

        /** A point's footprint over the layers so far, and the grids' candidates in order ({@code end[i]}: after layer i). */
        static final class Probe implements PointGrid.Visitor {
            final int[] end;
            IndexedFeature[] items = new IndexedFeature[8];
            int size;
            long candidates, vertices;
            private long maxCandidates, maxVertices;
            boolean passed, quick;

            Probe(int layers) {
                end = new int[layers];
            }

            /** The limits of this layer's count: what the layers before left of the whole. */
            void limit(long maxCandidates, long maxVertices) {
                this.maxCandidates = candidates + maxCandidates;
                this.maxVertices = vertices + maxVertices;
            }

            @Override
            public boolean visit(IndexedFeature c) {
                candidates++;
                vertices += c.vertices();
                if (candidates > maxCandidates || vertices > maxVertices) {
                    passed = true;
                    return false;
                }
                if (size == items.length) items = Arrays.copyOf(items, 2 * size);
                items[size++] = c;
                return true;
            }
        }

        /** The encoded zones found at a point, in order. */
        private static final class Found implements PointGrid.Visitor {
            final Identify.At at;
            Layer layer;
            byte[][] zones = new byte[4][];
            int n;

            Found(Identify.At at) {
                this.at = at;
            }

            @Override
            public boolean visit(IndexedFeature zone) {
                if (!at.in(zone.geometry())) return true;
                if (n == zones.length) zones = Arrays.copyOf(zones, 2 * n);
                zones[n++] = layer.block(zone);
                return true;
            }
        }

        /** Zones kept now, over all layers (for tests). */
        int kept() {
            int k = 0;
            for (Layer l : polygons) k += l.encoded.size();
            return k;
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

    /**
     * One polygon layer's point grid (made by the first request that needs it, ≈ 0.1 s on the national load; none for
     * a PostGIS layer) and its zones' encoded parts: {@code {"collection":…,"collectionTitle":…,"featureId":…,
     * "name":…,"properties":{…}}} as {@link Json#MAPPER} writes the {@link Identify.ZoneAtPoint}, keyed by the zone's
     * index entry (an in-memory layer's entries live as long as the layer; a PostGIS layer makes new ones per query,
     * so its zones are encoded each time and not kept). At most {@code maxBytes} are kept (counting 64 bytes of map
     * entry a zone); past that the store starts again.
     */
    static final class Layer {
        final FeatureSource source;
        private final long maxBytes;
        private final boolean keep;
        private final ConcurrentHashMap<IndexedFeature, byte[]> encoded = new ConcurrentHashMap<>();
        private final AtomicLong bytes = new AtomicLong();
        private volatile PointGrid grid;
        private volatile boolean gridMade;

        Layer(FeatureSource source, long maxBytes) {
            this.source = source;
            this.maxBytes = maxBytes;
            this.keep = source instanceof MemoryFeatureSource;
        }

        PointGrid grid() {
            if (!gridMade) {
                synchronized (this) {
                    if (!gridMade) {
                        grid = PointGrid.of(source);
                        gridMade = true;
                    }
                }
            }
            return grid;
        }

        byte[] block(IndexedFeature c) {
            byte[] b = encoded.get(c);
            if (b != null) return b;
            b = encode(source, c);
            if (keep) {
                if (bytes.addAndGet(b.length + 64) > maxBytes) {
                    encoded.clear();
                    bytes.set(b.length + 64);
                }
                encoded.put(c, b);
            }
            return b;
        }

        static byte[] encode(FeatureSource s, IndexedFeature c) {
            try {
                return Json.MAPPER.writeValueAsBytes(Identify.zone(s, c));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
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
