package cn.ecozone.cli;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListCsv;
import cn.ecozone.accesslist.AccessListFixtures;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.accesslist.AccessListXlsx;
import cn.ecozone.testsupport.SiteFixtureLayers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code access-list export|import} on the site fixture's catalog (embedded mode: the catalog's access-list.json). */
class AccessListCommandTest {
    static final AccessList FIXTURE = AccessListJson.parse(SiteFixtureLayers.ACCESS_LIST.getBytes(StandardCharsets.UTF_8));

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exportWritesEachFormatAndItReadsBackAsTheCatalogsList() throws Exception {
        Path layers = SiteFixtureLayers.write(Files.createDirectories(dir.resolve("layers")));
        for (String f : new String[]{"xlsx", "csv", "json"}) {
            Path out = dir.resolve("list." + f);
            Run r = run("access-list", "export", "--format", f, "--out", out.toString(), "--layers", layers.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("16 个单元 units"), r.out());
            byte[] bytes = Files.readAllBytes(out);
            AccessList back = switch (f) {
                case "xlsx" -> AccessListXlsx.read(bytes, null).list();
                case "csv" -> AccessListCsv.read(bytes, null).list();
                default -> AccessListJson.parse(bytes);
            };
            assertEquals(FIXTURE, back, f);
        }
    }

    @Test
    void importRefusesTheThreeErrorWorkbookListingEachCellAndChangesNothing() throws Exception {
        Path layers = SiteFixtureLayers.write(Files.createDirectories(dir.resolve("layers")));
        Path bad = dir.resolve("bad.xlsx");
        Files.write(bad, AccessListFixtures.threeErrors(AccessListXlsx.bytes(FIXTURE)));
        Run r = run("access-list", "import", bad.toString(), "--layers", layers.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("3 处错误"), r.err());
        for (int i = 0; i < 3; i++) {
            assertTrue(r.err().contains(AccessListFixtures.THREE_ERRORS_AT.get(i)), r.err());
            assertTrue(r.err().contains(AccessListFixtures.THREE_ERRORS_SAY.get(i)), r.err());
        }
        assertEquals(SiteFixtureLayers.ACCESS_LIST, Files.readString(layers.resolve("access-list.json")));
    }

    @Test
    void importOfAGoodCsvReplacesTheCatalogsFile() throws Exception {
        Path layers = SiteFixtureLayers.write(Files.createDirectories(dir.resolve("layers")));
        ObjectNode tree = AccessListJson.tree(FIXTURE);
        ((ObjectNode) tree.get("requirements").get(0).get("text")).put("zh", "修改后的要求");
        AccessList changed = AccessListJson.parse(tree);
        Path csv = dir.resolve("new.csv");
        Files.write(csv, AccessListCsv.bytes(changed));
        Run r = run("access-list", "import", csv.toString(), "--layers", layers.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("16 个单元 units") && r.out().contains(changed.requirements().size() + " 条要求"), r.out());
        assertEquals(changed, AccessListJson.read(layers.resolve("access-list.json")));
        assertFalse(Files.exists(layers.resolve("access-list.json.tmp")));
    }

    @Test
    void helpAndUsageErrors() {
        Run help = run("access-list", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("access-list export --format xlsx|csv|json --out FILE"), help.out());
        assertTrue(run("--help").out().contains("access-list"));
        assertEquals(2, run("access-list").code());
        assertEquals(2, run("access-list", "export", "--out", dir.resolve("x.txt").toString()).code(), "no format");
    }
}
