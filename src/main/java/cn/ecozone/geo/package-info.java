/**
 * Facts of geometry on the earth: CGCS2000 (EPSG:4490) and its Gauss-Krüger 3° zones, transforms, the area of record
 * ({@link cn.ecozone.geo.AreaOfRecord}, DESIGN §5) and the plane area beside it, distances on the ellipsoid, 公顷 and
 * 亩, and whether one geometry is usable ({@link cn.ecozone.geo.GeometryChecks}: in China, lon/lat order, OGC
 * validity with one Chinese wording of JTS's errors).
 * <p>
 * Not here: features, layers, files or formats. {@code geo} needs nothing above {@code text} and {@code error}.
 */
package cn.ecozone.geo;
