package cn.ecozone.cli;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.BoundaryPointTxt;
import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MeasureCommandTest {
    @TempDir Path dir;

    @Test
    void measuresACollectionAsCsvWithBom() {
        RestorationFixture.write(dir);
        CliTest.Run r = CliTest.run("measure", "--collection", "restoration", "--format", "csv", "--layers", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("\uFEFF图斑编号,"), r.out());
        assertTrue(r.out().contains("天马泰山"));
        assertTrue(r.err().contains("5 个图斑"), r.err());
    }

    @Test
    void measuresAFileGroupedByAnAttributeAsJson() throws Exception {
        RestorationFixture.write(dir);
        Path file = dir.resolve("plots.geojson");
        FixtureLayers.put(dir, "plots.geojson", FixtureLayers.collection(
                RestorationFixture.plot("A", "甲矿", "已修复", 2020, 10.0, 113.31, 40.01, 113.311, 40.011) + ","
                        + RestorationFixture.plot("B", "甲矿", "待修复", 2021, 10.0, 113.32, 40.01, 113.321, 40.011)));
        CliTest.Run r = CliTest.run("measure", file.toString(), "--group-by", "status", "--layers", dir.toString());
        assertEquals(0, r.code(), r.err());
        var json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.get("groups").size());
        assertEquals(0.5, json.at("/progress/0/restoredShare").asDouble(), 0.01);
    }

    @Test
    void unknownGroupAttributeAndMissingInputAreUsageErrors() {
        RestorationFixture.write(dir);
        assertEquals(2, CliTest.run("measure", "--collection", "restoration", "--group-by", "nope", "--layers", dir.toString()).code());
        assertEquals(2, CliTest.run("measure").code());
        assertTrue(CliTest.run("measure", "--help").out().contains("--group-by"));
    }

    /**
     * Issue 16 item 3: the command line reads a 国土 boundary-point TXT for measuring, as {@code POST /analysis/measure}
     * does — the same plots, the same areas, the same CSV, through the same use case.
     */
    @Test
    void measuresABoundaryPointTxtWithTheAreasOfThePostRoute() throws Exception {
        RestorationFixture.write(dir);
        double[] a = BoundaryPointTxt.rect(113.365, 40.075, 113.3745, 40.0795);
        double[] b = BoundaryPointTxt.rect(113.40, 40.05, 113.405, 40.054);
        double haA = EllipsoidalMeasure.area(ring(a)) / 10_000, haB = EllipsoidalMeasure.area(ring(b)) / 10_000;
        byte[] txt = new BoundaryPointTxt().plot("修复区一", Math.round(haA * 10_000) / 10_000.0, a).plot("修复区二", haB + 1, b).text()
                .getBytes(Charset.forName("GBK"));
        Path file = Files.write(dir.resolve("plots.txt"), txt);

        CliTest.Run csv = CliTest.run("measure", file.toString(), "--format", "csv", "--layers", dir.toString());
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.err().contains("2 个图斑"), csv.err());
        List<String> lines = csv.out().substring(1).lines().toList();
        assertEquals(3, lines.size(), csv.out());
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("图斑编号"), m2 = header.indexOf("面积(平方米)"), ha = header.indexOf("面积(公顷)"), mismatch = header.indexOf("超差");
        assertTrue(id >= 0 && m2 >= 0 && ha >= 0 && mismatch >= 0, header.toString());

        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(dir).layers())) {
            Http http = new Http(server.port());
            HttpResponse<String> posted = HttpClient.newHttpClient().send(http.request("/analysis/measure").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(txt)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, posted.statusCode(), posted.body());
            JsonNode plots = new ObjectMapper().readTree(posted.body()).get("plots");
            assertEquals(2, plots.size());
            for (int i = 0; i < 2; i++) {
                String[] row = lines.get(i + 1).split(",");
                assertEquals(plots.get(i).get("id").asText(), row[id]);
                assertEquals(plots.get(i).at("/area/m2").asDouble(), Double.parseDouble(row[m2]), 0.005, "row " + i);
                assertEquals(plots.get(i).at("/area/ha").asDouble(), Double.parseDouble(row[ha]), 0.00005, "row " + i);
            }
            // an oracle of its own: the rectangles' ellipsoidal areas, and the second plot declared 1 公顷 too many
            assertEquals(haA, Double.parseDouble(lines.get(1).split(",")[ha]), 0.0001);
            assertEquals(haB, Double.parseDouble(lines.get(2).split(",")[ha]), 0.0001);
            assertEquals("否", lines.get(1).split(",")[mismatch]);
            assertEquals("是", lines.get(2).split(",")[mismatch]);
            // and the route's own CSV (f=csv) is the command's, byte for byte
            HttpResponse<byte[]> routeCsv = HttpClient.newHttpClient().send(http.request("/analysis/measure?f=csv").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(txt)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, routeCsv.statusCode());
            assertEquals(csv.out(), new String(routeCsv.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFileThatIsNeitherGeoJsonNorTxtIsABadInputAndAnUnknownFormatAUsageError() throws Exception {
        RestorationFixture.write(dir);
        Path junk = Files.writeString(dir.resolve("junk.txt"), "这不是图斑");
        CliTest.Run r = CliTest.run("measure", junk.toString(), "--layers", dir.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("junk.txt"), r.err());
        assertEquals(2, CliTest.run("measure", junk.toString(), "--format", "xls", "--layers", dir.toString()).code());
        assertEquals(2, CliTest.run("measure", junk.toString(), "--threshold", "120", "--layers", dir.toString()).code());
    }

    private static Geometry ring(double[] lonLat) {
        Coordinate[] cs = new Coordinate[lonLat.length / 2 + 1];
        for (int k = 0; k < lonLat.length / 2; k++) cs[k] = new Coordinate(lonLat[2 * k], lonLat[2 * k + 1]);
        cs[cs.length - 1] = cs[0];
        return new GeometryFactory().createPolygon(cs);
    }
}
