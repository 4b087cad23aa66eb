package org.acuteflow.model.stats;

import org.acuteflow.sim.WeekTime;

/**
 * Time-weighted mean of a level (beds occupied, vehicles busy) over the statistics window [start, end), and
 * optionally its mean in each hour of the week. Changes before the window only set the level, so a warm-up is
 * excluded. Mutable; confined to one replication.
 */
public final class TimeWeighted {
    private final double start;
    private final double end;
    private final double[] hourArea;
    private double level;
    private double lastTime;
    private double area;
    /** Last hour (from time 0) seen by {@link #accumulate} and its hour of the week: most changes fall in it. */
    private long cachedHour = Long.MIN_VALUE;
    private int cachedHourOfWeek;

    public TimeWeighted(double startMinutes, double endMinutes, boolean byHourOfWeek) {
        this.start = startMinutes;
        this.end = endMinutes;
        this.hourArea = byHourOfWeek ? new double[WeekTime.HOURS_PER_WEEK] : null;
        this.lastTime = 0;
    }

    public double level() {
        return level;
    }

    public void add(double nowMinutes, double delta) {
        set(nowMinutes, level + delta);
    }

    public void set(double nowMinutes, double newLevel) {
        accumulate(nowMinutes);
        level = newLevel;
    }

    private void accumulate(double now) {
        double a = Math.max(lastTime, start);
        double b = Math.min(now, end);
        lastTime = Math.max(lastTime, now);
        if (!(b > a) || level == 0) {
            return;
        }
        area += level * (b - a);
        if (hourArea != null) {
            while (a < b) {
                long k = (long) Math.floor(a / WeekTime.MINUTES_PER_HOUR);
                if (k != cachedHour) {
                    // A long division, worth skipping: levels change many times an hour.
                    cachedHour = k;
                    cachedHourOfWeek = WeekTime.hourOfWeek(k);
                }
                double segmentEnd = Math.min(b, (k + 1) * WeekTime.MINUTES_PER_HOUR);
                hourArea[cachedHourOfWeek] += level * (segmentEnd - a);
                a = segmentEnd;
            }
        }
    }

    /** Closes the window: call once at the end of the replication (at or after {@code end}). */
    public void finish(double nowMinutes) {
        accumulate(Math.max(nowMinutes, end));
    }

    public double mean() {
        return end > start ? area / (end - start) : Double.NaN;
    }

    /** Mean level in each hour of the week over the window (NaN for hours the window never covers). */
    public double[] meanByHourOfWeek() {
        double[] exposure = exposureByHourOfWeek(start, end);
        double[] out = new double[WeekTime.HOURS_PER_WEEK];
        for (int h = 0; h < out.length; h++) {
            out[h] = exposure[h] > 0 ? hourArea[h] / exposure[h] : Double.NaN;
        }
        return out;
    }

    /** Minutes of [start, end) that fall in each hour of the week. */
    public static double[] exposureByHourOfWeek(double start, double end) {
        double[] e = new double[WeekTime.HOURS_PER_WEEK];
        double a = start;
        while (a < end) {
            long k = (long) Math.floor(a / WeekTime.MINUTES_PER_HOUR);
            double segmentEnd = Math.min(end, (k + 1) * WeekTime.MINUTES_PER_HOUR);
            e[WeekTime.hourOfWeek(k)] += segmentEnd - a;
            a = segmentEnd;
        }
        return e;
    }
}
