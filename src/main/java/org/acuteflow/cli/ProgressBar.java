package org.acuteflow.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * "replications done / total, ETA" on stderr, redrawn in place. Silent when quiet, when stderr is not a
 * terminal, and for the first two seconds (short runs print nothing).
 */
final class ProgressBar implements IntConsumer {
    private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;
    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err, boolean enabled, String label, int total) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.total = total;
    }

    static boolean terminalAttached() {
        return System.console() != null;
    }

    @Override
    public synchronized void accept(int done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean last = done >= total;
        if (now - start < SHOW_AFTER_NANOS || (!last && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        err.print("\r" + label + " [" + bar + "] " + done + "/" + total + " replications, "
                + (Double.isNaN(eta) ? "ETA --" : "ETA " + clock(eta)) + "   ");
        drawn = true;
        if (last) {
            finish();
        }
    }

    synchronized void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
