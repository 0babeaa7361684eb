package cn.ecozone.bench;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.Random;

/** {@link SiteCheckBenchmark}'s site generator for harnesses in other packages (the same sites, the same seed). */
public final class SiteCheckBenchmarkAccess {
    public static final Envelope EXTENT = SiteCheckBenchmark.EXTENT;

    private SiteCheckBenchmarkAccess() {}

    public static Geometry site(Random rnd, double cx, double cy) {
        return SiteCheckBenchmark.site(rnd, cx, cy);
    }

    public static String geoJson(Geometry g) {
        return SiteCheckBenchmark.geoJson(g);
    }
}
