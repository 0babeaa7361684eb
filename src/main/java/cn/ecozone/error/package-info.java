/**
 * Errors with a kind: {@link cn.ecozone.error.EcoZoneException} and its {@link cn.ecozone.error.EcoZoneException.Kind}
 * (BAD_INPUT, NOT_FOUND, CONFLICT, STALE, TOO_LARGE, UNAVAILABLE), which the domain throws where it means one of them
 * and which {@code api.ProblemResponses} maps to an HTTP status once. At the bottom: every package may use it.
 * <p>
 * Not here: HTTP statuses, exit codes, or any other {@code cn.ecozone} package. A bare {@code IllegalArgumentException}
 * or {@code IllegalStateException} is a bug, not a kind (answered 500).
 */
package cn.ecozone.error;
