package org.acuteflow.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * "replications done / total, ETA" on stderr. On a terminal, a bar redrawn in place (after the first two
 * seconds, so short runs print nothing); otherwise (a batch job, a log file) one line every
 * {@code lineEverySeconds}, so an unattended run still shows that it is going. Silent when quiet.
 */
final class ProgressBar implements IntConsumer {
    private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;
    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private final long lineEveryNanos;
    private long lastDraw;
    private long lastLine;
    private int lastLineDone = -1;
    private boolean drawn;

    private final java.io.PrintWriter lines;
    private java.util.Timer timer;
    private int latestDone;

    ProgressBar(PrintStream err, boolean enabled, String label, int total) {
        this(err, enabled, null, 0, label, total);
    }

    /**
     * @param lineEverySeconds when > 0 and the bar is not enabled, a progress line at most this often; 0 for none
     */
    ProgressBar(PrintStream err, boolean enabled, java.io.PrintWriter lines, double lineEverySeconds, String label,
                int total) {
        this.err = err;
        this.enabled = enabled;
        this.lines = lines;
        this.lineEveryNanos = enabled || lines == null ? 0 : (long) (lineEverySeconds * 1e9);
        this.label = label;
        this.total = total;
        this.lastLine = start;
        if (lineEveryNanos > 0) {
            // A replication can take longer than the interval: a timer keeps the lines coming.
            long period = Math.max(1, lineEveryNanos / 1_000_000);
            timer = new java.util.Timer("progress-lines", true);
            timer.scheduleAtFixedRate(new java.util.TimerTask() {
                @Override
                public void run() {
                    tick();
                }
            }, period, period);
        }
    }

    static boolean terminalAttached() {
        return System.console() != null;
    }

    @Override
    public synchronized void accept(int done) {
        latestDone = Math.max(latestDone, done);
        if (lineEveryNanos > 0) {
            long now = System.nanoTime();
            if (now - lastLine >= lineEveryNanos) {
                line(done, now);
            }
            return;
        }
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

    /** A line for the log when the run took long enough to have printed one: its final count and time. */
    private void line(int done, long now) {
        lastLine = now;
        lastLineDone = done;
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        lines.println("progress: " + label + ": " + done + "/" + total + " replications, " + clock(elapsed)
                + " elapsed, " + (done >= total ? "done" : Double.isNaN(eta) ? "ETA --" : "ETA " + clock(eta)));
        lines.flush();
    }

    private synchronized void tick() {
        if (timer != null && System.nanoTime() - lastLine >= lineEveryNanos) {
            line(latestDone, System.nanoTime());
        }
    }

    synchronized void finish() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (lineEveryNanos > 0 && lastLineDone >= 0 && lastLineDone < total) {
            line(total, System.nanoTime());
        }
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
