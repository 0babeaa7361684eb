package cn.ecozone.app;

import cn.ecozone.geo.AreaOfRecord;
import cn.ecozone.geo.EllipsoidalMeasure;
import cn.ecozone.io.GeoJsonGeometryWriter;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteParcel;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code geojson}: the site's parcels as a FeatureCollection (lon/lat, CGCS2000) with their areas and declared areas. */
public final class SiteGeoJson implements OutputFormat<SiteInput> {
    @Override public String name() { return "geojson"; }

    @Override public String mediaType() { return "application/geo+json"; }

    @Override
    public Rendered render(SiteInput site, boolean indented) throws IOException {
        String name = SiteExportUseCase.nameOf(site);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonMapping.MAPPER.getFactory().createGenerator(out)) {
            if (indented) g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", name);
            g.writeArrayFieldStart("features");
            for (SiteParcel p : site.parcels()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", p.name() == null || p.name().isBlank() ? name : p.name());
                double m2 = AreaOfRecord.m2(p.geometry());
                g.writeNumberField("area_m2", m2);
                g.writeNumberField("area_ha", m2 / 10_000);
                if (p.declaredHa() != null) g.writeNumberField("declared_ha", p.declaredHa());
                g.writeEndObject();
                g.writeFieldName("geometry");
                GeoJsonGeometryWriter.write(g, p.geometry());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return Rendered.of(out.toByteArray(), "application/geo+json").attachment("site.geojson", name + ".geojson");
    }
}
