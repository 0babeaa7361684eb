package cn.ecozone.report;

import java.util.List;

/**
 * A report as content, before any typesetting: the title, the report number and a list of blocks in reading order.
 * Built once ({@link SiteReport#build}) and rendered by {@link SiteReportHtml} and {@link SiteReportPdf}, so the two
 * formats print exactly the same words. Every text is final (already in the report's language).
 *
 * @param pageLabel how a page is numbered, with {@code %1$d} the page and {@code %2$d} the page count ("第 %1$d 页 共 %2$d 页")
 */
public record ReportDocument(ReportLanguage lang, String title, String number, String pageLabel, List<Block> blocks) {
    public ReportDocument {
        blocks = List.copyOf(blocks);
    }

    /** One piece of the report. */
    public sealed interface Block permits Heading, Paragraph, Verdict, Table, KeyValues, Bullets, Figure {}

    /** @param level 1 for the title, 2 for a section, 3 for a sub-section */
    public record Heading(int level, String text) implements Block {}

    /** How a paragraph is set. */
    public enum Tone {
        /** Running text. */
        BODY,
        /** Small grey print: captions, rules, the colophon. */
        NOTE,
        /** The illustrative-data warning, in red. */
        ALERT,
        /** The signature and seal line, set apart below the content. */
        SIGNATURE
    }

    public record Paragraph(String text, Tone tone) implements Block {}

    /** The verdict line: a label ("研判结论：") and the verdict, shown in the verdict's colour. */
    public record Verdict(String label, String text, String verdict) implements Block {}

    /**
     * A table with a header row (null: none); {@code weights} are the relative column widths a fixed-width layout
     * (the PDF) uses.
     */
    public record Table(List<String> header, List<List<String>> rows, List<Float> weights) implements Block {
        public Table {
            header = header == null ? null : List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            weights = List.copyOf(weights);
        }
    }

    /** Label–value rows (the site's facts), the label column set as a header. */
    public record KeyValues(List<List<String>> rows) implements Block {
        public KeyValues {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * The map figure with the words drawn on it and its caption.
     *
     * @param siteLabel the legend's name for the site ("项目地块"), @param insetLabel the inset's title ("位置示意")
     * @param scaleLabel the scale bar's length ("500 米")
     * @param legend layer id → its title in the report's language, for the layers drawn
     */
    public record Figure(SiteFigure figure, String siteLabel, String insetLabel, String scaleLabel, java.util.Map<String, String> legend,
                         String caption) implements Block {}
}
