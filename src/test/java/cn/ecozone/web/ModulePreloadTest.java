package cn.ecozone.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page names every module of the map's import graph in a {@code <link rel="modulepreload">}, so the browser fetches
 * them all at once instead of discovering them level by level (≈ 0.5 s of the national first paint went to that
 * waterfall): the preloads must be exactly the modules {@code js/app.js} reaches, so a module added or removed later
 * is noticed here.
 */
class ModulePreloadTest {
    static final Path WEB = Path.of("web");
    static final Pattern IMPORT = Pattern.compile("(?:import|export)\\s[^;]*?from\\s*['\"]\\./([\\w.-]+\\.js)['\"]|import\\s*['\"]\\./([\\w.-]+\\.js)['\"]");
    static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"js/([\\w.-]+\\.js)\">");

    @Test
    void thePagePreloadsExactlyTheModulesTheMapImports() throws IOException {
        Set<String> graph = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(Set.of("app.js"));
        while (!pending.isEmpty()) {
            String module = pending.poll();
            if (!graph.add(module)) continue;
            Path file = WEB.resolve("js").resolve(module);
            assertTrue(Files.isRegularFile(file), "imported module exists: " + file);
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) pending.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Set<String> preloaded = new TreeSet<>();
        Matcher m = PRELOAD.matcher(Files.readString(WEB.resolve("index.html")));
        while (m.find()) preloaded.add(m.group(1));
        assertTrue(graph.size() > 10, "the import graph was read: " + graph);
        assertEquals(graph, preloaded);
    }
}
