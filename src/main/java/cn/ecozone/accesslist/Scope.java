package cn.ecozone.accesslist;

import java.util.List;

/** Scopes are {@code 全国}, {@code 省}, {@code 省/市}, {@code 省/市/区县} paths, or a unit code. */
public final class Scope {
    public static final String NATIONAL = "全国";

    private Scope() {}

    /** The last part of a path scope: the county of {@code 山西省/大同市/新荣区}, the city of {@code 山西省/大同市}. */
    public static String place(String scope) {
        int i = scope.lastIndexOf('/');
        return i < 0 ? scope : scope.substring(i + 1);
    }

    /** The places a path scope names, widest first ({@code [山西省, 大同市, 新荣区]}). */
    public static List<String> places(String scope) {
        return NATIONAL.equals(scope) ? List.of() : List.of(scope.split("/"));
    }
}
