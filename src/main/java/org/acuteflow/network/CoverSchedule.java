package org.acuteflow.network;

import java.util.Arrays;
import org.acuteflow.sim.WeekTime;

/**
 * When a specialist (stroke physician, emergency consultant) is on site, hour by hour over the week; outside
 * those hours one is on call and arrives after {@code onCallDelayMinutes}.
 *
 * @param onSite             168 flags, index = weekday (Monday = 0) * 24 + hour
 * @param onCallDelayMinutes extra minutes before the specialist sees the patient when on call
 */
public record CoverSchedule(boolean[] onSite, double onCallDelayMinutes) {
    public static final int HOURS_PER_WEEK = WeekTime.HOURS_PER_WEEK;

    public CoverSchedule {
        if (onSite.length != HOURS_PER_WEEK) {
            throw new IllegalArgumentException("a cover schedule has 168 hourly cells, got " + onSite.length);
        }
        onSite = onSite.clone();
    }

    public static CoverSchedule always() {
        boolean[] all = new boolean[HOURS_PER_WEEK];
        Arrays.fill(all, true);
        return new CoverSchedule(all, 0);
    }

    /** On site for {@code hour} of the week (0..167). */
    public boolean onSiteAt(int hourOfWeek) {
        return onSite[hourOfWeek];
    }

    /** Hours on site per week. */
    public int hoursOnSitePerWeek() {
        int n = 0;
        for (boolean b : onSite) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean[] onSite() {
        return onSite.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoverSchedule c && Arrays.equals(c.onSite, onSite) && c.onCallDelayMinutes == onCallDelayMinutes;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(onSite) * 31 + Double.hashCode(onCallDelayMinutes);
    }
}
