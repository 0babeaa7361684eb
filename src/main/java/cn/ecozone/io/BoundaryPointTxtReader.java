package cn.ecozone.io;

import cn.ecozone.geo.GeometryChecks;
import cn.ecozone.geo.GkZone;
import cn.ecozone.geo.Transforms;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the 国土 / 自然资源部 boundary-point file (界址点坐标 TXT): a {@code [属性描述]} section of
 * {@code key=value} lines and a {@code [地块坐标]} section of plots. A plot starts with a header line ending
 * in {@code @} (点数, 面积 in 公顷, 编号, 名称, 面, …) followed by {@code 点号,圈号,X,Y} lines; 圈号 1 is the
 * outer ring, 2, 3 … are holes; a ring closes by repeating its first point.
 *
 * <p>X is the northing (7 integer digits), Y the easting with the 2-digit zone prefix (8 integer digits).
 * The column order and the zone are taken from the digits, not from labels: files exist with east first and
 * with a header 带号 that disagrees with the coordinates (the coordinates win, with a warning). 3° zones
 * (prefix 25–45, EPSG:4488+zone) and 6° zones (prefix 13–23, EPSG:4478+zone) are understood. Only CGCS2000
 * is accepted: 1980西安 and 北京54 files are refused, never silently read as CGCS2000.
 *
 * <p>Text is UTF-8 or GBK (detected). Output geometry is EPSG:4490, x = longitude, y = latitude.
 */
public final class BoundaryPointTxtReader {
    public static final String ATTRIBUTES = "[属性描述]";
    public static final String PLOTS = "[地块坐标]";
    private static final GeometryFactory PLANE = new GeometryFactory(new PrecisionModel());

    /**
     * A parsed file.
     *
     * @param header the {@code [属性描述]} keys in file order
     * @param zone the Gauss-Krüger zone number the coordinates carry
     * @param zoneWidth 3 or 6 (degrees)
     * @param epsg the CGCS2000 GK EPSG code (with zone prefix) the coordinates were read in
     */
    public record Result(Map<String, String> header, List<SiteParcel> plots, int zone, int zoneWidth, int epsg,
                         String encoding, List<String> warnings) {
        public SiteInput toSiteInput(String name) {
            String n = name != null && !name.isBlank() ? name : plots.get(0).name();
            return new SiteInput(n, "txt", "EPSG:" + epsg, plots, warnings);
        }
    }

    private BoundaryPointTxtReader() {}

    /** True when the text looks like a boundary-point file (either section header present). */
    public static boolean looksLike(String text) {
        return text.contains(ATTRIBUTES) || text.contains(PLOTS);
    }

    public static Result read(byte[] bytes) {
        TextDecoding.Decoded d = TextDecoding.decode(bytes);
        return read(d.text(), d.charset().name());
    }

    public static Result read(String text, String encoding) {
        return new Parse(encoding).run(text);
    }

    /** One point line: where it was and what it said. */
    private record PointLine(int line, String id, int ring, double east, double north) {}

    private record PlotHeader(int line, Integer pointCount, Double areaHa, String number, String name) {}

    private static final class Parse {
        private final String encoding;
        private final Map<String, String> header = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<PlotHeader> plotHeaders = new ArrayList<>();
        private final List<List<PointLine>> plotPoints = new ArrayList<>();
        private Integer zone;
        private int zoneLine;
        private boolean eastFirstWarned, noPrefixSeen;

        Parse(String encoding) {
            this.encoding = encoding;
        }

