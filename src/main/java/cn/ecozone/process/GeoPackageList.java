package cn.ecozone.process;

import cn.ecozone.geo.GkZone;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features of one table of a GeoPackage project list (mil.nga geopackage on sqlite-jdbc): its CRS as an EPSG code
 * the site reader accepts (CGCS2000 geographic 4490, 4326, or a CGCS2000 Gauss-Krüger zone; Xi'an 80 and Beijing 54
 * refused as for shapefiles), and per feature its id, attributes and geometry as WKB (null: no geometry).
 */
final class GeoPackageList {
    record Feature(long fid, Map<String, Object> properties, byte[] wkb) {}

    final String table;
    final int epsg;
    final List<Feature> features;

    /**
     * mil.nga tries to build its own projection from each SRS definition and logs (java.util.logging, with stack
     * traces) when it cannot; the CRS is decided here from the code or definition, so only its severe messages show.
     * Held strongly: JUL keeps loggers weakly.
     */
    private static final Logger NGA_LOG = Logger.getLogger("mil.nga");

    static {
        NGA_LOG.setLevel(Level.SEVERE);
    }

    private static final Pattern CENTRAL_MERIDIAN = Pattern.compile("(?i)central_meridian\"?\\s*,\\s*(-?[0-9.]+)");
    private static final Pattern FALSE_EASTING = Pattern.compile("(?i)false_easting\"?\\s*,\\s*(-?[0-9.]+)");

    private GeoPackageList(String table, int epsg, List<Feature> features) {
        this.table = table;
        this.epsg = epsg;
        this.features = features;
    }

    /** @param layer the feature table to read (null: the first one) */
    static GeoPackageList read(byte[] data, String layer) {
        Path file = null;
        try {
            file = Files.createTempFile("ecozone-batch", ".gpkg");
            Files.write(file, data);
            GeoPackage gp;
            try {
                gp = GeoPackageManager.open(file.toFile(), false);
            } catch (RuntimeException e) {
                throw new BatchInputException("GeoPackage 无法读取 / the GeoPackage cannot be read: " + e.getMessage());
            }
            try {
                List<String> tables = gp.getFeatureTables();
                if (tables.isEmpty()) throw new BatchInputException("GeoPackage 中没有要素表 / the GeoPackage holds no feature table");
                String table = tables.get(0);
                if (layer != null && !layer.isBlank()) {
                    table = tables.stream().filter(t -> t.equalsIgnoreCase(layer.strip())).findFirst().orElseThrow(() -> new BatchInputException(
                            "GeoPackage 中没有要素表 " + layer + "（有：" + tables + "）/ no feature table " + layer + " in the GeoPackage; tables: " + tables));
                }
                FeatureDao dao = gp.getFeatureDao(table);
                int epsg = epsgOf(dao.getSrs());
                List<Feature> features = new ArrayList<>();
                FeatureResultSet rs = dao.queryForAll();
                try {
                    while (rs.moveToNext()) {
                        FeatureRow row = rs.getRow();
                        Map<String, Object> props = new LinkedHashMap<>();
                        String[] names = row.getColumnNames();
                        int geomIndex = row.getGeometryColumnIndex();
                        for (int i = 0; i < names.length; i++) {
                            if (i == geomIndex || i == row.getPkColumnIndex()) continue;
                            props.put(names[i], row.getValue(i));
                        }
                        byte[] wkb = null;
                        GeoPackageGeometryData g = row.getGeometry();
                        if (g != null && !g.isEmpty()) wkb = g.getWkb();
                        features.add(new Feature(row.getId(), props, wkb));
                    }
                } finally {
                    rs.close();
                }
                features.sort(Comparator.comparingLong(Feature::fid));
                return new GeoPackageList(table, epsg, features);
            } finally {
                gp.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BatchInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BatchInputException("GeoPackage 无法读取 / the GeoPackage cannot be read: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        }
    }

    /** 4490/4326, or a CGCS2000 GK zone (EPSG 4491–4554); Xi'an 80 / Beijing 54 and anything else refused. */
    static int epsgOf(SpatialReferenceSystem srs) {
        if (srs == null) throw new BatchInputException("GeoPackage 要素表没有坐标系 / the feature table has no coordinate system");
        String org = srs.getOrganization() == null ? "" : srs.getOrganization().strip();
        long code = srs.getOrganizationCoordsysId();
        String definition = srs.getDefinition() == null ? "" : srs.getDefinition();
        String upper = definition.toUpperCase(Locale.ROOT) + " " + (srs.getSrsName() == null ? "" : srs.getSrsName().toUpperCase(Locale.ROOT));
        boolean epsgOrg = org.equalsIgnoreCase("EPSG");
        if (upper.contains("XIAN") || upper.contains("XI'AN") || upper.contains("BEIJING")
                || (epsgOrg && (code == 4610 || code == 4214 || (code >= 2327 && code <= 2442) || (code >= 21413 && code <= 21483)))) {
            throw new BatchInputException("不支持 1980 西安或北京 54 坐标系，请先转换为 CGCS2000 / Xian 1980 and Beijing 1954 are not CGCS2000: convert first"
                    + " (" + org + ":" + code + ")");
        }
        if (epsgOrg && (code == 4490 || code == 4326 || (code >= 4491 && code <= 4554))) return (int) code;
        // no EPSG code: a CGCS2000 definition, as in a shapefile's .prj
        if (!definition.isBlank() && !definition.equalsIgnoreCase("undefined") && upper.contains("2000")) {
            if (!upper.contains("PROJCS") && !upper.contains("PROJCRS")) return 4490;
            Matcher cm = CENTRAL_MERIDIAN.matcher(definition), fe = FALSE_EASTING.matcher(definition);
            if (cm.find() && fe.find()) {
                int zone = (int) Math.round(Double.parseDouble(cm.group(1)) / 3);
                GkZone z = new GkZone(zone);
                return Double.parseDouble(fe.group(1)) > 1_000_000 ? z.epsgWithPrefix() : z.epsgWithoutPrefix();
            }
        }
        throw new BatchInputException("GeoPackage 坐标系不是 CGCS2000 地理坐标或高斯-克吕格投影（" + org + ":" + code + "）/ the GeoPackage CRS is not "
                + "CGCS2000 geographic or a CGCS2000 Gauss-Krüger zone: " + org + ":" + code);
    }
}
