package org.acuteflow.demand;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

class ThinnedArrivalsTest {

    private static MRG32k3a stream(long s) {
        MRG32k3a m = new MRG32k3a();
        m.setSeed(new long[] {s, s + 1, s + 2, s + 3, s + 4, s + 5});
        return m;
    }

    /**
     * Counts per hour-of-week cell over 200 weeks match the profile: chi-square goodness of fit at the 0.1%
     * level. The profile has cells at 1% of the mean rate (pooled into one category, whose expected count is
     * still > 5) and a peak in the last hour of the week (Sunday 23:00), so a thinning that evaluated the rate
     * at the previous arrival, or a wrap-around error at the end of the week, would fail.
     */
    @Test
    void countsPerHourOfWeekMatchProfileChiSquare() {
        double[] relative = new double[168];
        for (int h = 0; h < 168; h++) {
            relative[h] = 1 + 0.5 * Math.sin(2 * Math.PI * h / 24.0);
        }
        int[] low = {3, 4, 50, 51, 52, 100};
        for (int h : low) {
            relative[h] = 0.01;
        }
        relative[167] = 6; // peak just before the wrap-around
        relative[0] = 0.01; // very low just after it
        WeeklyProfile profile = WeeklyProfile.ofHourOfWeek(relative);
        int weeks = 200;
        // 5 arrivals per hour at the mean rate: 5 x 24 x 365 a year.
        double perYear = 5.0 * 24 * 365;
        ThinnedArrivals arrivals = new ThinnedArrivals(profile, perYear);
        MRG32k3a s = stream(12345);
        long[] counts = new long[168];
        double t = 0;
        double horizon = weeks * WeeklyProfile.MINUTES_PER_WEEK;
        long n = 0;
        while (true) {
            t = arrivals.next(t, s);
            if (t >= horizon) {
                break;
            }
            counts[WeeklyProfile.hourOfWeek(t)]++;
            n++;
        }
        double perCellPerWeek = perYear / (365.0 * 24); // arrivals in one hour at relative rate 1
        double chi = 0;
        int categories = 0;
        double lowExpected = 0;
        long lowObserved = 0;
        for (int h = 0; h < 168; h++) {
            double expected = perCellPerWeek * profile.cell(h) * weeks;
            if (profile.cell(h) < 0.05) {
                lowExpected += expected;
                lowObserved += counts[h];
            } else {
                chi += (counts[h] - expected) * (counts[h] - expected) / expected;
                categories++;
            }
        }
        assertTrue(lowExpected > 5, "pooled low cells need an expected count > 5, got " + lowExpected);
        chi += (lowObserved - lowExpected) * (lowObserved - lowExpected) / lowExpected;
        categories++;
        // The rate is known, not estimated, so degrees of freedom = categories (no constraint on the total).
        double critical = new ChiSquaredDistribution(categories).inverseCumulativeProbability(0.999);
        assertTrue(chi < critical, "chi-square " + chi + " >= critical " + critical + " (n=" + n + ")");
        // The peak at Sunday 23:00 gets ~6x the mean, the cell after the wrap ~1%.
        double peakExpected = perCellPerWeek * profile.cell(167) * weeks;
        assertEquals(peakExpected, counts[167], 4 * Math.sqrt(peakExpected));
        // A cell at 1% of the mean: Poisson with mean ~2.4 over the run; allow up to its 0.9999 quantile.
        double lowMean = perCellPerWeek * profile.cell(0) * weeks;
        assertTrue(counts[0] <= new PoissonDistribution(lowMean).inverseCumulativeProbability(0.9999),
                "cell 0 got " + counts[0] + " for mean " + lowMean);
    }

    /** With a rate of zero outside one hour, every arrival falls in that hour, across many weeks. */
    @Test
    void arrivalsNeverFallInZeroRateCells() {
        double[] relative = new double[168];
        relative[167] = 1;
        relative[30] = 1;
        ThinnedArrivals arrivals = new ThinnedArrivals(WeeklyProfile.ofHourOfWeek(relative), 20_000);
        MRG32k3a s = stream(99);
        double t = 0;
        int n = 0;
        while (t < 52 * WeeklyProfile.MINUTES_PER_WEEK) {
            t = arrivals.next(t, s);
            int h = WeeklyProfile.hourOfWeek(t);
            assertTrue(h == 167 || h == 30, "arrival in hour " + h);
            n++;
        }
        assertEquals(20_000 * 52 * 7 / 365.0, n, 5 * Math.sqrt(20_000.0));
    }

    @Test
    void zeroVolumeNeverArrives() {
        ThinnedArrivals arrivals = new ThinnedArrivals(WeeklyProfile.flat(), 0);
        assertTrue(arrivals.isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, arrivals.next(0, stream(1)));
    }

    @Test
    void hourOfWeekWrapsAndHandlesNegativeTimes() {
        assertEquals(0, WeeklyProfile.hourOfWeek(0));
        assertEquals(167, WeeklyProfile.hourOfWeek(WeeklyProfile.MINUTES_PER_WEEK - 0.001));
        assertEquals(0, WeeklyProfile.hourOfWeek(WeeklyProfile.MINUTES_PER_WEEK));
        assertEquals(167, WeeklyProfile.hourOfWeek(-1));
    }

    @Test
    void aliasTableDrawsInProportion() {
        double[] w = {1, 0, 3, 6};
        AliasTable a = new AliasTable(w);
        long[] c = new long[4];
        MRG32k3a s = stream(7);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            c[a.sample(s.nextDouble())]++;
        }
        assertEquals(0, c[1]);
        for (int i = 0; i < 4; i++) {
            double p = w[i] / 10;
            assertEquals(p * n, c[i], 5 * Math.sqrt(n * p * (1 - p)) + 1e-9);
        }
    }
}
