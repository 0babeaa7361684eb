package cn.ecozone.app;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site-check JSON written straight to the output is the same document as the result's tree with the site's shape
 * added (how the answer was built before), field for field and in the same order.
 */
class SiteCheckJsonTest {
    @TempDir Path dir;

    @Test
    void theStraightAnswerIsTheResultsTreeWithTheSiteShapeAppended() throws Exception {
        SiteFixtureLayers.write(dir);
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), r.problems().toString());
        LayerSet layers = r.layers();
        AccessList list = AccessListJson.read(dir.resolve("access-list.json"));
        SiteInput farm = new SiteInputReader().read(SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK")), null, "光伏电站");
        SiteCheckResult result = new SiteCheck(layers, list).run(farm, "pv", SiteCheck.DEFAULT_NEARBY_M);

        ObjectNode expected = JsonMapping.MAPPER.valueToTree(result);
        StringWriter shape = new StringWriter();
        try (JsonGenerator g = JsonMapping.MAPPER.getFactory().createGenerator(shape)) {
            // a 国土 TXT in GK metres: its shape in degrees to 9 decimals (0.1 mm)
            GeoJsonGeometryWriter.writeFixed(g, farm.geometry(), SiteCheckJson.PROJECTED_DECIMALS);
        }
        expected.set("siteGeometry", JsonMapping.MAPPER.readTree(shape.toString()));

        String written = JsonMapping.MAPPER.writeValueAsString(SiteCheckJson.withSiteGeometry(result, farm));
        JsonNode actual = JsonMapping.MAPPER.readTree(written);
        assertEquals(expected, actual);
        assertEquals(JsonMapping.MAPPER.writeValueAsString(expected), written, "same fields in the same order");
        assertFalse(actual.get("hits").isEmpty(), "a result with content");
        // the echoed coordinates are the site's, to half the last decimal
        Coordinate[] cs = farm.geometry().getCoordinates();
        List<Double> echoed = new ArrayList<>();
        numbers(actual.get("siteGeometry").get("coordinates"), echoed);
        assertEquals(2 * cs.length, echoed.size());
        for (int i = 0; i < cs.length; i++) {
            assertEquals(cs[i].x, echoed.get(2 * i), 0.5e-9 + 1e-13);
            assertEquals(cs[i].y, echoed.get(2 * i + 1), 0.5e-9 + 1e-13);
        }
    }

    private static void numbers(JsonNode n, List<Double> out) {
        if (n.isNumber()) out.add(n.asDouble());
        else n.forEach(c -> numbers(c, out));
    }
}
