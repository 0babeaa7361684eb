package cn.ecozone.app;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.SiteInput;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** {@code json}: the site check's result, with the site's own shape when it is small. */
public final class SiteCheckJson implements OutputFormat<SiteCheckUseCase.Outcome> {
    @Override public String name() { return "json"; }

    @Override public String mediaType() { return "application/json"; }

    @Override
    public Rendered render(SiteCheckUseCase.Outcome o, boolean indented) throws IOException {
        Object body = withSiteGeometry(o.result(), o.site());
        byte[] bytes = indented ? JsonMapping.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body) : JsonMapping.MAPPER.writeValueAsBytes(body);
        return Rendered.of(bytes, "application/json");
    }

    /**
     * The JSON answer with the site's own shape ({@code siteGeometry}, GeoJSON lon/lat) when it is small, so the map
     * draws an uploaded 国土 TXT or WKT plot as it is (the browser cannot read GK coordinates itself). Large sites
     * (over {@link SiteCheckUseCase#SMALL_SITE_VERTICES} vertices) leave it out: the map then shows its bounding box.
     */
    public static Object withSiteGeometry(SiteCheckResult result, SiteInput input) {
        if (input.vertexCount() > SiteCheckUseCase.SMALL_SITE_VERTICES) return result;
        ObjectNode node = JsonMapping.MAPPER.valueToTree(result);
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JsonMapping.MAPPER.getFactory().createGenerator(out)) {
                GeoJsonGeometryWriter.write(g, input.geometry());
            }
            node.set("siteGeometry", JsonMapping.MAPPER.readTree(out.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node;
    }
}
