package cn.ecozone.accesslist;

/** Where a requirement comes from and how far it reaches: national law, 总体准入要求 of a province, city or county, or one unit's own list. */
public enum Level {
    NATIONAL("国家"), PROVINCE("省"), CITY("市"), COUNTY("区县"), UNIT("单元");

    private final String zh;

    Level(String zh) {
        this.zh = zh;
    }

    public String zh() { return zh; }

    public static Level of(String s) {
        String t = s == null ? "" : s.trim();
        for (Level l : values()) if (l.zh.equals(t) || l.name().equalsIgnoreCase(t)) return l;
        throw new AccessListException("层级应为 国家/省/市/区县/单元，而不是“" + s + "” / level must be 国家, 省, 市, 区县 or 单元, got \"" + s + "\"");
    }
}
