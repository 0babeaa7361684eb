package cn.ecozone.process;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.config.ConfigLoader;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch job warm-up after a start: generated sites run as a job of its own, every row checked, nothing left under
 * {@code /jobs} or on disk; dismissed when the server stops; on by default for {@code serve}, off for a server started
 * from code unless asked.
 */
class JobPathWarmUpTest {
    @TempDir Path dir;

    /** The sample layers, copied: the server's own jobs folder is then beside the copy, empty. */
    private LayerSet layers() throws Exception {
        Path copy = dir.resolve("layers");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("layers"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return LayerLoader.load(copy).layers();
    }
    @Test
    void theWarmUpChecksEveryGeneratedSiteAndLeavesNoJobAndNoFolder() throws Exception {
        Set<Path> before = warmUpFolders();
        ServerConfig base = ServerConfig.defaults(0);
        ServerConfig config = base.withSettings(base.settings().withOps(base.settings().ops().withJobWarmUp(300).withTileWarmUp(false)));
        try (EcoZoneServer server = EcoZoneServer.start(config, layers())) {
            JobPathWarmUp.Outcome o = server.jobWarmUp().get(120, TimeUnit.SECONDS);
            assertEquals(300, o.sites());
            assertEquals("successful", o.status());
            assertEquals(0, o.failedRows(), "every generated site is read and checked");
            assertTrue(o.cpuMillis() > 0 && o.millis() > 0, o.toString());
            HttpResponse<String> jobs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, jobs.statusCode());
            assertTrue(jobs.body().replace(" ", "").contains("\"jobs\":[]"), "the warm-up is no job of the server's: " + jobs.body());
        }
        Set<Path> after = warmUpFolders();
        after.removeAll(before);
        assertEquals(Set.of(), after, "the warm-up's temporary folder is gone");
    }

    @Test
    void stoppingTheServerDismissesAWarmUpStillRunning() throws Exception {
        ServerConfig base = ServerConfig.defaults(0);
        ServerConfig config = base.withSettings(base.settings().withOps(base.settings().ops().withJobWarmUp(10_000).withTileWarmUp(false)));
        long startedMillis = System.currentTimeMillis() - 1_000;
        EcoZoneServer server = EcoZoneServer.start(config, layers());
        Thread.sleep(3_000);
        long t0 = System.nanoTime();
        Set<Path> before = warmUpFolders();
        server.close();
        JobPathWarmUp.Outcome o = server.jobWarmUp().get(60, TimeUnit.SECONDS);
        Set<Path> after = warmUpFolders();
        after.removeAll(before);
        assertEquals(Set.of(), after, "no new folder");
        assertTrue(before.stream().noneMatch(p -> Files.exists(p) && p.toFile().lastModified() >= startedMillis), "the dismissed warm-up's folder is gone once the stop returns");
        assertTrue(o == null || o.status().equals("dismissed"), "a warm-up cut short by the stop: " + o);
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "the stop does not wait for 10,000 sites");
    }

    @Test
    void onForServeOffForAServerStartedFromCode() throws Exception {
        assertEquals(2000, ConfigLoader.defaults().config().ops().jobWarmUpSites());
        assertEquals(0, ServerConfig.defaults(0).settings().ops().jobWarmUpSites());
        try (EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), layers())) {
            assertNull(server.jobWarmUp().get(60, TimeUnit.SECONDS));
        }
    }

    private static Set<Path> warmUpFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("ecozone-job-warm-up")).collect(Collectors.toSet());
        }
    }
}
