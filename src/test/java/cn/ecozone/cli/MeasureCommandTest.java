package cn.ecozone.cli;

import cn.ecozone.testsupport.FixtureLayers;
import cn.ecozone.testsupport.RestorationFixture;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MeasureCommandTest {
    @TempDir Path dir;

    @Test
    void measuresACollectionAsCsvWithBom() {
        RestorationFixture.write(dir);
        CliTest.Run r = CliTest.run("measure", "--collection", "restoration", "--format", "csv", "--layers", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("\uFEFF图斑编号,"), r.out());
        assertTrue(r.out().contains("天马泰山"));
        assertTrue(r.err().contains("5 个图斑"), r.err());
    }

    @Test
    void measuresAFileGroupedByAnAttributeAsJson() throws Exception {
        RestorationFixture.write(dir);
        Path file = dir.resolve("plots.geojson");
        FixtureLayers.put(dir, "plots.geojson", FixtureLayers.collection(
                RestorationFixture.plot("A", "甲矿", "已修复", 2020, 10.0, 113.31, 40.01, 113.311, 40.011) + ","
                        + RestorationFixture.plot("B", "甲矿", "待修复", 2021, 10.0, 113.32, 40.01, 113.321, 40.011)));
        CliTest.Run r = CliTest.run("measure", file.toString(), "--group-by", "status", "--layers", dir.toString());
        assertEquals(0, r.code(), r.err());
        var json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.get("groups").size());
        assertEquals(0.5, json.at("/progress/0/restoredShare").asDouble(), 0.01);
    }

    @Test
    void unknownGroupAttributeAndMissingInputAreUsageErrors() {
        RestorationFixture.write(dir);
        assertEquals(2, CliTest.run("measure", "--collection", "restoration", "--group-by", "nope", "--layers", dir.toString()).code());
        assertEquals(2, CliTest.run("measure").code());
        assertTrue(CliTest.run("measure", "--help").out().contains("--group-by"));
    }
}
