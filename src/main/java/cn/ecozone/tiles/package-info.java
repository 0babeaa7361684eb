/**
 * Vector tiles independent of any layer: the WebMercatorQuad tile matrix set, tile addresses, what a tile should
 * hold ({@code TileRequest}) and the byte-bounded tile cache.
 * <p>
 * Not here: making a tile from features — a source makes its own ({@code layer.FeatureSource#vectorTile}: in the
 * JVM by {@code layer.EmbeddedTiles}, in PostGIS by {@code ST_AsMVT}), so {@code tiles} sits below {@code layer}.
 */
package cn.ecozone.tiles;
