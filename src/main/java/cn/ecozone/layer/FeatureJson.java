package cn.ecozone.layer;

import cn.ecozone.io.GeoJsonGeometryWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A feature of a catalog layer as a GeoJSON Feature tree ({@code id}, lon/lat geometry, attributes in schema
 * order), the form journal lines and history entries store and {@link FeatureBuilder} reads back.
 */
public final class FeatureJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FeatureJson() {}

    public static JsonNode of(SimpleFeature f, LayerDef layer) {
        try (TokenBuffer b = new TokenBuffer(MAPPER, false)) {
            b.writeStartObject();
            b.writeStringField("type", "Feature");
            b.writeStringField("id", f.getID());
            b.writeFieldName("geometry");
            GeoJsonGeometryWriter.write(b, (Geometry) f.getDefaultGeometry());
            b.writeObjectFieldStart("properties");
            for (AttributeDef a : layer.attributes()) {
                Object v = f.getAttribute(a.name());
                if (v == null) continue;
                b.writeFieldName(a.name());
                if (v instanceof JsonNode n) b.writeTree(n);
                else if (v instanceof Long l) b.writeNumber(l);
                else if (v instanceof Double d) b.writeNumber(d);
                else b.writeString(v.toString());
            }
            b.writeEndObject();
            b.writeEndObject();
            return MAPPER.readTree(b.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
