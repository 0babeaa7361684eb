package cn.ecozone.process;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.BoundaryPointTxt;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-checked projects on the shipped sample (layers/), as small squares, written as each batch format: inside a red
 * line, inside a water-source 一级保护区, in a 一般管控 unit touching no protected zone, outside the data (116°E), and
 * a bad row. Expected verdicts for 光伏 as SampleAccessListVerdictTest establishes them.
 */
final class BatchFixture {
    static final LayerSet LAYERS = LayerLoader.load(Path.of("layers")).layers();
    static final AccessList LIST = AccessListJson.read(Path.of("layers/access-list.json"));

    /** A square of half-side d degrees around (x, y). */
    record Square(String name, double x, double y, double d, String expected) {
        String wkt() {
            return String.format(Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x - d, y - d, x + d, y - d, x + d, y + d, x - d, y + d,
                    x - d, y - d);
        }

        String geoJsonGeometry() {
            return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                    x - d, y - d, x + d, y - d, x + d, y + d, x - d, y + d, x - d, y - d);
        }
    }

    static final List<Square> GOOD = List.of(
            inside("红线内光伏", "redline", firstId("redline", null), "prohibited"),
            inside("一级保护区内光伏", "water_source", firstId("water_source", "一级保护区"), "prohibited"),
            inside("一般管控单元光伏", "control_unit", "ZH14021530002", null), // not banned: whatever a single check says, never prohibited
            new Square("116度以东", 116.005, 40.005, 0.005, "outside"));

    static final String BOW_TIE = "POLYGON((113 40, 113.01 40.01, 113 40.01, 113.01 40, 113 40))";

    static Square inside(String name, String collection, String id, String expected) {
        SimpleFeature f = feature(collection, id);
        Point p = ((Geometry) f.getDefaultGeometry()).getInteriorPoint();
        return new Square(name, p.getX(), p.getY(), 0.0003, expected);
    }

    static SimpleFeature feature(String collection, String id) {
        try (var s = LAYERS.source(collection).orElseThrow().query(FeatureQuery.all())) {
            for (var it = s.iterator(); it.hasNext(); ) {
                SimpleFeature f = it.next();
                if (f.getID().equals(id)) return f;
            }
        }
        throw new AssertionError(id);
    }

    static String firstId(String collection, String level) {
        try (var s = LAYERS.source(collection).orElseThrow().query(FeatureQuery.all())) {
            for (var it = s.iterator(); it.hasNext(); ) {
                SimpleFeature f = it.next();
                if (level == null || level.equals(f.getAttribute("level"))) return f.getID();
            }
        }
        throw new AssertionError(collection);
    }

    static byte[] geoJson() {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (Square s : GOOD) {
            b.append("{\"type\":\"Feature\",\"properties\":{\"项目名称\":\"").append(s.name()).append("\"},\"geometry\":")
                    .append(s.geoJsonGeometry()).append("},");
        }
        b.append("{\"type\":\"Feature\",\"properties\":{\"项目名称\":\"一个点\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[113.1,40.1]}}]}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv() {
        StringBuilder b = new StringBuilder("\uFEFF项目名称,行业,WKT\r\n");
        for (Square s : GOOD) b.append(s.name()).append(",光伏,\"").append(s.wkt()).append("\"\r\n");
        b.append("自相交,光伏,\"").append(BOW_TIE).append("\"\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] txtZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            int i = 0;
            for (Square s : GOOD) {
                int zone = (int) Math.round(s.x() / 3);
                String txt = new BoundaryPointTxt().zone(zone).plot(s.name(), null,
                        BoundaryPointTxt.rect(s.x() - s.d(), s.y() - s.d(), s.x() + s.d(), s.y() + s.d())).text();
                zip.putNextEntry(new ZipEntry(String.format("%02d-%s.txt", ++i, s.name())));
                zip.write(txt.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("99-说明.txt"));
            zip.write("这不是界址点文件".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zipped shapefile (CGCS2000 geographic .prj, UTF-8 .cpg) with the good squares and a bow-tie. */
    static byte[] shapefileZip(Path tmp) {
        try {
            Path dir = Files.createTempDirectory(tmp, "shp");
            Path shp = dir.resolve("projects.shp");
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:batchshp" + System.nanoTime() + ";DB_CLOSE_DELAY=0")) {
                org.h2gis.functions.factory.H2GISFunctions.load(c);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE P(GEOM GEOMETRY(POLYGON, 4490), NAME VARCHAR, INDUSTRY VARCHAR)");
                }
                List<String[]> rows = new ArrayList<>();
                for (Square s : GOOD) rows.add(new String[] {s.wkt(), s.name()});
                rows.add(new String[] {BOW_TIE, "自相交"});
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO P VALUES (ST_GeomFromText(?, 4490), ?, '光伏')")) {
                    for (String[] r : rows) {
                        ps.setString(1, r[0]);
                        ps.setString(2, r[1]);
                        ps.executeUpdate();
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("CALL SHPWrite('" + shp + "', 'P', 'UTF-8')");
                }
            }
            Files.writeString(dir.resolve("projects.prj"), "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"D_China_2000\","
                    + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]");
            Files.writeString(dir.resolve("projects.cpg"), "UTF-8");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8); var files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    zip.putNextEntry(new ZipEntry("projects/" + p.getFileName()));
                    zip.write(Files.readAllBytes(p));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GeoPackage (written with mil.nga) with one feature table per entry of {@code tables}, each holding the good
     * squares and the bow-tie, with name and industry columns; coordinates in {@code epsg} (4490 or a GK zone,
     * transformed from the squares' lon/lat), the SRS row declared as {@code org:code} with {@code definition}.
     */
    static byte[] geoPackage(Path tmp, int epsg, String org, long code, String definition, String... tables) {
        try {
            Path file = Files.createTempDirectory(tmp, "gpkg").resolve("projects.gpkg");
            mil.nga.geopackage.GeoPackageManager.create(file.toFile());
            mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(file.toFile());
            try {
                var srsDao = gp.getSpatialReferenceSystemDao();
                mil.nga.geopackage.srs.SpatialReferenceSystem srs = new mil.nga.geopackage.srs.SpatialReferenceSystem();
                srs.setSrsName(org + ":" + code);
                srs.setSrsId(code == 4326 ? 4326 : 100_000 + code); // 4326 is in every GeoPackage
                srs.setOrganization(org);
                srs.setOrganizationCoordsysId(code);
                srs.setDefinition(definition);
                if (code == 4326) srs = srsDao.queryForId(4326L);
                else srsDao.create(srs);
                for (String table : tables) {
                    mil.nga.geopackage.features.columns.GeometryColumns gc = new mil.nga.geopackage.features.columns.GeometryColumns();
                    gc.setId(new mil.nga.geopackage.db.TableColumnKey(table, "geom"));
                    gc.setGeometryType(mil.nga.sf.GeometryType.GEOMETRY);
                    gc.setZ((byte) 0);
                    gc.setM((byte) 0);
                    gc.setSrs(srs);
                    List<mil.nga.geopackage.features.user.FeatureColumn> cols = List.of(
                            mil.nga.geopackage.features.user.FeatureColumn.createColumn("项目名称", mil.nga.geopackage.db.GeoPackageDataType.TEXT),
                            mil.nga.geopackage.features.user.FeatureColumn.createColumn("行业", mil.nga.geopackage.db.GeoPackageDataType.TEXT));
                    gp.createFeatureTable(mil.nga.geopackage.features.user.FeatureTableMetadata.create(gc, cols));
                    var dao = gp.getFeatureDao(table);
                    List<String[]> rows = new ArrayList<>();
                    for (Square s : GOOD) rows.add(new String[] {s.wkt(), s.name()});
                    rows.add(new String[] {BOW_TIE, "自相交"});
                    for (String[] r : rows) {
                        Geometry g = new org.locationtech.jts.io.WKTReader().read(r[0]);
                        if (epsg != 4490) g = cn.ecozone.geo.Transforms.apply(g, 4490, epsg);
                        var row = dao.newRow();
                        row.setValue("项目名称", table.equals(tables[0]) ? r[1] : table + "-" + r[1]);
                        row.setValue("行业", "光伏");
                        row.setGeometry(mil.nga.geopackage.geom.GeoPackageGeometryData.createFromWkb(srs.getSrsId(),
                                new org.locationtech.jts.io.WKBWriter().write(g)));
                        dao.insert(row);
                    }
                }
            } finally {
                gp.close();
            }
            return Files.readAllBytes(file);
        } catch (IOException | org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
