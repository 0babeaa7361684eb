package cn.ecozone.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application layer sits below its entry points: nothing in {@code cn.ecozone.app} names {@code api} or
 * {@code cli} (imports or qualified names), and both entry points call its use cases.
 */
class AppLayerTest {
    static final Path MAIN = Path.of("src/main/java/cn/ecozone");

    @Test
    void appNamesNeitherApiNorCli() throws Exception {
        Pattern upward = Pattern.compile("cn\\.ecozone\\.(api|cli)\\b");
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(MAIN.resolve("app"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() >= 10, "the app package is where it should be: " + files);
        for (Path f : files) {
            Matcher m = upward.matcher(Files.readString(f));
            while (m.find()) found.add(f.getFileName() + ": " + m.group());
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCommandsAndTheRoutesCallTheSameUseCases() throws Exception {
        for (String[] pair : new String[][]{{"cli/CheckCommand.java", "api/SiteCheckRoutes.java", "SiteCheckUseCase"},
                {"cli/MeasureCommand.java", "api/MeasureRoutes.java", "MeasureUseCase"}}) {
            for (int i = 0; i < 2; i++) {
                String source = Files.readString(MAIN.resolve(pair[i]));
                assertTrue(source.contains("import cn.ecozone.app." + pair[2] + ";"), pair[i] + " uses " + pair[2]);
                assertTrue(!source.contains("new SiteInputReader(") && !source.contains("PlotAnalysis.run("), pair[i] + " leaves reading and running to the use case");
            }
        }
    }
}