        Result run(String text) {
            String section = "";
            String[] lines = text.split("\\r?\\n|\\r");
            for (int i = 0; i < lines.length; i++) {
                int lineNo = i + 1;
                String line = lines[i].replace('\uFEFF', ' ').replace('，', ',').replace('＝', '=').trim();
                if (line.isEmpty()) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line;
                    continue;
                }
                if (section.equals(ATTRIBUTES)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) header.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                } else if (section.equals(PLOTS)) {
                    if (line.endsWith("@")) plotHeader(lineNo, line);
                    else pointLine(lineNo, line);
                }
            }
            checkCoordinateSystem();
            if (plotHeaders.isEmpty()) {
                throw new SiteInputException("界址点文件中没有地块：缺少 " + PLOTS + " 节或以 @ 结尾的地块行 / no plots found in the boundary-point file");
            }
            int width = zoneWidth();
            int z = resolveZone(width);
            int epsg = width == 3 ? new GkZone(z).epsgWithPrefix() : 4478 + z;
            List<SiteParcel> plots = new ArrayList<>();
            for (int p = 0; p < plotHeaders.size(); p++) plots.add(plot(plotHeaders.get(p), plotPoints.get(p), z, epsg));
            return new Result(header, plots, z, width, epsg, encoding, warnings);
        }

        private void checkCoordinateSystem() {
            String cs = header.getOrDefault("坐标系", "").replace(" ", "");
            String upper = cs.toUpperCase(Locale.ROOT);
            if (cs.contains("西安") || upper.contains("XIAN") || (cs.contains("1980") && !cs.contains("2000"))) {
                throw new SiteInputException("坐标系为“" + cs + "”（1980西安坐标系）：EcoZone 只接受 2000国家大地坐标系（CGCS2000）的界址点文件，"
                        + "西安80 与 CGCS2000 相差可达数十米，不能直接当作 CGCS2000 使用。请先用经认可的转换参数转换为 CGCS2000 后再上传。"
                        + " / the file is in Xian 1980, which differs from CGCS2000 by up to tens of metres; convert it to CGCS2000 first");
            }
            if (cs.contains("北京") || upper.contains("BEIJING") || cs.contains("1954") || cs.equals("54")) {
                throw new SiteInputException("坐标系为“" + cs + "”（北京54坐标系）：EcoZone 只接受 2000国家大地坐标系（CGCS2000），"
                        + "请先转换为 CGCS2000 后再上传。 / the file is in Beijing 1954; convert it to CGCS2000 first");
            }
            if (cs.isEmpty()) {
                warnings.add("文件未声明坐标系，按 2000国家大地坐标系（CGCS2000）读取 / no 坐标系 in the header: read as CGCS2000");
            } else if (!cs.contains("2000") && !upper.contains("CGCS")) {
                throw new SiteInputException("不支持的坐标系“" + cs + "”：只接受 2000国家大地坐标系 / unsupported coordinate system \"" + cs
                        + "\"; only CGCS2000 Gauss-Krüger coordinates are accepted");
            }
            String unit = header.getOrDefault("计量单位", "");
            if (!unit.isEmpty() && !unit.contains("米") && !unit.equalsIgnoreCase("m")) {
                throw new SiteInputException("计量单位为“" + unit + "”：界址点坐标应以米为单位 / coordinates must be in metres, header says " + unit);
            }
        }

        private void plotHeader(int lineNo, String line) {
            String[] f = line.substring(0, line.length() - 1).split(",", -1);
            String kind = field(f, 4);
            if (!kind.isEmpty() && !kind.equals("面")) {
                throw new SiteInputException("第 " + lineNo + " 行：地块的记录图形属性为“" + kind + "”，选址研判需要“面” / line " + lineNo
                        + ": the plot is recorded as " + kind + ", a site must be a polygon (面)");
            }
            String number = field(f, 2);
            String name = field(f, 3);
            if (name.isEmpty()) name = number.isEmpty() ? "地块" + (plotHeaders.size() + 1) : number;
            plotHeaders.add(new PlotHeader(lineNo, integer(field(f, 0)), hectares(field(f, 1)), number, name));
            plotPoints.add(new ArrayList<>());
        }

        private void pointLine(int lineNo, String line) {
            String[] f = line.split(",", -1);
            if (f.length < 4) {
                throw new SiteInputException("第 " + lineNo + " 行：界址点行应为“点号,圈号,X,Y”，实际为“" + line + "” / line " + lineNo
                        + ": a point line is 点号,圈号,X,Y");
            }
            if (plotHeaders.isEmpty()) {
                throw new SiteInputException("第 " + lineNo + " 行：界址点出现在任何地块行（以 @ 结尾）之前 / line " + lineNo
                        + ": a point before any plot header line ending in @");
            }
            Integer ring = integer(f[1].trim());
            if (ring == null || ring < 1) {
                throw new SiteInputException("第 " + lineNo + " 行：圈号“" + f[1].trim() + "”应为正整数 / line " + lineNo + ": ring number must be 1, 2, …");
            }
            double a = number(f[2], lineNo), b = number(f[3], lineNo);
            int da = digits(a), db = digits(b);
            double north, east;
            if (da == 7 && (db == 8 || db == 6)) {
                north = a;
                east = b;
            } else if (db == 7 && (da == 8 || da == 6)) {
                north = b;
                east = a;
                if (!eastFirstWarned) {
                    eastFirstWarned = true;
                    warnings.add("第 " + lineNo + " 行起坐标为“东,北”顺序（按位数识别：8 位为带带号的 Y 东坐标），已按此读取 / coordinates are "
                            + "written east first; read by digit count");
                }
            } else {
                throw new SiteInputException("第 " + lineNo + " 行：无法识别坐标 X=" + f[2].trim() + ", Y=" + f[3].trim()
                        + "。X（北）应为 7 位整数，Y（东）应为带 2 位带号的 8 位整数（如 39438683.652）。是否为经纬度？经纬度请以 GeoJSON/WKT 上传。"
                        + " / line " + lineNo + ": X (northing) needs 7 integer digits and Y (easting) 8 with the zone prefix");
            }
            if (digits(east) == 8) {
                int z = (int) (east / 1_000_000);
                if (zone == null) {
                    zone = z;
                    zoneLine = lineNo;
                } else if (zone != z) {
                    throw new SiteInputException("第 " + lineNo + " 行的带号 " + z + " 与第 " + zoneLine + " 行的带号 " + zone
                            + " 不同：一个文件中的坐标应在同一投影带 / line " + lineNo + ": zone " + z + " differs from zone " + zone + " earlier");
                }
            } else {
                noPrefixSeen = true;
            }
            plotPoints.get(plotPoints.size() - 1).add(new PointLine(lineNo, f[0].trim(), ring, east, north));
        }

        private int zoneWidth() {
            String declared = header.getOrDefault("几度分带", "").replaceAll("[^0-9]", "");
            int fromDigits = zone == null ? 0 : zone >= 13 && zone <= 23 ? 6 : 3;
            if (fromDigits == 0) return declared.equals("6") ? 6 : 3;
            if (!declared.isEmpty() && !declared.equals(String.valueOf(fromDigits))) {
                warnings.add("文件头“几度分带=" + declared + "”与坐标带号 " + zone + "（" + fromDigits + "度带）不符，按坐标读取 / header says "
                        + declared + "° zones but the coordinates carry a " + fromDigits + "° zone number");
            }
            return fromDigits;
        }

        private int resolveZone(int width) {
            Integer declared = integer(header.getOrDefault("带号", "").replaceAll("[^0-9]", ""));
            if (zone == null) {
                if (declared == null) {
                    throw new SiteInputException("Y 坐标不带带号，文件头也没有“带号”：无法确定投影带 / the eastings carry no zone prefix and the header "
                            + "gives no 带号, so the zone is unknown");
                }
                warnings.add("Y 坐标不带带号，按文件头 带号=" + declared + " 读取 / eastings have no zone prefix: used header zone " + declared);
                zone = declared;
            } else if (declared != null && !declared.equals(zone)) {
                warnings.add("文件头 带号=" + declared + "，但坐标 Y 的前两位为 " + zone + "：以坐标为准，按第 " + zone + " 带读取，请核对文件 / header zone "
                        + declared + " disagrees with the coordinates' zone " + zone + "; the coordinates were trusted");
            } else if (noPrefixSeen) {
                throw new SiteInputException("部分 Y 坐标带带号、部分不带：请统一坐标格式 / some eastings carry the zone prefix and some do not");
            }
            boolean valid = width == 3 ? zone >= GkZone.FIRST_IN_CHINA && zone <= GkZone.LAST_IN_CHINA : zone >= 13 && zone <= 23;
            if (!valid) {
                throw new SiteInputException("带号 " + zone + " 不是中国范围内的 " + width + " 度带（3度带 25–45，6度带 13–23） / zone " + zone
                        + " is not a Chinese " + width + "-degree zone");
            }
            return zone;
        }

        private SiteParcel plot(PlotHeader h, List<PointLine> points, int z, int epsg) {
            if (points.isEmpty()) {
                throw new SiteInputException("第 " + h.line() + " 行的地块“" + h.name() + "”没有界址点 / plot " + h.name() + " has no points");
            }
            if (h.pointCount() != null && h.pointCount() != points.size()) {
                warnings.add("地块“" + h.name() + "”声明界址点数 " + h.pointCount() + "，实际 " + points.size() + " 个 / plot declares "
                        + h.pointCount() + " points, has " + points.size());
            }
            List<List<PointLine>> rings = splitRings(h, points);
            List<LinearRing> shells = new ArrayList<>();
            List<List<LinearRing>> holesOf = new ArrayList<>();
            List<LinearRing> holes = new ArrayList<>();
            List<PointLine> all = new ArrayList<>(points);
            for (List<PointLine> ring : rings) {
                LinearRing r = PLANE.createLinearRing(coordinates(ring, z));
                if (ring.get(0).ring() == 1) {
                    shells.add(r);
                    holesOf.add(new ArrayList<>());
                } else {
                    holes.add(r);
                }
            }
            if (shells.isEmpty()) {
                throw new SiteInputException("地块“" + h.name() + "”没有圈号为 1 的外圈 / plot " + h.name() + " has no outer ring (圈号 1)");
            }
            for (LinearRing hole : holes) {
                int owner = -1;
                for (int s = 0; s < shells.size() && owner < 0; s++) {
                    if (PLANE.createPolygon(shells.get(s)).contains(hole.getInteriorPoint())) owner = s;
                }
                if (owner < 0) {
                    throw new SiteInputException("地块“" + h.name() + "”的扣除圈（洞）不在任何外圈之内，位置 " + where(hole.getCoordinateN(0), all, z)
                            + " / a hole of plot " + h.name() + " lies outside its outer ring");
                }
                holesOf.get(owner).add(hole);
            }
            List<Polygon> polys = new ArrayList<>();
            for (int s = 0; s < shells.size(); s++) {
                polys.add(PLANE.createPolygon(shells.get(s), holesOf.get(s).toArray(LinearRing[]::new)));
            }
            Geometry plane = polys.size() == 1 ? polys.get(0) : PLANE.createMultiPolygon(polys.toArray(Polygon[]::new));
            TopologyValidationError err = new IsValidOp(plane).getValidationError();
            if (err != null) {
                throw new SiteInputException("地块“" + h.name() + "”的界线无效：" + GeometryChecks.reasonZh(err) + "，位置 " + where(err.getCoordinate(), all, z)
                        + " / plot " + h.name() + " is invalid: " + err.getMessage());
            }
            Geometry lonLat = Transforms.apply(plane, epsg, 4490);
            Geometry site = Geometries.FACTORY.createGeometry(lonLat);
            site.setSRID(4490);
            List<BoundaryPoint> listed = new ArrayList<>();
            for (PointLine p : points) listed.add(new BoundaryPoint(p.id(), p.ring(), p.north(), p.east()));
            return new SiteParcel(h.name(), site, h.areaHa(), listed, epsg);
        }

        /** Rings in file order: a new ring starts when 圈号 changes or after the first point has been repeated. */
        private List<List<PointLine>> splitRings(PlotHeader h, List<PointLine> points) {
            List<List<PointLine>> rings = new ArrayList<>();
            List<PointLine> current = null;
            for (PointLine p : points) {
                boolean closesCurrent = current != null && current.size() >= 3 && current.get(0).ring() == p.ring()
                        && current.get(0).east() == p.east() && current.get(0).north() == p.north();
                if (current == null || current.get(0).ring() != p.ring()) {
                    if (current != null) finish(h, current, rings);
                    current = new ArrayList<>();
                }
                current.add(p);
                if (closesCurrent) {
                    rings.add(current);
                    current = null;
                }
            }
            if (current != null) finish(h, current, rings);
            for (List<PointLine> r : rings) {
                if (r.size() < 4) {
                    throw new SiteInputException("地块“" + h.name() + "”第 " + r.get(0).ring() + " 圈（第 " + r.get(0).line() + " 行起）只有 "
                            + (r.size() - 1) + " 个不同的点，至少需要 3 个 / ring " + r.get(0).ring() + " of plot " + h.name()
                            + " has fewer than 3 distinct points");
                }
            }
            return rings;
        }

        /** A ring that ended without repeating its first point: close it and say so. */
        private void finish(PlotHeader h, List<PointLine> ring, List<List<PointLine>> rings) {
            PointLine first = ring.get(0);
            PointLine last = ring.get(ring.size() - 1);
            if (first.east() != last.east() || first.north() != last.north()) {
                warnings.add("地块“" + h.name() + "”第 " + first.ring() + " 圈未以首点 " + first.id() + " 结束，已自动闭合 / ring " + first.ring()
                        + " of plot " + h.name() + " did not repeat its first point and was closed");
                ring.add(new PointLine(last.line(), first.id(), first.ring(), first.east(), first.north()));
            }
            rings.add(ring);
        }

        private static Coordinate[] coordinates(List<PointLine> ring, int zone) {
            Coordinate[] cs = new Coordinate[ring.size()];
            for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(prefixed(ring.get(i).east(), zone), ring.get(i).north());
            return cs;
        }

        private static double prefixed(double east, int zone) {
            return digits(east) == 8 ? east : east + zone * 1_000_000.0;
        }

        /** "X=…, Y=… (near point J7, line 12)" for the problem's location, in the file's own coordinates. */
        private static String where(Coordinate c, List<PointLine> points, int zone) {
            if (c == null) return "未知";
            PointLine near = null;
            double best = Double.MAX_VALUE;
            for (PointLine p : points) {
                double d = Math.hypot(prefixed(p.east(), zone) - c.x, p.north() - c.y);
                if (d < best) {
                    best = d;
                    near = p;
                }
            }
            String at = String.format(Locale.ROOT, "X=%.3f, Y=%.3f", c.y, c.x);
            return near == null ? at : at + "（靠近界址点 " + near.id() + "，第 " + near.line() + " 行 / near point " + near.id() + ", line " + near.line() + "）";
        }

        private static String field(String[] f, int i) {
            return i < f.length ? f[i].trim() : "";
        }

        private static Integer integer(String s) {
            try {
                return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The declared area in 公顷; some generators append the unit, which is stripped. */
        private static Double hectares(String s) {
            String v = s.replace("公顷", "").replace("hm2", "").replace("hm²", "").replace("ha", "").trim();
            try {
                return v.isEmpty() ? null : Double.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static double number(String s, int line) {
            try {
                double v = Double.parseDouble(s.trim());
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new SiteInputException("第 " + line + " 行：坐标“" + s.trim() + "”不是数字 / line " + line + ": coordinate is not a number");
        }

        private static int digits(double v) {
            long i = (long) Math.floor(Math.abs(v));
            return i == 0 ? 1 : (int) Math.floor(Math.log10(i)) + 1;
        }
    }
}
