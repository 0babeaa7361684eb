package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.OgcFixtureLayers;
import cn.ecozone.testsupport.SourceFeatures;
import com.fasterxml.jackson.databind.JsonNode;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OGC API – Features Part 2 (crs): the CRS list of each collection, {@code crs} and {@code bbox-crs} with the
 * authority's axis order (EPSG:4490/4326 latitude first, CRS84 longitude first, Gauss-Krüger northing first),
 * the {@code Content-Crs} header, and round trips through the Gauss-Krüger zones of the data (37 and 38).
 */
class OgcPart2CrsTest {
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(OgcFixtureLayers.write(dir)).layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(String path) {
        Http.Response r = http.get(path);
        assertEquals(200, r.status(), () -> path + ": " + r.body());
        return r.json();
    }

    /** Independent transform: GeoTools in authority axis order (no forceXY), from EPSG:4490 (lat, lon). */
    private static double[] authority(int epsg, double lon, double lat) throws Exception {
        MathTransform t = CRS.findMathTransform(CRS.decode("EPSG:4490"), CRS.decode("EPSG:" + epsg), true);
        double[] out = new double[2];
        t.transform(new double[] {lat, lon}, 0, out, 0, 1);
        return out;
    }

    @Test
    void collectionsListCrs84Cgcs2000Wgs84AndTheGaussKrugerZonesOfTheirData() {
        JsonNode units = json("/collections/control_unit");
        List<String> crs = new ArrayList<>();
        units.get("crs").forEach(c -> crs.add(c.asText()));
        assertEquals(List.of(CRS84, EPSG + 4490, EPSG + 4326, EPSG + 4525, EPSG + 4526, EPSG + 4546, EPSG + 4547), crs,
                "112.1–112.9°E spans zones 37 and 38, each with and without zone prefix");
        assertEquals(EPSG + 4490, units.get("storageCrs").asText());
    }

    @Test
    void defaultOutputIsCrs84LongitudeFirst() {
        Http.Response r = http.get("/collections/monitoring/items?limit=1");
        assertEquals("<" + CRS84 + ">", r.header("Content-Crs"));
        SourceFeatures.Source src = SourceFeatures.read(dir, "monitoring").get(0);
        assertEquals(src.geometry(), r.json().at("/features/0/geometry"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4490, 4326})
    void geographicEpsgCrsPutLatitudeFirst(int epsg) {
        Http.Response r = http.get("/collections/monitoring/items/JC005?crs=" + EPSG + epsg);
        assertEquals(200, r.status(), r.body());
        assertEquals("<" + EPSG + epsg + ">", r.header("Content-Crs"));
        JsonNode src = SourceFeatures.read(dir, "monitoring").stream().filter(f -> f.id().equals("JC005")).findFirst().orElseThrow().geometry();
        JsonNode got = r.json().at("/geometry/coordinates");
        assertEquals(src.at("/coordinates/1").asDouble(), got.get(0).asDouble(), 1e-12, "latitude first");
        assertEquals(src.at("/coordinates/0").asDouble(), got.get(1).asDouble(), 1e-12);
    }

    // a GK zone: northing first, the easting with (4525/4526) or without (4546/4547) the zone prefix
    @ParameterizedTest
    @CsvSource({"4526, 38", "4547, 0", "4525, 37", "4546, 0"})
    void gaussKrugerOutputIsNorthingEastingAsEpsgDefines(int epsg, int zonePrefix) throws Exception {
        for (SourceFeatures.Source src : SourceFeatures.read(dir, "monitoring")) {
            Http.Response r = http.get("/collections/monitoring/items/" + src.id() + "?crs=" + EPSG + epsg);
            assertEquals("<" + EPSG + epsg + ">", r.header("Content-Crs"));
            JsonNode got = r.json().at("/geometry/coordinates");
            double[] expected = authority(epsg, src.geometry().at("/coordinates/0").asDouble(), src.geometry().at("/coordinates/1").asDouble());
            assertEquals(expected[0], got.get(0).asDouble(), 1e-6, "northing");
            assertEquals(expected[1], got.get(1).asDouble(), 1e-6, "easting");
            assertTrue(got.get(0).asDouble() > 4_300_000 && got.get(0).asDouble() < 4_500_000, "northing of 39.6–40.3°N");
            assertEquals(zonePrefix, (int) (got.get(1).asDouble() / 1_000_000), "zone prefix of the easting");
            assertFalse(r.body().contains("E7"), "plain decimals, no exponent: " + r.body());
        }
    }

    @Test
    void featuresFetchedInAZoneComeBackToTheSourceCoordinates() throws Exception {
        // round trip: read a unit in zone 38 (northing, easting), transform back independently, compare with the file
        SourceFeatures.Source src = SourceFeatures.read(dir, "control_unit").get(30);
        JsonNode ring = http.get("/collections/control_unit/items/" + src.id() + "?crs=" + EPSG + 4526).json().at("/geometry/coordinates/0");
        MathTransform back = CRS.findMathTransform(CRS.decode("EPSG:4526"), CRS.decode("EPSG:4490"), true);
        JsonNode srcRing = src.geometry().at("/coordinates/0");
        assertEquals(srcRing.size(), ring.size());
        for (int i = 0; i < ring.size(); i++) {
            double[] latLon = new double[2];
            back.transform(new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()}, 0, latLon, 0, 1);
            assertEquals(srcRing.get(i).get(0).asDouble(), latLon[1], 1e-9);
            assertEquals(srcRing.get(i).get(1).asDouble(), latLon[0], 1e-9);
        }
    }

