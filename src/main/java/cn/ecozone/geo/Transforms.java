package cn.ecozone.geo;

import cn.ecozone.error.EcoZoneException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coordinate transforms between EPSG codes, always in x/y order: longitude/latitude for geographic
 * CRSs, easting/northing for Gauss-Krüger (GeoTools {@code CRS.decode(code, true)}). Cached: the first
 * lookup opens the EPSG database (~0.7 s), later ones are map hits.
 */
public final class Transforms {
    private static final Map<Integer, CoordinateReferenceSystem> CRS_CACHE = new ConcurrentHashMap<>();
    private static final Map<Long, MathTransform> TRANSFORM_CACHE = new ConcurrentHashMap<>();

    private Transforms() {}

    public static CoordinateReferenceSystem crs(int epsg) {
        return CRS_CACHE.computeIfAbsent(epsg, code -> {
            try {
                return CRS.decode("EPSG:" + code, true);
            } catch (FactoryException e) {
                throw new IllegalArgumentException("未知的坐标系 / unknown CRS EPSG:" + code, e);
            }
        });
    }

    public static MathTransform transform(int fromEpsg, int toEpsg) {
        long key = ((long) fromEpsg << 32) | toEpsg;
        return TRANSFORM_CACHE.computeIfAbsent(key, k -> {
            try {
                return CRS.findMathTransform(crs(fromEpsg), crs(toEpsg), true);
            } catch (FactoryException e) {
                throw new IllegalArgumentException("无法在 EPSG:" + fromEpsg + " 与 EPSG:" + toEpsg + " 之间转换", e);
            }
        });
    }

    /** The geometry in another CRS (x/y order both sides); the input is not modified. */
    public static Geometry apply(Geometry g, int fromEpsg, int toEpsg) {
        if (fromEpsg == toEpsg) return g.copy();
        try {
            Geometry out = JTS.transform(g, transform(fromEpsg, toEpsg));
            out.setSRID(toEpsg);
            return out;
        } catch (TransformException e) {
            // the coordinates lie outside what the projection can take: the input's fault, not the server's
            throw new EcoZoneException(EcoZoneException.Kind.BAD_INPUT, "坐标转换失败 / transform failed EPSG:" + fromEpsg + " → EPSG:" + toEpsg
                    + ": " + e.getMessage(), e);
        }
    }
}
