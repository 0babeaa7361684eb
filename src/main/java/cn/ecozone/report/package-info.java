/**
 * The site-check report: one document model ({@code ReportDocument}, built by {@code SiteReport} in Chinese or
 * English) rendered as HTML with an SVG map and as PDF (with its own small layout class), the map figure and the
 * report's colours from {@code styles/}.
 * <p>
 * Not here: the analysis (the report renders a {@code SiteCheckResult}), HTTP, or choosing a format for a request
 * ({@code app}).
 */
package cn.ecozone.report;
