package org.acuteflow.demand;

/**
 * Walker's alias method (Vose's construction): draws an index with probability proportional to its weight in
 * O(1) from one uniform. Immutable and thread-safe.
 */
public final class AliasTable {
    /**
     * Each index's threshold and alias side by side, {@code [2i]} and {@code [2i + 1]} (the alias, a whole number,
     * held exactly): a draw then reads one cache line, not one in each of two arrays, which matters for the
     * thousands of zones of a city network (docs/performance.md).
     */
    private final double[] thresholdAndAlias;

    public AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("need at least one weight");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        double[] threshold = new double[n];
        int[] alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            threshold[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // Left-overs have probability 1 up to rounding.
        while (nl > 0) {
            int l = large[--nl];
            threshold[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            threshold[s] = 1;
            alias[s] = s;
        }
        thresholdAndAlias = new double[2 * n];
        for (int i = 0; i < n; i++) {
            thresholdAndAlias[2 * i] = threshold[i];
            thresholdAndAlias[2 * i + 1] = alias[i];
        }
    }

    public int size() {
        return thresholdAndAlias.length / 2;
    }

    /** The index chosen by uniform {@code u} in [0, 1). */
    public int sample(double u) {
        int n = thresholdAndAlias.length / 2;
        double x = u * n;
        int i = (int) x;
        if (i >= n) {
            i = n - 1;
        }
        double frac = x - i;
        return frac < thresholdAndAlias[2 * i] ? i : (int) thresholdAndAlias[2 * i + 1];
    }
}
