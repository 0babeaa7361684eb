package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.SourceFeatures;
import cn.ecozone.testsupport.SourceFeatures.Source;
import cn.ecozone.testsupport.TestLayers;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark (not a timed test): full paging of a layer at limit=10000 through {@code /collections/{id}/items},
 * against PostGIS building the same GeoJSON FeatureCollection pages ({@code json_agg} of {@code ST_AsGeoJSON}
 * features, same order, same limit/offset; {@code numberMatched} counted once per paging pass, not per page) on the
 * same data in the same run, the two sides taking turns (best of 3 passes each after a warm-up pass). Reports features/s, MB/s and the
 * ratio. Run: {@code mvn -Pbench -DbuildDir=/tmp/b test -Dtest=OgcItemsBenchmark}.
 */
@Tag("bench")
class OgcItemsBenchmark {
    static final int LIMIT = 10_000;
    static final int SYNTHETIC = 200_000;
    static final int RUNS = 3;
    static final ObjectMapper M = new ObjectMapper();
    @TempDir Path temp;

    record Run(long features, long bytes, double seconds) {
        double featuresPerSecond() { return features / seconds; }
        double mbPerSecond() { return bytes / 1e6 / seconds; }
    }

    @Test
    void itemsThroughputAgainstPostgis() throws Exception {
        Path sample = TestLayers.sampleOrFixture(Files.createDirectories(temp.resolve("sample")));
        String largest = SourceFeatures.layerIds(sample).stream()
                .max(Comparator.comparingInt(id -> SourceFeatures.read(sample, id).size())).orElseThrow();
        Path synthetic = writeSynthetic(Files.createDirectories(temp.resolve("synthetic")));
        List<String> report = new ArrayList<>();
        report.add(compare("sample layer " + largest, sample, largest));
        report.add(compare("synthetic " + SYNTHETIC + " polygons", synthetic, "synthetic"));
        System.out.println("\n=== OGC API items throughput, full paging at limit=" + LIMIT + " (best of " + RUNS + ") ===");
        report.forEach(System.out::println);
    }

