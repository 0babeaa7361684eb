package cn.ecozone.error;

import java.util.Objects;

/**
 * Something the domain means to say went wrong, with its {@link Kind}: bad input, a thing that does not exist, a
 * conflict, too much asked for, a store that is unavailable. The message is written for a planner (Chinese first,
 * English beside) and is shown to the client as it is, so it must never carry internals (stack traces, SQL, paths
 * of the server). The HTTP layer maps the kind to a status once ({@code api.ProblemResponses}); the command line
 * prints the message. A bare {@link IllegalArgumentException} or {@link IllegalStateException} is a bug, not a
 * kind: it is answered as 500 without its message.
 */
public class EcoZoneException extends RuntimeException {
    /** What kind of failure, independent of how it is answered (HTTP status, exit code). */
    public enum Kind {
        /** The input is wrong (malformed, out of range, invalid geometry, unknown parameter): the client can fix it. */
        BAD_INPUT,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request contradicts the current state (an id that already exists). */
        CONFLICT,
        /** The request was made against a version that has since changed. */
        STALE,
        /** The request asks for more than the server allows (a site too large, an analysis over its caps). */
        TOO_LARGE,
        /** A store or service the request needs cannot be reached now; retrying later may succeed. */
        UNAVAILABLE
    }

    private final Kind kind;

    public EcoZoneException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    public EcoZoneException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    public static EcoZoneException badInput(String message) {
        return new EcoZoneException(Kind.BAD_INPUT, message);
    }

    public static EcoZoneException notFound(String message) {
        return new EcoZoneException(Kind.NOT_FOUND, message);
    }

    public static EcoZoneException tooLarge(String message) {
        return new EcoZoneException(Kind.TOO_LARGE, message);
    }

    public static EcoZoneException unavailable(String message, Throwable cause) {
        return new EcoZoneException(Kind.UNAVAILABLE, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
