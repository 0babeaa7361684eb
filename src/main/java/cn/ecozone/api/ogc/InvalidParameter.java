package cn.ecozone.api.ogc;

import cn.ecozone.error.EcoZoneException;

/**
 * A query parameter or filter of an OGC API request that cannot be used (unknown, malformed, out of range): the
 * message says which and what is allowed. Kept here, below the routes, so parsing requests needs nothing from
 * {@code api}; the api layer answers it as 400 problem JSON like every {@link Kind#BAD_INPUT}.
 */
public class InvalidParameter extends EcoZoneException {
    public InvalidParameter(String message) {
        super(Kind.BAD_INPUT, message);
    }
}
