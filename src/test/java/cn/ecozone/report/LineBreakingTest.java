package cn.ecozone.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 禁则: where a line may break in Chinese text. */
class LineBreakingTest {
    @Test
    void aBreakBeforeClosingPunctuationMovesBackSoTheMarkStaysWithItsWord() {
        String t = "依据《规划》第六条）其余";
        int before = t.indexOf('）');
        assertEquals(before - 1, LineBreaking.adjust(t, 0, before), "“条”moves down with “）”");
    }

    @Test
    void aBreakAfterOpeningPunctuationMovesBackSoTheMarkStartsTheNextLine() {
        String t = "禁止新建项目（含扩建）";
        int after = t.indexOf('（') + 1;
        assertEquals(after - 1, LineBreaking.adjust(t, 0, after));
    }

    @Test
    void runsOfClosingMarksMoveTogetherAndAGoodBreakStays() {
        String t = "朔政发〔2022〕36号”。后文";
        int at = t.indexOf('。');
        int b = LineBreaking.adjust(t, 0, at);
        assertEquals(t.indexOf('”') - 1, b, "号”。 stay together: the break goes before 号");
        assertEquals(3, LineBreaking.adjust("甲乙丙丁", 0, 3));
    }

    @Test
    void theRuleGivesWayRatherThanEmptyALine() {
        String t = "甲）））））";
        assertEquals(2, LineBreaking.adjust(t, 0, 2), "no more than three characters move; then the break stays");
    }
}
