package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** POST /analysis/site-export: a drawn site written back as 国土 TXT and GeoJSON. */
class SiteExportRoutesTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    /** A drawn site of about 50 ha with a concave corner, as the map sends it. */
    static final String SITE = "{\"type\":\"Polygon\",\"coordinates\":[[[113.3612,40.0731],[113.3705,40.0742],[113.3731,40.0788],"
            + "[113.3668,40.0779],[113.3660,40.0815],[113.3601,40.0799],[113.3612,40.0731]]]}";

    @BeforeAll
    static void start() {
        server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(RestorationFixture.write(dir)).layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String q(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aDrawnSiteExportsAsGkTxtThatReReadsToTheSameArea() {
        Http.Response geo = http.post("/analysis/site-export?format=geojson&name=" + q("新建厂区"), "application/json", SITE);
        assertEquals(200, geo.status(), geo.body());
        assertTrue(geo.contentType().startsWith("application/geo+json"), geo.contentType());
        JsonNode f = geo.json().at("/features/0");
        assertEquals("Polygon", f.at("/geometry/type").asText());
        double m2 = f.at("/properties/area_m2").asDouble();
        assertTrue(m2 > 300_000 && m2 < 700_000, "area " + m2);

        Http.Response txt = http.post("/analysis/site-export?format=txt&name=" + q("新建厂区"), "application/json", SITE);
        assertEquals(200, txt.status(), txt.body());
        assertTrue(txt.contentType().startsWith("text/plain"), txt.contentType());
        String cd = txt.header("Content-Disposition");
        assertEquals("新建厂区-界址点.txt", URLDecoder.decode(cd.substring(cd.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8));
        String text = txt.body();
        assertTrue(text.contains("坐标系=2000国家大地坐标系") && text.contains("带号=38"), text);
        List<String> points = text.lines().filter(l -> l.startsWith("J")).toList();
        assertEquals(7, points.size(), "six vertices and the closing one");
        Matcher m = Pattern.compile("J\\d+,1,(\\d+)\\.\\d+,(\\d+)\\.\\d+").matcher(points.get(0));
        assertTrue(m.matches(), points.get(0));
        assertEquals(7, m.group(1).length(), "X north: 7 integer digits");
        assertEquals(8, m.group(2).length(), "Y east: 8 digits with the zone prefix");
        assertTrue(m.group(2).startsWith("38"));
        assertEquals(points.get(0).split(",", 2)[0], points.get(6).split(",", 2)[0], "the ring closes on its first point");

        // the TXT read back (as a surveyor's upload) measures the same
        Http.Response back = http.post("/analysis/site-export?format=geojson", "text/plain", text);
        assertEquals(200, back.status(), back.body());
        assertEquals(m2, back.json().at("/features/0/properties/area_m2").asDouble(), 0.01);
        assertEquals("新建厂区", back.json().at("/features/0/properties/name").asText());
        JsonNode check = http.post("/analysis/site-check?f=json", "text/plain", text).json();
        assertEquals(m2, check.at("/site/areaM2").asDouble(), 0.01);
    }

    @Test
    void fNamesTheFormatAsOnEveryAnalysisRoute() {
        Http.Response txt = http.post("/analysis/site-export?f=txt", "application/json", SITE);
        assertEquals(200, txt.status(), txt.body());
        assertTrue(txt.contentType().startsWith("text/plain"), txt.contentType());
        assertEquals(txt.body(), http.post("/analysis/site-export?format=txt", "application/json", SITE).body());
        Http.Response geo = http.post("/analysis/site-export", "application/json", SITE);
        assertTrue(geo.contentType().startsWith("application/geo+json"), "geojson by default: " + geo.contentType());
    }

    @Test
    void badFormatsAndSitesAre400() {
        assertEquals(400, http.post("/analysis/site-export?format=kml", "application/json", SITE).status());
        assertEquals(400, http.post("/analysis/site-export?f=txt&format=geojson", "application/json", SITE).status(), "f and its alias disagree");
        assertEquals(400, http.post("/analysis/site-export?format=txt", "application/json", "{\"type\":\"Point\",\"coordinates\":[113,40]}").status());
    }
}
