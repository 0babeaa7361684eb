package cn.ecozone.layer;

/** Sort by an attribute (or {@code id}), ascending unless {@code descending}. */
public record SortKey(String property, boolean descending) {}
