package cn.ecozone.api;

import cn.ecozone.api.ogc.CacheValidation;
import cn.ecozone.api.ogc.Format;
import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.Link;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.OgcCrs;
import cn.ecozone.api.ogc.RequestUrls;
import cn.ecozone.layer.AttributeType;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.EmbeddedTiles;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.tiles.MapTilePainter;
import cn.ecozone.tiles.MapTileStyle;
import cn.ecozone.tiles.TileAddress;
import cn.ecozone.tiles.TileCache;
import cn.ecozone.tiles.TileRequest;
import cn.ecozone.tiles.WebMercatorQuad;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Envelope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * OGC API – Tiles Part 1 for every collection, as Mapbox Vector Tiles in WebMercatorQuad: the tile matrix sets
 * ({@code /tileMatrixSets}), each collection's tileset list and tileset metadata, and the tiles. A tile holds the
 * features intersecting it with the attributes the map's styles need (id, name and the style's {@code property});
 * a tile without features is {@code 204 No Content}. Tiles are made by {@link FeatureSource#vectorTile}, so both
 * storage modes serve them. ETags follow the layer's data version, so edits, reloads and re-imports invalidate them;
 * encoded tiles are kept in a byte-bounded {@link TileCache} keyed by that same version.
 */
public final class TilesRoutes implements RouteModule {
    public static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    static final String REL_GEODATA = "http://www.opengis.net/def/rel/ogc/1.0/geodata";
    static final String REL_TILESETS_MAP = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";
    /** Bumped when the same data and style would give other map tiles (painting rules): part of every map tile's ETag. */
    static final String MAP_FORMAT = "png-1";
    /** The scale the web map asks for (512-pixel tiles): the one the warm-up paints. */
    static final int MAP_SCALE = 2;
    /** Bumped when the same data would give other tiles (grid, specks, attributes): part of every tile's ETag. */
    static final String TILE_FORMAT = "mvt-2";
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private final LiveLayers layers;
    private final ServerConfig config;
    private final TileCache cache;

    public TilesRoutes(ServerConfig config, LiveLayers layers) {
        this(config, layers, new TileCache(config.settings().server().tileCacheBytes()));
    }

    /**
     * How long after the server is ready the warm-up starts: on two cores it took one of them from the first
     * requests (the first site check came seconds later while it ran); a national view asked before then is made on
     * demand, as after an edit.
     */
    static final long WARM_UP_DELAY_MS = 60_000;

    /**
     * Starts the {@link #warmUp warm-up} in a daemon thread {@value #WARM_UP_DELAY_MS} ms from now (the server calls
     * this once it answers), unless the tile cache or {@code ops.tile-warm-up} is off.
     */
    void startWarmUp() {
        if (cache.maxBytes() <= 0 || !config.settings().ops().tileWarmUp()) return;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(WARM_UP_DELAY_MS);
            } catch (InterruptedException e) {
                return;
            }
            warmUp();
        }, "tiles-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Layers larger than this are drawn by the map from tiles (smaller ones load whole as GeoJSON). */
    static final long WARM_UP_MIN_FEATURES = 2000;
    /**
     * Zooms warmed up, in this order — the national view's first (512-pixel tiles of zoom 5 at map zoom 6), then the
     * smaller scales, then the provincial zooms up to the last coarse one — and at most this many tiles per layer and zoom.
     */
    static final int[] WARM_UP_ZOOMS = {5, 4, 3, 2, 1, 0, 6, 7};
    static final int WARM_UP_MAX_TILES = 64;

    /**
     * In the background a minute after start ({@link #startWarmUp}): the map tiles (PNG, {@value #MAP_SCALE}× — what the
     * web map draws at coarse zooms) of the coarse zooms ({@link #WARM_UP_ZOOMS}) over the extent of each layer the map
     * draws from tiles, made into the cache (and with them the low-zoom copies they come from), so the first national
     * view is answered from memory. Zoom by zoom across the layers. Once per start, for the layers as they are then (an
     * edit makes new tiles on demand, as before). Configuration {@code ops.tile-warm-up = off} skips it.
     */
    void warmUp() {
        long t0 = System.nanoTime();
        int painted = 0;
        try {
            for (int z : WARM_UP_ZOOMS) {
                for (FeatureSource s : layers.current().inOrder()) {
                    if (s.count() < WARM_UP_MIN_FEATURES) continue;
                    Envelope e = s.extent();
                    if (e.isNull()) continue;
                    int x0 = WebMercatorQuad.column(e.getMinX(), z), x1 = WebMercatorQuad.column(e.getMaxX(), z);
                    int y0 = WebMercatorQuad.row(e.getMaxY(), z), y1 = WebMercatorQuad.row(e.getMinY(), z);
                    if ((long) (x1 - x0 + 1) * (y1 - y0 + 1) > WARM_UP_MAX_TILES) continue;
                    boolean allKept = true;
                    for (int x = x0; x <= x1; x++) {
                        for (int y = y0; y <= y1; y++) {
                            allKept &= mapTileKept(s, new TileAddress(z, x, y), MAP_SCALE);
                            painted++;
                        }
                    }
                    // the zoom's map tiles are held (kept: not evicted by other tiles), so the low-zoom copy they were
                    // painted from is a second picture of the same thing: let it go (a tile of that grid asked later,
                    // a vector tile or another scale, builds it again). At national scale the copies of zooms 0–7 were
                    // the larger part of what the warm-up added to the heap.
                    if (allKept) EmbeddedTiles.releaseLowZoomCopy(s, z, TileRequest.extentAt(z));
                }
            }
            if (painted > 0) {
                org.slf4j.LoggerFactory.getLogger(TilesRoutes.class).info("tile warm-up: {} map tiles in {} s", painted,
                        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
            }
        } catch (RuntimeException | Error e) {
            // an Error too: a ServiceConfigurationError once ended the thread with nothing in the log but a stack trace
            org.slf4j.LoggerFactory.getLogger(TilesRoutes.class).warn("tile warm-up stopped: {}", e.toString());
        }
    }

    TilesRoutes(ServerConfig config, LiveLayers layers, TileCache cache) {
        this.config = config;
        this.layers = layers;
        this.cache = cache;
    }

    /** The encoded tiles kept between requests (keyed by layer, data version, tile and attributes). */
    public TileCache cache() {
        return cache;
    }

    @Override
    public void register(Javalin app) {
        app.get("/tileMatrixSets", this::matrixSets);
        app.get("/tileMatrixSets/{tileMatrixSetId}", this::matrixSet);
        app.get("/collections/{collectionId}/tiles", this::tilesets);
        app.get("/collections/{collectionId}/tiles/{tileMatrixSetId}", this::tileset);
        app.get("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", this::tile);
        app.get("/collections/{collectionId}/map/tiles", this::mapTilesets);
        app.get("/collections/{collectionId}/map/tiles/{tileMatrixSetId}", this::mapTileset);
        app.get("/collections/{collectionId}/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", this::mapTileRoute);
    }

    private void matrixSets(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        String base = RequestUrls.base(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(new Link(base + "/tileMatrixSets", "self", MediaTypes.JSON, "切片方案 / tile matrix sets")));
        Map<String, Object> tms = new LinkedHashMap<>();
        tms.put("id", WebMercatorQuad.ID);
        tms.put("title", "网络墨卡托 Web Mercator (WebMercatorQuad)");
        tms.put("uri", WebMercatorQuad.URI);
        tms.put("crs", WebMercatorQuad.CRS);
        tms.put("links", List.of(new Link(base + "/tileMatrixSets/" + WebMercatorQuad.ID, "self", MediaTypes.JSON, "WebMercatorQuad"),
                new Link(base + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, MediaTypes.JSON, "WebMercatorQuad")));
        body.put("tileMatrixSets", List.of(tms));
        OgcResponses.answer(ctx, "tms-1", MediaTypes.JSON, () -> body, () -> new HtmlPage("切片方案 Tile matrix sets")
                .heading("切片方案 Tile matrix sets")
                .link("/tileMatrixSets/" + WebMercatorQuad.ID + "?f=json", WebMercatorQuad.ID + " (" + WebMercatorQuad.CRS + ")"));
    }

    private void matrixSet(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        requireMatrixSet(ctx.pathParam("tileMatrixSetId"));
        String self = RequestUrls.base(ctx) + "/tileMatrixSets/" + WebMercatorQuad.ID;
        OgcResponses.answer(ctx, "tms-1", MediaTypes.JSON, () -> WebMercatorQuad.document(self), () -> new HtmlPage(WebMercatorQuad.ID)
                .heading(WebMercatorQuad.ID)
                .paragraph("EPSG:3857, 256×256, 0–" + WebMercatorQuad.MAX_ZOOM)
                .link(self + "?f=json", "JSON"));
    }

    /** What differs between a collection's list of vector tilesets and its list of map (PNG) tilesets. */
    private record TilesetList(String path, String dataType, String titleZh, String titleEn, String listTitle, String etag,
                               String otherPath, String otherRel, String otherTitle, String pageTitle) {}

    private static final TilesetList VECTOR_TILESETS = new TilesetList("/tiles", "vector", " ", "", "切片集列表 / tilesets",
            "tiles-2", "/map/tiles", REL_TILESETS_MAP, "地图切片集 / map tilesets", " 切片 Tiles");
    private static final TilesetList MAP_TILESETS = new TilesetList("/map/tiles", "map", " 地图切片 ", " map tiles",
            "地图切片集列表 / map tilesets", "map-tiles-1", "/tiles", REL_TILESETS_VECTOR, "矢量切片集 / vector tilesets", " 地图切片 Map tiles");

    private void tilesets(Context ctx) {
        tilesetList(ctx, VECTOR_TILESETS);
    }

    private void mapTilesets(Context ctx) {
        tilesetList(ctx, MAP_TILESETS);
    }

    private void tilesetList(Context ctx, TilesetList kind) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        String base = RequestUrls.base(ctx);
        String collection = base + "/collections/" + s.layer().id();
        String self = collection + kind.path();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("title", s.layer().title().zh() + kind.titleZh() + s.layer().title().en() + kind.titleEn());
        entry.put("dataType", kind.dataType());
        entry.put("crs", WebMercatorQuad.CRS);
        entry.put("tileMatrixSetURI", WebMercatorQuad.URI);
        entry.put("links", List.of(
                new Link(self + "/" + WebMercatorQuad.ID, "self", MediaTypes.JSON, "切片集 / tileset metadata"),
                new Link(base + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, MediaTypes.JSON, "切片方案 / tiling scheme")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(new Link(self, "self", MediaTypes.JSON, kind.listTitle()),
                new Link(collection, REL_GEODATA, MediaTypes.JSON, s.layer().title().zh()),
                new Link(collection + kind.otherPath(), kind.otherRel(), MediaTypes.JSON, kind.otherTitle())));
        body.put("tilesets", List.of(entry));
        OgcResponses.answer(ctx, kind.etag(), MediaTypes.JSON, () -> body, () -> new HtmlPage(s.layer().title().zh() + kind.pageTitle())
                .heading(s.layer().title().zh() + kind.pageTitle())
                .link(self + "/" + WebMercatorQuad.ID + "?f=json", WebMercatorQuad.ID));
    }

    private void tileset(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        requireMatrixSet(ctx.pathParam("tileMatrixSetId"));
        String base = RequestUrls.base(ctx);
        LayerDef l = s.layer();
        String self = base + "/collections/" + l.id() + "/tiles/" + WebMercatorQuad.ID;
        List<String> props = properties(l);
        OgcResponses.answer(ctx, s.version(), MediaTypes.JSON, () -> metadata(s, base, self, props), () -> new HtmlPage(l.title().zh() + " 切片集 Tileset")
                .heading(l.title().zh() + " 切片集 Tileset " + WebMercatorQuad.ID)
                .paragraph("切片地址 Tile URL: " + self + "/{tileMatrix}/{tileRow}/{tileCol} (" + MVT + ", 0–" + WebMercatorQuad.MAX_ZOOM
                        + "；无要素的切片为 204 / a tile without features is 204 No Content)")
                .paragraph("属性 Properties: " + String.join(", ", props)));
    }

    private Map<String, Object> metadata(FeatureSource s, String base, String self, List<String> props) {
        LayerDef l = s.layer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", l.title().zh() + " " + l.title().en());
        int coarse = TileRequest.COARSE_EXTENT, coarseBuffer = TileRequest.BUFFER * coarse / TileRequest.EXTENT;
        m.put("description", "矢量切片（MVT，范围 " + TileRequest.EXTENT + "，缓冲 " + TileRequest.BUFFER + "；级别 0–" + TileRequest.COARSE_MAX_ZOOM
                + " 范围 " + coarse + "，缓冲 " + coarseBuffer + "）。无要素的切片返回 204。 "
                + "Mapbox Vector Tiles, extent " + TileRequest.EXTENT + ", buffer " + TileRequest.BUFFER + " (zooms 0–" + TileRequest.COARSE_MAX_ZOOM
                + ": extent " + coarse + ", buffer " + coarseBuffer + ", one unit per pixel of a 512-pixel tile)"
                + "; a tile without features is answered 204 No Content. Geometry is snapped to the tile grid only "
                + "(shared boundaries stay shared); polygons smaller than a tile unit are left out from zoom "
                + (TileRequest.COARSE_MAX_ZOOM + 1) + " and kept as a one-unit speck below.");
        m.put("dataType", "vector");
        putGrid(m, s);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", self + "/{tileMatrix}/{tileRow}/{tileCol}");
        link.put("rel", "item");
        link.put("type", MVT);
        link.put("title", "矢量切片 / Mapbox vector tiles");
        link.put("templated", true);
        m.put("links", List.of(
                new Link(self, "self", MediaTypes.JSON, "本切片集 / this tileset"),
                new Link(base + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, MediaTypes.JSON, "切片方案 / tiling scheme"),
                new Link(base + "/collections/" + l.id(), REL_GEODATA, MediaTypes.JSON, l.title().zh()),
                link));
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", l.id());
        layer.put("title", l.title().zh() + " " + l.title().en());
        layer.put("dataType", "vector");
        layer.put("geometryDimension", l.isPolygon() ? 2 : 0);
        layer.put("minTileMatrix", "0");
        layer.put("maxTileMatrix", String.valueOf(WebMercatorQuad.MAX_ZOOM));
        Map<String, Object> schemaProps = new LinkedHashMap<>();
        for (String p : props) {
            AttributeDef a = l.attribute(p).orElseThrow();
            Map<String, Object> ps = new LinkedHashMap<>();
            ps.put("type", a.type().schemaType());
            ps.put("title", a.title() == null ? a.name() : a.title().zh() + " " + a.title().en());
            if (a.name().equals(l.idProperty())) ps.put("x-ogc-role", "id");
            if (!a.values().isEmpty()) ps.put("enum", a.values());
            schemaProps.put(p, ps);
        }
        layer.put("propertiesSchema", Map.of("type", "object", "properties", schemaProps));
        m.put("layers", List.of(layer));
        return m;
    }

    private void tile(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("f")) throw ApiProblem.badRequest("未知参数 / unknown query parameter \"" + name + "\"; 可用 allowed: [f]");
        }
        String f = ctx.queryParam("f");
        if (f != null && !f.equals("mvt") && !f.equals(MVT)) {
            throw ApiProblem.badRequest("切片只有 MVT 格式 / tiles are only served as Mapbox Vector Tiles (f=mvt), got \"" + f + "\"");
        }
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        requireMatrixSet(ctx.pathParam("tileMatrixSetId"));
        TileAddress address = address(ctx);
        String version = s.version();
        // the tile format's revision is in the tag too, so tiles a browser kept from an older server (other grid
        // rules, same data) are not revalidated as current
        if (CacheValidation.answeredNotModified(ctx, version + "|" + TILE_FORMAT, Format.JSON)) return;
        List<String> props = properties(s.layer());
        TileRequest request = TileRequest.of(address, s.layer().id(), props);
        byte[] tile = cache.get(new TileCache.Key(s.layer().id(), version, address.z(), address.x(), address.y(), props),
                () -> s.vectorTile(request));
        if (tile.length == 0) {
            ctx.status(204);
            return;
        }
        ctx.result(tile);
        // exactly the registered media type: binary, so no charset (Javalin sets UTF-8 on every response)
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(MVT);
    }

    // ---- map tiles (PNG) ---------------------------------------------------------------------------------------


    private void mapTileset(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        requireMatrixSet(ctx.pathParam("tileMatrixSetId"));
        String base = RequestUrls.base(ctx);
        LayerDef l = s.layer();
        String self = base + "/collections/" + l.id() + "/map/tiles/" + WebMercatorQuad.ID;
        OgcResponses.answer(ctx, s.version() + "|" + styleStamp(l), MediaTypes.JSON, () -> mapMetadata(s, base, self), () -> new HtmlPage(l.title().zh() + " 地图切片集 Map tileset")
                .heading(l.title().zh() + " 地图切片集 Map tileset " + WebMercatorQuad.ID)
                .paragraph("切片地址 Tile URL: " + self + "/{tileMatrix}/{tileRow}/{tileCol} (" + MapTilePainter.PNG + ", 0–" + WebMercatorQuad.MAX_ZOOM
                        + "；256 × 256 像素，scale=2 为 512 × 512；无要素的切片为 204 / 256 × 256 pixels, scale=2 gives 512 × 512; a tile without features is 204 No Content)"));
    }

    /** What a vector and a map tileset of a layer say alike: the tile matrix set, its limits and the layer's extent. */
    private static void putGrid(Map<String, Object> m, FeatureSource s) {
        m.put("crs", WebMercatorQuad.CRS);
        m.put("tileMatrixSetURI", WebMercatorQuad.URI);
        m.put("tileMatrixSetLimits", WebMercatorQuad.limits());
        Envelope e = s.extent();
        if (!e.isNull()) {
            m.put("boundingBox", Map.of("lowerLeft", List.of(e.getMinX(), e.getMinY()), "upperRight", List.of(e.getMaxX(), e.getMaxY()),
                    "crs", OgcCrs.CRS84_URI));
        }
    }

    private Map<String, Object> mapMetadata(FeatureSource s, String base, String self) {
        LayerDef l = s.layer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", l.title().zh() + " 地图切片 " + l.title().en() + " map tiles");
        m.put("description", "按 styles/" + l.id() + ".json 样式绘制的 PNG 地图切片（透明背景、抗锯齿），与同一地址的矢量切片为同一批要素；"
                + "级别 0–" + TileRequest.COARSE_MAX_ZOOM + " 中小于一个格网单元的要素绘为一个单元的点，每个要素都可见。无要素的切片返回 204。 "
                + "PNG map tiles painted with the layer's style (styles/" + l.id() + ".json; transparent, anti-aliased) from the same features "
                + "the vector tile of the same address holds; at zooms 0–" + TileRequest.COARSE_MAX_ZOOM + " a feature smaller than a grid cell "
                + "is a one-cell speck, so every feature shows. 256 × 256 pixels; the extension parameter scale=2 gives 512 × 512 "
                + "(what the web map draws at zoom z + 1). A tile without features is answered 204 No Content.");
        m.put("dataType", "map");
        putGrid(m, s);
        m.put("style", Map.of("id", l.id(), "title", "styles/" + l.id() + ".json",
                "links", List.of(new Link(base + "/styles/" + l.id() + ".json", "describedby", MediaTypes.JSON, "样式 / style"))));
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", self + "/{tileMatrix}/{tileRow}/{tileCol}");
        link.put("rel", "item");
        link.put("type", MapTilePainter.PNG);
        link.put("title", "地图切片 / map tiles (PNG)");
        link.put("templated", true);
        m.put("links", List.of(
                new Link(self, "self", MediaTypes.JSON, "本切片集 / this tileset"),
                new Link(base + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, MediaTypes.JSON, "切片方案 / tiling scheme"),
                new Link(base + "/collections/" + l.id(), REL_GEODATA, MediaTypes.JSON, l.title().zh()),
                link));
        return m;
    }

    private void mapTileRoute(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("f") && !name.equals("scale")) {
                throw ApiProblem.badRequest("未知参数 / unknown query parameter \"" + name + "\"; 可用 allowed: [f, scale]");
            }
        }
        String f = ctx.queryParam("f");
        if (f != null && !f.equals("png") && !f.equals(MapTilePainter.PNG)) {
            throw ApiProblem.badRequest("地图切片只有 PNG 格式 / map tiles are only served as PNG (f=png), got \"" + f + "\"");
        }
        String sc = ctx.queryParam("scale");
        int scale = 1;
        if (sc != null) {
            if (!sc.matches("[0-9]{1,2}") || Integer.parseInt(sc) < MapTilePainter.MIN_SCALE || Integer.parseInt(sc) > MapTilePainter.MAX_SCALE) {
                throw ApiProblem.badRequest("scale 应为 1 或 2 / scale must be 1 (256 × 256 pixels) or 2 (512 × 512), got \"" + sc + "\"");
            }
            scale = Integer.parseInt(sc);
        }
        FeatureSource s = layers.require(ctx.pathParam("collectionId"));
        requireMatrixSet(ctx.pathParam("tileMatrixSetId"));
        TileAddress address = address(ctx);
        // the style is part of the picture: a changed style file gives new tags (as a data version does)
        if (CacheValidation.answeredNotModified(ctx, s.version() + "|" + MAP_FORMAT + "|" + styleStamp(s.layer()), Format.JSON)) return;
        byte[] png = mapTile(s, address, scale);
        if (png.length == 0) {
            ctx.status(204);
            return;
        }
        ctx.result(png);
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(MapTilePainter.PNG);
    }

    /**
     * The map tile (PNG bytes, empty when no feature is in the tile), from the cache or painted from the features of the
     * vector tile of the same address ({@link FeatureSource#tileFeatures}) with the layer's style.
     */
    byte[] mapTile(FeatureSource s, TileAddress address, int scale) {
        return mapTile(s, address, scale, false);
    }

    /** The warm-up's {@link #mapTile}, kept in the cache apart from the tiles other requests make; true when it is kept. */
    boolean mapTileKept(FeatureSource s, TileAddress address, int scale) {
        mapTile(s, address, scale, true);
        return cache.isKept(mapTileKey(s, address, scale));
    }

    private TileCache.Key mapTileKey(FeatureSource s, TileAddress address, int scale) {
        LayerDef l = s.layer();
        String key = s.version() + "|" + MAP_FORMAT + "|" + styleStamp(l) + "|" + scale;
        return new TileCache.Key(l.id(), key, address.z(), address.x(), address.y(), properties(l));
    }

    private byte[] mapTile(FeatureSource s, TileAddress address, int scale, boolean keep) {
        LayerDef l = s.layer();
        List<String> props = properties(l);
        String stamp = styleStamp(l);
        // a map tile's key: the data version, the painting rules, the style file and the scale ride on the version field
        String key = s.version() + "|" + MAP_FORMAT + "|" + stamp + "|" + scale;
        TileCache.Key k = new TileCache.Key(l.id(), key, address.z(), address.x(), address.y(), props);
        return cache.get(k, () -> {
            // one painting per tile at a time: a request for a tile the warm-up (or another request) is painting waits
            // for that one instead of painting it again (on 2 cores, right after start, that halved what was left)
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            CompletableFuture<byte[]> running = painting.putIfAbsent(k, mine);
            if (running != null) {
                try {
                    return running.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
            try {
                TileRequest r = TileRequest.of(address, l.id(), props);
                List<org.locationtech.jts.geom.Geometry> features = s.tileFeatures(r);
                byte[] png = features.isEmpty() ? new byte[0]
                        : MapTilePainter.png(MapTilePainter.paint(features, r.extent(), address.z(), scale, mapStyle(l, stamp)));
                mine.complete(png);
                return png;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                painting.remove(k, mine);
            }
        }, keep);
    }

    /** Map tiles being painted now, so that a second request for one waits for it. */
    private final java.util.concurrent.ConcurrentHashMap<TileCache.Key, CompletableFuture<byte[]>> painting = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedStyle(LayerDef layer, String styleStamp, MapTileStyle style) {}

    private final java.util.concurrent.ConcurrentHashMap<String, CachedStyle> styleCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The layer's style as the map tiles paint it, read once per style file version (size and modification time). */
    MapTileStyle mapStyle(LayerDef l, String stamp) {
        CachedStyle c = styleCache.get(l.id());
        if (c != null && c.layer() == l && c.styleStamp().equals(stamp)) return c.style();
        MapTileStyle style;
        try {
            style = MapTileStyle.of(WebMapRoutes.readStyle(config.stylesDir(), l));
        } catch (IOException | ApiProblem e) {
            style = MapTileStyle.none(); // a broken style file is reported by /styles; the map shows the plain style too
        }
        styleCache.put(l.id(), new CachedStyle(l, stamp, style));
        return style;
    }

    /** The tile address in the path, or a 400 (not an integer) or 404 (outside the tile matrix). */
    private static TileAddress address(Context ctx) {
        long z = number(ctx, "tileMatrix"), y = number(ctx, "tileRow"), x = number(ctx, "tileCol");
        if (!WebMercatorQuad.contains(z, x, y)) {
            long max = z >= 0 && z <= WebMercatorQuad.MAX_ZOOM ? (1L << z) - 1 : -1;
            throw ApiProblem.notFound("切片 " + z + "/" + y + "/" + x + " 超出切片矩阵范围（级别 0–" + WebMercatorQuad.MAX_ZOOM
                    + (max >= 0 ? "，本级行列 0–" + max : "") + "）/ tile " + z + "/" + y + "/" + x + " is outside the tile matrix limits (tileMatrix 0–"
                    + WebMercatorQuad.MAX_ZOOM + (max >= 0 ? ", tileRow and tileCol 0–" + max + " at this level" : "") + ")");
        }
        return new TileAddress((int) z, (int) x, (int) y);
    }

    private static long number(Context ctx, String name) {
        String v = ctx.pathParam(name);
        if (!INTEGER.matcher(v).matches()) {
            throw ApiProblem.badRequest(name + " 应为整数 / must be an integer, got \"" + v + "\"");
        }
        return Long.parseLong(v);
    }

    private static void requireMatrixSet(String id) {
        if (!id.equals(WebMercatorQuad.ID)) {
            throw ApiProblem.notFound("没有切片方案 \"" + id + "\"，现有 " + WebMercatorQuad.ID + " / no tile matrix set \"" + id
                    + "\"; available: " + WebMercatorQuad.ID);
        }
    }

    private record CachedProperties(LayerDef layer, String styleStamp, List<String> properties) {}

    private final java.util.concurrent.ConcurrentHashMap<String, CachedProperties> propertiesCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #readProperties}, kept per layer entry and style file (its size and modification time, one stat per
     * request): at national scale reading and parsing the style file for each tile was a visible share of a tile.
     */
    List<String> properties(LayerDef l) {
        String stamp = styleStamp(l);
        CachedProperties c = propertiesCache.get(l.id());
        if (c != null && c.layer() == l && c.styleStamp().equals(stamp)) return c.properties();
        List<String> props = List.copyOf(readProperties(l));
        propertiesCache.put(l.id(), new CachedProperties(l, stamp, props));
        return props;
    }

    private String styleStamp(LayerDef l) {
        String name = l.style() == null || l.style().isBlank() ? l.id() + ".json" : l.style();
        try {
            java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(config.stylesDir().resolve(name),
                    java.nio.file.attribute.BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException | RuntimeException e) {
            return "none";
        }
    }

    /** The attributes a tile carries: the layer's id and name attributes and its style's {@code property}. */
    List<String> readProperties(LayerDef l) {
        Set<String> names = new LinkedHashSet<>();
        names.add(l.idProperty());
        if (l.nameProperty() != null) names.add(l.nameProperty());
        try {
            JsonNode style = WebMapRoutes.readStyle(config.stylesDir(), l);
            if (style != null && style.hasNonNull("property")) names.add(style.get("property").asText());
        } catch (IOException | ApiProblem e) {
            // a broken style file is reported by /styles; tiles still carry id and name
        }
        List<String> out = new ArrayList<>();
        for (String n : names) l.attribute(n).filter(a -> a.type() != AttributeType.JSON).ifPresent(a -> out.add(a.name()));
        return out;
    }
}
