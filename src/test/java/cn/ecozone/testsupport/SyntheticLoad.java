package cn.ecozone.testsupport;

import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.Geometries;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The benchmarks' synthetic zoning at any size: {@code units} Voronoi control units densified to about 200 vertices
 * each and {@code redlines} buffered red-line polygons (33 vertices) over {@link #EXTENT}, with the site-test access
 * list. At 44,604 + 100,000 it is the national-scale load (b) of {@code SiteCheckBenchmark} (same generator, same seed);
 * smaller counts give a load of the same shape for tests. Also makes whole-extent sites.
 */
public final class SyntheticLoad {
    public static final Envelope EXTENT = new Envelope(105, 120, 30, 42);
    public static final int NATIONAL_UNITS = 44_604, NATIONAL_REDLINES = 100_000;

    private SyntheticLoad() {}

    /** Writes the catalog into d and returns d. */
    public static Path write(Path d, int units, int redlines) throws IOException {
        Random rnd = new Random(44604);
        Files.writeString(d.resolve("catalog.json"), """
                {"title": {"zh": "合成负载", "en": "Synthetic load"}, "dataDate": "2025-01-01", "accessList": "access-list.json",
                 "layers": [
                  {"id": "control_unit", "kind": "control_unit", "title": {"zh": "环境管控单元"}, "file": "control_unit.geojson",
                   "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
                   "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"}, {"name": "type", "type": "string"}]},
                  {"id": "redline", "kind": "redline", "title": {"zh": "生态保护红线"}, "file": "redline.geojson",
                   "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
                   "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"}]}
                 ]}
                """);
        Files.writeString(d.resolve("access-list.json"), SiteFixtureLayers.ACCESS_LIST);
        List<Coordinate> seeds = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            seeds.add(new Coordinate(EXTENT.getMinX() + rnd.nextDouble() * EXTENT.getWidth(), EXTENT.getMinY() + rnd.nextDouble() * EXTENT.getHeight()));
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(seeds);
        vb.setClipEnvelope(EXTENT);
        Geometry cells = vb.getDiagram(Geometries.FACTORY);
        String[] types = {"优先保护", "重点管控", "一般管控"};
        Geometry box = Geometries.FACTORY.toGeometry(EXTENT);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(d.resolve("control_unit.geojson")), 1 << 20);
             JsonGenerator g = new JsonFactory().createGenerator(os)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (int i = 0; i < cells.getNumGeometries(); i++) {
                Geometry cell = cells.getGeometryN(i).intersection(box);
                if (!(cell instanceof Polygon) || cell.isEmpty()) continue;
                Geometry dense = Densifier.densify(cell, cell.getLength() / 200);
                feature(g, String.format("ZH%06d", i), "单元" + i, types[i % 3], dense);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(d.resolve("redline.geojson")), 1 << 20);
             JsonGenerator g = new JsonFactory().createGenerator(os)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (int i = 0; i < redlines; i++) {
                double x = EXTENT.getMinX() + 0.05 + rnd.nextDouble() * (EXTENT.getWidth() - 0.1);
                double y = EXTENT.getMinY() + 0.05 + rnd.nextDouble() * (EXTENT.getHeight() - 0.1);
                double r = 0.002 + rnd.nextDouble() * 0.015;
                feature(g, String.format("HX%06d", i), "红线" + i, null, Geometries.FACTORY.createPoint(new Coordinate(x, y)).buffer(r, 8));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return d;
    }

    /**
     * A site covering (nearly) the whole extent as GeoJSON: a star of {@code vertices} vertices around the extent's
     * centre, its radius wobbling between 93 % and 98 % of half the extent, with a seed-dependent phase.
     */
    public static String wholeExtentSite(int vertices, long seed) {
        return star(EXTENT.centre().x, EXTENT.centre().y, EXTENT.getWidth() / 2 * 0.98, EXTENT.getHeight() / 2 * 0.98, vertices, seed);
    }

    /** A star-shaped site of {@code vertices} vertices, radii rx × ry degrees (wobbling by 5 %), as GeoJSON. */
    public static String star(double cx, double cy, double rx, double ry, int vertices, long seed) {
        double phase = new Random(seed).nextDouble() * 2 * Math.PI;
        StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int k = 0; k <= vertices; k++) {
            double a = 2 * Math.PI * (k % vertices) / vertices;
            double f = 0.95 + 0.05 * Math.sin(7 * a + phase);
            b.append(String.format(Locale.ROOT, "%s[%.7f,%.7f]", k == 0 ? "" : ",", cx + rx * f * Math.cos(a), cy + ry * f * Math.sin(a)));
        }
        return b.append("]]}").toString();
    }

    private static void feature(JsonGenerator g, String code, String name, String type, Geometry geom) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("properties");
        g.writeStringField("code", code);
        g.writeStringField("name", name);
        if (type != null) g.writeStringField("type", type);
        g.writeEndObject();
        g.writeFieldName("geometry");
        GeoJsonGeometryWriter.write(g, geom);
        g.writeEndObject();
    }
}
