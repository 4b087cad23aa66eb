package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building blocks: trip curve, largest-remainder shares, station planning, week hours, weighted access. */
class NetworkPartsTest {
    @Test
    void tripCurveInterpolatesAndExtendsTheLastSegment() {
        TripCurve c = new TripCurve(new double[] {0, 2, 6}, new double[] {3, 11, 19}, new double[] {0, 3, 8});
        assertEquals(3.0, c.minutes(0), 1e-12);
        assertEquals(7.0, c.minutes(1), 1e-12);
        assertEquals(15.0, c.minutes(4), 1e-12);
        // Beyond 6 km: slope (19 - 11) / 4 = 2 per km.
        assertEquals(23.0, c.minutes(8), 1e-12);
        assertEquals(5.5, c.roadKm(4), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> new TripCurve(new double[] {0, 1}, new double[] {5, 4}, new double[] {0, 1}));
    }

    @Test
    void largestRemainderSharesSumExactly() {
        // 10 in proportion 1:1:1 -> 3.33 each; one extra to the first (ties by index): 4, 3, 3.
        assertArrayEquals(new int[] {4, 3, 3}, StationPlanner.share(new double[] {1, 1, 1}, 10, 0));
        // Minimum 1 each, 7 left over shared 6:1 -> 6, 1 -> 7, 2.
        assertArrayEquals(new int[] {7, 2}, StationPlanner.share(new double[] {6, 1}, 9, 1));
    }

    @Test
    void stationPlanIsDeterministicAndUsesTheWholeFleet() {
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Two clusters: 20 zones near (51.40, -0.30) and 20 near (51.60, 0.10), the second twice as populous.
            boolean east = i >= 20;
            zones.add(new Zone(i, "Z" + i, "z", "a", (east ? 51.60 : 51.40) + 0.001 * (i % 5),
                    (east ? 0.10 : -0.30) + 0.001 * (i % 7), east ? 2000 : 1000, 0, 0));
        }
        List<StationPlanner.Planned> a = StationPlanner.plan(zones, 2, 30, 7);
        List<StationPlanner.Planned> b = StationPlanner.plan(zones, 2, 30, 7);
        assertEquals(a, b);
        int total = a.stream().mapToInt(StationPlanner.Planned::vehicles).sum();
        assertEquals(30, total);
        // One station per cluster, fleet 1 + 1 minimum then 28 shared 1:2.
        StationPlanner.Planned east = a.stream().filter(p -> p.zone() >= 20).findFirst().orElseThrow();
        StationPlanner.Planned west = a.stream().filter(p -> p.zone() < 20).findFirst().orElseThrow();
        assertEquals(40000, east.populationServed(), 1e-9);
        assertEquals(1 + 19, east.vehicles());
        assertEquals(1 + 9, west.vehicles());
    }

    @Test
    void weekHoursParseDayRangesAndHourRanges() {
        boolean[] d = WeekHours.days("fri-mon");
        assertArrayEquals(new boolean[] {true, false, false, false, true, true, true}, d);
        boolean[] h = WeekHours.hours("00-06,22-24");
        int n = 0;
        for (boolean b : h) {
            n += b ? 1 : 0;
        }
        assertEquals(8, n);
        assertEquals(true, h[23]);
        assertEquals(false, h[6]);
        assertThrows(IllegalArgumentException.class, () -> WeekHours.hours("20-08"));
        assertThrows(IllegalArgumentException.class, () -> WeekHours.days("monday"));
    }

    @Test
    void weightedAccessStatistics() {
        // Values 10, 20, 40 with weights 1, 2, 1: mean 22.5, median 20 (cumulative 0.25, 0.75), p95 40, max 40,
        // within 30: 3/4, within 45: 1.
        NetworkCheck.Access a = NetworkCheck.weighted(new double[] {40, 10, 20}, new double[] {1, 1, 2});
        assertEquals(22.5, a.mean(), 1e-12);
        assertEquals(20, a.median(), 1e-12);
        assertEquals(40, a.p95(), 1e-12);
        assertEquals(40, a.max(), 1e-12);
        assertEquals(0.75, a.shareWithin30(), 1e-12);
        assertEquals(1.0, a.shareWithin45(), 1e-12);
    }
}
