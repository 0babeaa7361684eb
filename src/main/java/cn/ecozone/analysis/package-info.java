/**
 * Analyses as pure functions of geometries, layers and the access list: the site check ({@link
 * cn.ecozone.analysis.SiteCheck}: hits, overlap areas, nearest distances, the verdict), identify, plot measures and
 * their statistics, district statistics, layer quality checks. The site check's geometry kernel ({@code Edges},
 * {@code OverlapArea}, {@code NearestDistance}) lives here too.
 * <p>
 * Not here: HTTP, files, databases, configuration sources or output formats. Features come through
 * {@code layer.FeatureSource}, so an analysis never knows whether they came from a file or PostGIS; results are
 * records that {@code report}, {@code app} and {@code api} render. Bad input is an {@code EcoZoneException} of kind
 * BAD_INPUT, too much work an {@code AnalysisLimitExceeded}.
 */
package cn.ecozone.analysis;
