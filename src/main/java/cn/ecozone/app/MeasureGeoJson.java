package cn.ecozone.app;

import cn.ecozone.analysis.Plot;
import cn.ecozone.analysis.PlotMeasure;
import cn.ecozone.analysis.PlotReport;
import cn.ecozone.io.GeoJsonGeometryWriter;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** {@code geojson}: the plots with their measures as properties (areas m²/公顷/亩, perimeter m), lon/lat. */
public final class MeasureGeoJson implements OutputFormat<MeasureUseCase.Measurement> {
    @Override public String name() { return "geojson"; }

    @Override public String mediaType() { return "application/geo+json"; }

    @Override
    public Rendered render(MeasureUseCase.Measurement m, boolean indented) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonMapping.MAPPER.getFactory().createGenerator(out)) {
            if (indented) g.useDefaultPrettyPrinter();
            write(g, m.report(), m.plots());
        }
        return Rendered.of(out.toByteArray(), "application/geo+json");
    }

    private static void write(JsonGenerator g, PlotReport report, List<Plot> plots) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
        for (int i = 0; i < plots.size(); i++) {
            PlotMeasure m = report.plots().get(i);
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", m.id());
            g.writeFieldName("geometry");
            GeoJsonGeometryWriter.write(g, plots.get(i).geometry());
            g.writeObjectFieldStart("properties");
            for (var a : m.attributes().entrySet()) {
                g.writeFieldName(a.getKey());
                JsonMapping.MAPPER.writeValue(g, a.getValue());
            }
            g.writeNumberField("area_m2", m.area().m2());
            g.writeNumberField("area_ha", m.area().ha());
            g.writeNumberField("area_mu", m.area().mu());
            if (m.gkZone() != null) {
                g.writeNumberField("gk_zone", m.gkZone());
                g.writeNumberField("gk_area_m2", m.gkArea().m2());
            }
            g.writeNumberField("perimeter_m", m.perimeterM());
            if (m.differenceMu() != null) g.writeNumberField("difference_mu", m.differenceMu());
            if (m.differencePct() != null) g.writeNumberField("difference_pct", m.differencePct());
            g.writeBooleanField("declared_mismatch", m.declaredMismatch());
            g.writeBooleanField("valid", m.valid());
            if (m.problem() != null) g.writeStringField("problem", m.problem());
            g.writeNumberField("slivers", m.slivers().size());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
