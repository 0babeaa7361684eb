package cn.ecozone.app;

import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.SiteCrs;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputException;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** {@code json}: the site check's result, with the site's own shape when the client needs it and it is small. */
public final class SiteCheckJson implements OutputFormat<SiteCheckUseCase.Outcome> {
    /** Decimals of the echoed shape's degrees when the site came in degrees: 1e-7° ≈ 1.1 cm, as the input's. */
    public static final int DEGREE_DECIMALS = 7;
    /** … and when it came in metres (国土 TXT, GK WKT/GeoJSON, to the millimetre): 1e-9° ≈ 0.1 mm. */
    public static final int PROJECTED_DECIMALS = 9;

    @Override public String name() { return "json"; }

    @Override public String mediaType() { return "application/json"; }

    @Override
    public Rendered render(SiteCheckUseCase.Outcome o, boolean indented) throws IOException {
        Object body = withSiteGeometry(o.result(), o.site(), o.siteGeometry());
        if (!indented) {
            // the compact answer written by hand: Jackson's very bytes (SiteCheckJsonWriterTest) without its bean serialisers
            byte[] bytes = body instanceof WithSiteGeometry w ? (w.result() == null || w.siteGeometry() == null ? null : SiteCheckJsonWriter.write(w.result(), w.siteGeometry()))
                    : body instanceof SiteCheckResult r ? SiteCheckJsonWriter.write(r, null) : null;
            if (bytes != null) return Rendered.of(bytes, "application/json");
        }
        byte[] bytes = indented ? JsonMapping.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body) : JsonMapping.MAPPER.writeValueAsBytes(body);
        return Rendered.of(bytes, "application/json");
    }

    /**
     * Whether the answer carries the site's shape when the client did not say ({@code siteGeometry} not given): not
     * for a GeoJSON geometry or single feature in lon/lat (CRS84, EPSG:4490/4326) — the client holds that shape
     * already and the echo was ¾ of the answer's bytes — but for everything the browser cannot draw itself: a 国土
     * TXT, WKT, GeoJSON in Gauss-Krüger metres, several parcels (the site is their union).
     */
    public static boolean echoByDefault(SiteInput input) {
        return !("geojson".equals(input.format()) && input.parcels().size() == 1 && inDegrees(input));
    }

    /**
     * The JSON answer with the site's own shape ({@code siteGeometry}, GeoJSON lon/lat) so the map draws an uploaded
     * 国土 TXT or WKT plot as it is (the browser cannot read GK coordinates itself): when {@code wanted} is true, or
     * null and {@link #echoByDefault}. Large sites (over {@link SiteCheckUseCase#SMALL_SITE_VERTICES} vertices) leave
     * it out whatever was asked: the map then shows its bounding box. Coordinates are rounded to {@value
     * #DEGREE_DECIMALS} decimals for a site given in degrees, {@value #PROJECTED_DECIMALS} for one given in metres.
     * The result is serialised straight to the output with the shape appended — no intermediate JSON tree (building
     * one cost 0.83 ms of a 2.6 ms 500-vertex check, writing straight 0.23 ms: docs/benchmarks/strongest-baseline.md).
     */
    public static Object withSiteGeometry(SiteCheckResult result, SiteInput input, Boolean wanted) {
        boolean echo = wanted != null ? wanted : echoByDefault(input);
        if (!echo || input.vertexCount() > SiteCheckUseCase.SMALL_SITE_VERTICES) return result;
        StringWriter out = new StringWriter(32 + input.vertexCount() * 28);
        try (JsonGenerator g = JsonMapping.MAPPER.getFactory().createGenerator(out)) {
            GeoJsonGeometryWriter.writeFixed(g, input.geometry(), inDegrees(input) ? DEGREE_DECIMALS : PROJECTED_DECIMALS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WithSiteGeometry(result, out.toString());
    }

    /** The answer with the site's shape whenever it is small (the {@code site-check} process's answer). */
    public static Object withSiteGeometry(SiteCheckResult result, SiteInput input) {
        return withSiteGeometry(result, input, Boolean.TRUE);
    }

    /** Whether the site's coordinates came in degrees (else in GK metres, or unknown). */
    static boolean inDegrees(SiteInput input) {
        if ("txt".equals(input.format()) || input.sourceCrs() == null) return false;
        try {
            return !SiteCrs.parse(input.sourceCrs()).projected();
        } catch (SiteInputException e) {
            return false;
        }
    }

    /** The result's own fields, then {@code siteGeometry} (already GeoJSON text). */
    public record WithSiteGeometry(@JsonUnwrapped SiteCheckResult result, @JsonRawValue String siteGeometry) {}
}
