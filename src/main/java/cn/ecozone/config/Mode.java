package cn.ecozone.config;

import java.util.Locale;

/** Where the features and the access list are kept: files beside the catalog, or PostGIS tables. */
public enum Mode {
    EMBEDDED, POSTGIS;

    /** The name {@code /health} reports: {@code embedded} or {@code postgis}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code embedded} or {@code postgis} (any case). */
    public static Mode of(String id) {
        for (Mode m : values()) if (m.id().equalsIgnoreCase(id == null ? "" : id.strip())) return m;
        throw new IllegalArgumentException("运行模式应为 embedded 或 postgis / mode must be embedded or postgis, got \"" + id + "\"");
    }

    @Override
    public String toString() {
        return id();
    }
}
