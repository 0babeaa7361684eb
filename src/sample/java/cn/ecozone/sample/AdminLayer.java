package cn.ecozone.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/** Features of the admin (行政区) layer. */
final class AdminLayer {
    private AdminLayer() {}

    static Feature feature(District d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", d.code());
        p.put("name", d.name());
        p.put("city", d.city());
        p.put("area_km2", Math.round(Geo.area(d.geometry()) / 1e4) / 100.0);
        return new Feature(d.code(), p, d.geometry());
    }
}
