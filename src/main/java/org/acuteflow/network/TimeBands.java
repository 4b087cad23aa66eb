package org.acuteflow.network;

import java.util.Arrays;
import java.util.List;

/**
 * Speed multipliers on travel minutes by hour of week, one set for blue-light and one for normal driving.
 * Hours not in any band have factor 1 (the reference band the base minutes describe). Immutable.
 */
public final class TimeBands {
    /** One band: the hours it covers and its multipliers. */
    public record Band(String name, boolean[] hours, double blueLight, double normal) {
        public Band {
            hours = hours.clone();
        }
    }

    private final double[] blue = new double[CoverSchedule.HOURS_PER_WEEK];
    private final double[] normal = new double[CoverSchedule.HOURS_PER_WEEK];
    private final List<Band> bands;

    /** Bands must not overlap (the loader reports overlaps); a later band would otherwise win. */
    public TimeBands(List<Band> bands) {
        Arrays.fill(blue, 1.0);
        Arrays.fill(normal, 1.0);
        for (Band b : bands) {
            for (int h = 0; h < CoverSchedule.HOURS_PER_WEEK; h++) {
                if (b.hours()[h]) {
                    blue[h] = b.blueLight();
                    normal[h] = b.normal();
                }
            }
        }
        this.bands = List.copyOf(bands);
    }

    public static TimeBands none() {
        return new TimeBands(List.of());
    }

    public double factor(int hourOfWeek, TravelTimes.Mode mode) {
        return mode == TravelTimes.Mode.BLUE_LIGHT ? blue[hourOfWeek] : normal[hourOfWeek];
    }

    public List<Band> bands() {
        return bands;
    }
}
