package cn.ecozone.testsupport;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fetches vector tiles over HTTP and decodes them (tile units, y down). */
public final class TileClient {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public TileClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A fetched tile: status, headers, raw bytes. */
    public record Fetched(int status, byte[] body, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A decoded feature: its id (the layer's id attribute), properties and geometry in tile units. */
    public record Decoded(String id, Map<String, Object> properties, Geometry geometry) {}

    public Fetched get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<byte[]> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The tile of a collection, decoded (empty for a 204); fails on any other status. */
    public List<Decoded> tile(String collection, int z, int x, int y, String idProperty) {
        Fetched f = get("/collections/" + collection + "/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x);
        if (f.status() == 204) return List.of();
        if (f.status() != 200) throw new AssertionError(collection + " " + z + "/" + y + "/" + x + ": " + f.status() + " " + new String(f.body()));
        return decode(f.body(), collection, idProperty);
    }

    /**
     * Decodes the MVT layer with the library's protobuf classes and a small command decoder written to the MVT 2.1
     * specification (lenient: a ring that touches itself is kept, as renderers draw it; the library's MvtReader
     * drops such rings). Rings with negative signed area (clockwise on screen, y down) start polygons.
     */
    /** The extent of the tile's layer (units a side). */
    public static int extent(byte[] mvt, String layer) {
        try {
            return VectorTile.Tile.parseFrom(mvt).getLayersList().stream().filter(x -> x.getName().equals(layer)).findFirst()
                    .orElseThrow(() -> new AssertionError("no layer " + layer + " in the tile")).getExtent();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static List<Decoded> decode(byte[] mvt, String layer, String idProperty) {
        try {
            VectorTile.Tile t = VectorTile.Tile.parseFrom(mvt);
            VectorTile.Tile.Layer l = t.getLayersList().stream().filter(x -> x.getName().equals(layer)).findFirst()
                    .orElseThrow(() -> new AssertionError("no layer " + layer + " in the tile"));
            if (l.getExtent() != TileMath.EXTENT && l.getExtent() != TileMath.COARSE_EXTENT) throw new AssertionError("extent " + l.getExtent());
            List<Decoded> out = new ArrayList<>();
            for (VectorTile.Tile.Feature f : l.getFeaturesList()) {
                Map<String, Object> props = new LinkedHashMap<>();
                for (int i = 0; i + 1 < f.getTagsCount(); i += 2) props.put(l.getKeys(f.getTags(i)), value(l.getValues(f.getTags(i + 1))));
                Object id = props.get(idProperty);
                out.add(new Decoded(id == null ? null : id.toString(), props, geometry(f)));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Object value(VectorTile.Tile.Value v) {
        if (v.hasStringValue()) return v.getStringValue();
        if (v.hasDoubleValue()) return v.getDoubleValue();
        if (v.hasFloatValue()) return (double) v.getFloatValue();
        if (v.hasIntValue()) return v.getIntValue();
        if (v.hasUintValue()) return v.getUintValue();
        if (v.hasSintValue()) return v.getSintValue();
        if (v.hasBoolValue()) return v.getBoolValue();
        return null;
    }

    private static final GeometryFactory GF = new GeometryFactory();

    private static Geometry geometry(VectorTile.Tile.Feature f) {
        List<List<Coordinate>> parts = new ArrayList<>();
        List<Coordinate> current = null;
        long x = 0, y = 0;
        List<Integer> g = f.getGeometryList();
        for (int i = 0; i < g.size(); ) {
            int header = g.get(i++), cmd = header & 7, count = header >>> 3;
            if (cmd == 7) { // ClosePath
                current.add(new Coordinate(current.get(0)));
                continue;
            }
            for (int k = 0; k < count; k++) {
                int dx = g.get(i++), dy = g.get(i++);
                x += (dx >>> 1) ^ -(dx & 1);
                y += (dy >>> 1) ^ -(dy & 1);
                if (cmd == 1) {
                    current = new ArrayList<>();
                    parts.add(current);
                }
                current.add(new Coordinate(x, y));
            }
        }
        switch (f.getType()) {
            case POINT -> {
                Point[] ps = parts.stream().map(p -> GF.createPoint(p.get(0))).toArray(Point[]::new);
                return ps.length == 1 ? ps[0] : GF.createMultiPoint(ps);
            }
            case POLYGON -> {
                List<Polygon> polys = new ArrayList<>();
                LinearRing shell = null;
                List<LinearRing> holes = new ArrayList<>();
                for (List<Coordinate> p : parts) {
                    LinearRing r = GF.createLinearRing(p.toArray(Coordinate[]::new));
                    double a = Area.ofRingSigned(r.getCoordinates());
                    if (a == 0) continue;
                    if (a < 0) {
                        if (shell != null) polys.add(GF.createPolygon(shell, holes.toArray(LinearRing[]::new)));
                        shell = r;
                        holes.clear();
                    } else if (shell != null) {
                        holes.add(r);
                    }
                }
                if (shell != null) polys.add(GF.createPolygon(shell, holes.toArray(LinearRing[]::new)));
                return polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(Polygon[]::new));
            }
            default -> throw new AssertionError("unexpected geometry type " + f.getType());
        }
    }
}
