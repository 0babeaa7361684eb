package cn.ecozone.api;

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
 * Plots uploaded for measuring: a GeoJSON FeatureCollection (or Feature) of polygons, or a 国土 boundary-point
 * TXT whose plots become plots with their declared 公顷 converted to 亩. Anything else is a 400.
 */
final class UploadedPlots {
    private UploadedPlots() {}

    static List<Plot> read(byte[] body) {
        if (body == null || body.length == 0) throw ApiProblem.badRequest("没有收到图斑数据 / the request body is empty");
        String text = TextDecoding.decode(body).text().strip();
        List<Plot> plots = BoundaryPointTxtReader.looksLike(text) ? fromTxt(body) : fromGeoJson(body);
        for (Plot p : plots) {
            if (!(p.geometry() instanceof Polygonal)) {
                throw ApiProblem.badRequest("图斑 " + p.id() + " 不是面（" + p.geometry().getGeometryType()
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
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    private static List<Plot> fromGeoJson(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest(JsonSyntax.describe(e));
        } catch (IOException e) {
            throw ApiProblem.badRequest("请求体无法读取 / unreadable body: " + e.getMessage());
        }
        try {
            return new FeatureCollectionReader().read(root, "code", MeasureRoutes.MAX_UPLOADED_PLOTS).stream()
                    .map(f -> new Plot(f.id(), f.geometry(), f.properties())).toList();
        } catch (GeoJsonException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }
}
