package cn.ecozone.layer;

import cn.ecozone.error.EcoZoneException;

/**
 * A source of features (or of the access list) cannot be read or written now — the database is down, a connection
 * failed — whatever the storage. Answered as 503; the server recovers by itself when the store is back.
 */
public class SourceUnavailable extends EcoZoneException {
    public SourceUnavailable(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