    private String compare(String label, Path dir, String layer) throws Exception {
        List<Source> source = SourceFeatures.read(dir, layer);
        JsonNode def = layerDef(dir, layer);
        LayerSet set = LayerLoader.load(dir).layers();
        String db = PostgisCluster.shared().createDatabase("bench");
        try (Connection c = DriverManager.getConnection(db)) {
            loadIntoPostgis(c, def, source);
            // small layers are paged through repeatedly so that each measurement covers at least 100,000 features
            int repeats = Math.max(1, 100_000 / source.size());
            Run[] best;
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), set)) {
                best = interleaved(() -> repeat(repeats, () -> pageServer(client, server.port(), layer)), () -> repeat(repeats, () -> pagePostgis(c, def)));
            }
            Run ours = best[0], pg = best[1];
            assertEquals((long) source.size() * repeats, ours.features());
            assertEquals((long) source.size() * repeats, pg.features());
            return String.format("%-32s %8d features | EcoZone %9.0f f/s %7.1f MB/s | PostGIS %9.0f f/s %7.1f MB/s | ratio %.2fx",
                    label, source.size(), ours.featuresPerSecond(), ours.mbPerSecond(), pg.featuresPerSecond(), pg.mbPerSecond(),
                    ours.featuresPerSecond() / pg.featuresPerSecond());
        }
    }

    interface Pass {
        Run run() throws Exception;
    }

    /** Best of RUNS passes of each side after a warm-up pass of each, the sides taking turns (and turns at going first). */
    private static Run[] interleaved(Pass ours, Pass pg) throws Exception {
        ours.run(); // warm-up: JIT, caches, PostgreSQL buffers
        pg.run();
        Run[] best = new Run[2];
        for (int i = 0; i < 2 * RUNS; i++) {
            int side = (i + i / 2) % 2; // ours, pg, pg, ours, ours, pg …
            Run r = (side == 0 ? ours : pg).run();
            if (best[side] == null || r.seconds() < best[side].seconds()) best[side] = r;
        }
        return best;
    }

    private static Run repeat(int times, Pass p) throws Exception {
        long features = 0, bytes = 0;
        double seconds = 0;
        for (int i = 0; i < times; i++) {
            Run r = p.run();
            features += r.features();
            bytes += r.bytes();
            seconds += r.seconds();
        }
        return new Run(features, bytes, seconds);
    }

    private static Run pageServer(HttpClient client, int port, String layer) throws IOException, InterruptedException {
        String next = "http://127.0.0.1:" + port + "/collections/" + layer + "/items?limit=" + LIMIT;
        long features = 0, bytes = 0;
        long t0 = System.nanoTime();
        while (next != null) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(next)).build(), HttpResponse.BodyHandlers.ofByteArray());
            bytes += r.body().length;
            JsonNode page = M.readTree(r.body());
            features += page.get("numberReturned").asLong();
            next = null;
            for (JsonNode l : page.get("links")) if (l.get("rel").asText().equals("next")) next = l.get("href").asText();
        }
        return new Run(features, bytes, (System.nanoTime() - t0) / 1e9);
    }

    /** The same pages from PostGIS: one FeatureCollection per page, id order, attributes as properties. */
    private static Run pagePostgis(Connection c, JsonNode def) throws SQLException, IOException {
        StringBuilder props = new StringBuilder();
        for (JsonNode a : def.get("attributes")) {
            if (props.length() > 0) props.append(", ");
            props.append('\'').append(a.get("name").asText()).append("', ").append(column(a));
        }
        // the layer is counted once per paging pass (as a server would cache it), not once per page
        String sql = "SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', ?::bigint, "
                + "'features', coalesce(json_agg(json_build_object('type', 'Feature', 'id', id, "
                + "'geometry', ST_AsGeoJSON(geom, 15)::json, 'properties', json_build_object(" + props + "))), '[]'::json), "
                + "'numberReturned', count(*))::text FROM (SELECT * FROM layer ORDER BY id LIMIT ? OFFSET ?) page";
        long features = 0, bytes = 0, offset = 0;
        long t0 = System.nanoTime();
        long matched;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM layer")) {
            rs.next();
            matched = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                ps.setLong(1, matched);
                ps.setInt(2, LIMIT);
                ps.setLong(3, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String page = rs.getString(1);
                    bytes += page.getBytes(StandardCharsets.UTF_8).length;
                    int n = M.readTree(page).get("numberReturned").asInt();
                    features += n;
                    offset += LIMIT;
                    if (n < LIMIT) break;
                }
            }
        }
        return new Run(features, bytes, (System.nanoTime() - t0) / 1e9);
    }

    private static String column(JsonNode a) {
        return "\"" + a.get("name").asText() + "\"";
    }

    private static void loadIntoPostgis(Connection c, JsonNode def, List<Source> source) throws SQLException, IOException {
        StringBuilder cols = new StringBuilder("id text COLLATE \"C\" PRIMARY KEY, geom geometry(Geometry, 4490)");
        List<String> names = new ArrayList<>();
        for (JsonNode a : def.get("attributes")) {
            String type = switch (a.path("type").asText("string")) {
                case "integer" -> "bigint";
                case "number" -> "double precision";
                case "json" -> "jsonb";
                default -> "text";
            };
            cols.append(", ").append(column(a)).append(' ').append(type);
            names.add(a.get("name").asText());
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE layer (" + cols + ")");
        }
        CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
        StringBuilder rows = new StringBuilder();
        for (Source f : source) {
            rows.append(tsv(f.id())).append('\t').append("SRID=4490;").append(f.jts().toText());
            for (String n : names) {
                JsonNode v = f.properties().get(n);
                rows.append('\t').append(v == null || v.isNull() ? "\\N" : tsv(v.isValueNode() ? v.asText() : v.toString()));
            }
            rows.append('\n');
        }
        copy.copyIn("COPY layer FROM STDIN", new StringReader(rows.toString()));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX ON layer USING gist (geom)");
            s.execute("ANALYZE layer");
        }
    }

    private static String tsv(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static JsonNode layerDef(Path dir, String layer) {
        for (JsonNode l : SourceFeatures.catalog(dir).get("layers")) if (l.get("id").asText().equals(layer)) return l;
        throw new IllegalArgumentException(layer);
    }

    /** 200,000 nonagons (~0.002°) in a 500 × 400 grid over 112–113°E, 39.5–40.3°N, with five attributes. */
    private static Path writeSynthetic(Path dir) throws IOException {
        Files.writeString(dir.resolve("catalog.json"), """
                {"title": {"zh": "合成数据", "en": "Synthetic"}, "layers": [
                 {"id": "synthetic", "kind": "restoration", "title": {"zh": "合成图斑", "en": "Synthetic plots"}, "file": "synthetic.geojson",
                  "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
                  "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"},
                    {"name": "status", "type": "string"}, {"name": "area_mu", "type": "number"}, {"name": "year", "type": "integer"}]}]}
                """);
        String[] status = {"待修复", "修复中", "已修复", "已验收"};
        try (OutputStream out = Files.newOutputStream(dir.resolve("synthetic.geojson"));
             JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            int n = 0;
            for (int row = 0; row < 400; row++) {
                for (int col = 0; col < 500; col++) {
                    String code = String.format("SY%06d", n++);
                    double cx = 112.001 + col * 0.002, cy = 39.501 + row * 0.002;
                    g.writeStartObject();
                    g.writeStringField("type", "Feature");
                    g.writeObjectFieldStart("properties");
                    g.writeStringField("code", code);
                    g.writeStringField("name", "图斑" + n);
                    g.writeStringField("status", status[n % 4]);
                    g.writeNumberField("area_mu", 3.5 + (n % 97) * 0.25);
                    g.writeNumberField("year", 2015 + n % 10);
                    g.writeEndObject();
                    g.writeObjectFieldStart("geometry");
                    g.writeStringField("type", "Polygon");
                    g.writeArrayFieldStart("coordinates");
                    g.writeStartArray();
                    for (int k = 0; k <= 8; k++) {
                        double a = 2 * Math.PI * (k % 8) / 8;
                        double r = 0.0008 * (1 + 0.1 * ((n + k % 8) % 3));
                        g.writeStartArray();
                        g.writeNumber(Math.round((cx + r * Math.cos(a)) * 1e7) / 1e7);
                        g.writeNumber(Math.round((cy + r * Math.sin(a)) * 1e7) / 1e7);
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return dir;
    }
}
