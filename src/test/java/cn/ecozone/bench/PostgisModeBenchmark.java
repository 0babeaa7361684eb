package cn.ecozone.bench;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.cli.Main;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PostgisLayers;
import cn.ecozone.testsupport.Http;
import cn.ecozone.testsupport.PostgisCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostGIS mode against embedded mode on the same sample layers, same run, through HTTP: full items paging
 * throughput and site-check / identify latency. Run: {@code mvn -B -Pbench test -Dtest=PostgisModeBenchmark}.
 */
@Tag("bench")
class PostgisModeBenchmark {
    @Test
    void postgisModeAgainstEmbeddedMode() {
        String url = PostgisCluster.shared().createDatabase("bench");
        assertEquals(0, Main.run(new String[]{"import", "--db", url}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        LayerSet memory = LayerLoader.load(Path.of("layers")).layers();
        try (EcoZoneServer emb = EcoZoneServer.start(ServerConfig.defaults(0), memory);
             EcoZoneServer pg = EcoZoneServer.start(ServerConfig.defaults(0), PostgisLayers.of(memory.catalog(), Databases.pool(url)))) {
            Http e = new Http(emb.port()), p = new Http(pg.port());
            StringBuilder report = new StringBuilder("PostGIS mode vs embedded (sample layers, HTTP on loopback):\n");
            for (String layer : new String[]{"control_unit", "restoration", "water_source"}) {
                double fe = itemsPerSecond(e, layer), fp = itemsPerSecond(p, layer);
                report.append(String.format(Locale.ROOT, "  items %-13s embedded %8.0f f/s, PostGIS %8.0f f/s, PostGIS/embedded %.2f%n", layer, fe, fp, fp / fe));
            }
            double[] se = siteChecks(e), sp = siteChecks(p);
            report.append(String.format(Locale.ROOT, "  site check p50 embedded %.2f ms, PostGIS %.2f ms (embedded is %.1f× faster); p99 %.2f / %.2f ms%n",
                    se[0], sp[0], sp[0] / se[0], se[1], sp[1]));
            double[] ie = identifies(e), ip = identifies(p);
            report.append(String.format(Locale.ROOT, "  identify   p50 embedded %.2f ms, PostGIS %.2f ms (embedded is %.1f× faster); p99 %.2f / %.2f ms%n",
                    ie[0], ip[0], ip[0] / ie[0], ie[1], ip[1]));
            System.out.println(report);
        }
    }

    private static double itemsPerSecond(Http h, String layer) {
        for (int i = 0; i < 20; i++) h.get("/collections/" + layer + "/items?limit=10000");
        long n = 0, t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) n += h.get("/collections/" + layer + "/items?limit=10000").json().get("numberReturned").asLong();
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double[] siteChecks(Http h) {
        Random r = new Random(7);
        long[] t = new long[400];
        for (int i = -100; i < t.length; i++) {
            double lon = 113.05 + r.nextDouble() * 0.6, lat = 39.9 + r.nextDouble() * 0.5, d = 0.02;
            String site = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                    lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
            long s = System.nanoTime();
            assertEquals(200, h.post("/analysis/site-check", "application/json", site).status());
            if (i >= 0) t[i] = System.nanoTime() - s;
        }
        return percentiles(t);
    }

    private static double[] identifies(Http h) {
        Random r = new Random(8);
        long[] t = new long[1000];
        for (int i = -200; i < t.length; i++) {
            String q = String.format(Locale.ROOT, "/analysis/identify?lon=%f&lat=%f", 113.05 + r.nextDouble() * 0.6, 39.9 + r.nextDouble() * 0.5);
            long s = System.nanoTime();
            assertEquals(200, h.get(q).status());
            if (i >= 0) t[i] = System.nanoTime() - s;
        }
        return percentiles(t);
    }

    private static double[] percentiles(long[] t) {
        Arrays.sort(t);
        return new double[]{t[t.length / 2] / 1e6, t[(int) (t.length * 0.99)] / 1e6};
    }
}
