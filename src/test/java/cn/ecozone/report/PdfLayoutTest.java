package cn.ecozone.report;

import cn.ecozone.report.ReportDocument.Block;
import cn.ecozone.report.ReportDocument.Heading;
import cn.ecozone.report.ReportDocument.Paragraph;
import cn.ecozone.report.ReportDocument.Table;
import cn.ecozone.report.ReportDocument.Tone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF layout read back page by page: a heading is never the last thing on a page (it keeps the start of its
 * table with it), a table that runs over a page break repeats its header, and every page is numbered. Filler of
 * every length from none to two pages moves the heading across every position on a page.
 */
class PdfLayoutTest {
    static final String FILLER = "生态保护红线内，自然保护地核心保护区原则上禁止人为活动，其他区域严格禁止开发性、生产性建设活动（国家重大战略项目除外）。";

    static List<String[]> pages(ReportDocument d) throws IOException {
        byte[] pdf = SiteReportPdf.render(d, "测试");
        List<String[]> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                out.add(Arrays.stream(s.getText(doc).split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toArray(String[]::new));
            }
        }
        return out;
    }

    @Test
    void headingsStayWithTheirTablesAndTablesRepeatTheirHeaderOnEveryPage() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 70; i++) rows.add(List.of("R" + i, "第 " + i + " 行：" + "较长的单元格文字需要换行。".repeat(i % 3 + 1), String.valueOf(i * 7)));
        for (int filler = 0; filler <= 56; filler += 4) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Heading(1, "版式测试"));
            for (int i = 0; i < filler; i++) blocks.add(new Paragraph(i + "．" + FILLER, Tone.BODY));
            blocks.add(new Heading(2, "三、表格标题"));
            blocks.add(new Table(List.of("编号", "内容", "数值"), rows, List.of(1f, 5f, 1f)));
            List<String[]> pages = pages(new ReportDocument(ReportLanguage.ZH, "版式测试", "EZ-TEST", "第 %1$d 页 共 %2$d 页", blocks));
            int n = pages.size();
            boolean inTable = false;
            int rowsSeen = 0;
            for (int p = 0; p < n; p++) {
                String[] lines = pages.get(p);
                // the foot: page label and report number on one line (stamped last, so extracted last)
                String foot = lines[lines.length - 1].replace(" ", "");
                assertTrue(foot.contains("第" + (p + 1) + "页共" + n + "页") && foot.contains("EZ-TEST"), "filler " + filler + ", page " + (p + 1) + ": " + foot);
                String[] body = Arrays.copyOf(lines, lines.length - 1);
                assertFalse(body.length > 0 && body[body.length - 1].equals("三、表格标题"), "filler " + filler + ": the heading ends page " + (p + 1));
                int heading = Arrays.asList(body).indexOf("三、表格标题");
                if (heading >= 0) {
                    assertTrue(heading + 2 < body.length && body[heading + 1].replace(" ", "").equals("编号内容数值") && body[heading + 2].startsWith("R1"),
                            "filler " + filler + ": the header and first row follow the heading on its page");
                    inTable = true;
                } else if (inTable) {
                    assertEquals("编号内容数值", body[0].replace(" ", ""), "filler " + filler + ": page " + (p + 1) + " continues the table with its header");
                }
                for (String l : body) if (l.matches("R\\d+ .*")) rowsSeen++;
            }
            assertEquals(70, rowsSeen, "filler " + filler + ": every row, none split or lost");
        }
    }
}
