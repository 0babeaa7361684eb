package cn.ecozone.accesslist;

import cn.ecozone.error.EcoZoneException;

/** An access list that cannot be read or does not hold together; the message says where, in Chinese and English. */
public class AccessListException extends EcoZoneException {
    public AccessListException(String message) {
        super(Kind.BAD_INPUT, message);
    }

    public AccessListException(String message, Throwable cause) {
        super(Kind.BAD_INPUT, message, cause);
    }
}
