package cn.ecozone.io;

/** Input that is not valid GeoJSON (or not the GeoJSON we expect); the message is for a planner. */
public class GeoJsonException extends RuntimeException {
    public GeoJsonException(String message) {
        super(message);
    }
}
