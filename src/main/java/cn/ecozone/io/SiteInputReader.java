package cn.ecozone.io;

import cn.ecozone.geo.GeometryChecks;
import cn.ecozone.geo.Transforms;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded project site whatever it arrives as: a 国土 boundary-point TXT (detected by its
 * {@code [属性描述]}/{@code [地块坐标]} sections), GeoJSON (a geometry, a Feature, or a FeatureCollection whose
 * features are the parcels), or WKT/EWKT. GeoJSON and WKT coordinates are in {@code crs} (default CRS84) and
 * are transformed to EPSG:4490 lon/lat. Every parcel must be a polygon, in China, in x/y order and valid;
 * otherwise a {@link SiteInputException} names the problem and where it is.
 */
public final class SiteInputReader {
    /** The fast double parser gives the same correctly rounded doubles as the JDK's, several times faster. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final Pattern EWKT_SRID = Pattern.compile("^SRID=(\\d+);", Pattern.CASE_INSENSITIVE);
    private static final Pattern WKT_START = Pattern.compile("^(MULTI)?POLYGON|^GEOMETRYCOLLECTION", Pattern.CASE_INSENSITIVE);
    public static final int DEFAULT_MAX_VERTICES = 100_000;

    private final int maxVertices;
    /** Whether GeoJSON is read by {@link GeoJsonSiteStream} first (false: always through the tree; for the tests). */
    private final boolean streaming;
    /** Whether an ASCII GeoJSON body is scanned by {@link GeoJsonByteTokens} before Jackson's tokens. */
    private final boolean scanBytes;

    public SiteInputReader() {
        this(DEFAULT_MAX_VERTICES);
    }

    public SiteInputReader(int maxVertices) {
        this(maxVertices, true);
    }

    /** @param streaming false: GeoJSON always through the tree reader (as before the stream; for comparisons) */
    public SiteInputReader(int maxVertices, boolean streaming) {
        this(maxVertices, streaming, true);
    }

    /**
     * @param streaming false: GeoJSON always through the tree reader (as before the stream; for comparisons)
     * @param scanBytes false: an ASCII GeoJSON body through Jackson's tokens only, as before {@link GeoJsonByteTokens}
     *                  (for comparisons)
     */
    public SiteInputReader(int maxVertices, boolean streaming, boolean scanBytes) {
        this.maxVertices = maxVertices;
        this.streaming = streaming;
        this.scanBytes = scanBytes;
    }

    /**
     * @param crs the {@code crs} parameter for GeoJSON/WKT (null: CRS84); ignored, with a warning, for TXT files
     * @param name the site's name, or null to take it from the file
     */
    public SiteInput read(byte[] body, String crs, String name) {
        if (body == null || body.length == 0) {
            throw new SiteInputException("没有收到地块数据：请上传界址点 TXT、GeoJSON 或 WKT / the request body is empty; send a TXT, GeoJSON or WKT site");
        }
        if (streaming) {
            SiteInput ascii = asciiGeoJson(body, crs, name);
            if (ascii != null) return ascii;
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(body);
        String text = decoded.text().strip();
        if (BoundaryPointTxtReader.looksLike(text)) {
            SiteInput site = BoundaryPointTxtReader.read(text, decoded.charset().name()).toSiteInput(name);
            limit(site.vertexCount());
            if (crs != null && !crs.isBlank()) {
                List<String> w = new ArrayList<>(site.warnings());
                w.add("界址点文件的坐标系由文件本身确定，已忽略参数 crs=" + crs + " / crs is ignored for boundary-point files");
                site = new SiteInput(site.name(), site.format(), site.sourceCrs(), site.parcels(), w);
            }
            return site;
        }
        if (text.startsWith("{")) return geoJson(text, utf8Json(body, decoded), crs, name);
        String upper = text.toUpperCase(Locale.ROOT);
        if (WKT_START.matcher(upper).find() || EWKT_SRID.matcher(upper).find()) return wkt(text, crs, name);
        throw new SiteInputException("无法识别的地块格式：应为界址点 TXT（含 [属性描述]/[地块坐标]）、GeoJSON 或 WKT（POLYGON/MULTIPOLYGON）"
                + " / unrecognised site format: send a boundary-point TXT, GeoJSON or WKT polygon");
    }

    /**
     * A site given as text rather than bytes — a batch list's WKT cell: what {@link #read(byte[], String, String)}
     * gives for the text's UTF-8 bytes (the same site, warnings and refusals), without encoding every 10 KB cell to
     * bytes, decoding it again and upper-casing all of it to see that it starts with {@code POLYGON}. WKT is read from
     * the text; anything else (GeoJSON, a 界址点 file, a text with unpaired surrogates, which the bytes would not keep)
     * goes through the bytes as before.
     */
    public SiteInput read(String text, String crs, String name) {
        if (text != null && !text.isEmpty() && !hasSurrogate(text)) {
            // TextDecoding drops one leading BOM from the bytes
            String t = (text.charAt(0) == '\uFEFF' ? text.substring(1) : text).strip();
            if (!t.isEmpty() && !t.startsWith("{") && !BoundaryPointTxtReader.looksLike(t) && looksLikeWkt(t)) return wkt(t, crs, name);
        }
        return read(text == null ? null : text.getBytes(StandardCharsets.UTF_8), crs, name);
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isSurrogate(s.charAt(i))) return true;
        return false;
    }

