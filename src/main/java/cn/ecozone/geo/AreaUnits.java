package cn.ecozone.geo;

/** Chinese land-area units: 1 公顷 (hectare) = 10 000 m²; 1 亩 = 10 000/15 m² (≈ 666.67 m²). */
public final class AreaUnits {
    public static final double M2_PER_HA = 10_000.0;
    public static final double M2_PER_MU = 10_000.0 / 15.0;

    private AreaUnits() {}

    public static double toHa(double m2) { return m2 / M2_PER_HA; }
    public static double toMu(double m2) { return m2 / M2_PER_MU; }
    public static double haToM2(double ha) { return ha * M2_PER_HA; }
    public static double muToM2(double mu) { return mu * M2_PER_MU; }
}
