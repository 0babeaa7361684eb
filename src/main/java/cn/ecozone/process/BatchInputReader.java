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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
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

    /** Reads every project (each site parsed): {@link #open} and every {@link Pending#read()}. */
    public List<ProjectRow> read(byte[] data) {
        Projects projects = open(data);
        List<ProjectRow> rows = new ArrayList<>(projects.size());
        Cursor c = projects.cursor(0);
        for (Pending p; (p = c.next()) != null; ) rows.add(p.read());
        return rows;
    }

    /**
     * Opens a project list: its format, structure and size are checked now (a file that is no list at all throws
     * {@link BatchInputException}); each project's site is parsed only when its {@link Pending#read()} is called, so a
     * job can check projects while it reads them. A CSV is scanned once to count its rows and then read row by row
     * from the text; no list of parsed sites is held.
     */
    public Projects open(byte[] data) {
        if (data == null || data.length == 0) throw new BatchInputException("项目清单为空 / the project list is empty");
        Projects projects = switch (sniff(data)) {
            case "zip-shapefile" -> Projects.of(shapefile(data));
            case "xlsx" -> xlsx(data);
            case "zip-txt" -> Projects.of(txtZip(data));
            case "geopackage" -> Projects.of(geoPackage(data));
            case "geojson" -> Projects.of(geoJson(TextDecoding.decode(data).text().strip()));
            case "txt" -> Projects.of(List.of(() -> one(1, null, data)));
            default -> csv(TextDecoding.decode(data).text());
        };
        return checked(projects);
    }

    /**
     * {@link #open(byte[])} for a list that arrived as text (a JSON string): a CSV, GeoJSON or TXT is read from the
     * text itself, not encoded to UTF-8 and decoded again (a 10,000-project CSV is 100 MB); anything else (a ZIP or
     * GeoPackage sent as text) as its UTF-8 bytes.
     */
    public Projects open(String text) {
        if (text == null || text.isEmpty()) throw new BatchInputException("项目清单为空 / the project list is empty");
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String head = body.substring(0, Math.min(body.length(), 4096)).strip();
        if (text.startsWith("PK") || text.startsWith("SQLite format 3") || head.startsWith("{") || BoundaryPointTxtReader.looksLike(head)) {
            return open(text.getBytes(StandardCharsets.UTF_8));
        }
        Projects projects = csv(body);
        return checked(projects);
    }

    private static Projects checked(Projects projects) {
        if (projects.size() == 0) throw new BatchInputException("项目清单中没有项目 / the list holds no project");
        if (projects.size() > MAX_PROJECTS) {
            throw new BatchInputException("项目过多：" + projects.size() + "，上限 " + MAX_PROJECTS + " / too many projects: " + projects.size()
                    + ", at most " + MAX_PROJECTS);
        }
        return projects;
    }

    /** One project, not yet parsed: {@link #read()} reads its site (the costly part) or gives the row's error. */
    @FunctionalInterface
    public interface Pending {
        ProjectRow read();
    }

    /** The projects of a list from one index on, one at a time. */
    @FunctionalInterface
    public interface Cursor {
        /** The next project, or null after the last. */
        Pending next();
    }

    /** A project list: how many projects it holds, and a cursor over them from any index. */
    public static final class Projects {
        private final int size;
        private final IntFunction<Cursor> cursors;

        Projects(int size, IntFunction<Cursor> cursors) {
            this.size = size;
            this.cursors = cursors;
        }

        static Projects of(List<Pending> pending) {
            return new Projects(pending.size(), from -> {
                Iterator<Pending> it = pending.listIterator(Math.min(from, pending.size()));
                return () -> it.hasNext() ? it.next() : null;
            });
        }

        public int size() {
            return size;
        }

        /** The projects from index {@code from} (0-based) on; the ones before are skipped unread. */
        public Cursor cursor(int from) {
            return cursors.apply(from);
        }
    }

    // ---- GeoJSON (and shapefiles, read as GeoJSON)

    private List<Pending> geoJson(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BatchInputException("GeoJSON " + JsonSyntax.describe(e));
        }
        return features(root, options.crs());
    }

    private List<Pending> features(JsonNode root, String crs) {
        if (!"FeatureCollection".equals(root.path("type").asText())) {
            throw new BatchInputException("项目清单应为 GeoJSON FeatureCollection（每个要素一个项目）/ a GeoJSON project list must be a FeatureCollection, one feature per project");
        }
        JsonNode declaredCrs = root.path("crs");
        List<Pending> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.path("features")) {
            i++;
            JsonNode props = f.path("properties");
            String name = field(props, options.nameField(), NAME_FIELDS);
            if (name == null) name = f.hasNonNull("id") ? f.get("id").asText() : "项目 " + i;
            String industry = field(props, options.industryField(), INDUSTRY_FIELDS);
            int row = i;
            String n = name;
            if (f.path("geometry").isNull() || f.path("geometry").isMissingNode()) {
                rows.add(() -> ProjectRow.bad(row, null, n, "要素没有几何 / the feature has no geometry"));
                continue;
            }
            JsonNode geometry = f.get("geometry");
            rows.add(() -> {
                ObjectNode single = MAPPER.createObjectNode();
                single.put("type", "Feature");
                single.set("geometry", geometry);
                single.putObject("properties").put("name", n);
                if (!declaredCrs.isMissingNode()) single.set("crs", declaredCrs);
                return site(row, null, n, industry, single.toString().getBytes(StandardCharsets.UTF_8), crs);
            });
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
        return readSite(row, source, name, industry, () -> sites.read(bytes, crs, name));
    }

    /** A table cell's site (WKT): read from the text, without a round trip through bytes. */
    private ProjectRow site(int row, String source, String name, String industry, String text, String crs) {
        return readSite(row, source, name, industry, () -> sites.read(text, crs, name));
    }

    private static ProjectRow readSite(int row, String source, String name, String industry, java.util.function.Supplier<SiteInput> read) {
        try {
            SiteInput s = read.get();
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

    private List<Pending> geoPackage(byte[] data) {
        GeoPackageList gp = GeoPackageList.read(data, options.layer());
        String crs = "EPSG:" + gp.epsg;
        List<Pending> rows = new ArrayList<>();
        for (GeoPackageList.Feature f : gp.features) {
            int row = (int) f.fid();
            ObjectNode props = MAPPER.valueToTree(stringify(f.properties()));
            String name = field(props, options.nameField(), NAME_FIELDS);
            if (name == null) name = gp.table + " fid " + f.fid();
            String industry = field(props, options.industryField(), INDUSTRY_FIELDS);
            String n = name;
            rows.add(() -> geoPackageRow(gp, f, row, n, industry, crs));
        }
        return rows;
    }

    private ProjectRow geoPackageRow(GeoPackageList gp, GeoPackageList.Feature f, int row, String name, String industry, String crs) {
        if (f.wkb() == null) {
            return ProjectRow.bad(row, gp.table, name, "要素没有几何（fid " + f.fid() + "）/ feature fid " + f.fid() + " has no geometry");
        }
        String wkt;
        try {
            wkt = new WKTWriter().write(new WKBReader().read(f.wkb()));
        } catch (ParseException | RuntimeException e) {
            return ProjectRow.bad(row, gp.table, name, "几何无法读取（fid " + f.fid() + "）/ unreadable geometry: " + e.getMessage());
        }
        String upper = wkt.toUpperCase(Locale.ROOT);
        if (!(upper.startsWith("POLYGON") || upper.startsWith("MULTIPOLYGON"))) {
            return ProjectRow.bad(row, gp.table, name, "不是面（fid " + f.fid() + "，" + upper.replaceFirst("[ (].*", "") + "）/ feature fid "
                    + f.fid() + " is not a polygon");
        }
        ProjectRow r = site(row, gp.table, name, industry, wkt, crs);
        if (r.error() != null) r = ProjectRow.bad(row, gp.table, name, "fid " + f.fid() + "：" + r.error());
        return r;
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

    private Projects csv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return table(() -> new CsvRecords(body));
    }

    /** The first sheet of an xlsx workbook, read as a CSV (row numbers as Excel shows them). */
    private Projects xlsx(byte[] data) {
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
        return table(() -> new ListRecords(lines, numbers));
    }

    /** The records of a table, the header first, one at a time. */
    private abstract static class Records {
        /** Moves to the next record (its cells kept only when asked); false after the last. */
        abstract boolean advance(boolean keepCells);

        abstract List<String> cells();

        /** Whether every cell of the current record is blank (such rows are skipped). */
        abstract boolean blank();

        /** The current record's number in the file (a CSV's header is 1). */
        abstract int number();
    }

    private static final class ListRecords extends Records {
        private final List<List<String>> lines;
        private final List<Integer> numbers;
        private int i = -1;

        ListRecords(List<List<String>> lines, List<Integer> numbers) {
            this.lines = lines;
            this.numbers = numbers;
        }

        @Override
        boolean advance(boolean keepCells) {
            return ++i < lines.size();
        }

        @Override
        List<String> cells() {
            return lines.get(i);
        }

        @Override
        boolean blank() {
            return lines.get(i).stream().allMatch(c -> c == null || c.isBlank());
        }

        @Override
        int number() {
            return numbers.get(i);
        }
    }

    /**
     * RFC 4180 records read from the text one at a time: commas, double quotes (doubled inside), CRLF or LF; quoted
     * cells may hold commas and line breaks. Without {@code keepCells} a record is only scanned (to count rows).
     */
    static final class CsvRecords extends Records {
        private final String text;
        private final int n;
        private int pos, index;
        /** A cell's text when it is not one range of the text (a doubled quote, or text after a closing quote). */
        private final StringBuilder cell = new StringBuilder();
        private List<String> cells;
        private boolean nonBlank, keep, building;
        private int cellLength, cellCount, cellStart = -1, cellEnd;

        CsvRecords(String text) {
            this.text = text;
            this.n = text.length();
        }

        /*
         * Quoted text is skipped to the next quote with String.indexOf (vectorised) and a cell that is one range of the
         * text (the usual case: a quoted WKT without doubled quotes, an unquoted name) is cut out with one substring,
         * instead of copying every character through charAt into a builder (a 10,000-project CSV is 105 MB, a UTF-16
         * string when it holds Chinese names; this was a quarter of a job thread's time).
         */
        @Override
        boolean advance(boolean keepCells) {
            keep = keepCells;
            cells = keepCells ? new ArrayList<>() : null;
            resetCell();
            nonBlank = false;
            cellCount = 0;
            boolean quoted = false;
            while (pos < n) {
                if (quoted) {
                    int q = text.indexOf('"', pos);
                    if (q < 0) {
                        append(pos, n);
                        pos = n;
                        break;
                    }
                    append(pos, q);
                    pos = q + 1;
                    if (pos < n && text.charAt(pos) == '"') {
                        append(q, q + 1); // a doubled quote is one quote
                        pos++;
                    } else {
                        quoted = false;
                    }
                    continue;
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    quoted = true;
                    pos++;
                } else if (c == ',') {
                    endCell();
                    pos++;
                } else if (c == '\n' || c == '\r') {
                    pos++;
                    if (c == '\r' && pos < n && text.charAt(pos) == '\n') pos++;
                    endCell();
                    index++;
                    return true;
                } else {
                    int start = pos++;
                    while (pos < n) {
                        char d = text.charAt(pos);
                        if (d == ',' || d == '"' || d == '\n' || d == '\r') break;
                        pos++;
                    }
                    append(start, pos);
                }
            }
            // the last record, when the text does not end with a line break
            if (cellLength > 0 || cellCount > 0) {
                endCell();
                index++;
                return true;
            }
            return false;
        }

        /** Adds text[a, b) to the current cell. */
        private void append(int a, int b) {
            if (a >= b) return;
            cellLength += b - a;
            for (int i = a; !nonBlank && i < b; i++) if (!Character.isWhitespace(text.charAt(i))) nonBlank = true;
            if (!keep) return;
            if (!building) {
                if (cellStart < 0) {
                    cellStart = a;
                    cellEnd = b;
                    return;
                }
                if (cellEnd == a) {
                    cellEnd = b;
                    return;
                }
                building = true;
                cell.setLength(0);
                cell.append(text, cellStart, cellEnd);
            }
            cell.append(text, a, b);
        }

        private void endCell() {
            if (keep) cells.add(building ? cell.toString() : cellStart < 0 ? "" : text.substring(cellStart, cellEnd));
            resetCell();
            cellCount++;
        }

        private void resetCell() {
            building = false;
            cellStart = -1;
            cellLength = 0;
        }

        @Override
        List<String> cells() {
            return cells;
        }

        @Override
        boolean blank() {
            return !nonBlank;
        }

        @Override
        int number() {
            return index;
        }
    }

    /**
     * A table's projects: the header is read and its columns found now, the rows counted (blank ones skipped); each
     * row's cells are split when the cursor reaches it and its site parsed when it is read.
     */
    private Projects table(Supplier<Records> open) {
        Records records = open.get();
        if (!records.advance(true)) throw new BatchInputException("表格为空 / the table is empty");
        List<String> header = records.cells().stream().map(c -> c == null ? "" : c.strip()).toList();
        int wkt = column(header, options.wktField(), WKT_FIELDS);
        if (wkt < 0) {
            throw new BatchInputException("CSV 中找不到 WKT 列（可用 wktField 指定；表头：" + header + "）/ no WKT column in the CSV (name it with wktField); header: " + header);
        }
        int name = column(header, options.nameField(), NAME_FIELDS);
        int industry = column(header, options.industryField(), INDUSTRY_FIELDS);
        int count = 0;
        while (records.advance(false)) if (!records.blank()) count++;
        return new Projects(count, from -> {
            Records rs = open.get();
            rs.advance(false); // the header
            int[] skipped = {0};
            return () -> {
                while (rs.advance(skipped[0] >= from)) {
                    if (rs.blank()) continue;
                    if (skipped[0] < from) {
                        skipped[0]++;
                        continue;
                    }
                    List<String> cells = rs.cells();
                    int line = rs.number();
                    return () -> tableRow(cells, line, wkt, name, industry);
                }
                return null;
            };
        });
    }

    private ProjectRow tableRow(List<String> cells, int line, int wkt, int name, int industry) {
        String n = cell(cells, name);
        if (n == null) n = "第 " + line + " 行";
        String geometry = cell(cells, wkt);
        if (geometry == null) return ProjectRow.bad(line, null, n, "WKT 为空 / the WKT cell is empty");
        // the keyword only: upper-casing the first characters is enough, and a site's WKT may be long
        String upper = geometry.substring(0, Math.min(geometry.length(), 16)).toUpperCase(Locale.ROOT);
        if (!(upper.startsWith("POLYGON") || upper.startsWith("MULTIPOLYGON") || upper.startsWith("SRID="))) {
            return ProjectRow.bad(line, null, n, "不是 WKT 面（POLYGON/MULTIPOLYGON）/ not a WKT polygon: "
                    + (geometry.length() > 40 ? geometry.substring(0, 40) + "…" : geometry));
        }
        return site(line, null, n, cell(cells, industry), geometry, options.crs());
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

    /** Every record of a CSV text (RFC 4180, see {@link CsvRecords}). */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        CsvRecords r = new CsvRecords(text);
        while (r.advance(true)) lines.add(r.cells());
        return lines;
    }

    // ---- ZIPs

    private List<Pending> txtZip(byte[] data) {
        List<Pending> rows = new ArrayList<>();
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
                int row = i;
                rows.add(() -> txtRow(row, file, stem, bytes));
            }
        } catch (IOException ex) {
            throw new BatchInputException("ZIP 无法读取 / the ZIP cannot be read: " + ex.getMessage());
        }
        return rows;
    }

    private ProjectRow txtRow(int i, String file, String stem, byte[] bytes) {
        String text = TextDecoding.decode(bytes).text();
        if (!BoundaryPointTxtReader.looksLike(text.strip())) {
            return ProjectRow.bad(i, file, stem, "不是国土界址点 TXT（缺少 [属性描述]/[地块坐标]）/ not a boundary-point TXT file");
        }
        ProjectRow r = site(i, file, null, null, bytes, null);
        // a file without a 项目名称 is named after the file
        if (r.site() != null && (r.site().name() == null || r.site().name().isBlank())) {
            r = new ProjectRow(r.row(), file, stem, null, r.site().withName(stem), null);
        } else if (r.name() == null) {
            r = new ProjectRow(r.row(), file, stem, r.industry(), r.site(), r.error());
        }
        return r;
    }

    private List<Pending> shapefile(byte[] data) {
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
