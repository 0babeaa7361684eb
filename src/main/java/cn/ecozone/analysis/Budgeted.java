package cn.ecozone.analysis;

import java.util.concurrent.CancellationException;

/**
 * Analyses run on the server's pool within a time budget; one abandoned past it is interrupted and stops at its
 * next step (a plot, a district, a zone) instead of running on for nobody.
 */
final class Budgeted {
    private Budgeted() {}

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("analysis abandoned");
    }
}
