package cn.ecozone.layer;

import cn.ecozone.error.EcoZoneException;

/** An edit refused for identity or version reasons; nothing was stored. */
public final class EditRejected extends EcoZoneException {
    public enum Reason { EXISTS, NOT_FOUND, STALE }

    private final Reason reason;

    public EditRejected(Reason reason, String message) {
        super(switch (reason) {
            case EXISTS -> Kind.CONFLICT;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case STALE -> Kind.STALE;
        }, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
