package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;

import java.util.List;
import java.util.Optional;

/**
 * Create, replace and delete features of one editable layer with optimistic concurrency and a history
 * (OGC API – Features Part 4). Implementations: {@link JournaledFeatureEditor} (embedded: in memory plus an
 * fsynced append-only journal) and, later, a PostGIS one (one transaction per change).
 *
 * <p>Contract every implementation keeps:
 * <ul>
 *   <li>Features handed in are already validated ({@link FeatureBuilder}: schema, geometry valid, in China);
 *       the editor checks only identity and versions.</li>
 *   <li>A change is durable before the method returns (journal fsynced / transaction committed); if the method
 *       throws, nothing was stored.</li>
 *   <li>Each current feature has an ETag: an opaque string that changes whenever the feature changes, stable
 *       across restarts ({@link FeatureEtag} computes it from the content, so PostGIS can compute the same).</li>
 *   <li>{@code replace}/{@code delete} take the ETag the client last saw; a different current ETag is
 *       {@link EditRejected.Reason#STALE} and changes nothing. Changes to one layer are serialised.</li>
 *   <li>Readers of the layer's {@link FeatureSource} see the layer before or after a change, never a mix.</li>
 *   <li>Every change is recorded with who and when; {@link #history} returns every version, oldest first,
 *       including the version loaded from the layer's file or table (revision 0, editor null).</li>
 * </ul>
 */
public interface FeatureEditor {
    LayerDef layer();

    /** The current feature and its ETag, or empty when there is none with this id. */
    Optional<FeatureVersion> current(String id);

    /** Adds a feature; {@link EditRejected.Reason#EXISTS} when its id is taken. */
    FeatureVersion insert(SimpleFeature feature, String editor);

    /** Replaces the feature with the same id; NOT_FOUND or STALE when {@code expectedEtag} is not current. */
    FeatureVersion replace(SimpleFeature feature, String expectedEtag, String editor);

    /** Deletes a feature; NOT_FOUND or STALE as for replace. The returned version has a null feature. */
    FeatureVersion delete(String id, String expectedEtag, String editor);

    /** Every version of the feature, oldest first (empty when it never existed). */
    List<FeatureVersion> history(String id);
}
