package cn.ecozone.config;

/**
 * The configuration is wrong: an unknown key, a value that is not a number or out of range, a missing file. The
 * message names the key and where the value came from, in Chinese and English; {@code serve} prints it and exits 2.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
