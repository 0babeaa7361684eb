package cn.ecozone.layer;

import cn.ecozone.analysis.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 16 item 7: attribute types and verdicts are enums inside, the catalog's and JSON's words outside. */
class AttributeTypeTest {
    @Test
    void theCatalogsWordsParseAtTheBoundaryAndAnUnknownOneIsACatalogError() {
        assertEquals(AttributeType.INTEGER, AttributeType.parse("integer", "year"));
        assertEquals(List.of("string", "integer", "number", "json"), AttributeDef.TYPES);
        CatalogException e = assertThrows(CatalogException.class, () -> AttributeType.parse("Integer", "year"));
        assertTrue(e.getMessage().contains("year") && e.getMessage().contains("Integer"), e.getMessage());
        assertThrows(CatalogException.class, () -> new AttributeDef("x", "date", false, null, null));
        AttributeDef year = new AttributeDef("year", "integer", false, null, null);
        assertEquals(AttributeType.INTEGER, year.type());
        assertEquals(Long.class, year.binding());
        assertEquals(Double.class, new AttributeDef("m", AttributeType.NUMBER, false, null, null).binding());
    }

    @Test
    void jsonAndTextShowTheCatalogsWordAsBefore() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"type\":\"integer\"}", json.writeValueAsString(Map.of("type", AttributeType.INTEGER)));
        assertEquals("应为 number 类型", "应为 " + AttributeType.NUMBER + " 类型");
        assertEquals("string", AttributeType.JSON.schemaType(), "json attributes are described as strings, as before");
        assertEquals("integer", AttributeType.INTEGER.schemaType());
        assertEquals("[\"prohibited\",\"outside\"]", json.writeValueAsString(List.of(Verdict.PROHIBITED, Verdict.OUTSIDE)));
        assertEquals(Verdict.CONDITIONAL, Verdict.of("conditional"));
        assertThrows(IllegalArgumentException.class, () -> Verdict.of("maybe"));
    }
}
