/**
 * Operations on the data as a whole: a consistent backup while serving (manifest, SHA-256; {@code pg_dump} in PostGIS
 * mode) and the checked restore.
 * <p>
 * Not here: serving, analyses or scheduling; the CLI runs these.
 */
package cn.ecozone.ops;
