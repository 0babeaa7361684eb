package cn.ecozone.api;

import cn.ecozone.io.GeoJsonGeometryReader;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SampleServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Items simplified by a tolerance in metres, for drawing large layers at small scales: fewer vertices, still valid. */
class SimplifyTest {
    static SampleServer sample;
    static Http http;

    @BeforeAll
    static void start() {
        sample = SampleServer.start();
        http = sample.http();
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    @Test
    void aToleranceDropsInvisibleDetailButKeepsEveryFeatureValidAndNearby() {
        JsonNode exact = http.get("/collections/control_unit/items?limit=1000").json().get("features");
        JsonNode coarse = http.get("/collections/control_unit/items?limit=1000&simplify=500").json().get("features");
        assertEquals(exact.size(), coarse.size());
        int exactVertices = 0, coarseVertices = 0;
        GeoJsonGeometryReader reader = new GeoJsonGeometryReader();
        for (int i = 0; i < exact.size(); i++) {
            assertEquals(exact.get(i).get("id"), coarse.get(i).get("id"));
            Geometry a = reader.read(exact.get(i).get("geometry")), b = reader.read(coarse.get(i).get("geometry"));
            exactVertices += a.getNumPoints();
            coarseVertices += b.getNumPoints();
            assertTrue(b.isValid(), "still valid: " + exact.get(i).get("id"));
            // within the tolerance: 500 m ≈ 0.0045° of latitude
            assertTrue(a.getBoundary().buffer(0.0046).covers(b.getBoundary()), "moved more than the tolerance: " + exact.get(i).get("id"));
        }
        assertTrue(coarseVertices < exactVertices * 0.8, exactVertices + " → " + coarseVertices);
    }

    @Test
    void aBadToleranceIsA400() {
        assertEquals(400, http.get("/collections/control_unit/items?simplify=-1").status());
        assertEquals(400, http.get("/collections/control_unit/items?simplify=abc").status());
        assertEquals(400, http.get("/collections/control_unit/items?simplify=1e9").status());
    }
}
