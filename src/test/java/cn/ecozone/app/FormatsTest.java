package cn.ecozone.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The output-format registry: found by name or media type, the first is the default, a new format is one class. */
class FormatsTest {
    /** A format written here, as a new one would be: one class. */
    static final class Upper implements OutputFormat<String> {
        @Override public String name() { return "upper"; }

        @Override public String mediaType() { return "text/x-upper"; }

        @Override
        public Rendered render(String result, boolean indented) {
            return Rendered.of(result.toUpperCase().getBytes(), "text/x-upper; charset=utf-8");
        }
    }

    static final class Plain implements OutputFormat<String> {
        @Override public String name() { return "plain"; }

        @Override public String mediaType() { return "text/plain"; }

        @Override
        public Rendered render(String result, boolean indented) {
            return Rendered.of(result.getBytes(), "text/plain; charset=utf-8");
        }
    }

    @Test
    void aFormatIsFoundByNameOrMediaTypeAndTheFirstIsTheDefault() {
        Formats<String> formats = Formats.of(new Plain(), new Upper());
        assertEquals("plain", formats.require(null, "f").name());
        assertEquals("plain", formats.require("", "f").name());
        assertEquals("upper", formats.require("upper", "f").name());
        assertEquals("upper", formats.require("TEXT/X-UPPER; charset=utf-8", "f").name());
        assertTrue(formats.find("pdf").isEmpty());
        UseCaseException e = assertThrows(UseCaseException.class, () -> formats.require("pdf", "f"));
        assertEquals(UseCaseException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.badOption(), "a bad option: a usage error on the command line");
        assertEquals("f 应为 plain 或 upper / f must be plain or upper, got pdf", e.getMessage());
    }

    @Test
    void aNewFormatIsOneClassAddedToTheRegistry() throws Exception {
        Formats<String> formats = Formats.of(new Plain()).with(new Upper());
        assertEquals(java.util.List.of("plain", "upper"), formats.names());
        assertEquals("ABC", new String(formats.require("upper", "f").render("abc", false).bytes()));
    }

    @Test
    void theUseCasesOfferTheFormatsTheirRoutesDid() {
        assertEquals(java.util.List.of("json", "html", "pdf"), SiteCheckUseCase.FORMATS.names());
        assertEquals(java.util.List.of("json", "csv", "geojson"), MeasureUseCase.FORMATS.names());
        assertEquals(java.util.List.of("geojson", "txt"), SiteExportUseCase.FORMATS.names());
        assertEquals("pdf", SiteCheckUseCase.FORMATS.require("application/pdf", "f").name());
        assertTrue(SiteCheckUseCase.FORMATS.require("pdf", "f").binary());
        assertEquals("geojson", MeasureUseCase.FORMATS.require("application/geo json", "f").name(), "an unencoded + in a query is a space");
    }

    @Test
    void fileNamesAreAsciiWithTheChineseNameEncodedPerRfc5987() {
        Rendered r = Rendered.of(new byte[0], "text/csv").attachment("矿山 plots.csv", "修复-图斑量算.csv");
        assertEquals("attachment; filename=\"___plots.csv\"; filename*=UTF-8''%E4%BF%AE%E5%A4%8D-%E5%9B%BE%E6%96%91%E9%87%8F%E7%AE%97.csv",
                r.contentDisposition());
        assertNull(Rendered.of(new byte[0], "application/json").contentDisposition());
    }
}
