package cn.ecozone.app;

import cn.ecozone.error.EcoZoneException;

/**
 * Why a use case cannot answer: an {@link EcoZoneException} of its {@link Kind} ({@code BAD_INPUT}, {@code TOO_LARGE},
 * {@code UNAVAILABLE} …) with a bilingual message (中文 / English) meant for the user, which also says whether the
 * fault is in an option (format, threshold, nearbyM, groupBy, table) rather than in the input itself. The entry
 * points map it: HTTP to a problem JSON (400, 413, 503), the command line to an exit code (2 for a bad option —
 * a usage error — and 1 otherwise).
 */
public class UseCaseException extends EcoZoneException {
    private final boolean option;

    public UseCaseException(Kind kind, String message) {
        this(kind, message, null);
    }

    public UseCaseException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, false);
    }

    private UseCaseException(Kind kind, String message, Throwable cause, boolean option) {
        super(kind, message, cause);
        this.option = option;
    }

    /** An option the use case does not accept: {@code BAD_INPUT}, and on the command line a usage error. */
    public boolean badOption() {
        return option;
    }

    static UseCaseException badOption(String message) {
        return new UseCaseException(Kind.BAD_INPUT, message, null, true);
    }

    public static UseCaseException badInput(String message) {
        return new UseCaseException(Kind.BAD_INPUT, message);
    }
}
