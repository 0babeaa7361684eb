package cn.ecozone.api.ogc;

import cn.ecozone.geo.GkZone;
import cn.ecozone.geo.Transforms;
import org.geotools.api.referencing.FactoryException;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system of OGC API – Features Part 2, named by its URI. Coordinates in and out follow
 * the authority's axis order: CRS84 is longitude/latitude; EPSG:4490 and EPSG:4326 are latitude/longitude;
 * the CGCS2000 Gauss-Krüger zones are northing/easting (as the EPSG database defines them; checked with
 * GeoTools {@code CRS.getAxisOrder} on the code decoded without forceXY). Storage is EPSG:4490 lon/lat.
 * CGCS2000 and WGS 84 differ by centimetres, below the precision of the zoning data, so CRS84, EPSG:4326 and
 * EPSG:4490 share coordinates and differ only in axis order.
 *
 * @param uri the OGC URI clients send and receive
 * @param epsg the EPSG code coordinates are transformed to (4490 for the three geographic CRSs)
 * @param northFirst whether the authority puts northing/latitude first
 */
public record OgcCrs(String uri, int epsg, boolean northFirst) {
    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";
    public static final OgcCrs CRS84 = new OgcCrs(CRS84_URI, 4490, false);
    public static final int STORAGE_EPSG = 4490;
    public static final String STORAGE_URI = EPSG_PREFIX + STORAGE_EPSG;

    private static final Pattern EPSG_URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/EPSG/0/(\\d{4,5})");
    private static final Map<Integer, Boolean> NORTH_FIRST = new ConcurrentHashMap<>();

    /** The CRS for a URI (CRS84 or an EPSG URI), or null when it is not one we could serve. */
    public static OgcCrs parse(String uri) {
        if (uri == null) return null;
        String u = uri.trim();
        if (u.equals(CRS84_URI) || u.equals(CRS84_URI.replace("http:", "https:"))) return CRS84;
        Matcher m = EPSG_URI.matcher(u);
        if (!m.matches()) return null;
        int code = Integer.parseInt(m.group(1));
        if (code != 4490 && code != 4326 && GkZone.ofEpsg(code) == null) return null;
        return of(code);
    }

    public static OgcCrs of(int epsg) {
        boolean geographic = epsg == 4490 || epsg == 4326;
        return new OgcCrs(EPSG_PREFIX + epsg, geographic ? STORAGE_EPSG : epsg, northFirstByAuthority(epsg));
    }

    /** CRS84, EPSG:4490, EPSG:4326 and both Gauss-Krüger codes (with and without zone prefix) of every zone the extent spans. */
    public static List<OgcCrs> forExtent(Envelope lonLat) {
        List<OgcCrs> list = new ArrayList<>(List.of(CRS84, of(4490), of(4326)));
        if (lonLat != null && !lonLat.isNull()) {
            int west = GkZone.ofLongitude(lonLat.getMinX()).number();
            int east = GkZone.ofLongitude(lonLat.getMaxX()).number();
            for (int z = west; z <= east; z++) list.add(of(new GkZone(z).epsgWithPrefix()));
            for (int z = west; z <= east; z++) list.add(of(new GkZone(z).epsgWithoutPrefix()));
        }
        return list;
    }

    public boolean isProjected() {
        return epsg != STORAGE_EPSG;
    }

    /** A stored geometry (EPSG:4490 lon/lat) in this CRS, axes in authority order. The input is not modified. */
    public Geometry fromStorage(Geometry lonLat) {
        Geometry g = isProjected() ? Transforms.apply(lonLat, STORAGE_EPSG, epsg) : lonLat;
        if (!northFirst) return g;
        return swapped(g == lonLat ? g.copy() : g);
    }

    /** A geometry given in this CRS (authority axis order) as EPSG:4490 lon/lat. */
    public Geometry toStorage(Geometry g) {
        Geometry xy = northFirst ? swapped(g.copy()) : g;
        Geometry out = isProjected() ? Transforms.apply(xy, epsg, STORAGE_EPSG) : xy;
        out.setSRID(STORAGE_EPSG);
        return out;
    }

    private static Geometry swapped(Geometry g) {
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                seq.setOrdinate(i, 0, seq.getY(i));
                seq.setOrdinate(i, 1, x);
            }

            @Override public boolean isDone() { return false; }

            @Override public boolean isGeometryChanged() { return true; }
        });
        return g;
    }

    private static boolean northFirstByAuthority(int epsg) {
        return NORTH_FIRST.computeIfAbsent(epsg, code -> {
            try {
                return CRS.getAxisOrder(CRS.decode("EPSG:" + code, false)) == CRS.AxisOrder.NORTH_EAST;
            } catch (FactoryException e) {
                throw new IllegalArgumentException("未知的坐标系 / unknown CRS EPSG:" + code, e);
            }
        });
    }
}
