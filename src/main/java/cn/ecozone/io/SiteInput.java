package cn.ecozone.io;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.List;

/**
 * A project site as read from an upload: its parcels in EPSG:4490 lon/lat and what the reader noticed.
 *
 * @param format {@code txt}, {@code geojson} or {@code wkt}
 * @param sourceCrs the CRS the coordinates came in, e.g. {@code EPSG:4526}
 * @param warnings things the planner should know (zone mismatch, auto-closed rings …), Chinese with English
 */
public record SiteInput(String name, String format, String sourceCrs, List<SiteParcel> parcels, List<String> warnings) {
    public SiteInput {
        parcels = List.copyOf(parcels);
        warnings = List.copyOf(warnings);
    }

    /** The whole site: the union of its parcels (overlapping parcels count once), EPSG:4490. */
    public Geometry geometry() {
        if (parcels.size() == 1) return parcels.get(0).geometry();
        List<Geometry> parts = new ArrayList<>();
        for (SiteParcel p : parcels) parts.add(p.geometry());
        Geometry all = Geometries.FACTORY.buildGeometry(parts);
        Geometry u = OverlayNGRobust.union(all);
        u.setSRID(4490);
        return u;
    }

    public int vertexCount() {
        return parcels.stream().mapToInt(p -> p.geometry().getNumPoints()).sum();
    }

    public SiteInput withName(String newName) {
        return new SiteInput(newName, format, sourceCrs, parcels, warnings);
    }

    static boolean polygonal(Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) if (!(g.getGeometryN(i) instanceof Polygon)) return false;
        return !g.isEmpty();
    }
}
