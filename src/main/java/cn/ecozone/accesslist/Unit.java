package cn.ecozone.accesslist;

import java.util.List;

/**
 * One row of the official table: a 环境管控单元 with its administrative place and type (优先保护/重点管控/一般管控).
 * Its scopes, from the widest, are {@code province}, {@code province/city}, {@code province/city/county}.
 */
public record Unit(String code, String name, String province, String city, String county, String type) {
    public List<String> scopes() {
        return List.of(Scope.NATIONAL, province, province + "/" + city, province + "/" + city + "/" + county);
    }

    /** Whether a requirement scoped to {@code scope} (a 国家/省/市/区县 scope, or a unit code) reaches this unit. */
    public boolean within(String scope) {
        return scope.equals(code) || scopes().contains(scope);
    }
}
