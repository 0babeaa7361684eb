package cn.ecozone.process;

import cn.ecozone.error.EcoZoneException;
import cn.ecozone.io.BoundaryPointTxtReader;
import cn.ecozone.io.JsonSyntax;
import cn.ecozone.io.ShapefileReader;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.io.TextDecoding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a project list: a GeoJSON FeatureCollection, a CSV with a WKT column, a zipped shapefile (GBK or UTF-8,
 * .prj CGCS2000 geographic or a GK zone; Xi'an 80 / Beijing 54 refused), a GeoPackage (first feature table or the
 * {@code layer} option; CGCS2000 geographic or a GK zone, Xi'an 80 / Beijing 54 refused), or a ZIP
 * of 国土 boundary-point TXT files. One project per feature, row or file; each site goes through the same
 * {@link SiteInputReader} as a single site check. A row that cannot be read becomes a {@link ProjectRow} with its
 * reason; only a file that is not a list at all throws {@link BatchInputException}.
 */
public final class BatchInputReader {
    /** Property/column names tried for the project name, the industry and the WKT geometry, in order. */
    static final List<String> NAME_FIELDS = List.of("name", "项目名称", "名称", "project", "xmmc", "project_name");
    static final List<String> INDUSTRY_FIELDS = List.of("industry", "行业", "行业类别", "hy");
    static final List<String> WKT_FIELDS = List.of("wkt", "geometry", "geom", "the_geom", "shape", "坐标", "几何");
    public static final int MAX_PROJECTS = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param nameField column/property with the project name (null: tried from {@link #NAME_FIELDS})
     * @param industryField column/property with the industry (null: tried from {@link #INDUSTRY_FIELDS})
     * @param wktField CSV column with WKT (null: tried from {@link #WKT_FIELDS})
     * @param crs CRS of GeoJSON/CSV coordinates (null: CRS84)
     * @param layer the GeoPackage feature table (null: the first)
     */
    public record Options(String nameField, String industryField, String wktField, String crs, String layer) {
        public static final Options DEFAULT = new Options(null, null, null, null, null);

        public Options(String nameField, String industryField, String wktField, String crs) {
            this(nameField, industryField, wktField, crs, null);
        }
    }

    private final Options options;
    private final SiteInputReader sites;

    public BatchInputReader(Options options, int maxVerticesPerSite) {
        this.options = options == null ? Options.DEFAULT : options;
        this.sites = new SiteInputReader(maxVerticesPerSite);
    }

    /** The format of the bytes: {@code zip-shapefile}, {@code zip-txt}, {@code geopackage}, {@code geojson} or {@code csv}. */
    public static String sniff(byte[] data) {
        if (data.length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4) {
            // an xlsx (written in streaming mode, entries with data descriptors ZipInputStream cannot skip): by its part names
            String raw = new String(data, StandardCharsets.ISO_8859_1);
            if (raw.contains("[Content_Types].xml") && raw.contains("xl/workbook.xml")) return "xlsx";
            List<String> names = zipNames(data);
            for (String n : names) if (n.toLowerCase(Locale.ROOT).endsWith(".shp")) return "zip-shapefile";
            return "zip-txt";
        }
        if (data.length >= 16 && new String(data, 0, 15, StandardCharsets.US_ASCII).equals("SQLite format 3")) return "geopackage";
        String head = TextDecoding.decode(Arrays.copyOf(data, Math.min(data.length, 4096))).text().strip();
        if (head.startsWith("\uFEFF")) head = head.substring(1).strip();
        if (head.startsWith("{")) return "geojson";
        if (BoundaryPointTxtReader.looksLike(head)) return "txt";
        return "csv";
    }

    public List<ProjectRow> read(byte[] data) {
        if (data == null || data.length == 0) throw new BatchInputException("项目清单为空 / the project list is empty");
        List<ProjectRow> rows = switch (sniff(data)) {
            case "zip-shapefile" -> shapefile(data);
            case "xlsx" -> xlsx(data);
            case "zip-txt" -> txtZip(data);
            case "geopackage" -> geoPackage(data);
            case "geojson" -> geoJson(TextDecoding.decode(data).text().strip());
            case "txt" -> List.of(one(1, null, data));
            default -> csv(TextDecoding.decode(data).text());
        };
        if (rows.isEmpty()) throw new BatchInputException("项目清单中没有项目 / the list holds no project");
        if (rows.size() > MAX_PROJECTS) {
            throw new BatchInputException("项目过多：" + rows.size() + "，上限 " + MAX_PROJECTS + " / too many projects: " + rows.size()
                    + ", at most " + MAX_PROJECTS);
        }
        return rows;
    }

    // ---- GeoJSON (and shapefiles, read as GeoJSON)

    private List<ProjectRow> geoJson(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BatchInputException("GeoJSON " + JsonSyntax.describe(e));
        }
        return features(root, options.crs());
    }

    private List<ProjectRow> features(JsonNode root, String crs) {
        if (!"FeatureCollection".equals(root.path("type").asText())) {
            throw new BatchInputException("项目清单应为 GeoJSON FeatureCollection（每个要素一个项目）/ a GeoJSON project list must be a FeatureCollection, one feature per project");
        }
        JsonNode declaredCrs = root.path("crs");
        List<ProjectRow> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.path("features")) {
            i++;
            JsonNode props = f.path("properties");
            String name = field(props, options.nameField(), NAME_FIELDS);
            if (name == null) name = f.hasNonNull("id") ? f.get("id").asText() : "项目 " + i;
            String industry = field(props, options.industryField(), INDUSTRY_FIELDS);
            if (f.path("geometry").isNull() || f.path("geometry").isMissingNode()) {
                rows.add(ProjectRow.bad(i, null, name, "要素没有几何 / the feature has no geometry"));
                continue;
            }
            ObjectNode single = MAPPER.createObjectNode();
            single.put("type", "Feature");
            single.set("geometry", f.get("geometry"));
            single.putObject("properties").put("name", name);
            if (!declaredCrs.isMissingNode()) single.set("crs", declaredCrs);
            rows.add(site(i, null, name, industry, single.toString().getBytes(StandardCharsets.UTF_8), crs));
        }
        return rows;
    }

    private static String field(JsonNode props, String explicit, List<String> candidates) {
        if (explicit != null && !explicit.isBlank()) return text(props.get(explicit));
        for (String c : candidates) {
            var it = props.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (k.equalsIgnoreCase(c)) {
                    String v = text(props.get(k));
                    if (v != null) return v;
                }
            }
        }
        return null;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private ProjectRow site(int row, String source, String name, String industry, byte[] bytes, String crs) {
        try {
            SiteInput s = sites.read(bytes, crs, name);
            return new ProjectRow(row, source, name == null ? s.name() : name, industry, s, null);
        } catch (EcoZoneException e) {
            // a site that cannot be read (SiteInputException, a transform the coordinates do not allow) is its row's error
            if (e.kind() != EcoZoneException.Kind.BAD_INPUT && e.kind() != EcoZoneException.Kind.TOO_LARGE) throw e;
            return ProjectRow.bad(row, source, name, e.getMessage());
        }
    }

    private ProjectRow one(int row, String source, byte[] bytes) {
        return site(row, source, null, null, bytes, null);
    }

    // ---- GeoPackage: one project per feature of one table; a bad row is numbered with its feature id (fid)

    private List<ProjectRow> geoPackage(byte[] data) {
        GeoPackageList gp = GeoPackageList.read(data, options.layer());
        String crs = "EPSG:" + gp.epsg;
        List<ProjectRow> rows = new ArrayList<>();
        WKBReader wkbReader = new WKBReader();
        for (GeoPackageList.Feature f : gp.features) {
            int row = (int) f.fid();
            ObjectNode props = MAPPER.valueToTree(stringify(f.properties()));
            String name = field(props, options.nameField(), NAME_FIELDS);
            if (name == null) name = gp.table + " fid " + f.fid();
            String industry = field(props, options.industryField(), INDUSTRY_FIELDS);
            if (f.wkb() == null) {
                rows.add(ProjectRow.bad(row, gp.table, name, "要素没有几何（fid " + f.fid() + "）/ feature fid " + f.fid() + " has no geometry"));
                continue;
            }
            String wkt;
            try {
                wkt = new WKTWriter().write(wkbReader.read(f.wkb()));
            } catch (ParseException | RuntimeException e) {
                rows.add(ProjectRow.bad(row, gp.table, name, "几何无法读取（fid " + f.fid() + "）/ unreadable geometry: " + e.getMessage()));
                continue;
            }
            String upper = wkt.toUpperCase(Locale.ROOT);
            if (!(upper.startsWith("POLYGON") || upper.startsWith("MULTIPOLYGON"))) {
                rows.add(ProjectRow.bad(row, gp.table, name, "不是面（fid " + f.fid() + "，" + upper.replaceFirst("[ (].*", "") + "）/ feature fid "
                        + f.fid() + " is not a polygon"));
                continue;
            }
            ProjectRow r = site(row, gp.table, name, industry, wkt.getBytes(StandardCharsets.UTF_8), crs);
            if (r.error() != null) r = ProjectRow.bad(row, gp.table, name, "fid " + f.fid() + "：" + r.error());
            rows.add(r);
        }
        return rows;
    }

    private static Map<String, String> stringify(Map<String, Object> props) {
        Map<String, String> out = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (v == null) out.put(k, null);
            else if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) out.put(k, Long.toString(n.longValue()));
            else out.put(k, v.toString());
        });
        return out;
    }

    // ---- CSV with a WKT column

    private List<ProjectRow> csv(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> lines = parseCsv(text);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) numbers.add(i + 1);
        return table(lines, numbers);
    }

    /** The first sheet of an xlsx workbook, read as a CSV (row numbers as Excel shows them). */
    private List<ProjectRow> xlsx(byte[] data) {
        List<List<String>> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(data));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            rows.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) cells.add(r.getCellText(i));
                lines.add(cells);
                numbers.add(r.getRowNum());
            });
        } catch (IOException | RuntimeException e) {
            throw new BatchInputException("xlsx 无法读取 / the xlsx workbook cannot be read: " + e.getMessage());
        }
        return table(lines, numbers);
    }

    /** Rows of cells, the first the header; {@code numbers} are the rows' numbers in the file. */
    private List<ProjectRow> table(List<List<String>> lines, List<Integer> numbers) {
        if (lines.isEmpty()) throw new BatchInputException("表格为空 / the table is empty");
        List<String> header = lines.get(0).stream().map(c -> c == null ? "" : c.strip()).toList();
        int wkt = column(header, options.wktField(), WKT_FIELDS);
        if (wkt < 0) {
            throw new BatchInputException("CSV 中找不到 WKT 列（可用 wktField 指定；表头：" + header + "）/ no WKT column in the CSV (name it with wktField); header: " + header);
        }
        int name = column(header, options.nameField(), NAME_FIELDS);
        int industry = column(header, options.industryField(), INDUSTRY_FIELDS);
        List<ProjectRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) continue;
            int line = numbers.get(i);
            String n = cell(cells, name);
            if (n == null) n = "第 " + line + " 行";
            String geometry = cell(cells, wkt);
            if (geometry == null) {
                rows.add(ProjectRow.bad(line, null, n, "WKT 为空 / the WKT cell is empty"));
                continue;
            }
            String upper = geometry.toUpperCase(Locale.ROOT);
            if (!(upper.startsWith("POLYGON") || upper.startsWith("MULTIPOLYGON") || upper.startsWith("SRID="))) {
                rows.add(ProjectRow.bad(line, null, n, "不是 WKT 面（POLYGON/MULTIPOLYGON）/ not a WKT polygon: "
                        + (geometry.length() > 40 ? geometry.substring(0, 40) + "…" : geometry)));
                continue;
            }
            rows.add(site(line, null, n, cell(cells, industry), geometry.getBytes(StandardCharsets.UTF_8), options.crs()));
        }
        return rows;
    }

    private static int column(List<String> header, String explicit, List<String> candidates) {
        if (explicit != null && !explicit.isBlank()) {
            int i = header.indexOf(explicit.strip());
            if (i < 0) throw new BatchInputException("CSV 中没有列 " + explicit + "（表头：" + header + "）/ no column " + explicit + " in " + header);
            return i;
        }
        for (String c : candidates) {
            for (int i = 0; i < header.size(); i++) if (header.get(i).equalsIgnoreCase(c)) return i;
        }
        return -1;
    }

    private static String cell(List<String> cells, int i) {
        if (i < 0 || i >= cells.size() || cells.get(i) == null) return null;
        String s = cells.get(i).strip();
        return s.isEmpty() ? null : s;
    }

    /** RFC 4180: commas, double quotes (doubled inside), CRLF or LF; quoted cells may hold commas and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cur.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                cur.add(cell.toString());
                cell.setLength(0);
                lines.add(cur);
                cur = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cur.isEmpty()) {
            cur.add(cell.toString());
            lines.add(cur);
        }
        return lines;
    }

    // ---- ZIPs

    private List<ProjectRow> txtZip(byte[] data) {
        List<ProjectRow> rows = new ArrayList<>();
        int i = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
            ZipEntry e;
            List<Object[]> entries = new ArrayList<>();
            while ((e = nextEntry(zip)) != null) {
                if (e.isDirectory() || e.getName().startsWith("__MACOSX") || baseName(e.getName()).startsWith(".")) continue;
                entries.add(new Object[] {e.getName(), zip.readNBytes(50 * 1024 * 1024)});
            }
            entries.sort(Comparator.comparing(a -> (String) a[0]));
            for (Object[] en : entries) {
                String file = (String) en[0];
                i++;
                String stem = baseName(file).replaceFirst("\\.[^.]*$", "");
                byte[] bytes = (byte[]) en[1];
                String text = TextDecoding.decode(bytes).text();
                if (!BoundaryPointTxtReader.looksLike(text.strip())) {
                    rows.add(ProjectRow.bad(i, file, stem, "不是国土界址点 TXT（缺少 [属性描述]/[地块坐标]）/ not a boundary-point TXT file"));
                    continue;
                }
                ProjectRow r = site(i, file, null, null, bytes, null);
                // a file without a 项目名称 is named after the file
                if (r.site() != null && (r.site().name() == null || r.site().name().isBlank())) {
                    r = new ProjectRow(r.row(), file, stem, null, r.site().withName(stem), null);
                } else if (r.name() == null) {
                    r = new ProjectRow(r.row(), file, stem, r.industry(), r.site(), r.error());
                }
                rows.add(r);
            }
        } catch (IOException ex) {
            throw new BatchInputException("ZIP 无法读取 / the ZIP cannot be read: " + ex.getMessage());
        }
        return rows;
    }

    private List<ProjectRow> shapefile(byte[] data) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ecozone-batch-shp");
            Path shp = null;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
                ZipEntry e;
                while ((e = nextEntry(zip)) != null) {
                    if (e.isDirectory() || e.getName().startsWith("__MACOSX")) continue;
                    // flat: every part of the shapefile beside the .shp, never outside the temp folder
                    Path target = dir.resolve(baseName(e.getName()));
                    Files.write(target, zip.readNBytes(200 * 1024 * 1024));
                    if (target.toString().toLowerCase(Locale.ROOT).endsWith(".shp") && shp == null) shp = target;
                }
            }
            if (shp == null) throw new BatchInputException("ZIP 中没有 .shp 文件 / no .shp file in the ZIP");
            ObjectNode fc;
            try {
                fc = ShapefileReader.read(shp);
            } catch (IOException | RuntimeException e) {
                throw new BatchInputException("Shapefile 无法读取 / the shapefile cannot be read: " + e.getMessage());
            }
            return features(fc, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException malformedName) {
            throw new BatchInputException("ZIP 中的文件名无法识别（请用 UTF-8 文件名打包）/ a file name in the ZIP is not UTF-8");
        }
    }

    private static List<String> zipNames(byte[] data) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) names.add(e.getName());
        } catch (IOException | IllegalArgumentException e) {
            // reported when the entries are read
        }
        return names;
    }

    private static String baseName(String entry) {
        int slash = Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\'));
        return entry.substring(slash + 1);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // temp folder
                }
            });
        } catch (IOException ignored) {
            // temp folder
        }
    }
}
