package cn.ecozone.layer;

import org.locationtech.jts.geom.Coordinate;

/**
 * One thing wrong with a layer, for the validation report.
 *
 * @param featureId null when the problem is about the whole file
 * @param location lon/lat where the problem is, or null
 */
public record Problem(Severity severity, String layer, String featureId, String message, Coordinate location) {
    public enum Severity { ERROR, WARNING }

    public static Problem error(String layer, String featureId, String message) {
        return new Problem(Severity.ERROR, layer, featureId, message, null);
    }

    public static Problem error(String layer, String featureId, String message, Coordinate at) {
        return new Problem(Severity.ERROR, layer, featureId, message, at);
    }

    public static Problem warning(String layer, String featureId, String message) {
        return new Problem(Severity.WARNING, layer, featureId, message, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One readable line: {@code [错误] control_unit / ZH14021310001: 自相交 at (113.1, 40.2)}. */
    public String describe() {
        String where = featureId == null ? layer : layer + " / " + featureId;
        String at = location == null ? "" : String.format(" 位置 at (%.7f, %.7f)", location.x, location.y);
        return (isError() ? "[错误 ERROR] " : "[警告 WARNING] ") + where + ": " + message + at;
    }
}
