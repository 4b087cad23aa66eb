package org.acuteflow.demand;

import java.util.Arrays;
import org.acuteflow.sim.WeekTime;

/**
 * Relative intensity for each of the 168 hours of the week (Monday 00:00 = cell 0), scaled so that the mean cell
 * is 1: the rate in cell h is {@code annualVolume / minutesPerYear * cell(h)}. The profile repeats every week.
 * Immutable and thread-safe.
 */
public final class WeeklyProfile {
    public static final int HOURS_PER_WEEK = WeekTime.HOURS_PER_WEEK;
    public static final double MINUTES_PER_WEEK = WeekTime.MINUTES_PER_WEEK;

    private final double[] cells;
    private final double max;

    private WeeklyProfile(double[] relative) {
        if (relative.length != HOURS_PER_WEEK) {
            throw new IllegalArgumentException("a weekly profile has 168 cells, got " + relative.length);
        }
        double sum = 0;
        for (double v : relative) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("profile cells must be finite and >= 0, got " + v);
            }
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("a profile must have at least one positive cell");
        }
        cells = new double[HOURS_PER_WEEK];
        double m = 0;
        for (int i = 0; i < HOURS_PER_WEEK; i++) {
            cells[i] = relative[i] * HOURS_PER_WEEK / sum;
            m = Math.max(m, cells[i]);
        }
        // Weights whose sum overflows would give NaN cells, and thinning against a NaN maximum never accepts.
        if (!(m > 0 && Double.isFinite(m) && Double.isFinite(sum))) {
            throw new IllegalArgumentException("profile weights too large or too small to normalise (sum " + sum + ")");
        }
        max = m;
    }

    /** From 168 relative weights, any scale. */
    public static WeeklyProfile ofHourOfWeek(double[] relative) {
        return new WeeklyProfile(relative.clone());
    }

    /** The product of an hour-of-day shape (24 weights) and a day-of-week shape (7 weights, Monday first). */
    public static WeeklyProfile ofProduct(double[] hourOfDay, double[] dayOfWeek) {
        if (hourOfDay.length != 24 || dayOfWeek.length != 7) {
            throw new IllegalArgumentException("need 24 hour-of-day and 7 day-of-week weights");
        }
        double[] c = new double[HOURS_PER_WEEK];
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                c[d * 24 + h] = dayOfWeek[d] * hourOfDay[h];
            }
        }
        return new WeeklyProfile(c);
    }

    public static WeeklyProfile flat() {
        double[] c = new double[HOURS_PER_WEEK];
        Arrays.fill(c, 1);
        return new WeeklyProfile(c);
    }

    /** Hour of the week (0..167) of clock time {@code minutes} (minutes from Monday 00:00 of week 0). */
    public static int hourOfWeek(double minutes) {
        return WeekTime.hourOfWeek(minutes);
    }

    /** Relative intensity (mean 1) in hour-of-week {@code h}. */
    public double cell(int h) {
        return cells[h];
    }

    public double at(double minutes) {
        return cells[hourOfWeek(minutes)];
    }

    public double max() {
        return max;
    }

    /** Share of the weekly volume that falls in cell {@code h}. */
    public double share(int h) {
        return cells[h] / HOURS_PER_WEEK;
    }

    public double[] cells() {
        return cells.clone();
    }
}
