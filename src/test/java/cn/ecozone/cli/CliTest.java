package cn.ecozone.cli;

import cn.ecozone.testsupport.FixtureLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validateReportsFeaturesAndAreaPerLayerAndExitsZeroWhenClean() {
        Run r = run("validate", "--layers", FixtureLayers.write(dir).toString());
        assertEquals(0, r.code(), r.out() + r.err());
        // the fixture district is 0.1° × 0.1° at 40°N: ≈ 94.8 km² = 9 48x 公顷
        assertTrue(r.out().matches("(?s).*admin \\(行政区, admin.geojson\\): 1 个要素 features，总面积 94\\d\\d\\.\\d\\d 公顷.*"), r.out());
        assertTrue(r.out().contains("图层校验通过"), r.out());
    }

    @Test
    void theShippedSampleLayersValidateCleanWithControlUnitsTilingEveryDistrict() {
        Run r = run("validate", "--layers", "layers");
        assertEquals(0, r.code(), r.out());
        for (String layer : new String[]{"admin", "control_unit", "redline", "water_source", "restoration", "monitoring"}) {
            assertTrue(r.out().contains("✔ " + layer + " ("), layer + " in " + r.out());
        }
        // control units tile the districts: the same total area to the 0.01 公顷 (gaps/overlaps under 1 m² each)
        String admin = r.out().replaceAll("(?s).*✔ admin .*?总面积 ([0-9.]+) 公顷.*", "$1");
        String units = r.out().replaceAll("(?s).*✔ control_unit .*?总面积 ([0-9.]+) 公顷.*", "$1");
        assertEquals(admin, units);
    }

    @Test
    void validateExitsOneAndNamesFileFeatureAndReasonOnErrors() {
        FixtureLayers.write(dir);
        FixtureLayers.put(dir, "control_unit.geojson", FixtureLayers.collection(
                FixtureLayers.unit("ZH14021310001", "西", "优先保护", 113.2, 113.25)));
        Run r = run("validate", "--layers", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("control_unit (环境管控单元, control_unit.geojson)"), r.out());
        assertTrue(r.out().contains("空隙"), r.out());
    }

    @Test
    void serveRefusesToStartOnBrokenLayersAndSaysWhy() {
        FixtureLayers.write(dir);
        FixtureLayers.put(dir, "admin.geojson", "not json");
        Run r = run("serve", "--port", "0", "--layers", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("服务未启动") && r.err().contains("admin.geojson") && r.err().contains("JSON"), r.err());
    }

    @Test
    void everyCommandHasHelpAndUnknownOptionsAreRefused() {
        assertTrue(run("serve", "--help").out().contains("--port"));
        assertTrue(run("validate", "--help").out().contains("--layers"));
        assertEquals(0, run("--help").code());
        Run bad = run("validate", "--layer", "x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("未知选项"), bad.err());
    }
}
