/**
 * The application layer: what EcoZone does for a user, once, whatever the entry point. A use case
 * ({@link cn.ecozone.app.SiteCheckUseCase}, {@link cn.ecozone.app.MeasureUseCase}, {@link cn.ecozone.app.SiteExportUseCase})
 * takes plain inputs — the uploaded bytes with a file name or content type ({@link cn.ecozone.app.Upload}), options
 * as strings or numbers — reads them with the {@code io} readers, runs the {@code analysis}, and returns a result;
 * the result is written by an {@link cn.ecozone.app.OutputFormat} looked up by name or media type in the use case's
 * {@link cn.ecozone.app.Formats} registry (one class per format: json, html, pdf, csv, geojson, txt).
 *
 * <p>Belongs here: reading a request's inputs into domain objects, option parsing with bilingual messages
 * ({@link cn.ecozone.app.UseCaseException} with a {@link cn.ecozone.app.UseCaseException.Kind}), loading a layer
 * folder with its access list for the command line ({@link cn.ecozone.app.LayerFolder}), and the formats.
 * Does not belong here: HTTP (status codes, headers, Javalin — that is {@code api}), the terminal (exit codes, flags —
 * {@code cli}), and the analysis itself ({@code analysis}, {@code report}, {@code process}). This package imports
 * neither {@code api} nor {@code cli}; both import it, so a new entry point is one class that calls a use case, and a
 * new format is one class added to a registry.
 */
package cn.ecozone.app;
