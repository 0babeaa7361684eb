package cn.ecozone.testsupport;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Opening the web map in a test: a server on {@link WebMapFixture}'s layers, and waiting until the map is usable. */
public final class MapPages {
    private MapPages() {}

    /** A server on the web-map fixture (layers and styles written under dir), serving web/ as the map. */
    public static EcoZoneServer startFixtureServer(Path dir) {
        return startServer(dir, WebMapFixture::write);
    }

    /** A server on the layers and styles fixture writes under dir, serving web/ as the map. */
    public static EcoZoneServer startServer(Path dir, Consumer<Path> fixture) {
        fixture.accept(dir);
        LayerLoader.Result r = LayerLoader.load(dir.resolve("layers"));
        if (!r.ok()) throw new AssertionError(r.toString());
        return EcoZoneServer.start(new ServerConfig(0, dir.resolve("layers"), dir.resolve("styles"), Path.of("web"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, "embedded"), r.layers());
    }

    /** Opens url and waits (up to 20 s) for {@code window.ecozone.ready}. */
    public static void open(WebDriver driver, String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.ecozone && window.ecozone.ready")));
    }
}
