package cn.ecozone.hardening;

import cn.ecozone.api.CorsPolicy;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security headers on every answer, CSP on HTML, CORS open for reads and closed for writes by default. */
class SecurityHeadersTest {
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
    void htmlPagesCarryAContentSecurityPolicyAndNoSniffing() {
        for (String path : new String[]{"/", "/map/", "/collections?f=html"}) {
            Http.Response r = http.get(path, "Accept", "text/html");
            assertEquals(200, r.status(), path);
            assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("SAMEORIGIN", r.header("X-Frame-Options"), path);
        }
        assertEquals("nosniff", http.get("/health").header("X-Content-Type-Options"));
    }

    @Test
    void anotherSiteMayReadButNotEditByDefault() {
        Http.Response read = http.get("/collections/redline/items", "Origin", "https://other.example");
        assertEquals("*", read.header("Access-Control-Allow-Origin"));
        Http.Response preflight = http.send("OPTIONS", "/collections/restoration/items/XR-BXY-02", null, null,
                "Origin", "https://other.example", "Access-Control-Request-Method", "PUT");
        assertEquals(204, preflight.status());
        assertNull(preflight.header("Access-Control-Allow-Origin"), "writes are closed to other origins");
        Http.Response analysis = http.send("OPTIONS", "/analysis/site-check", null, null,
                "Origin", "https://other.example", "Access-Control-Request-Method", "POST");
        assertEquals("*", analysis.header("Access-Control-Allow-Origin"), "analyses change nothing: open like reads");
    }

    @Test
    void writeOriginsAreConfiguration() {
        CorsPolicy p = new CorsPolicy(Set.of("https://gis.datong.example"), Set.of("https://gis.datong.example"));
        assertEquals("https://gis.datong.example", p.allow("https://gis.datong.example", "PUT", "/collections/restoration/items/A"));
        assertNull(p.allow("https://evil.example", "PUT", "/collections/restoration/items/A"));
        assertNull(p.allow("https://evil.example", "POST", "/admin/reload"));
        assertFalse(CorsPolicy.isWrite("POST", "/analysis/site-check"));
        assertTrue(CorsPolicy.isWrite("POST", "/collections/restoration/items"));
    }
}
