package cn.ecozone.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example file and docs/configuration.md name every setting, and the example's values are the real defaults. */
class ConfigDocsTest {
    private static final Path EXAMPLE = Path.of("ecozone.example.conf");
    /** Keys the example shows with an illustrative value instead of the default (unset or computed). */
    private static final Set<Setting> ILLUSTRATED = Set.of(Setting.DB, Setting.JOBS_DIR, Setting.TOKENS_FILE, Setting.ANALYSIS_WORKERS,
            Setting.PG_DUMP);

    @Test
    void theExampleLoadsAsItIs() {
        assertEquals(EcoZoneConfig.defaults(), ConfigLoader.load(EXAMPLE, Map.of(), Map.of()).config(), "everything commented out");
    }

    @Test
    void uncommentedTheExampleHoldsEverySettingAtItsDefault(@TempDir Path dir) throws Exception {
        String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String uncommented = Pattern.compile("^# ([a-z-]+ =.*)$", Pattern.MULTILINE).matcher(text).replaceAll("$1");
        Path f = dir.resolve("all.conf");
        Files.writeString(f, uncommented, StandardCharsets.UTF_8);
        ConfigLoader.Loaded l = ConfigLoader.load(f, Map.of(), Map.of());
        for (Setting s : Setting.values()) {
            assertEquals(ConfigLoader.Source.Kind.FILE, l.source(s).kind(), s.key + " is in the example");
            if (ILLUSTRATED.contains(s)) continue;
            String expected = s.defaultText() == null ? "" : s.defaultText();
            if (s.kind == Setting.Kind.LIST) expected = String.join(",", new java.util.TreeSet<>(java.util.Arrays.asList(expected.split(","))))
                    .replaceAll("^,", "");
            assertEquals(expected, ConfigLoader.text(s, l.config()), s.key + " in the example is its default");
        }
    }

    @Test
    void theDocsNameEveryKeyAndVariable() throws Exception {
        String docs = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);
        for (Setting s : Setting.values()) {
            assertTrue(docs.contains("| `" + s.key + "` | `" + s.env + "` |"), s.key + " / " + s.env + " in the table");
            if (s.flag != null) assertTrue(docs.contains("`" + s.key + "` | `" + s.env + "` | `--" + s.flag + "`"), s.key + " flag");
        }
    }
}
