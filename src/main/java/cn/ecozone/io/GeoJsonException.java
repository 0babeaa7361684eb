package cn.ecozone.io;

import cn.ecozone.error.EcoZoneException;

/** Input that is not valid GeoJSON (or not the GeoJSON we expect); the message is for a planner. */
public class GeoJsonException extends EcoZoneException {
    public GeoJsonException(String message) {
        super(Kind.BAD_INPUT, message);
    }
}
