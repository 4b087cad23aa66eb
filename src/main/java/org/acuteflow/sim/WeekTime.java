package org.acuteflow.sim;

/**
 * The one time convention of the model: the simulation clock counts minutes from Monday 00:00 of week 0; an hour
 * of the week runs 0..167 (Monday 00:00 = 0, index = day of week x 24 + hour of day); a day index counts whole days
 * from the clock's start; Saturday and Sunday (days of the week 5 and 6, hours of the week 120..167) are the weekend.
 * Every part of the model that turns a clock time into an hour, a day or a weekend flag calls this class.
 */
public final class WeekTime {
    public static final int HOURS_PER_DAY = 24;
    public static final int DAYS_PER_WEEK = 7;
    public static final int HOURS_PER_WEEK = HOURS_PER_DAY * DAYS_PER_WEEK;
    public static final double MINUTES_PER_HOUR = 60.0;
    public static final double MINUTES_PER_DAY = HOURS_PER_DAY * MINUTES_PER_HOUR;
    public static final double MINUTES_PER_WEEK = HOURS_PER_WEEK * MINUTES_PER_HOUR;
    /** Counts per year are per 365-day year of simulated time. */
    public static final double MINUTES_PER_YEAR = 365 * MINUTES_PER_DAY;
    /** First hour of the week of the weekend (Saturday 00:00). */
    public static final int FIRST_WEEKEND_HOUR = 5 * HOURS_PER_DAY;
    /** Names of the days of the week, Monday first. */
    public static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private WeekTime() {
    }

    /** Hour of the week (0..167) of clock time {@code minutes}. */
    public static int hourOfWeek(double minutes) {
        long h = (long) Math.floor(minutes / MINUTES_PER_HOUR);
        return hourOfWeek(h);
    }

    /** Hour of the week (0..167) of the {@code hour}-th hour since the clock's start. */
    public static int hourOfWeek(long hour) {
        return (int) Math.floorMod(hour, (long) HOURS_PER_WEEK);
    }

    /** Whole days since the clock's start. */
    public static long dayIndex(double minutes) {
        return (long) Math.floor(minutes / MINUTES_PER_DAY);
    }

    /** Day of the week, 0 = Monday .. 6 = Sunday. */
    public static int dayOfWeek(double minutes) {
        return (int) Math.floorMod(dayIndex(minutes), (long) DAYS_PER_WEEK);
    }

    /** Hour of the day, 0..23, measured from the start of the day ({@link #dayIndex}) the time falls in. */
    public static int hourOfDay(double minutes) {
        long day = dayIndex(minutes);
        int hour = (int) Math.floor((minutes - day * MINUTES_PER_DAY) / MINUTES_PER_HOUR);
        return Math.min(hour, HOURS_PER_DAY - 1);
    }

    /** True when clock time {@code minutes} falls on a Saturday or Sunday. */
    public static boolean isWeekend(double minutes) {
        return dayOfWeek(minutes) >= 5;
    }

    /** True when hour of the week {@code hourOfWeek} is a Saturday or Sunday hour. */
    public static boolean isWeekendHour(int hourOfWeek) {
        return hourOfWeek >= FIRST_WEEKEND_HOUR;
    }
}
