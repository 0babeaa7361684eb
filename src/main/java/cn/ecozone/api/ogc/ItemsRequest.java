package cn.ecozone.api.ogc;

import cn.ecozone.error.EcoZoneException;
import cn.ecozone.io.Geometries;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.SortKey;
import io.javalin.http.Context;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.factory.CommonFactoryFinder;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of {@code GET /collections/{id}/items}, checked and turned into a {@link FeatureQuery}.
 * Every mistake is a 400 naming the parameter; unknown parameters are refused, so a typo never silently
 * returns the whole layer.
 *
 * @param properties attributes to return, or null for all
 */
public record ItemsRequest(FeatureQuery query, long offset, int limit, OgcCrs crs, List<String> properties,
                           boolean skipGeometry, boolean filtered, double simplifyM) {
    public static final int DEFAULT_LIMIT = 10;
    public static final Set<String> PARAMETERS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs", "filter",
            "filter-lang", "filter-crs", "sortby", "properties", "skipGeometry", "simplify", "datetime");
    /** The largest simplification tolerance, in metres: more would distort zones beyond use. */
    public static final double MAX_SIMPLIFY_M = 10_000;
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();
    private static final GeometryFactory PLAIN = new GeometryFactory();

    public static ItemsRequest of(Context ctx, FeatureSource source, int maxLimit) {
        LayerDef layer = source.layer();
        List<String> queryables = Queryables.names(layer);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMETERS.contains(name) && !queryables.contains(name)) {
                throw new InvalidParameter("未知参数 / unknown query parameter \"" + name + "\"; 可用 allowed: "
                        + new TreeSet<>(PARAMETERS) + " 及可查询属性 and queryables " + queryables);
            }
        }
        List<OgcCrs> supported = OgcCrs.forExtent(source.extent());
        int limit = (int) Math.min(maxLimit, number(ctx, "limit", DEFAULT_LIMIT, 1));
        long offset = number(ctx, "offset", 0, 0);
        OgcCrs crs = crs(ctx, "crs", supported);
        List<Filter> filters = new ArrayList<>();
        Envelope bbox = ctx.queryParam("bbox") == null ? null : bbox(ctx.queryParam("bbox"), crs(ctx, "bbox-crs", supported), filters);
        String filterText = ctx.queryParam("filter");
        String lang = ctx.queryParam("filter-lang");
        if (lang != null && !lang.equals("cql2-text")) {
            throw new InvalidParameter("filter-lang 只支持 cql2-text / only filter-lang=cql2-text is supported, got \"" + lang + "\"");
        }
        if (ctx.queryParam("datetime") != null) {
            Filter time = Datetime.filter(ctx.queryParam("datetime"), layer);
            if (time != null) filters.add(time);
        }
        if (filterText != null) filters.add(Cql2Text.parse(filterText, queryables, crs(ctx, "filter-crs", supported)));
        for (AttributeDef a : Queryables.attributes(layer)) {
            String v = ctx.queryParam(a.name());
            if (v != null) filters.add(FF.equals(FF.property(a.name()), FF.literal(typed(a, v))));
        }
        Filter filter = filters.isEmpty() ? Filter.INCLUDE : filters.size() == 1 ? filters.get(0) : FF.and(filters);
        List<SortKey> sort = sortBy(ctx.queryParam("sortby"), queryables);
        List<String> properties = properties(ctx.queryParam("properties"), layer);
        boolean skipGeometry = bool(ctx, "skipGeometry");
        boolean filtered = bbox != null || filter != Filter.INCLUDE;
        double simplifyM = simplify(ctx.queryParam("simplify"));
        return new ItemsRequest(new FeatureQuery(bbox, filter, sort, offset, limit), offset, limit, crs, properties, skipGeometry, filtered, simplifyM);
    }

    /** {@code simplify}: a tolerance in metres for drawing at small scales (0, the default: exact geometries). */
    private static double simplify(String v) {
        if (v == null) return 0;
        try {
            double m = Double.parseDouble(v.trim());
            if (m >= 0 && m <= MAX_SIMPLIFY_M) return m;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidParameter("参数 simplify 应为 0–" + (int) MAX_SIMPLIFY_M + " 米 / simplify must be a tolerance of 0–10000 metres, got \"" + v + "\"");
    }

    /** The CRS named by a parameter (CRS84 when absent); 400 when the collection does not offer it. */
    public static OgcCrs crs(Context ctx, String param, List<OgcCrs> supported) {
        String v = ctx.queryParam(param);
        if (v == null) return OgcCrs.CRS84;
        OgcCrs c = OgcCrs.parse(v);
        if (c == null || supported.stream().noneMatch(s -> s.uri().equals(c.uri()))) {
            throw new InvalidParameter("不支持的坐标系 / unsupported " + param + " \"" + v + "\"; 支持 supported: "
                    + supported.stream().map(OgcCrs::uri).toList());
        }
        return c;
    }

    private static long number(Context ctx, String param, long dflt, long min) {
        String v = ctx.queryParam(param);
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidParameter("参数 " + param + " 应为不小于 " + min + " 的整数 / " + param + " must be an integer ≥ " + min + ", got \"" + v + "\"");
    }

    private static boolean bool(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.equalsIgnoreCase("false")) return false;
        if (v.equalsIgnoreCase("true")) return true;
        throw new InvalidParameter("参数 " + param + " 应为 true 或 false / " + param + " must be true or false, got \"" + v + "\"");
    }

    /** The bbox as an EPSG:4490 lon/lat envelope; a projected bbox also adds its exact shape to the filters. */
    static Envelope bbox(String text, OgcCrs crs, List<Filter> filters) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidParameter("bbox 需要 4 或 6 个逗号分隔的数 / bbox needs 4 or 6 comma-separated numbers, got \"" + text + "\"");
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameter("bbox 中有非数字 / bbox has a value that is not a number: \"" + parts[i] + "\"");
            }
            if (!Double.isFinite(n[i])) throw new InvalidParameter("bbox 中的数必须有限 / bbox numbers must be finite: " + text);
        }
        int h = n.length / 2;
        double a1 = n[0], b1 = n[1], a2 = n[h], b2 = n[h + 1];
        double x1 = crs.northFirst() ? b1 : a1, y1 = crs.northFirst() ? a1 : b1;
        double x2 = crs.northFirst() ? b2 : a2, y2 = crs.northFirst() ? a2 : b2;
        if (y1 > y2 || (crs.isProjected() && x1 > x2)) {
            throw new InvalidParameter("bbox 的最小值大于最大值 / bbox lower corner exceeds upper corner: " + text);
        }
        if (!crs.isProjected()) {
            if (x1 < -180 || x1 > 180 || x2 < -180 || x2 > 180 || y1 < -90 || y2 > 90) {
                throw new InvalidParameter("bbox 超出经纬度范围 / bbox outside longitude −180…180, latitude −90…90 (坐标轴顺序 axis order of "
                        + crs.uri() + (crs.northFirst() ? ": 纬度在前 latitude first" : ": 经度在前 longitude first") + "): " + text);
            }
            if (x1 > x2) {
                // west edge east of the east edge: the box crosses the antimeridian, i.e. [west, 180] ∪ [−180, east]
                GeometryFactory gf = Geometries.FACTORY;
                Geometry two = gf.createMultiPolygon(new Polygon[]{
                        (Polygon) gf.toGeometry(new Envelope(x1, 180, y1, y2)),
                        (Polygon) gf.toGeometry(new Envelope(-180, x2, y1, y2))});
                filters.add(FF.intersects(FF.property(FeatureTypes.GEOMETRY), FF.literal(two)));
                return new Envelope(-180, 180, y1, y2);
            }
            return new Envelope(x1, x2, y1, y2);
        }
        // a rectangle in a projected CRS is curved in lon/lat: densify, transform, filter on the exact shape
        Geometry rect = Densifier.densify(PLAIN.toGeometry(new Envelope(a1, a2, b1, b2)), Math.max(a2 - a1, b2 - b1) / 16);
        Geometry lonLat;
        try {
            lonLat = crs.toStorage(rect);
        } catch (EcoZoneException e) {
            throw new InvalidParameter("bbox 无法转换到经纬度 / bbox cannot be transformed from " + crs.uri() + ": " + text);
        }
        filters.add(FF.intersects(FF.property(FeatureTypes.GEOMETRY), FF.literal(lonLat)));
        return lonLat.getEnvelopeInternal();
    }

    private static Object typed(AttributeDef a, String v) {
        try {
            return switch (a.type()) {
                case INTEGER -> Long.parseLong(v.trim());
                case NUMBER -> Double.parseDouble(v.trim());
                default -> v;
            };
        } catch (NumberFormatException e) {
            throw new InvalidParameter("属性 " + a.name() + " 是数值，\"" + v + "\" 不是数 / " + a.name() + " is numeric; \"" + v + "\" is not a number");
        }
    }

    private static List<SortKey> sortBy(String text, List<String> queryables) {
        if (text == null || text.isBlank()) return List.of();
        List<SortKey> keys = new ArrayList<>();
        for (String raw : text.split(",")) {
            String t = raw.trim();
            boolean desc = t.startsWith("-");
            if (t.startsWith("-") || t.startsWith("+")) t = t.substring(1).trim();
            if (!t.equals("id") && !queryables.contains(t)) {
                throw new InvalidParameter("sortby 中的属性不存在或不可排序 / cannot sort by \"" + t + "\"; 可排序 sortable: id, " + queryables);
            }
            keys.add(new SortKey(t, desc));
        }
        return keys;
    }

    private static List<String> properties(String text, LayerDef layer) {
        if (text == null) return null;
        List<String> names = new ArrayList<>();
        for (String raw : text.split(",")) {
            String t = raw.trim();
            if (t.isEmpty()) continue;
            if (layer.attribute(t).isEmpty()) {
                throw new InvalidParameter("properties 中的属性不存在 / unknown property \"" + t + "\"; 现有 available: "
                        + layer.attributes().stream().map(AttributeDef::name).toList());
            }
            names.add(t);
        }
        return names;
    }
}
