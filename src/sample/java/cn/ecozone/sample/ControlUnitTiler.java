package cn.ecozone.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiles every district with control units. Voronoi cells of the unit seeds are clipped to
 * their district; then the district outlines and all cell edges are noded together on the
 * 1e-7 grid and polygonised, so every face belongs to exactly one unit and the units of a
 * district union to exactly the district (no gaps, no overlaps, no slivers after rounding).
 */
final class ControlUnitTiler {
    record Result(List<District> districts, List<Feature> units) {}

    private ControlUnitTiler() {}

    static Result tile(List<District> districts) {
        List<Geometry> lines = new ArrayList<>();
        Map<String, List<Polygon>> cellsByDistrict = new LinkedHashMap<>();
        List<String> outside = new ArrayList<>();
        for (District d : districts) {
            lines.add(d.geometry().getBoundary());
            List<UnitSeeds.Seed> seeds = UnitSeeds.BY_DISTRICT.get(d.code());
            List<Coordinate> sites = new ArrayList<>();
            for (UnitSeeds.Seed s : seeds) {
                Point p = Geo.GF.createPoint(new Coordinate(s.lon(), s.lat()));
                if (!d.geometry().contains(p)) {
                    outside.add(s.name() + " " + s.lon() + "," + s.lat() + " dist(deg)=" + d.geometry().distance(p));
                }
                sites.add(p.getCoordinate());
            }
            if (!outside.isEmpty()) {
                continue;
            }
            VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
            vb.setSites(sites);
            Envelope env = new Envelope(d.geometry().getEnvelopeInternal());
            env.expandBy(0.2);
            vb.setClipEnvelope(env);
            Geometry diagram = vb.getDiagram(Geo.GF);
            // order cells like the seeds (the diagram's order is an implementation detail)
            List<Polygon> cells = new ArrayList<>();
            for (Coordinate site : sites) {
                Polygon match = null;
                for (int i = 0; i < diagram.getNumGeometries(); i++) {
                    Polygon cell = (Polygon) diagram.getGeometryN(i);
                    if (site.equals2D((Coordinate) cell.getUserData())) {
                        match = cell;
                    }
                }
                cells.add(match);
                lines.add(Geo.intersection(Geo.snap(match.getBoundary()), d.geometry()));
            }
            cellsByDistrict.put(d.code(), cells);
        }
        if (!outside.isEmpty()) {
            throw new IllegalStateException("unit seeds outside their district: " + outside);
        }
        Geometry noded = UnaryUnionNG.union(Geo.GF.buildGeometry(lines), Geo.PM);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        List<Polygon> faces = new ArrayList<>((java.util.Collection<Polygon>) polygonizer.getPolygons());

        List<District> outDistricts = new ArrayList<>();
        List<Feature> units = new ArrayList<>();
        for (District d : districts) {
            List<UnitSeeds.Seed> seeds = UnitSeeds.BY_DISTRICT.get(d.code());
            List<Polygon> cells = cellsByDistrict.get(d.code());
            List<List<Geometry>> parts = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                parts.add(new ArrayList<>());
            }
            for (Polygon face : faces) {
                Point ip = face.getInteriorPoint();
                if (!d.geometry().contains(ip)) {
                    continue;
                }
                int best = -1;
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).contains(ip)) {
                        best = i;
                    }
                }
                if (best < 0) {
                    throw new IllegalStateException("face in no cell in " + d.name());
                }
                parts.get(best).add(face);
            }
            Map<String, Integer> seq = new LinkedHashMap<>();
            List<Geometry> unitGeoms = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                UnitSeeds.Seed s = seeds.get(i);
                if (parts.get(i).isEmpty()) {
                    throw new IllegalStateException("empty unit " + s.name());
                }
                Geometry g = UnaryUnionNG.union(Geo.GF.buildGeometry(parts.get(i)), Geo.PM);
                unitGeoms.add(g);
                String typeDigit = switch (s.type()) {
                    case UnitSeeds.P -> "1";
                    case UnitSeeds.K -> "2";
                    default -> "3";
                };
                int n = seq.merge(typeDigit, 1, Integer::sum);
                String code = "ZH" + d.code() + typeDigit + String.format("%04d", n);
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("code", code);
                props.put("name", s.name());
                props.put("type", s.type());
                props.put("district", d.name());
                props.put("county_code", d.code());
                props.put("area_km2", Math.round(Geo.area(g) / 1e4) / 100.0);
                units.add(new Feature(code, props, g));
            }
            Geometry whole = UnaryUnionNG.union(Geo.GF.buildGeometry(unitGeoms), Geo.PM);
            double diff = Math.abs(Geo.area(whole) - Geo.area(d.geometry()));
            // the noded outline differs from the raw one by snap-rounding only (cm-level shifts)
            if (diff > 1e-6 * Geo.area(d.geometry())) {
                throw new IllegalStateException("units of " + d.name() + " differ from the district by " + diff + " m²");
            }
            outDistricts.add(d.withGeometry(whole));
        }
        units.sort((a, b) -> a.id().compareTo(b.id()));
        return new Result(outDistricts, units);
    }
}
