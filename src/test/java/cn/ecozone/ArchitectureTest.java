package cn.ecozone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of {@code src/main} depend on each other one way only (docs/architecture.md §Layering), top to bottom:
 * <pre>
 * cli → api → app → process → report → analysis → config → layer → accesslist → io → geo
 *                   app → ops → layer;  layer → tiles → geo;  every package → text, error
 * </pre>
 * Each layer lists what it may use; a dependency on anything else, a package in no layer, or a cycle between
 * packages fails the build. {@code app} (use cases) and {@code config} (typed configuration) are placed before they
 * exist, so their arrival needs no change here. Only production classes are checked (tests and the sample-data
 * generator in {@code src/sample} may use anything).
 */
@AnalyzeClasses(packages = "cn.ecozone", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {
    private static final String[] LAYERS = {"cli", "api", "app", "process", "report", "analysis", "ops", "config",
            "layer", "accesslist", "tiles", "io", "geo", "text", "error"};

    /** Classes compiled from src/main: not from jars, not from test-classes whatever the build folder (ArchUnit's own option expects target/). */
    static final class MainClassesOnly implements ImportOption {
        private static final Pattern TEST_CLASSES = Pattern.compile(".*/test-classes/.*");

        @Override
        public boolean includes(Location location) {
            return !location.isArchive() && !location.matches(TEST_CLASSES);
        }
    }

    @ArchTest
    static final ArchRule layering = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("cli").definedBy("cn.ecozone.cli..")
            .layer("api").definedBy("cn.ecozone.api..")
            .layer("app").definedBy("cn.ecozone.app..")
            .layer("process").definedBy("cn.ecozone.process..")
            .layer("report").definedBy("cn.ecozone.report..")
            .layer("analysis").definedBy("cn.ecozone.analysis..")
            .layer("ops").definedBy("cn.ecozone.ops..")
            .layer("config").definedBy("cn.ecozone.config..")
            .layer("layer").definedBy("cn.ecozone.layer..")
            .layer("accesslist").definedBy("cn.ecozone.accesslist..")
            .layer("tiles").definedBy("cn.ecozone.tiles..")
            .layer("io").definedBy("cn.ecozone.io..")
            .layer("geo").definedBy("cn.ecozone.geo..")
            .layer("text").definedBy("cn.ecozone.text..")
            .layer("error").definedBy("cn.ecozone.error..")

            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("api").mayOnlyAccessLayers("app", "process", "report", "analysis", "ops", "config", "layer", "accesslist", "tiles", "io", "geo", "text", "error")
            .whereLayer("app").mayOnlyAccessLayers("process", "report", "analysis", "ops", "config", "layer", "accesslist", "tiles", "io", "geo", "text", "error")
            .whereLayer("process").mayOnlyAccessLayers("report", "analysis", "config", "layer", "accesslist", "tiles", "io", "geo", "text", "error")
            .whereLayer("report").mayOnlyAccessLayers("analysis", "config", "layer", "accesslist", "tiles", "io", "geo", "text", "error")
            .whereLayer("analysis").mayOnlyAccessLayers("config", "layer", "accesslist", "tiles", "io", "geo", "text", "error")
            .whereLayer("ops").mayOnlyAccessLayers("config", "layer", "accesslist", "io", "geo", "text", "error")
            .whereLayer("config").mayOnlyAccessLayers("layer", "accesslist", "tiles", "io", "geo", "text", "error")
            .whereLayer("layer").mayOnlyAccessLayers("accesslist", "tiles", "io", "geo", "text", "error")
            .whereLayer("accesslist").mayOnlyAccessLayers("io", "geo", "text", "error")
            .whereLayer("tiles").mayOnlyAccessLayers("geo", "text", "error")
            .whereLayer("io").mayOnlyAccessLayers("geo", "text", "error")
            .whereLayer("geo").mayOnlyAccessLayers("text", "error")
            .whereLayer("text").mayOnlyAccessLayers("error")
            .whereLayer("error").mayNotAccessAnyLayer();

    /** A new package is placed in the layering (above) before it is used, not left outside every rule. */
    @ArchTest
    static final ArchRule everyPackageIsInALayer = classes().should()
            .resideInAnyPackage(Arrays.stream(LAYERS).map(l -> "cn.ecozone." + l + "..").toArray(String[]::new))
            .because("every package of src/main sits in one layer of docs/architecture.md §Layering");

    /** No two top-level packages depend on each other, directly or round a longer loop. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("cn.ecozone.(*)..").should().beFreeOfCycles();

    /** Nor do any two packages, sub-packages included (api ↔ api.ogc, layer ↔ layer.postgis). */
    @ArchTest
    static final ArchRule noCyclesBetweenSubPackages = slices().matching("cn.ecozone.(**)").should().beFreeOfCycles();
}
