/**
 * OGC API – Processes and batch checks: jobs and their states, the batch project lists (CSV, XLSX, GeoPackage, ZIP)
 * checked row by row into a result table and report PDFs, version diffs. A row's own fault is that row's error; a
 * file that cannot be read at all is a {@code BatchInputException}.
 * <p>
 * Not here: routes (those are {@code api.ProcessesRoutes}) or the analyses and reports themselves, which it calls.
 */
package cn.ecozone.process;
