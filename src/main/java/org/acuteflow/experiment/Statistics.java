package org.acuteflow.experiment;

import org.apache.commons.math3.distribution.TDistribution;

/** Across-replication statistics: means and Student-t 95% intervals, and paired differences. */
public final class Statistics {
    private Statistics() {
    }

    /**
     * Mean and two-sided 95% Student-t interval of the finite values.
     *
     * @param n number of finite values; the interval is NaN when n &lt; 2 (no interval from one replication)
     */
    public record Interval(double mean, double low, double high, int n) {
        public double halfWidth() {
            return (high - low) / 2;
        }

        public boolean hasInterval() {
            return n >= 2 && Double.isFinite(low);
        }
    }

    public static Interval interval95(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Interval(mean, Double.NaN, Double.NaN, n);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd / Math.sqrt(n);
        return new Interval(mean, mean - half, mean + half, n);
    }

    /** Element-wise a - b, NaN where either is missing: the paired (common random numbers) differences. */
    public static double[] pairedDifferences(double[] a, double[] b) {
        double[] d = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
