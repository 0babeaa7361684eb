/**
 * The one configuration of the server: every setting with its default, environment variable and flag
 * ({@link cn.ecozone.config.Setting}), the typed immutable record built from them
 * ({@link cn.ecozone.config.EcoZoneConfig}) and the loader that reads defaults, file, environment and flags once, checks
 * them and prints them with secrets masked ({@link cn.ecozone.config.ConfigLoader}). See {@code docs/configuration.md}.
 *
 * <p>Belongs here: plain values (numbers, paths, text, {@link cn.ecozone.config.Mode}). Does not: anything that uses
 * them — parsing tokens, building limits or CORS policies happens in {@code api}, reading the process environment only in
 * {@code cli/ServeCommand}. It sits below {@code api} and {@code cli} and above {@code layer} and {@code tiles}
 * (whose two defaults it lists), so those lower packages never read the configuration themselves: they are handed values.
 */
package cn.ecozone.config;
