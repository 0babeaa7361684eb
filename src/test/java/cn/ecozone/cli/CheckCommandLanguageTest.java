package cn.ecozone.cli;

import cn.ecozone.testsupport.SiteFixtureLayers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check site.txt --format pdf --lang en --out report.pdf}: the report in English from the terminal. */
class CheckCommandLanguageTest {
    @TempDir Path dir;

    int run(ByteArrayOutputStream err, String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void langEnWritesTheEnglishReportAndAnUnknownLanguageIsAUsageError() throws Exception {
        Path layers = SiteFixtureLayers.write(Files.createDirectories(dir.resolve("layers")));
        Path txt = dir.resolve("site.txt");
        Files.write(txt, SiteFixtureLayers.scenario1SolarFarm().text().getBytes(Charset.forName("GBK")));
        Path pdf = dir.resolve("report.pdf");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "check", txt.toString(), "--industry", "pv", "--format", "pdf", "--lang", "en", "--out", pdf.toString(),
                "--layers", layers.toString()), err.toString(StandardCharsets.UTF_8));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Project Site Check Report") && text.contains("Verdict: Prohibited") && text.contains("Appendix: boundary point coordinates"), text);
        }
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        assertEquals(2, run(bad, "check", txt.toString(), "--format", "pdf", "--lang", "fr", "--out", pdf.toString(), "--layers", layers.toString()));
        assertTrue(bad.toString(StandardCharsets.UTF_8).contains("--lang"), bad.toString(StandardCharsets.UTF_8));
    }
}
