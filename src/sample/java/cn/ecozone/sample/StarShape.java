package cn.ecozone.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A perturbed star-shaped polygon around a centre: an ellipse (semi-axes in km, rotated)
 * whose radius is modulated by a few random harmonics. Optional anchors force the outline
 * to reach past a point (include) or to stay short of it (exclude).
 */
final class StarShape {
    final double lon;
    final double lat;
    final double ax;
    final double ay;
    final double rotation;
    final int vertices;
    private final double[] amp;
    private final double[] phase;
    private final List<double[]> include = new ArrayList<>();
    private final List<double[]> exclude = new ArrayList<>();

    StarShape(Random rnd, double lon, double lat, double axKm, double ayKm, double rotationDeg, int vertices, double roughness) {
        this.lon = lon;
        this.lat = lat;
        this.ax = axKm;
        this.ay = ayKm;
        this.rotation = Math.toRadians(rotationDeg);
        this.vertices = vertices;
        int harmonics = 6;
        amp = new double[harmonics];
        phase = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            // lower harmonics a little stronger, so outlines look like lobes rather than noise
            amp[k] = roughness * (0.4 + 0.6 * rnd.nextDouble()) / (1 + 0.35 * k);
            phase[k] = rnd.nextDouble() * 2 * Math.PI;
        }
    }

    /** The outline must reach beyond (lon, lat). */
    StarShape include(double pLon, double pLat) {
        include.add(polar(pLon, pLat));
        return this;
    }

    /** The outline must stay short of (lon, lat). */
    StarShape exclude(double pLon, double pLat) {
        exclude.add(polar(pLon, pLat));
        return this;
    }

    private double[] polar(double pLon, double pLat) {
        double[] km = Geo.toKm(lon, lat, pLon, pLat);
        return new double[] {Math.atan2(km[1], km[0]), Math.hypot(km[0], km[1])};
    }

    private double baseRadius(double t) {
        double tr = t - rotation;
        double c = Math.cos(tr) / ax;
        double s = Math.sin(tr) / ay;
        double r = 1 / Math.sqrt(c * c + s * s);
        double f = 1;
        for (int k = 0; k < amp.length; k++) {
            f += amp[k] * Math.sin((k + 2) * t + phase[k]);
        }
        return r * Math.max(0.35, f);
    }

    /** The polygon at the given scale (1 = the nominal semi-axes). */
    Polygon polygon(double scale) {
        List<Coordinate> pts = new ArrayList<>();
        for (int i = 0; i < vertices; i++) {
            double t = 2 * Math.PI * i / vertices;
            double r = scale * baseRadius(t);
            for (double[] a : include) {
                double w = window(t, a[0]);
                r = r * (1 - w) + Math.max(r, a[1] * 1.04) * w;
            }
            for (double[] a : exclude) {
                double w = window(t, a[0]);
                r = r * (1 - w) + Math.min(r, a[1] * 0.88) * w;
            }
            Coordinate c = Geo.offset(lon, lat, r * Math.cos(t), r * Math.sin(t));
            pts.add(new Coordinate(Geo.round7(c.x), Geo.round7(c.y)));
        }
        return Geo.polygon(pts);
    }

    private double window(double t, double centre) {
        double d = Math.abs(Math.IEEEremainder(t - centre, 2 * Math.PI));
        double width = 4.0 * Math.PI / vertices;
        return d <= width ? 1.0 : Math.exp(-Math.pow((d - width) / width, 2));
    }
}
