package cn.ecozone.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layers client tests run on: the repository's sample layers ({@code layers/}) when the checkout has them,
 * otherwise the generated OGC fixture in the given temp folder.
 */
public final class TestLayers {
    public static final Path SAMPLE = Path.of("layers");

    private TestLayers() {}

    public static Path sampleOrFixture(Path temp) {
        return Files.isRegularFile(SAMPLE.resolve("catalog.json")) ? SAMPLE : OgcFixtureLayers.write(temp);
    }
}
