package cn.ecozone.analysis;

import cn.ecozone.error.EcoZoneException;

/**
 * An analysis asked for more than its caps allow (HTTP 413): what was too big, how big it was (a lower bound when
 * counting stopped at the cap) and the cap, in Chinese and English.
 */
public final class AnalysisLimitExceeded extends EcoZoneException {
    private final String whatZh, whatEn;
    private final long value, limit;

    public AnalysisLimitExceeded(String whatZh, String whatEn, long value, long limit) {
        super(Kind.TOO_LARGE, whatZh + " " + value + " 超过上限 " + limit + " / " + whatEn + " " + value + " exceeds the limit " + limit);
        this.whatZh = whatZh;
        this.whatEn = whatEn;
        this.value = value;
        this.limit = limit;
    }

    public String whatZh() {
        return whatZh;
    }

    public String whatEn() {
        return whatEn;
    }

    public long value() {
        return value;
    }

    public long limit() {
        return limit;
    }
}
