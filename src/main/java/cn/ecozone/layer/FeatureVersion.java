package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;

import java.time.Instant;

/**
 * One version of a feature.
 *
 * @param revision 0 for the version loaded from the layer's file or table, then 1, 2 … per change
 * @param action {@code loaded}, {@code insert}, {@code replace} or {@code delete}
 * @param feature the feature as it was after the change (null after a delete)
 * @param etag the feature's ETag after the change (null after a delete)
 * @param editor who made the change (null for the loaded version)
 * @param at when (null for the loaded version)
 */
public record FeatureVersion(String id, int revision, String action, SimpleFeature feature, String etag, String editor, Instant at) {}
