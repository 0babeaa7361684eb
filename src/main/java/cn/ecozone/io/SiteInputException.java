package cn.ecozone.io;

import cn.ecozone.error.EcoZoneException;

/**
 * A project site that cannot be read: wrong format, unsupported or mislabelled coordinate system, invalid
 * geometry. The message is for a planner (Chinese first, English beside) and names the place of the problem.
 */
public class SiteInputException extends EcoZoneException {
    private final boolean tooLarge;

    public SiteInputException(String message) {
        this(message, false);
    }

    private SiteInputException(String message, boolean tooLarge) {
        super(tooLarge ? Kind.TOO_LARGE : Kind.BAD_INPUT, message);
        this.tooLarge = tooLarge;
    }

    /** The site is larger than the server accepts (HTTP 413 rather than 400). */
    public static SiteInputException tooLarge(String message) {
        return new SiteInputException(message, true);
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
