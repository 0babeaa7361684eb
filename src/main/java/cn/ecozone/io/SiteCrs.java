package cn.ecozone.io;

import cn.ecozone.geo.GkZone;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate system an uploaded GeoJSON/WKT site is written in, from the {@code crs} parameter:
 * CRS84 (the default), EPSG:4490 or EPSG:4326 (longitude, latitude), or a CGCS2000 Gauss-Krüger zone
 * (3° EPSG:4513–4554 with or without zone prefix, 6° EPSG:4491–4512; x = easting, y = northing).
 * Accepts {@code EPSG:n}, a bare number, {@code urn:ogc:def:crs:EPSG::n} and the OGC http URIs.
 *
 * @param epsg the EPSG code the coordinates are transformed from (CRS84 and 4326 → 4490: they differ from
 *             CGCS2000 by well under a metre, below the precision of any zoning boundary)
 */
public record SiteCrs(int epsg, String label) {
    public static final SiteCrs CRS84 = new SiteCrs(4490, "CRS84");
    private static final Pattern CODE = Pattern.compile("(?:EPSG[:/](?:0/|:)?)?(\\d{4,5})$");

    public boolean projected() {
        return epsg != 4490;
    }

    public static SiteCrs parse(String crs) {
        if (crs == null || crs.isBlank()) return CRS84;
        String s = crs.trim();
        String u = s.toUpperCase(Locale.ROOT);
        if (u.equals("CRS84") || u.endsWith("/OGC/1.3/CRS84") || u.equals("OGC:CRS84") || u.endsWith("OGC:1.3:CRS84")) return CRS84;
        Matcher m = CODE.matcher(u.replace("URN:OGC:DEF:CRS:", "").replace("HTTP://WWW.OPENGIS.NET/DEF/CRS/", ""));
        if (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (code == 4490 || code == 4326) return new SiteCrs(4490, "EPSG:" + code);
            if (GkZone.ofEpsg(code) != null || (code >= 4491 && code <= 4512)) return new SiteCrs(code, "EPSG:" + code);
        }
        throw new SiteInputException("不支持的坐标系 crs=" + crs + "。可用：CRS84（经度,纬度，默认）、EPSG:4490、EPSG:4326、CGCS2000 高斯-克吕格 3 度带 "
                + "EPSG:4513–4533（Y 带带号）或 EPSG:4534–4554（不带带号）、6 度带 EPSG:4491–4512 / unsupported crs; use CRS84, EPSG:4490 or a "
                + "CGCS2000 Gauss-Krüger zone such as EPSG:4526");
    }

    /**
     * The zone's false-easting range for a GK CRS with zone prefix (zone × 10⁶ … zone × 10⁶ + 10⁶), or the
     * un-prefixed range (0 … 10⁶); used to tell swapped or mislabelled coordinates from good ones.
     */
    boolean plausibleEasting(double x) {
        long prefix = prefix();
        return x > prefix && x < prefix + 1_000_000;
    }

    private long prefix() {
        if (epsg >= 4513 && epsg <= 4533) return (long) (epsg - 4488) * 1_000_000;
        if (epsg >= 4491 && epsg <= 4501) return (long) (epsg - 4478) * 1_000_000;
        return 0;
    }
}
