package cn.ecozone.testsupport;

import cn.ecozone.api.EcoZoneServer;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a browser test class shares across its tests: an embedded server on fixture layers written under a folder,
 * a client for it and one headless Chromium (1400×900 to start with). Started in {@code @BeforeAll}, closed in
 * {@code @AfterAll}; closing stops the browser first, then the server.
 */
public final class MapSession implements AutoCloseable {
    private final EcoZoneServer server;
    private final Http http;
    private final HeadlessChromium chromium;

    private MapSession(EcoZoneServer server, HeadlessChromium chromium) {
        this.server = server;
        this.http = new Http(server.port());
        this.chromium = chromium;
    }

    /** The web-map fixture ({@link WebMapFixture}) served from dir. */
    public static MapSession start(Path dir) {
        return start(dir, WebMapFixture::write);
    }

    /** fixture writes {@code layers/} and {@code styles/} under dir; the server serves them with web/ as the map. */
    public static MapSession start(Path dir, Consumer<Path> fixture) {
        EcoZoneServer server = MapPages.startServer(dir, fixture);
        try {
            return new MapSession(server, new HeadlessChromium(1400, 900));
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    public EcoZoneServer server() { return server; }
    public Http http() { return http; }
    public HeadlessChromium chromium() { return chromium; }
    public ChromeDriver driver() { return chromium.driver(); }

    @Override public void close() {
        try {
            chromium.close();
        } finally {
            server.close();
        }
    }
}
