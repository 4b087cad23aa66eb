package org.acuteflow.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeeklyProfileTest {

    @Test
    void hourOfWeekAtHandPickedTimes() {
        assertEquals(0, WeeklyProfile.hourOfWeek(0));                    // Monday 00:00
        assertEquals(0, WeeklyProfile.hourOfWeek(59.999));
        assertEquals(1, WeeklyProfile.hourOfWeek(60));
        assertEquals(24 + 8, WeeklyProfile.hourOfWeek(1440 + 8 * 60 + 30)); // Tuesday 08:30
        assertEquals(167, WeeklyProfile.hourOfWeek(10080 - 1e-9));       // Sunday 23:59:59.9...
        assertEquals(0, WeeklyProfile.hourOfWeek(10080));                // next Monday 00:00
        assertEquals(5 * 24 + 13, WeeklyProfile.hourOfWeek(52 * 10080 + 5 * 1440 + 13 * 60)); // a year on
        assertEquals(167, WeeklyProfile.hourOfWeek(-1));                 // before the clock starts: last week
        assertEquals(166, WeeklyProfile.hourOfWeek(-61));
    }

    @Test
    void hourOfWeekIsTheFloorModuloOfTheHourForAnyTime() {
        SplittableRandom random = new SplittableRandom(168);
        for (int i = 0; i < 200_000; i++) {
            // Ordinary run times, negative times, and times beyond the int range of hours.
            double minutes = switch (i % 3) {
                case 0 -> random.nextDouble() * 60 * 10080;
                case 1 -> -random.nextDouble() * 10 * 10080;
                default -> random.nextDouble() * 1e13;
            };
            long hour = (long) Math.floor(minutes / 60.0);
            assertEquals(Math.floorMod(hour, 168L), WeeklyProfile.hourOfWeek(minutes), "minutes " + minutes);
        }
        for (int h = 1; h < 100_000; h++) {
            // Exact hour boundaries and the largest time just before each.
            double edge = h * 60.0;
            assertEquals(h % 168, WeeklyProfile.hourOfWeek(edge));
            assertEquals(Math.floorMod(h - 1, 168), WeeklyProfile.hourOfWeek(Math.nextDown(edge)));
        }
    }
}