    @Test
    void bboxCrsInLatitudeFirstOrderSelectsWhatTheCrs84BboxSelects() {
        JsonNode lonLat = json("/collections/control_unit/items?limit=100&bbox=112.25,39.75,112.45,39.95");
        JsonNode latLon = json("/collections/control_unit/items?limit=100&bbox=39.75,112.25,39.95,112.45&bbox-crs=" + EPSG + 4490);
        assertEquals(ids(lonLat), ids(latLon));
        assertEquals(9, ids(lonLat).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {4526, 4547, 4525})
    void bboxInAGaussKrugerZoneFindsTheUnitsAroundIt(int epsg) throws Exception {
        // a 200 m box (northing, easting order) around the centre of one unit selects that unit only
        SourceFeatures.Source unit = SourceFeatures.read(dir, "control_unit").get(27);
        double[] b = unit.bbox();
        double[] ne = authority(epsg, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
        String bbox = (ne[0] - 100) + "," + (ne[1] - 100) + "," + (ne[0] + 100) + "," + (ne[1] + 100);
        JsonNode page = json("/collections/control_unit/items?bbox=" + bbox + "&bbox-crs=" + EPSG + epsg + "&crs=" + EPSG + epsg);
        assertEquals(List.of(unit.id()), ids(page));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "crs=EPSG:4490; crs", "crs=" + EPSG + "4527; 4527", "crs=" + EPSG + "3857; 3857", "crs=http://example.com/crs; crs",
            "bbox=1,2,3,4&bbox-crs=" + EPSG + "9999; bbox-crs", "bbox=40,112,40.1,112.1&bbox-crs=" + EPSG + "4490x; bbox-crs"})
    void unsupportedCrsIsABadRequest(String query, String mentioned) {
        Http.Response r = http.get("/collections/control_unit/items?" + query);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("detail").asText().contains(mentioned), r.body());
        assertTrue(r.json().get("detail").asText().contains(CRS84), "names the supported CRSs");
    }

    @Test
    void latitudeFirstBboxOutOfRangeIsABadRequest() {
        // a lon/lat bbox sent as if bbox-crs were lat/lon: 112 is not a latitude
        Http.Response r = http.get("/collections/control_unit/items?bbox=112.25,39.75,112.45,39.95&bbox-crs=" + EPSG + 4490);
        assertEquals(400, r.status());
        assertTrue(r.json().get("detail").asText().contains("latitude first"), r.body());
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("features").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }
}
