package cn.ecozone.app;

/**
 * Why a use case cannot answer, with a bilingual message (中文 / English) meant for the user. The entry points map
 * the {@link Kind}: HTTP to a problem JSON (400, 413, 503), the command line to an exit code (2 for a bad option,
 * 1 otherwise).
 */
public class UseCaseException extends RuntimeException {
    public enum Kind {
        /** An option (format, threshold, nearbyM, groupBy …) is not one the use case accepts: HTTP 400, CLI usage error. */
        BAD_OPTION,
        /** The input (the site, the plots, the layer folder) cannot be read or checked: HTTP 400, CLI exit 1. */
        BAD_INPUT,
        /** The input is larger than the limits allow: HTTP 413. */
        TOO_LARGE,
        /** Something the answer needs is missing on this machine (e.g. the report font): HTTP 503. */
        UNAVAILABLE
    }

    private final Kind kind;

    public UseCaseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public UseCaseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static UseCaseException badOption(String message) {
        return new UseCaseException(Kind.BAD_OPTION, message);
    }

    static UseCaseException badInput(String message) {
        return new UseCaseException(Kind.BAD_INPUT, message);
    }
}
