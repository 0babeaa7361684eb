/**
 * The HTTP server (Javalin): OGC API – Features, Tiles and Processes routes, the analysis, edit, access-list and web
 * map routes, problem JSON ({@link cn.ecozone.api.ProblemResponses}, the one place an error's kind becomes a status),
 * limits, tokens, CORS and security headers, operations (request id, access log, metrics, graceful stop).
 * <p>
 * Not here: what an answer means. A route parses the request, calls a use case ({@code app}), the layer store or an
 * analysis, and writes the result; storage, analyses and report layout belong to the packages below. Nothing below
 * {@code api} may import it ({@code ArchitectureTest}); request parsing that needs no route lives in {@code api.ogc}.
 */
package cn.ecozone.api;
