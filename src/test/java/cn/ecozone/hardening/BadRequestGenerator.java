package cn.ecozone.hardening;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates bad requests across every endpoint, each one something a careless client or a hostile one could
 * send: malformed, truncated and deeply nested JSON, non-finite and huge coordinates, broken rings, empty and
 * wrong geometries, mixed encodings, broken 国土 TXT, absurd paging and bbox values, CQL injection, path
 * traversal, oversize bodies. Deterministic for a seed.
 */
final class BadRequestGenerator {
    /** One request: method, path (with query), content type (null: none), body bytes (null: none), its category. */
    record BadRequest(String category, String method, String path, String contentType, byte[] body) {}

    static final String SQUARE = "[[113.25,40.05],[113.26,40.05],[113.26,40.06],[113.25,40.06],[113.25,40.05]]";
    static final String VALID_SITE = "{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}";
    static final String VALID_PLOT_COLLECTION = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"plot_id\":\"FZ-1\",\"mine\":\"测试矿\",\"declared_mu\":10},\"geometry\":" + VALID_SITE + "}]}";

    private static final String[] POST_JSON_ENDPOINTS = {"/analysis/site-check", "/analysis/measure"};
    private static final String[] COLLECTIONS = {"admin", "control_unit", "redline", "water_source", "restoration", "monitoring"};
    private final Random random;
    private final List<Supplier<BadRequest>> kinds = new ArrayList<>();

    BadRequestGenerator(long seed) {
        this.random = new Random(seed);
        kinds.add(this::truncatedJson);
        kinds.add(this::malformedJson);
        kinds.add(this::deeplyNested);
        kinds.add(this::badCoordinates);
        kinds.add(this::brokenRing);
        kinds.add(this::wrongGeometry);
        kinds.add(this::mixedEncoding);
        kinds.add(this::brokenTxt);
        kinds.add(this::absurdPaging);
        kinds.add(this::absurdBbox);
        kinds.add(this::cqlInjection);
        kinds.add(this::pathTraversal);
        kinds.add(this::badIdentify);
        kinds.add(this::badCrs);
    }

