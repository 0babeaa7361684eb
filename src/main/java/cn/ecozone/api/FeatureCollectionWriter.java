package cn.ecozone.api;

import cn.ecozone.api.ogc.Link;
import cn.ecozone.api.ogc.OgcCrs;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.LayerDef;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.geotools.api.feature.simple.SimpleFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Streams GeoJSON features straight to the response with Jackson's generator: one feature in memory at a time,
 * however large the page. Coordinates are written in the requested CRS, axes in its authority order.
 */
public final class FeatureCollectionWriter {
    private final LayerDef layer;
    private final OgcCrs crs;
    private final List<AttributeDef> attributes;
    private final boolean skipGeometry;
    private final double simplifyDeg;

    /** @param properties attribute names to write (null: all) */
    public FeatureCollectionWriter(LayerDef layer, OgcCrs crs, List<String> properties, boolean skipGeometry) {
        this(layer, crs, properties, skipGeometry, 0);
    }

    /** @param simplifyM tolerance in metres for topology-preserving simplification (0: exact geometries) */
    public FeatureCollectionWriter(LayerDef layer, OgcCrs crs, List<String> properties, boolean skipGeometry, double simplifyM) {
        this.layer = layer;
        this.crs = crs;
        this.attributes = properties == null ? layer.attributes()
                : layer.attributes().stream().filter(a -> properties.contains(a.name())).toList();
        this.skipGeometry = skipGeometry;
        // metres to degrees of latitude; longitude degrees are shorter, so the tolerance is at most this in metres
        this.simplifyDeg = simplifyM / 111_320.0;
    }

    /**
     * A FeatureCollection: {@code numberMatched} first, then the features, then {@code numberReturned} and the
     * links, which are computed from how many features were written.
     *
     * @param linksFor links given the number of features returned
     */
    public void writeCollection(OutputStream out, Stream<SimpleFeature> features, long numberMatched,
                                IntFunction<List<Link>> linksFor) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeNumberField("numberMatched", numberMatched);
            // when the answer was made (OGC API – Features Part 1, /req/core/fc-timeStamp)
            g.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            g.writeArrayFieldStart("features");
            int n = 0;
            Iterator<SimpleFeature> it = features.iterator();
            while (it.hasNext()) {
                writeFeatureBody(g, it.next(), null);
                n++;
            }
            g.writeEndArray();
            g.writeNumberField("numberReturned", n);
            writeLinks(g, linksFor.apply(n));
            g.writeEndObject();
        }
    }

    /** One Feature with its own links. */
    public void writeFeature(OutputStream out, SimpleFeature f, List<Link> links) throws IOException {
        try (JsonGenerator g = generator(out)) {
            writeFeatureBody(g, f, links);
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private void writeFeatureBody(JsonGenerator g, SimpleFeature f, List<Link> links) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.getID());
        g.writeFieldName("geometry");
        if (skipGeometry) {
            g.writeNull();
        } else {
            Geometry geometry = (Geometry) f.getDefaultGeometry();
            if (simplifyDeg > 0 && geometry.getDimension() > 0) {
                geometry = TopologyPreservingSimplifier.simplify(geometry, simplifyDeg);
            }
            GeoJsonGeometryWriter.write(g, crs.fromStorage(geometry));
        }
        g.writeObjectFieldStart("properties");
        for (AttributeDef a : attributes) {
            Object v = f.getAttribute(a.name());
            g.writeFieldName(a.name());
            if (v == null) g.writeNull();
            else if (v instanceof Long l) g.writeNumber(l);
            else if (v instanceof Integer i) g.writeNumber(i);
            else if (v instanceof Double d) g.writeNumber(d);
            else if (v instanceof JsonNode j) g.writeTree(j);
            else g.writeString(v.toString());
        }
        g.writeEndObject();
        if (links != null) writeLinks(g, links);
        g.writeEndObject();
    }

    private static void writeLinks(JsonGenerator g, List<Link> links) throws IOException {
        g.writeArrayFieldStart("links");
        for (Link l : links) {
            g.writeStartObject();
            g.writeStringField("href", l.href());
            g.writeStringField("rel", l.rel());
            if (l.type() != null) g.writeStringField("type", l.type());
            if (l.title() != null) g.writeStringField("title", l.title());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public LayerDef layer() {
        return layer;
    }
}
