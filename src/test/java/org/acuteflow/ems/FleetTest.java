package org.acuteflow.ems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.acuteflow.network.TravelTimes;
import org.junit.jupiter.api.Test;

/**
 * Dispatch by position on a hand-made layout: one zone Z, sites S0 and S1, stations K0 (vehicle 0) and K1
 * (vehicle 1). Base minutes: K0-Z 10, K1-Z 4; Z-S0 3, Z-S1 12; S0-K0 8, S0-K1 6, S1-K0 2, S1-K1 9; S0-S1 5.
 */
class FleetTest {
    static final TravelTimes LAYOUT = new TravelTimes() {
        @Override
        public double zoneToSite(int zone, int site) {
            return site == 0 ? 3 : 12;
        }

        @Override
        public double stationToZone(int station, int zone) {
            return station == 0 ? 10 : 4;
        }

        @Override
        public double siteToSite(int from, int to) {
            return from == to ? 0 : 5;
        }

        @Override
        public double siteToStation(int site, int station) {
            return new double[][] {{8, 6}, {2, 9}}[site][station];
        }

        @Override
        public double factor(int hourOfWeek, Mode mode) {
            return 1;
        }
    };

    private static Fleet fleet() {
        // The zone's stations nearest first: K1 (4 min), then K0 (10 min).
        return new Fleet(new int[] {1, 1}, new int[][] {{1, 0}}, LAYOUT, 2);
    }

    @Test
    void nearestFreeTakesTheNearestStationsVehicleAndIgnoresReturningOnes() {
        Fleet f = fleet();
        assertEquals(1, f.dispatchToZone(0, 0, false));
        assertEquals(1, f.busy());
        // Vehicle 1 clears at S0 at t = 20 and drives home to K1 (6 min), arriving at 26.
        f.returning(1, 0, 20, 26);
        assertTrue(f.isReturning(1));
        assertEquals(1, f.busy());
        assertEquals(0, f.dispatchToZone(0, 22, false));
        assertFalse(f.lastWasReturning());
        assertEquals(-1, f.lastFromSite());
        assertEquals(-1, f.dispatchToZone(0, 22, false));
        assertEquals(2, f.busy());
    }

    @Test
    void aReturningVehicleCountsAtItsOriginForTheFirstHalfOfTheWayThenAtItsStation() {
        Fleet f = fleet();
        f.dispatchToZone(0, 0, true);
        f.returning(1, 0, 20, 26);
        // t = 22 < 23 (halfway): vehicle 1 is at S0, 3 min from Z, nearer than vehicle 0 at K0 (10 min).
        assertEquals(1, f.dispatchToZone(0, 22, true));
        assertTrue(f.lastWasReturning());
        assertEquals(0, f.lastFromSite());
        assertFalse(f.isReturning(1));
        assertEquals(1, f.busy());

        Fleet g = fleet();
        g.dispatchToZone(0, 0, true);
        g.returning(1, 0, 20, 26);
        // t = 24, past halfway: vehicle 1 counts at K1, 4 min from Z, still nearer than K0's 10.
        assertEquals(1, g.dispatchToZone(0, 24, true));
        assertEquals(-1, g.lastFromSite());
        assertTrue(g.lastWasReturning());
    }

    @Test
    void aStationVehicleNearerThanAnyReturningOneIsTaken() {
        Fleet f = fleet();
        // Take vehicle 1 (K1) then vehicle 0 (K0); vehicle 0 drives home from S1 while vehicle 1 is back at K1.
        assertEquals(1, f.dispatchToZone(0, 0, true));
        assertEquals(0, f.dispatchToZone(0, 0, true));
        f.release(1);
        f.returning(0, 1, 30, 32);
        // At S1 vehicle 0 is 12 min from Z; vehicle 1 at K1 is 4.
        assertEquals(1, f.dispatchToZone(0, 30.5, true));
        assertFalse(f.lastWasReturning());
        assertEquals(2, f.busy());
        // Back at K0: vehicle 0 is free again and the busy count falls.
        f.release(0);
        assertFalse(f.isReturning(0));
        assertEquals(1, f.busy());
    }

    @Test
    void transfersAreDispatchedToTheSiteByTheSameRule() {
        Fleet f = fleet();
        assertEquals(1, f.dispatchToZone(0, 0, true));
        assertEquals(0, f.dispatchToZone(0, 0, true));
        f.release(1);
        // Vehicle 0 drives home to K0 from S0 (8 min, t = 40 to 48); a transfer leaves S1.
        f.returning(0, 0, 40, 48);
        // Nearest free: only K1's vehicle 1, 9 min from S1.
        Fleet g = fleet();
        g.dispatchToZone(0, 0, true);
        g.dispatchToZone(0, 0, true);
        g.release(1);
        g.returning(0, 0, 40, 48);
        assertEquals(1, g.dispatchToSite(1, 41, false));
        // Nearest vehicle at t = 41 (< 44): vehicle 0 at S0 is 5 min from S1, nearer than vehicle 1's 9.
        assertEquals(0, f.dispatchToSite(1, 41, true));
        assertEquals(0, f.lastFromSite());
        assertTrue(f.lastWasReturning());
    }

    @Test
    void dispatchRulesAreChosenByKeyAndAnUnknownKeyIsNamed() {
        assertEquals(java.util.List.of("nearest-free", "nearest-vehicle"), java.util.List.copyOf(Dispatch.rules().keySet()));
        org.acuteflow.config.Problems p = org.acuteflow.config.Problems.forFile("exp.yaml");
        new EmsParameters(1, null, null, null, 0.61, 0.78, "nearest-bus", true, 0, 10).validate(p, "parameters.ems");
        assertTrue(p.list().stream().anyMatch(x -> x.field().equals("parameters.ems.dispatch")
                && x.message().contains("nearest-vehicle")), p.list().toString());
        org.acuteflow.config.Problems ok = org.acuteflow.config.Problems.forFile("exp.yaml");
        new EmsParameters(1, null, null, null, 0.61, 0.78, "nearest-vehicle", true, 0, 10).validate(ok, "parameters.ems");
        assertTrue(ok.isEmpty(), ok.list().toString());
    }
}
