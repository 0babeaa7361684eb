package cn.ecozone.accesslist;

import java.util.Locale;

/** The four dimensions of an access list (seed 001: 空间布局约束、污染物排放管控、环境风险防控和资源利用效率), in table order. */
public enum Dimension {
    SPATIAL("空间布局约束", "Spatial layout constraints"),
    EMISSION("污染物排放管控", "Pollutant emission control"),
    RISK("环境风险防控", "Environmental risk prevention"),
    RESOURCE("资源利用效率", "Resource use efficiency");

    private final String zh, en;

    Dimension(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }

    public String en() { return en; }

    /** The JSON id: {@code spatial}, {@code emission}, {@code risk}, {@code resource}. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** By Chinese name or id; {@link AccessListException} for anything else. */
    public static Dimension of(String s) {
        String t = s == null ? "" : s.trim();
        for (Dimension d : values()) if (d.zh.equals(t) || d.id().equalsIgnoreCase(t)) return d;
        throw new AccessListException("维度应为 空间布局约束/污染物排放管控/环境风险防控/资源利用效率，而不是“" + s
                + "” / dimension must be one of the four, got \"" + s + "\"");
    }
}
