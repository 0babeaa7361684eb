/**
 * OGC API request and response pieces that need no route: query parameters of {@code /items} ({@link
 * cn.ecozone.api.ogc.ItemsRequest}), CQL2 text, datetime, CRS URIs, formats and media types, links, queryables,
 * cache validation, simple HTML pages. A parameter that cannot be used is an {@link
 * cn.ecozone.api.ogc.InvalidParameter} (BAD_INPUT), answered by {@code api} like every domain error.
 * <p>
 * Not here: routes, problem JSON or anything from {@code cn.ecozone.api} itself — this package sits below it.
 */
package cn.ecozone.api.ogc;
