package cn.ecozone.app;

import cn.ecozone.analysis.Plot;
import cn.ecozone.geo.AreaUnits;
import cn.ecozone.io.BoundaryPointTxtReader;
import cn.ecozone.io.FeatureCollectionReader;
import cn.ecozone.io.GeoJsonException;
import cn.ecozone.io.JsonSyntax;
import cn.ecozone.io.SiteInputException;
import cn.ecozone.io.SiteParcel;
import cn.ecozone.io.TextDecoding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Polygonal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plots to measure, from a GeoJSON FeatureCollection (or Feature) of polygons, or from a 国土 boundary-point TXT whose
 * plots become plots named by the file, with their declared 公顷 converted to 亩 ({@code declared_mu}). Told apart
 * by content, so an HTTP body and a file on disk read the same. Anything else is {@link UseCaseException.Kind#BAD_INPUT}.
 */
public final class PlotsReader {
    private PlotsReader() {}

    /** @param maxPlots most features a GeoJSON may hold */
    public static List<Plot> read(Upload upload, int maxPlots) {
        byte[] body = upload.bytes();
        if (body.length == 0) throw UseCaseException.badInput("没有收到图斑数据 / the plots are empty");
        String text = TextDecoding.decode(body).text().strip();
        List<Plot> plots = BoundaryPointTxtReader.looksLike(text) ? fromTxt(body) : fromGeoJson(body, maxPlots);
        for (Plot p : plots) {
            if (!(p.geometry() instanceof Polygonal)) {
                throw UseCaseException.badInput("图斑 " + p.id() + " 不是面（" + p.geometry().getGeometryType()
                        + "），无法量算面积 / plot is not a polygon");
            }
        }
        return plots;
    }

    private static List<Plot> fromTxt(byte[] body) {
        try {
            List<Plot> plots = new ArrayList<>();
            for (SiteParcel parcel : BoundaryPointTxtReader.read(body).plots()) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("name", parcel.name());
                if (parcel.declaredHa() != null) attributes.put("declared_mu", AreaUnits.toMu(AreaUnits.haToM2(parcel.declaredHa())));
                plots.add(new Plot(parcel.name(), parcel.geometry(), attributes));
            }
            return plots;
        } catch (SiteInputException e) {
            throw new UseCaseException(UseCaseException.Kind.BAD_INPUT, e.getMessage(), e);
        }
    }

    private static List<Plot> fromGeoJson(byte[] body, int maxPlots) {
        JsonNode root;
        try {
            root = JsonMapping.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw UseCaseException.badInput(JsonSyntax.describe(e));
        } catch (IOException e) {
            throw UseCaseException.badInput("图斑数据无法读取 / unreadable plots: " + e.getMessage());
        }
        try {
            return new FeatureCollectionReader().read(root, "code", maxPlots).stream()
                    .map(f -> new Plot(f.id(), f.geometry(), f.properties())).toList();
        } catch (GeoJsonException e) {
            throw new UseCaseException(UseCaseException.Kind.BAD_INPUT, e.getMessage(), e);
        }
    }
}
