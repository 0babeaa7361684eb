/**
 * Tiles independent of any layer: the WebMercatorQuad tile matrix set, tile addresses, what a tile should hold
 * ({@code TileRequest}), the byte-bounded tile cache, and map tiles: a layer's style as painted
 * ({@code MapTileStyle}) and the Java2D painter of a vector tile's features into a PNG ({@code MapTilePainter});
 * {@code MvtFeatures} decodes an encoded vector tile back to those features.
 * <p>
 * Not here: making a vector tile from features — a source makes its own ({@code layer.FeatureSource#vectorTile}: in
 * the JVM by {@code layer.EmbeddedTiles}, in PostGIS by {@code ST_AsMVT}) and hands the map tiles its features
 * ({@code FeatureSource#tileFeatures}), so {@code tiles} sits below {@code layer}.
 */
package cn.ecozone.tiles;
