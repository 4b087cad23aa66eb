package org.acuteflow.pathway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.acuteflow.demand.Patient;
import org.junit.jupiter.api.Test;

/** The named destination rules decide as their definitions say, on hand-made candidate lists and situations. */
class DestinationRulesTest {
    /** Sites 0..3; minutes from any zone to site s are 10 * (s + 1); sites in {@code full} have no free HASU bed. */
    private static DestinationPolicy.Situation situation(Set<Integer> full) {
        return new DestinationPolicy.Situation() {
            @Override
            public double blueLightMinutes(int zone, int site, double now) {
                return 10.0 * (site + 1);
            }

            @Override
            public boolean hasFreeHasuBed(int site) {
                return !full.contains(site);
            }
        };
    }

    private static Patient patient() {
        Patient p = new Patient();
        p.zone = 0;
        return p;
    }

    @Test
    void nearestWithServiceDivertsPastFullUnitsOnlyWhenItSaysSo() {
        DestinationPolicy divert = new DestinationRules.NearestWithService("nearest_hasu", z -> new int[] {2, 0, 1},
                true);
        Patient p = patient();
        assertEquals(0, divert.destination(p, 0, situation(Set.of(2))));
        assertTrue(p.diverted);
        assertEquals(2, p.intendedSite);
        Patient q = patient();
        assertEquals(2, divert.destination(q, 0, situation(Set.of(0, 1, 2))), "all full: the nearest");
        assertFalse(q.diverted);
        DestinationPolicy plain = new DestinationRules.NearestWithService("nearest_ae", z -> new int[] {2, 0}, false);
        assertEquals(2, plain.destination(patient(), 0, situation(Set.of(2))));
        assertEquals(-1, plain.transferFrom(2), "no transfers");
    }

    @Test
    void specialistWithinThresholdElseNearestOtherThenTransfer() {
        // Specialist centre 1 is 20 minutes away; the other unit is site 0.
        DestinationPolicy at20 = new DestinationRules.SpecialistWithinThreshold("mtc_within_threshold",
                z -> new int[] {1}, z -> new int[] {0, 2}, s -> s == 1 ? -1 : 1, 20);
        assertEquals(1, at20.destination(patient(), 0, situation(Set.of())), "20 minutes is within a 20-minute threshold");
        DestinationPolicy at19 = new DestinationRules.SpecialistWithinThreshold("mtc_within_threshold",
                z -> new int[] {1}, z -> new int[] {0, 2}, s -> s == 1 ? -1 : 1, 19.999);
        assertEquals(0, at19.destination(patient(), 0, situation(Set.of())));
        assertEquals(1, at19.transferFrom(0));
        DestinationPolicy none = new DestinationRules.SpecialistWithinThreshold("mtc_within_threshold",
                z -> new int[0], z -> new int[] {3}, s -> -1, 60);
        assertEquals(3, none.destination(patient(), 0, situation(Set.of())), "no centre at all: the other unit");
    }
}
