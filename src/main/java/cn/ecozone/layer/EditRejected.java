package cn.ecozone.layer;

/** An edit refused for identity or version reasons; nothing was stored. */
public final class EditRejected extends RuntimeException {
    public enum Reason { EXISTS, NOT_FOUND, STALE }

    private final Reason reason;

    public EditRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
