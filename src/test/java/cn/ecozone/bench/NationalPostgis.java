package cn.ecozone.bench;

import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SyntheticLoad;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national-scale synthetic load (44,604 control units + 100,000 red lines, {@link SyntheticLoad}) embedded and
 * in PostGIS, for the strongest-baseline benchmarks. PostGIS gets one table per polygon layer holding the same
 * attributes EcoZone returns (each as a text column, selected by name), the geometry with a GiST index, a stored
 * geography copy with its own GiST index (for index-assisted {@code ST_DWithin}), and the zone's ellipsoidal area
 * stored (EcoZone caches it per zone too), loaded with COPY. {@code -Dbaseline.load=DIR} keeps the generated load in
 * DIR and reuses it on the next run.
 */
final class NationalPostgis {
    final LayerSet layers;
    final long features, vertices;
    final double generateS, embeddedLoadS, postgisLoadS;
    final List<String> polygonLayers = new ArrayList<>();

    private NationalPostgis(LayerSet layers, long features, long vertices, double generateS, double embeddedLoadS, double postgisLoadS) {
        this.layers = layers;
        this.features = features;
        this.vertices = vertices;
        this.generateS = generateS;
        this.embeddedLoadS = embeddedLoadS;
        this.postgisLoadS = postgisLoadS;
    }

    static NationalPostgis load(Path temp, Connection c) throws IOException, SQLException {
        long t0 = System.nanoTime();
        String keep = System.getProperty("baseline.load");
        Path dir = keep == null || keep.isBlank() ? Files.createDirectories(temp.resolve("national")) : Files.createDirectories(Path.of(keep));
        if (!Files.exists(dir.resolve("catalog.json"))) SyntheticLoad.write(dir, SyntheticLoad.NATIONAL_UNITS, SyntheticLoad.NATIONAL_REDLINES);
        double generateS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), r.problems().stream().limit(5).toList().toString());
        double embeddedS = (System.nanoTime() - t0) / 1e9;
        long features = 0, vertices = 0;
        t0 = System.nanoTime();
        NationalPostgis n = null;
        List<String> tables = new ArrayList<>();
        long[] fv = new long[2];
        for (FeatureSource s : r.layers().inOrder()) {
            if (!s.layer().isPolygon()) continue;
            copy(c, s, fv);
            tables.add(s.layer().id());
        }
        double pgS = (System.nanoTime() - t0) / 1e9;
        n = new NationalPostgis(r.layers(), fv[0], fv[1], generateS, embeddedS, pgS);
        n.polygonLayers.addAll(tables);
        assertTrue(n.features >= 144_604 && n.vertices >= 12_000_000, "national load: " + n.features + " features, " + n.vertices + " vertices");
        return n;
    }

    /** The layer's attributes as declared in the catalog (the ones EcoZone returns as properties). */
    static List<String> attributes(FeatureSource s) {
        return s.layer().attributes().stream().map(AttributeDef::name).toList();
    }

    private static void copy(Connection c, FeatureSource s, long[] fv) throws SQLException {
        String table = s.layer().id();
        List<String> attrs = attributes(s);
        StringBuilder cols = new StringBuilder("fid text PRIMARY KEY");
        for (String a : attrs) cols.append(", \"").append(a).append("\" text");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (" + cols + ", geom geometry(Geometry, 4490) NOT NULL, "
                    + "geog geography GENERATED ALWAYS AS (geom::geography) STORED, "
                    + "area_m2 double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED)");
        }
        StringBuilder colList = new StringBuilder("fid");
        for (String a : attrs) colList.append(", \"").append(a).append('"');
        CopyManager cm = new CopyManager(c.unwrap(BaseConnection.class));
        CopyIn in = cm.copyIn("COPY " + table + " (" + colList + ", geom) FROM STDIN");
        WKBWriter wkb = new WKBWriter(2, true);
        StringBuilder rows = new StringBuilder();
        try (var features = s.query(FeatureQuery.all())) {
            for (SimpleFeature f : (Iterable<SimpleFeature>) features::iterator) {
                Geometry g = (Geometry) f.getDefaultGeometry();
                g.setSRID(4490);
                rows.append(tsv(f.getID()));
                for (String a : attrs) {
                    Object v = f.getAttribute(a);
                    rows.append('\t').append(v == null ? "\\N" : tsv(v.toString()));
                }
                rows.append('\t').append(WKBWriter.toHex(wkb.write(g))).append('\n');
                fv[0]++;
                fv[1] += g.getNumPoints();
                if (rows.length() > 1 << 22) {
                    byte[] b = rows.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(b, 0, b.length);
                    rows.setLength(0);
                }
            }
        }
        byte[] b = rows.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(b, 0, b.length);
        in.endCopy();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON " + table + " USING gist (geom)");
            st.execute("CREATE INDEX ON " + table + " USING gist (geog)");
            st.execute("VACUUM ANALYZE " + table);
        }
    }

    static String tsv(String v) {
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