    BadRequest next() {
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    /** A body over the 10 MB limit (sent rarely: it is large). */
    BadRequest oversize() {
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return new BadRequest("oversize", "POST", pick(POST_JSON_ENDPOINTS), "application/json", body);
    }

    private BadRequest truncatedJson() {
        String full = random.nextBoolean() ? VALID_SITE : VALID_PLOT_COLLECTION;
        String cut = full.substring(0, 1 + random.nextInt(full.length() - 2));
        return json("truncated JSON", cut);
    }

    private BadRequest malformedJson() {
        String[] bad = {"{", "}", "[]", "null", "\"text\"", "42", "{\"type\":}", "{'type':'Polygon'}", "{\"type\":\"Polygon\",,}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[113.2,40.0],[113.3,40.0],[113.3,40.1],[113.2,40.0]]]", "\u0000\u0001\u0002",
                "{\"type\":\"FeatureCollection\",\"features\":{}}", "{\"type\":\"Feature\"}", "{\"type\":\"Feature\",\"geometry\":null}",
                "{\"type\":\"FeatureCollection\",\"features\":[]}", "<xml/>", "POLYGON((", "POINT(1 2", "{\"type\":\"Polygon\"}"};
        return json("malformed JSON", pick(bad));
    }

    private BadRequest deeplyNested() {
        int depth = 1_000 + random.nextInt(50_000);
        String body = "{\"type\":\"Polygon\",\"coordinates\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        return json("deeply nested JSON", body);
    }

    private BadRequest badCoordinates() {
        String[] values = {"NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e400", "\"113\"", "null", "true", "999999999999"};
        String v = pick(values);
        String ring = "[[" + v + ",40.05],[113.26,40.05],[113.26,40.06],[113.25,40.06],[" + v + ",40.05]]";
        return json("bad coordinates", "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}");
    }

    private BadRequest brokenRing() {
        String[] rings = {
                "[[113.25,40.05],[113.26,40.05],[113.26,40.06],[113.25,40.06]]",                       // unclosed
                "[[113.25,40.05],[113.26,40.06],[113.26,40.05],[113.25,40.06],[113.25,40.05]]",        // bow-tie
                "[[113.25,40.05]]",                                                                     // 1 point
                "[[113.25,40.05],[113.25,40.05],[113.25,40.05],[113.25,40.05]]",                       // collapsed
                "[]",
                "[[40.05,113.25],[40.05,113.26],[40.06,113.26],[40.06,113.25],[40.05,113.25]]",        // lat/lon swapped
                "[[0,0],[1,0],[1,1],[0,1],[0,0]]",                                                      // outside China
                "[[113.25,40.05],[113.26,40.05],[113.25,40.05],[113.26,40.05],[113.25,40.05]]"};       // zero area
        return json("broken ring", "{\"type\":\"Polygon\",\"coordinates\":[" + pick(rings) + "]}");
    }

    private BadRequest wrongGeometry() {
        String[] bodies = {"{\"type\":\"Point\",\"coordinates\":[113.25,40.05]}", "{\"type\":\"LineString\",\"coordinates\":" + SQUARE + "}",
                "{\"type\":\"Polygon\",\"coordinates\":[]}", "{\"type\":\"MultiPolygon\",\"coordinates\":[]}",
                "{\"type\":\"GeometryCollection\",\"geometries\":[]}", "{\"type\":\"Circle\",\"coordinates\":[113.25,40.05]}",
                "{\"type\":\"Polygon\",\"coordinates\":\"" + SQUARE + "\"}", "POLYGON EMPTY", "LINESTRING(113.2 40.0, 113.3 40.1)",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[113.2,40.0]}}]}"};
        String body = pick(bodies);
        return new BadRequest("wrong geometry", "POST", pick(POST_JSON_ENDPOINTS),
                body.startsWith("{") ? "application/json" : "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    private BadRequest mixedEncoding() {
        byte[] b = new byte[16 + random.nextInt(400)];
        random.nextBytes(b);
        if (random.nextBoolean()) {
            byte[] gbk = ("{\"type\":\"Polygon\",\"名称\":\"光伏" + "\"").getBytes(Charset.forName("GBK"));
            System.arraycopy(gbk, 0, b, 0, Math.min(gbk.length, b.length));
        }
        return new BadRequest("mixed encoding", "POST", pick(POST_JSON_ENDPOINTS), random.nextBoolean() ? "application/json" : "text/plain", b);
    }

    private BadRequest brokenTxt() {
        String[] txts = {
                "[属性描述]\n坐标系=2000国家大地坐标系\n[地块坐标]\n",
                "[地块坐标]\n5,1.0,1,测试,面,,,,@\nJ1,1,4437000.123\n",
                "[属性描述]\n坐标系=1980西安坐标系\n带号=38\n[地块坐标]\n4,0.5,1,测试,面,,,,@\nJ1,1,4437000,38500000\nJ2,1,4437100,38500000\nJ3,1,4437100,38500100\nJ1,1,4437000,38500000\n",
                "[属性描述]\n[地块坐标]\n4,0.5,1,测试,面,,,,@\nJ1,1,abc,def\nJ2,1,4437100,38500000\nJ3,1,4437100,38500100\nJ1,1,abc,def\n",
                "[属性描述]\n带号=38\n[地块坐标]\n3,0.5,1,测试,面,,,,@\nJ1,1,4437000,38500000\nJ2,1,4437100,38500000\nJ1,1,4437000,38500000\n",
                "[地块坐标]\n@\n@\n@\n",
                "[属性描述]\n" + "键=值\n".repeat(200)};
        return new BadRequest("broken TXT", "POST", "/analysis/site-check", "text/plain", pick(txts).getBytes(StandardCharsets.UTF_8));
    }

    private BadRequest absurdPaging() {
        String[] params = {"limit=-1", "limit=0", "limit=-1000000000000", "limit=abc", "offset=-5", "offset=1e99", "limit=10.5",
                "limit=", "offset=NaN", "limit=99999999999999999999999", "sortby=nosuchfield", "properties=nosuch", "unknownparam=1"};
        return get("absurd paging", "/collections/" + pick(COLLECTIONS) + "/items?" + pick(params));
    }

    private BadRequest absurdBbox() {
        String[] bboxes = {"1,2,3", "a,b,c,d", "1,2,3,4,5", "200,100,300,120", "113,40,112,39,0,0,0", "NaN,NaN,NaN,NaN",
                "1e999,0,1,1", "", ",,,", "113.4,40.1,113.2,40.0"};
        return get("absurd bbox", "/collections/" + pick(COLLECTIONS) + "/items?bbox=" + enc(pick(bboxes)));
    }

    private BadRequest cqlInjection() {
        // a well-quoted literal such as name = 'x''; DROP TABLE redline; --' is a valid filter (FuzzTest checks it matches nothing)
        String[] filters = {"name = 'x' OR 1=1 --", "1=1); DELETE FROM restoration; --",
                "name LIKE", "S_INTERSECTS(geometry, POLYGON((", "nosuchfield = 3", "name = ", "((((((((((", "name IN ()",
                "name = 'a' AND AND", "S_WITHIN(geometry, POINT(1))", "code BETWEEN 'a'", "\u0000"};
        return get("CQL injection", "/collections/" + pick(COLLECTIONS) + "/items?filter-lang=cql2-text&filter=" + enc(pick(filters)));
    }

    private BadRequest pathTraversal() {
        String[] paths = {"/collections/..%2F..%2Fetc%2Fpasswd/items", "/collections/control_unit/items/..%2F..%2Fpom.xml",
                "/map/..%2F..%2Fpom.xml", "/map/%2e%2e/%2e%2e/etc/passwd", "/styles/..%2Fpom.xml", "/collections/%00/items",
                "/collections/restoration/items/%2e%2e%2f%2e%2e%2fcatalog.json", "/webjars/..%2F..%2F..%2Fetc%2Fpasswd",
                "/analysis/checks/..%2Fadmin", "/analysis/measure/..%2F..%2Fpom.xml", "/collections/nosuch/items"};
        return get("path traversal", pick(paths));
    }

    private BadRequest badIdentify() {
        String[] q = {"lon=abc&lat=40", "lon=113", "lon=NaN&lat=NaN", "lon=1e999&lat=40", "lon=40.05&lat=113.25", "", "lon=0&lat=0",
                "lon=113.25&lat=40.05&x=1"};
        return get("bad identify", "/analysis/identify?" + pick(q));
    }

    private BadRequest badCrs() {
        String[] crs = {"EPSG:99999", "nonsense", "http://www.opengis.net/def/crs/EPSG/0/abc", "EPSG:4214", "urn:ogc:def:crs:EPSG::"};
        if (random.nextBoolean()) {
            return new BadRequest("bad crs", "POST", "/analysis/site-check?crs=" + enc(pick(crs)), "application/json",
                    VALID_SITE.getBytes(StandardCharsets.UTF_8));
        }
        return get("bad crs", "/collections/" + pick(COLLECTIONS) + "/items?crs=" + enc(pick(crs)));
    }

    private BadRequest json(String category, String body) {
        return new BadRequest(category, "POST", pick(POST_JSON_ENDPOINTS), "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static BadRequest get(String category, String path) {
        return new BadRequest(category, "GET", path, null, null);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
