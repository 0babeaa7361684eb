package cn.ecozone.io;

import cn.ecozone.geo.Cgcs2000;
import cn.ecozone.geo.GkZone;
import cn.ecozone.geo.Transforms;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.h2gis.functions.factory.H2GISFunctions;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ESRI shapefile into a GeoJSON FeatureCollection in CGCS2000 lon/lat (EPSG:4490), ready for the same
 * validation as any layer file. The .dbf text encoding comes from the .cpg when there is one, else GBK (as
 * cp936: H2GIS silently misreads "GBK"); the CRS from the .prj: CGCS2000 geographic, or a 3° Gauss-Krüger zone
 * with or without the zone prefix, found from its central meridian and false easting.
 */
public final class ShapefileReader {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Pattern CENTRAL_MERIDIAN = Pattern.compile("(?i)central_meridian\"?\\s*,\\s*(-?[0-9.]+)");
    private static final Pattern FALSE_EASTING = Pattern.compile("(?i)false_easting\"?\\s*,\\s*(-?[0-9.]+)");

    private ShapefileReader() {}

    /** The features as a GeoJSON FeatureCollection (properties named as the .dbf columns, lower case). */
    public static ObjectNode read(Path shp) throws IOException {
        if (!Files.isRegularFile(shp)) throw new IOException("找不到文件 / file not found: " + shp);
        int epsg = epsgOf(sibling(shp, ".prj"));
        String encoding = encodingOf(sibling(shp, ".cpg"));
        ObjectMapper m = new ObjectMapper();
        ObjectNode fc = m.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shp" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=0")) {
            H2GISFunctions.load(c);
            try (Statement st = c.createStatement()) {
                st.execute("CALL SHPRead('" + shp.toAbsolutePath().toString().replace("'", "''") + "', 'SHP', '" + encoding + "')");
                try (ResultSet rs = st.executeQuery("SELECT * FROM SHP")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        ObjectNode f = features.addObject().put("type", "Feature");
                        ObjectNode props = m.createObjectNode();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                            if (v instanceof Geometry g) {
                                Geometry lonLat = Transforms.apply(g, epsg, Cgcs2000.EPSG);
                                f.set("geometry", m.readTree(geoJson(lonLat)));
                            } else if (!name.equals("pk")) {
                                if (v == null) props.putNull(name);
                                else if (v instanceof Number n) props.put(name, n.doubleValue() == Math.rint(n.doubleValue()) && !(v instanceof Double) ? n.longValue() : n.doubleValue());
                                else props.put(name, v.toString().strip());
                            }
                        }
                        f.set("properties", props);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("无法读取 shapefile / cannot read the shapefile " + shp + ": " + e.getMessage(), e);
        }
        return fc;
    }

    private static String geoJson(Geometry g) throws IOException {
        StringWriter w = new StringWriter();
        try (var gen = new JsonFactory().createGenerator(w)) {
            GeoJsonGeometryWriter.write(gen, g);
        }
        return w.toString();
    }

    /** 4490 for CGCS2000 geographic; 4488+zone or 4509+zone for a Gauss-Krüger 3° zone. */
    static int epsgOf(Path prj) throws IOException {
        if (!Files.isRegularFile(prj)) {
            throw new IOException("缺少 .prj 文件，无法确定坐标系 / no .prj file: the coordinate system is unknown (" + prj.getFileName() + ")");
        }
        String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1);
        String upper = wkt.toUpperCase(Locale.ROOT);
        if (upper.contains("XIAN") || upper.contains("BEIJING")) {
            throw new IOException("不支持 1980 西安或北京 54 坐标系，请先转换为 CGCS2000 / Xian 1980 and Beijing 1954 are not CGCS2000: convert first");
        }
        if (!upper.contains("PROJCS")) {
            if (upper.contains("2000")) return Cgcs2000.EPSG;
            throw new IOException(".prj 不是 CGCS2000 地理坐标系 / .prj is not CGCS2000: " + wkt);
        }
        Matcher cm = CENTRAL_MERIDIAN.matcher(wkt), fe = FALSE_EASTING.matcher(wkt);
        if (!upper.contains("2000") || !cm.find() || !fe.find()) {
            throw new IOException(".prj 不是 CGCS2000 高斯-克吕格投影 / .prj is not a CGCS2000 Gauss-Krüger projection: " + wkt);
        }
        double meridian = Double.parseDouble(cm.group(1)), easting = Double.parseDouble(fe.group(1));
        GkZone zone = new GkZone((int) Math.round(meridian / 3));
        return easting > 1_000_000 ? zone.epsgWithPrefix() : zone.epsgWithoutPrefix();
    }

    static String encodingOf(Path cpg) throws IOException {
        if (!Files.isRegularFile(cpg)) return "cp936";
        String e = Files.readString(cpg, StandardCharsets.ISO_8859_1).strip().toUpperCase(Locale.ROOT);
        if (e.contains("UTF")) return "UTF-8";
        if (e.contains("936") || e.contains("GBK") || e.contains("GB2312") || e.contains("GB18030")) return "cp936";
        return e.isEmpty() ? "cp936" : e;
    }

    private static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".shp") ? name.substring(0, name.length() - 4) : name;
        Path lower = shp.resolveSibling(base + ext), upper = shp.resolveSibling(base + ext.toUpperCase(Locale.ROOT));
        return Files.exists(lower) ? lower : upper;
    }
}
