package cn.ecozone.geo;

import cn.ecozone.error.EcoZoneException;
import org.geotools.api.parameter.ParameterValueGroup;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.IdentifiedObject;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.MathTransformFactory;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.metadata.iso.citation.Citations;
import org.geotools.referencing.CRS;
import org.geotools.referencing.NamedIdentifier;
import org.geotools.referencing.ReferencingFactoryFinder;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.geotools.referencing.cs.DefaultCartesianCS;
import org.geotools.referencing.cs.DefaultEllipsoidalCS;
import org.geotools.referencing.datum.DefaultEllipsoid;
import org.geotools.referencing.datum.DefaultGeodeticDatum;
import org.geotools.referencing.datum.DefaultPrimeMeridian;
import org.geotools.referencing.operation.DefiningConversion;
import org.locationtech.jts.geom.Geometry;
import si.uom.SI;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coordinate transforms between EPSG codes, always in x/y order: longitude/latitude for geographic CRSs,
 * easting/northing for Gauss-Krüger. The CRSs EcoZone works in — CGCS2000 (EPSG:4490) and its 3-degree
 * Gauss-Krüger zones 25–45 with and without the zone prefix (EPSG:4513–4554) — are built here from their EPSG
 * definitions (ellipsoid, transverse Mercator parameters, names and codes), without opening GeoTools' EPSG database:
 * that took about a third of the Java samples of a national start for the one CRS the feature types carry.
 * {@code TransformsTest} holds them to the database's CRSs: same names, and transforms that give bit-identical
 * coordinates. Any other code is decoded from the EPSG database ({@code CRS.decode(code, true)}), as before. Cached.
 */
public final class Transforms {
    private static final Map<Integer, CoordinateReferenceSystem> CRS_CACHE = new ConcurrentHashMap<>();
    private static final Map<Long, MathTransform> TRANSFORM_CACHE = new ConcurrentHashMap<>();

    private Transforms() {}

    public static CoordinateReferenceSystem crs(int epsg) {
        return CRS_CACHE.computeIfAbsent(epsg, code -> {
            try {
                CoordinateReferenceSystem built = built(code);
                return built != null ? built : fromDatabase(code);
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

    // ---- the CRSs built without the EPSG database ----

    /** True for the codes {@link #crs} builds itself: 4490 and the CGCS2000 3-degree GK zones 25–45 (4513–4554). */
    static boolean isBuilt(int epsg) {
        return epsg == Cgcs2000.EPSG || GkZone.ofEpsg(epsg) != null;
    }

    /** The CRS as the EPSG database defines it, x/y axis order (what {@link #crs} gave for every code before). */
    static CoordinateReferenceSystem fromDatabase(int epsg) throws FactoryException {
        return CRS.decode("EPSG:" + epsg, true);
    }

    private static volatile GeographicCRS cgcs2000;

    /** CGCS2000 longitude/latitude in degrees (EPSG:4490 with its axes in x/y order). */
    private static GeographicCRS cgcs2000() {
        GeographicCRS c = cgcs2000;
        if (c == null) {
            // EPSG ellipsoid 1024 "CGCS2000" (a, 1/f as the database has them), datum 1043 "China 2000", Greenwich
            DefaultEllipsoid ellipsoid = DefaultEllipsoid.createFlattenedSphere(named("CGCS2000", 1024),
                    Cgcs2000.SEMI_MAJOR_AXIS, 298.257222101, SI.METRE);
            DefaultGeodeticDatum datum = new DefaultGeodeticDatum(named("China 2000", 1043), ellipsoid, DefaultPrimeMeridian.GREENWICH);
            c = new DefaultGeographicCRS(named("China Geodetic Coordinate System 2000", Cgcs2000.EPSG), datum, DefaultEllipsoidalCS.GEODETIC_2D);
            cgcs2000 = c;
        }
        return c;
    }

    /** EPSG:4490 or a CGCS2000 3-degree GK zone (transverse Mercator, scale 1, false easting 500 km [+ zone × 10⁶]); null for other codes. */
    static CoordinateReferenceSystem built(int epsg) throws FactoryException {
        if (epsg == Cgcs2000.EPSG) return cgcs2000();
        GkZone zone = GkZone.ofEpsg(epsg);
        if (zone == null) return null;
        GeographicCRS base = cgcs2000();
        DefaultEllipsoid e = (DefaultEllipsoid) ((DefaultGeodeticDatum) base.getDatum()).getEllipsoid();
        boolean prefix = GkZone.hasZonePrefix(epsg);
        MathTransformFactory mt = ReferencingFactoryFinder.getMathTransformFactory(null);
        ParameterValueGroup p = mt.getDefaultParameters("Transverse_Mercator");
        p.parameter("semi_major").setValue(e.getSemiMajorAxis());
        p.parameter("semi_minor").setValue(e.getSemiMinorAxis());
        p.parameter("latitude_of_origin").setValue(0.0);
        p.parameter("central_meridian").setValue(zone.centralMeridian());
        p.parameter("scale_factor").setValue(1.0);
        p.parameter("false_easting").setValue(prefix ? zone.number() * 1_000_000.0 + 500_000.0 : 500_000.0);
        p.parameter("false_northing").setValue(0.0);
        String name = prefix ? "CGCS2000 / 3-degree Gauss-Kruger zone " + zone.number()
                : "CGCS2000 / 3-degree Gauss-Kruger CM " + (int) zone.centralMeridian() + "E";
        String conversion = prefix ? "3-degree Gauss-Kruger zone " + zone.number() : "3-degree Gauss-Kruger CM " + (int) zone.centralMeridian() + "E";
        return ReferencingFactoryFinder.getCRSFactory(null).createProjectedCRS(named(name, epsg), base,
                new DefiningConversion(conversion, p), DefaultCartesianCS.PROJECTED);
    }

    private static Map<String, Object> named(String name, int code) {
        Map<String, Object> m = new HashMap<>();
        m.put(IdentifiedObject.NAME_KEY, new NamedIdentifier(Citations.EPSG, name));
        m.put(IdentifiedObject.IDENTIFIERS_KEY, new NamedIdentifier(Citations.EPSG, String.valueOf(code)));
        return m;
    }
}
