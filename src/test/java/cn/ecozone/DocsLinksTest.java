package cn.ecozone;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A newcomer following README or docs/ never meets a link or a repository path that is not in the repository. */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)");
    private static final Pattern REPO_PATH = Pattern.compile("`((?:src|layers|docs|styles|web|\\.ci)/[^`\\s]*)`");

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("layers/README.md")));
        try (Stream<Path> s = Files.walk(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyRelativeLinkAndRepositoryPathInTheDocsExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            Path base = doc.toAbsolutePath().getParent();
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) continue; // http:, https:, mailto:
                if (!Files.exists(base.resolve(target))) missing.add(doc + ": link " + target);
            }
            Matcher p = REPO_PATH.matcher(text);
            while (p.find()) {
                String path = p.group(1).replaceAll("/$", "");
                if (path.matches(".*[*{<…].*")) continue; // patterns and placeholders, not files
                if (!Files.exists(Path.of(path))) missing.add(doc + ": path " + path);
            }
        }
        assertEquals(List.of(), missing, "links or paths to files that are not in the repository");
    }

    @Test
    void theReadmeKeepsExactlyTheTwoSetUpCommandsAndStaysShort() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("-jar target/ecozone.jar serve"), "command one: serve the sample");
        assertTrue(readme.contains("bash .ci/test"), "command two: every test");
        long lines = readme.lines().count();
        assertTrue(lines < 200, "README is for newcomers; details belong in docs/ (" + lines + " lines)");
    }
}
