package cn.ecozone.layer;

/**
 * The layer must tile the features of a parent layer without gaps or overlaps, e.g. control units
 * tile their district: {@code key} is this layer's attribute naming the parent, matched against the
 * parent's {@code parentKey}.
 */
public record TilingRule(String layer, String key, String parentKey) {}
