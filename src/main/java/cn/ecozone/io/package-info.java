/**
 * Reading and writing geometry formats: GeoJSON (streamed into and out of JTS), WKT, the 国土 boundary-point TXT,
 * shapefiles (H2GIS, GBK/cp936 text), CSV; a project site as uploaded ({@link cn.ecozone.io.SiteInputReader}) with
 * its CRS. What cannot be read is a {@code SiteInputException} or {@code GeoJsonException} (BAD_INPUT) whose message
 * names the place.
 * <p>
 * Not here: layers, the catalog or analyses ({@code io} sits below {@code layer}); geometry validity rules live in
 * {@code geo}.
 */
package cn.ecozone.io;
