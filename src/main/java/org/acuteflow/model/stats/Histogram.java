package org.acuteflow.model.stats;

/**
 * Streamed quantiles: counts in fixed-width bins from 0, plus one overflow bin. Quantiles interpolate linearly
 * inside the bin, so their error is at most one bin width for values below the top of the range. Mutable;
 * confined to one replication.
 */
public final class Histogram {
    private final double binWidth;
    private final long[] counts;
    private long total;

    /** @param bins bins of width {@code binWidth} covering [0, bins * binWidth); larger values overflow */
    public Histogram(double binWidth, int bins) {
        if (!(binWidth > 0) || bins < 1) {
            throw new IllegalArgumentException("need binWidth > 0 and bins >= 1");
        }
        this.binWidth = binWidth;
        this.counts = new long[bins + 1];
    }

    public void add(double value) {
        int i = value <= 0 ? 0 : (int) Math.min(counts.length - 1, Math.floor(value / binWidth));
        counts[i]++;
        total++;
    }

    public long count() {
        return total;
    }

    /** The q-quantile, NaN when empty; the top of the range when it falls in the overflow bin. */
    public double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        double target = q * total;
        long cumulative = 0;
        for (int i = 0; i < counts.length - 1; i++) {
            if (counts[i] > 0 && cumulative + counts[i] >= target) {
                double within = (target - cumulative) / counts[i];
                return (i + within) * binWidth;
            }
            cumulative += counts[i];
        }
        return (counts.length - 1) * binWidth;
    }

    /** Share of values strictly below {@code limit} (a multiple of the bin width). */
    public double shareBelow(double limit) {
        if (total == 0) {
            return Double.NaN;
        }
        int bins = (int) Math.round(limit / binWidth);
        long n = 0;
        for (int i = 0; i < Math.min(bins, counts.length - 1); i++) {
            n += counts[i];
        }
        return (double) n / total;
    }
}