    /**
     * {@link #WKT_START} or {@link #EWKT_SRID} at the start of the upper-cased text, as {@link #read(byte[], String,
     * String)} asks; both are anchored, and upper-casing maps each character on its own, so the head decides — the
     * whole text only when the head does not match (a very long SRID).
     */
    private static boolean looksLikeWkt(String t) {
        String head = t.length() <= 64 ? t : t.substring(0, 64);
        String upper = head.toUpperCase(Locale.ROOT);
        if (WKT_START.matcher(upper).find() || EWKT_SRID.matcher(upper).find()) return true;
        if (head.length() == t.length()) return false;
        upper = t.toUpperCase(Locale.ROOT);
        return WKT_START.matcher(upper).find() || EWKT_SRID.matcher(upper).find();
    }

    /**
     * GeoJSON: the common shapes straight from the parser's tokens ({@link GeoJsonSiteStream}: a Polygon or
     * MultiPolygon, bare, as a Feature or as a FeatureCollection's features — no tree of a node per number); anything
     * it does not take (other shapes, broken JSON, structural errors, over the vertex limit) is read through the tree
     * as before, so what is accepted, and every refusal's message, stay those of {@link #geoJsonTree}.
     */
    private SiteInput geoJson(String text, byte[] utf8, String crsParam, String name) {
        GeoJsonSiteStream.Site streamed = !streaming ? null
                : utf8 != null ? GeoJsonSiteStream.read(MAPPER.getFactory(), utf8, maxVertices)
                : GeoJsonSiteStream.read(MAPPER.getFactory(), text, maxVertices);
        if (streamed == null) return geoJsonTree(text, crsParam, name);
        return streamed(streamed, crsParam, name);
    }

    /**
     * The common upload, a GeoJSON body in plain ASCII (names in Chinese make it UTF-8, then it goes the long way),
     * read by the stream straight from the bytes (scanned by {@link GeoJsonByteTokens}, else by Jackson), before any decoding: ASCII is valid UTF-8, so the text would be these
     * very characters; it holds no 界址点 section marker (those are Chinese), so it is no TXT file; and it starts with
     * {@code {} after whitespace, so it is GeoJSON. Null — and everything is done as before — when the body is not
     * such a one or the stream does not take it.
     */
    private SiteInput asciiGeoJson(byte[] body, String crs, String name) {
        if (!ascii(body)) return null; // not ASCII (a BOM too)
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) first++;
        if (first == body.length || body[first] != '{' || body.length < 4) return null;
        for (int i = 0; i < 4; i++) if (body[i] == 0) return null; // Jackson would guess UTF-16/32
        // the bytes scanned by GeoJsonByteTokens first (numbers by JsonDoubles), Jackson's tokens when they give up
        GeoJsonSiteStream.Site streamed = scanBytes ? GeoJsonSiteStream.readAscii(MAPPER.getFactory(), body, maxVertices)
                : GeoJsonSiteStream.read(MAPPER.getFactory(), body, maxVertices);
        return streamed == null ? null : streamed(streamed, crs, name);
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Whether every byte is below 0x80: eight at a time (a 20 KB site was a 20,000-step loop). */
    static boolean ascii(byte[] b) {
        int i = 0, n = b.length;
        for (; i + 8 <= n; i += 8) if (((long) LONGS.get(b, i) & 0x8080808080808080L) != 0) return false;
        for (; i < n; i++) if (b[i] < 0) return false;
        return true;
    }

