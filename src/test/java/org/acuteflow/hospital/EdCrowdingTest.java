package org.acuteflow.hospital;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.acuteflow.testing.ArrayTravelTimes;

/** The crowding multiplier and the sizing rule on hand-computed values. */
class EdCrowdingTest {
    private static final EdCrowding DEFAULTS = new EdCrowding(true, 0.85, 3.33, 4, 0.85, 10);

    @Test
    void multiplierIsOneUpToTheOnsetThenLinearThenCapped() {
        // 17 of 20 cubicles: u = 0.85, the onset.
        assertEquals(1.0, DEFAULTS.multiplier(17, 20), 1e-12);
        assertEquals(1.0, DEFAULTS.multiplier(0, 20), 1e-12);
        // 20 of 20: 1 + 3.33 x 0.15 = 1.4995.
        assertEquals(1.4995, DEFAULTS.multiplier(20, 20), 1e-12);
        // 30 of 20: 1 + 3.33 x 0.65 = 3.1645.
        assertEquals(3.1645, DEFAULTS.multiplier(30, 20), 1e-12);
        // 40 of 20: 1 + 3.33 x 1.15 = 4.83, capped at 4.
        assertEquals(4.0, DEFAULTS.multiplier(40, 20), 1e-12);
        assertEquals(1.0, EdCrowding.OFF.multiplier(40, 20), 1e-12);
        assertEquals(1.0, new EdCrowding(false, 0.85, 3.33, 4, 0.85, 10).multiplier(40, 20), 1e-12);
    }

    @Test
    void cubiclesAreTheOfferedLoadOverTheDesignOccupancy() {
        // 120 arrivals a day staying 180 min: load 120 / 1440 x 180 = 15 patients; 15 / 0.85 = 17.6 -> 18.
        assertEquals(18, DEFAULTS.cubicles(120 / 1440.0, 180));
        // 17 x 0.85 = 14.45 patients exactly fills 17 cubicles (no rounding up on floating-point noise).
        assertEquals(17, DEFAULTS.cubicles(14.45 / 180, 180));
        // A small department: 20 a day x 180 min = 2.5 patients -> 3, raised to the minimum 10.
        assertEquals(10, DEFAULTS.cubicles(20 / 1440.0, 180));
    }

    /**
     * Three zones, three sites; sites 0 and 1 have an A&E as built, site 2 not (nearest to zone 2, which still
     * goes to site 1). Zone arrivals 60, 30 and 90 a day, mean stay 180 min: site 0 carries zone 0 (60 a day,
     * load 7.5 -> 7.5 / 0.85 = 8.8 -> 9, raised to the minimum 10); site 1 zones 1 and 2 (120 a day, load 15 ->
     * 17.6 -> 18); site 2 none (the minimum, 10).
     */
    @Test
    void departmentsAreSizedForTheirCatchmentAsBuilt() {
        double[][] minutes = {{5, 9, 20}, {8, 6, 20}, {30, 12, 2}};
        ArrayTravelTimes t = new ArrayTravelTimes(minutes, new double[0][3], new double[3][3], new double[3][0]);
        int[] c = EdCapacity.cubicles(t, new boolean[] {true, true, false},
                new double[] {60 / 1440.0, 30 / 1440.0, 90 / 1440.0}, 180, DEFAULTS);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {10, 18, 10}, c);
    }
}
