package cn.ecozone.accesslist;

/** An access list that cannot be read or does not hold together; the message says where, in Chinese and English. */
public class AccessListException extends IllegalArgumentException {
    public AccessListException(String message) {
        super(message);
    }

    public AccessListException(String message, Throwable cause) {
        super(message, cause);
    }
}
