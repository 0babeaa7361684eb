package cn.ecozone.api;

import cn.ecozone.layer.LayerLoader;
import cn.ecozone.testsupport.AccessListWebFixture;
import cn.ecozone.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public disclosure of the 准入清单: a unit's list by dimension (JSON, HTML, 404), the search, the OGC item's link and section. */
class AccessListRoutesTest {
    @TempDir static Path dir;
    static EcoZoneServer server;
    static Http http;

    @BeforeAll
    static void start() {
        AccessListWebFixture.write(dir);
        LayerLoader.Result r = LayerLoader.load(dir.resolve("layers"));
        assertTrue(r.ok(), r::toString);
        server = EcoZoneServer.start(new ServerConfig(0, dir.resolve("layers"), dir.resolve("styles"), Path.of("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded"), r.layers());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aUnitsListComesByDimensionOwnRequirementsFirstThenCountyCityProvince() {
        Http.Response r = http.get("/access-list/units/ZH14021310001");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertTrue(r.header("ETag") != null && r.header("Cache-Control").contains("no-cache"));
        JsonNode b = r.json();
        assertEquals("平城西", b.at("/unit/name").asText());
        assertEquals("平城区", b.at("/unit/county").asText());
        assertEquals("优先保护", b.at("/unit/type").asText());
        List<String> dims = new ArrayList<>();
        b.get("dimensions").forEach(d -> dims.add(d.get("dimensionZh").asText()));
        assertEquals(List.of("空间布局约束", "污染物排放管控", "环境风险防控", "资源利用效率"), dims);
        JsonNode emission = b.at("/dimensions/1/requirements");
        assertEquals("ZH14021310001-E", emission.get(0).get("id").asText());
        assertEquals("单元", emission.get(0).get("level").asText());
        assertEquals("PC-0001", emission.get(1).get("id").asText(), "the county's 总体准入要求 after the unit's own");
        assertEquals("区县", emission.get(1).get("level").asText());
        assertEquals(AccessListWebFixture.COUNTY_TEXT, emission.get(1).get("text").asText());
        assertEquals("平城区", emission.get(1).get("basisIssuer").asText());
        JsonNode risk = b.at("/dimensions/2/requirements/1");
        assertEquals("DT-0001", risk.get("id").asText());
        assertEquals("restricted", risk.get("effect").asText());
        assertEquals("限制", risk.get("effectZh").asText());
        assertEquals("SX-0001", b.at("/dimensions/3/requirements/1/id").asText());
        JsonNode spatial = b.at("/dimensions/0/requirements/0");
        for (String k : List.of("id", "level", "scope", "effect", "effectZh", "industries", "text", "textEn", "basis", "basisIssuer",
                "basisDocument", "basisArticle")) assertTrue(spatial.has(k), k);
        assertEquals("《平城区“十四五”生态环境保护规划》§7", spatial.get("basis").asText());
        // the 云州区 units never get 平城区's county requirement
        String yunzhou = http.get("/access-list/units/ZH14021530002").body();
        assertFalse(yunzhou.contains("PC-0001"));
        assertTrue(yunzhou.contains("DT-0001") && yunzhou.contains("ZH14021530002-B"));
        // revalidation: 304 while unchanged
        assertEquals(304, http.get("/access-list/units/ZH14021310001", "If-None-Match", r.header("ETag")).status());
    }

    @Test
    void theHtmlPageIsAPrintableTablePerDimensionWithEffectBadgesAndBasis() {
        Http.Response r = http.get("/access-list/units/ZH14021530002", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        String h = r.body();
        for (String d : List.of("空间布局约束", "污染物排放管控", "环境风险防控", "资源利用效率", "Spatial layout constraints")) assertTrue(h.contains(d), d);
        assertTrue(h.contains("class=\"effect effect-prohibited\">禁止</span>"), "ban badge");
        assertTrue(h.contains("effect-restricted\">限制") && h.contains("effect-required\">要求"));
        assertTrue(h.contains(AccessListWebFixture.BAN_TEXT) && h.contains("No new coal-gangue dumps in Yunzhou South"));
        assertTrue(h.contains("《云州区“十四五”生态环境保护规划》§7.3"), "basis");
        assertTrue(h.contains("煤炭开采"), "industry by name");
        assertTrue(h.contains("市总体准入要求"));
        assertTrue(h.contains("@media print"));
        assertEquals(200, http.get("/access-list/units/ZH14021530002?f=html").status());
        assertEquals(400, http.get("/access-list/units/ZH14021530002?f=xml").status());
    }

    @Test
    void anUnknownUnitIsA404ProblemInChineseAndEnglish() {
        Http.Response r = http.get("/access-list/units/ZH99999999999");
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        String detail = r.json().get("detail").asText();
        assertTrue(detail.contains("没有编码为") && detail.contains("no control unit"), detail);
        assertTrue(detail.contains("ZH99999999999"));
        assertEquals(404, http.get("/access-list/units/%3Cscript%3E?f=html").status());
    }

    @Test
    void searchFindsRequirementsByTextIdOrBasisWithTheUnitsTheyApplyTo() {
        JsonNode b = http.get("/access-list/search?q=" + enc("煤矸石")).json();
        assertEquals(1, b.get("numberMatched").asInt());
        JsonNode hit = b.at("/requirements/0");
        assertEquals("ZH14021530002-B", hit.get("id").asText());
        assertEquals("ZH14021530002", hit.at("/units/0/code").asText());
        assertEquals("云州南", hit.at("/units/0/name").asText());
        // English, any case
        assertEquals("ZH14021530002-B", http.get("/access-list/search?q=COAL-GANGUE").json().at("/requirements/0/id").asText());
        // a county requirement lists the county's units
        JsonNode county = http.get("/access-list/search?q=" + enc("削减措施")).json().at("/requirements/0");
        assertEquals("PC-0001", county.get("id").asText());
        assertEquals(2, county.get("unitCount").asInt());
        // a zone rule names its zone
        JsonNode zone = http.get("/access-list/search?q=" + enc("水污染防治法")).json().at("/requirements/0");
        assertEquals("WS-1", zone.get("id").asText());
        assertEquals("water_source", zone.at("/zone/collection").asText());
        // limit bounds the answer, numberMatched counts all
        JsonNode limited = http.get("/access-list/search?q=" + enc("执行国家") + "&limit=2").json();
        assertEquals(2, limited.get("numberReturned").asInt());
        assertEquals(12, limited.get("numberMatched").asInt());
        assertEquals(0, http.get("/access-list/search?q=nothing-like-this").json().get("numberMatched").asInt());
    }

    @Test
    void searchRefusesMissingOrOversizedQueriesAndBadLimits() {
        assertEquals(400, http.get("/access-list/search").status());
        assertEquals(400, http.get("/access-list/search?q=%20").status());
        assertEquals(400, http.get("/access-list/search?q=" + "a".repeat(101)).status());
        assertEquals(200, http.get("/access-list/search?q=" + "a".repeat(100)).status());
        assertEquals(400, http.get("/access-list/search?q=a&limit=101").status());
        assertEquals(400, http.get("/access-list/search?q=a&limit=0").status());
        assertEquals(400, http.get("/access-list/search?q=a&limit=x").status());
        assertEquals(400, http.get("/access-list/search?q=a&bogus=1").status());
        Http.Response bad = http.get("/access-list/search?q=" + "a".repeat(101));
        assertTrue(bad.json().get("detail").asText().contains("100"));
    }

    @Test
    void theControlUnitsOgcItemLinksToItsListAndShowsItsRequirements() {
        JsonNode f = http.get("/collections/control_unit/items/ZH14021310001?f=json").json();
        JsonNode described = null;
        for (JsonNode l : f.get("links")) if (l.get("rel").asText().equals("describedby") && l.get("type").asText().equals("application/json")) described = l;
        assertTrue(described != null, f.get("links").toString());
        assertEquals(http.base() + "/access-list/units/ZH14021310001?f=json", described.get("href").asText());
        assertEquals(200, http.get(described.get("href").asText().substring(http.base().length())).status());
        String html = http.get("/collections/control_unit/items/ZH14021310001?f=html").body();
        assertTrue(html.contains("管控要求"), html);
        assertTrue(html.contains("污染物排放管控") && html.contains(AccessListWebFixture.COUNTY_TEXT));
        assertTrue(html.contains("/access-list/units/ZH14021310001?f=html"));
        // other layers have no such link
        String red = http.get("/collections/redline/items/HX-1?f=json").body();
        assertFalse(red.contains("describedby"));
    }
}