    private SiteInput streamed(GeoJsonSiteStream.Site streamed, String crsParam, String name) {
        String crsText = crsParam;
        if ((crsText == null || crsText.isBlank()) && streamed.declaredCrs() != null) crsText = streamed.declaredCrs();
        SiteCrs crs = SiteCrs.parse(crsText);
        List<GeoJsonSiteStream.Part> parts = streamed.parts();
        List<Geometry> geoms = new ArrayList<>(parts.size());
        List<String> names = new ArrayList<>(parts.size());
        List<Double> declaredHa = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            GeoJsonSiteStream.Part part = parts.get(i);
            String label = part.label();
            if (label == null) label = parts.size() == 1 ? null : "地块" + (i + 1);
            geoms.add(part.geometry());
            names.add(label);
            declaredHa.add(part.declaredHa());
        }
        return assemble(name, streamed.rootName(), crs, geoms, names, declaredHa);
    }

    /**
     * The body itself for the streaming reader when it is the UTF-8 the text was decoded from, without a BOM and with
     * no zero byte among its first four (by which Jackson would take it for UTF-16/32): the parser then reads the bytes
     * (the same characters, so the same tokens) instead of copying the text into a char buffer. Else null.
     */
    private static byte[] utf8Json(byte[] body, TextDecoding.Decoded decoded) {
        if (decoded.charset() != java.nio.charset.StandardCharsets.UTF_8 || body.length < 4) return null;
        if ((body[0] & 0xff) == 0xEF) return null; // a BOM (valid UTF-8 cannot start with 0xEF otherwise before '{')
        for (int i = 0; i < 4; i++) if (body[i] == 0) return null;
        return body;
    }

    private SiteInput geoJsonTree(String text, String crsParam, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SiteInputException("GeoJSON " + JsonSyntax.describe(e));
        }
        String crsText = crsParam;
        JsonNode declared = root.path("crs").path("properties").path("name");
        if ((crsText == null || crsText.isBlank()) && declared.isTextual()) crsText = declared.asText();
        SiteCrs crs = SiteCrs.parse(crsText);
        List<JsonNode> features = new ArrayList<>();
        String type = root.path("type").asText("");
        if (type.equals("FeatureCollection")) {
            root.path("features").forEach(features::add);
            if (features.isEmpty()) throw new SiteInputException("FeatureCollection 中没有任何要素 / the FeatureCollection has no features");
        } else {
            features.add(root);
        }
        GeoJsonGeometryReader reader = new GeoJsonGeometryReader();
        List<Geometry> geoms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> declaredHa = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            boolean isFeature = f.path("type").asText("").equals("Feature");
            JsonNode props = isFeature ? f.path("properties") : MAPPER.createObjectNode();
            String label = firstText(props, "name", "名称", "地块名称", "NAME");
            if (label == null) label = features.size() == 1 ? null : "地块" + (i + 1);
            Geometry g;
            try {
                g = reader.read(isFeature ? f.get("geometry") : f);
            } catch (GeoJsonException e) {
                throw new SiteInputException((features.size() > 1 ? "第 " + (i + 1) + " 个要素：" : "") + e.getMessage());
            }
            count += g.getNumPoints();
            limit(count);
            geoms.add(g);
            names.add(label);
            JsonNode area = props.path("declaredHa");
            declaredHa.add(area.isNumber() ? area.asDouble() : null);
        }
        return assemble(name, firstText(root, "name"), crs, geoms, names, declaredHa);
    }

    private static SiteInput assemble(String name, String rootName, SiteCrs crs, List<Geometry> geoms, List<String> names, List<Double> declaredHa) {
        String siteName = name != null && !name.isBlank() ? name
                : rootName != null ? rootName
                : names.get(0) != null ? names.get(0) : "未命名地块";
        List<SiteParcel> parcels = new ArrayList<>();
        for (int i = 0; i < geoms.size(); i++) {
            String label = names.get(i) != null ? names.get(i) : siteName;
            parcels.add(new SiteParcel(label, toLonLat(geoms.get(i), crs, label, geoms.size() > 1), declaredHa.get(i)));
        }
        return new SiteInput(siteName, "geojson", crs.label(), parcels, List.of());
    }

    private SiteInput wkt(String text, String crsParam, String name) {
        String crsText = crsParam;
        Matcher m = EWKT_SRID.matcher(text);
        if (m.find()) {
            if (crsText == null || crsText.isBlank()) crsText = "EPSG:" + m.group(1);
            text = text.substring(m.end());
        }
        SiteCrs crs = SiteCrs.parse(crsText);
        Geometry g;
        try {
            g = new WktReader(Geometries.FACTORY).read(text);
        } catch (ParseException e) {
            throw new SiteInputException("WKT 格式错误 / invalid WKT: " + e.getMessage());
        }
        limit(g.getNumPoints());
        String siteName = name != null && !name.isBlank() ? name : "未命名地块";
        return new SiteInput(siteName, "wkt", crs.label(), List.of(new SiteParcel(siteName, toLonLat(g, crs, siteName, false), null)), List.of());
    }

    /** Checks the parcel in its own CRS, transforms it to EPSG:4490 and checks it again there. */
    private static Geometry toLonLat(Geometry g, SiteCrs crs, String label, boolean named) {
        String who = named ? "地块“" + label + "”：" : "";
        if (!SiteInput.polygonal(g) && !(g.getNumGeometries() > 0 && allPolygonal(g))) {
            throw new SiteInputException(who + "选址地块必须是面（Polygon/MultiPolygon），收到的是 " + g.getGeometryType()
                    + " / a site must be a polygon, got " + g.getGeometryType());
        }
        Geometry out = g;
        if (crs.projected()) {
            for (Coordinate c : g.getCoordinates()) {
                if (!crs.plausibleEasting(c.x)) {
                    boolean swapped = crs.plausibleEasting(c.y);
                    throw new SiteInputException(who + "坐标 (" + c.x + ", " + c.y + ") 不像 " + crs.label() + " 的 (东, 北) 坐标"
                            + (swapped ? "：疑似把北坐标 X 写在前面，GeoJSON/WKT 中应为 东(Y), 北(X) 顺序" : "：请核对 crs（带带号的 EPSG:4513–4533 要求东坐标含 2 位带号）")
                            + " / coordinate does not fit " + crs.label() + (swapped ? ": northing first? x must be the easting" : ""));
                }
            }
            out = Transforms.apply(g, crs.epsg(), 4490);
        }
        // a transformed geometry is rebuilt by the one factory; one read in lon/lat already was built by it (by the
        // GeoJSON and WKT readers, for this call alone): copying it again made 500 more Coordinates for nothing
        if (out != g || out.getFactory() != Geometries.FACTORY) out = Geometries.FACTORY.createGeometry(out);
        out.setSRID(4490);
        GeometryChecks.check(out).ifPresent(issue -> {
            Coordinate at = issue.location();
            String where = at == null ? "" : String.format(Locale.ROOT, "，位置 (%.7f, %.7f) / at lon %.7f, lat %.7f", at.x, at.y, at.x, at.y);
            throw new SiteInputException(who + issue.message() + where);
        });
        return out;
    }

    private static boolean allPolygonal(Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) if (!SiteInput.polygonal(g.getGeometryN(i))) return false;
        return true;
    }

    private void limit(int vertices) {
        if (vertices > maxVertices) {
            throw SiteInputException.tooLarge("地块顶点数超过上限 " + maxVertices + "（已读到 " + vertices + " 个）：请简化边界或分批提交 / the site has more than "
                    + maxVertices + " vertices; simplify it or split it");
        }
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) return v.asText();
        }
        return null;
    }
}
