package cn.ecozone.geo;

/** An area in square metres with its 公顷 and 亩 equivalents, for JSON results. */
public record Area(double m2, double ha, double mu) {
    public static Area ofM2(double m2) {
        return new Area(m2, AreaUnits.toHa(m2), AreaUnits.toMu(m2));
    }
}
