package cn.ecozone.report;

import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.SiteCheck;
import cn.ecozone.analysis.SiteCheckResult;
import cn.ecozone.io.SiteInput;
import cn.ecozone.io.SiteInputReader;
import cn.ecozone.layer.FeatureQuery;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.IndexedFeature;
import cn.ecozone.layer.LayerDef;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map figure draws what the analysis found without fetching each zone again (in PostGIS mode every fetch is a
 * query): at most one {@code candidates} read per layer and no {@code get} by id; and it takes its colours from the
 * style files the web map uses.
 */
class SiteFigureTest {
    @TempDir static Path root;
    static LayerSet layers;
    static SiteInput farm;
    static SiteCheckResult result;

    @BeforeAll
    static void check() throws IOException {
        Path dir = SiteFixtureLayers.write(Files.createDirectories(root.resolve("layers")));
        LayerLoader.Result r = LayerLoader.load(dir);
        assertTrue(r.ok(), r.problems().toString());
        layers = r.layers();
        farm = new SiteInputReader().read(SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK")), null, null);
        result = new SiteCheck(layers, AccessListJson.read(dir.resolve("access-list.json"))).run(farm, "pv", SiteCheck.DEFAULT_NEARBY_M);
    }

    /** Counts what is asked of a source. */
    static final class Counting implements FeatureSource {
        final FeatureSource delegate;
        final AtomicInteger gets = new AtomicInteger(), candidates = new AtomicInteger(), queries = new AtomicInteger();

        Counting(FeatureSource delegate) { this.delegate = delegate; }

        @Override public LayerDef layer() { return delegate.layer(); }
        @Override public SimpleFeatureType featureType() { return delegate.featureType(); }
        @Override public long count() { return delegate.count(); }
        @Override public Envelope extent() { return delegate.extent(); }
        @Override public Optional<SimpleFeature> get(String id) { gets.incrementAndGet(); return delegate.get(id); }
        @Override public long count(FeatureQuery query) { queries.incrementAndGet(); return delegate.count(query); }
        @Override public Stream<SimpleFeature> query(FeatureQuery query) { queries.incrementAndGet(); return delegate.query(query); }
        @Override public List<IndexedFeature> candidates(Envelope lonLat) { candidates.incrementAndGet(); return delegate.candidates(lonLat); }
        @Override public String version() { return delegate.version(); }
    }

    @Test
    void theFigureReadsEachLayerAtMostOnceAndNeverFetchesAZoneById() {
        Map<String, FeatureSource> wrapped = new LinkedHashMap<>();
        layers.sources().forEach((id, s) -> wrapped.put(id, new Counting(s)));
        LayerSet counted = new LayerSet(layers.catalog(), wrapped);
        SiteFigure f = new SiteFigure(result, farm.geometry(), counted, 720, 480);
        for (FeatureSource s : wrapped.values()) {
            Counting c = (Counting) s;
            assertEquals(0, c.gets.get(), s.layer().id() + ": no fetch by id");
            assertEquals(0, c.queries.get(), s.layer().id() + ": no feature query");
            assertTrue(c.candidates.get() <= 1, s.layer().id() + ": " + c.candidates.get() + " candidate reads");
        }
        // and it still draws every hit the frame shows, named as in the result
        List<String> drawn = f.zones().stream().filter(SiteFigure.Shape::hit).map(z -> z.collection() + "/" + z.label()).toList();
        for (SiteCheckResult.Hit h : result.hits()) assertTrue(drawn.contains(h.collection() + "/" + h.name()), h.featureId() + " drawn: " + drawn);
        assertTrue(f.zones().stream().anyMatch(z -> !z.hit() && z.label().equals("安家小村水源地二级保护区")), "the nearby water source");
    }

    @Test
    void coloursComeFromTheStyleFiles() throws IOException {
        // the repository's styles beside the fixture's layers folder, as the server lays them out (layers/ and styles/)
        Path styles = Files.createDirectories(root.resolve("styles"));
        try (Stream<Path> files = Files.list(Path.of("styles"))) {
            for (Path p : files.toList()) Files.copy(p, styles.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        SiteFigure f = new SiteFigure(result, farm.geometry(), layers, 720, 480);
        ObjectMapper json = new ObjectMapper();
        for (String layer : List.of("redline", "control_unit", "water_source")) {
            JsonNode d = json.readTree(styles.resolve(layer + ".json").toFile()).path("default");
            assertEquals(d.path("color").asText().toLowerCase(), f.colours(layer).stroke(), layer);
            assertEquals(d.path("fillColor").asText().toLowerCase(), f.colours(layer).fill(), layer);
        }
        assertEquals("#c62828", f.colours("redline").stroke(), "the red line as the map draws it");
        assertEquals("none", f.colours("admin").fill(), "districts are outlines (\"fill\": false)");
        String svg = SiteReportHtml.render(result, f, List.of());
        assertTrue(svg.contains("stroke=\"#c62828\" fill=\"#ef9a9a\""), "the red line in the SVG in the style's colours");
        assertTrue(!svg.contains("#c0161a"), "no report-only red");
        assertEquals(ReportStyles.UNSTYLED, ReportStyles.load(root.resolve("no-such-folder"), layers.catalog()).colours("redline"), "no styles: grey");
    }
}
