package org.acuteflow.pathway.stroke;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.DistributionSpec;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.Patient;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.network.CoverSchedule;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.junit.jupiter.api.Test;

class StrokeTreatmentTest {
    /** Door-to-scan 10 (HASU) / 40 (elsewhere), scan-to-needle 20 / 35, unrecognised +60, puncture 90. */
    private static HospitalParameters.Stroke fixedTimes() {
        DistributionSpec day = DistributionSpec.fixed(1440);
        return new HospitalParameters.Stroke(DistributionSpec.fixed(10), DistributionSpec.fixed(40),
                DistributionSpec.fixed(20), DistributionSpec.fixed(35), 60, 270, 180, 20,
                DistributionSpec.fixed(90), 360, day, 0.5, day, day, true, true, true);
    }

    /** Stroke specialist on site Monday-Friday 08:00-18:00 only; on call otherwise with a 30-minute delay. */
    private static Site hasu(Set<Service> extra) {
        boolean[] onSite = new boolean[168];
        for (int d = 0; d < 5; d++) {
            for (int h = 8; h < 18; h++) {
                onSite[d * 24 + h] = true;
            }
        }
        EnumSet<Service> s = EnumSet.of(Service.TYPE1_AE, Service.HASU, Service.THROMBOLYSIS);
        s.addAll(extra);
        return new Site(0, "S0", "site", 51.5, 0, true, s, Map.of(),
                Map.of(Service.HASU, new CoverSchedule(onSite, 30)));
    }

    private static Patient eligible(double doorMinutes, double onsetToDoor) {
        Patient p = new Patient();
        p.state = new StrokeState();
        p.condition = Condition.STROKE_ISCHAEMIC;
        p.ageBand = AgeBand.UNDER_80;
        StrokeState.of(p).onsetKnown = true;
        StrokeState.of(p).eligibleForThrombolysis = true;
        StrokeState.of(p).recognisedAsStroke = true;
        p.doorMinutes = doorMinutes;
        p.onsetMinutes = doorMinutes - onsetToDoor;
        StrokeState.of(p).doorToPunctureMinutes = 90;
        return p;
    }

    @Test
    void onCallCoverShiftsDoorToNeedleByTheConfiguredDelay() {
        Site site = hasu(Set.of());
        Patient day = eligible(10 * 60, 60); // Monday 10:00, on site
        StrokeTreatment.treat(day, site, fixedTimes());
        assertTrue(day.specialistOnSiteAtArrival);
        assertEquals(30, StrokeState.of(day).needleMinutes - day.doorMinutes, 1e-9);
        Patient night = eligible(2 * 60, 60); // Monday 02:00, on call
        StrokeTreatment.treat(night, site, fixedTimes());
        assertFalse(night.specialistOnSiteAtArrival);
        assertEquals(60, StrokeState.of(night).needleMinutes - night.doorMinutes, 1e-9);
        assertEquals(10, StrokeState.of(night).scanMinutes - night.doorMinutes, 1e-9);
    }

    @Test
    void thrombolysisWindowRules() {
        HospitalParameters.Stroke h = fixedTimes();
        Site site = hasu(Set.of());
        // Under 80, onset-to-door 230: scan at 240 leaves 30 >= 20 min; needle at 260 <= 270.
        Patient p = eligible(600, 230);
        StrokeTreatment.treat(p, site, h);
        assertEquals(260, StrokeState.of(p).needleMinutes - p.onsetMinutes, 1e-9);
        // Onset-to-door 245: scan at 255 leaves 15 < 20: no thrombolysis.
        p = eligible(600, 245);
        StrokeTreatment.treat(p, site, h);
        assertTrue(Double.isNaN(StrokeState.of(p).needleMinutes));
        // 80+: window 180. Onset-to-door 140: scan 150 leaves 30, needle at 170.
        p = eligible(600, 140);
        p.ageBand = AgeBand.AGED_80_PLUS;
        StrokeTreatment.treat(p, site, h);
        assertEquals(170, StrokeState.of(p).needleMinutes - p.onsetMinutes, 1e-9);
        // 80+, on call at night: needle at 170 + 30 = 200 > 180: none.
        p = eligible(120, 140);
        p.ageBand = AgeBand.AGED_80_PLUS;
        StrokeTreatment.treat(p, site, h);
        assertTrue(Double.isNaN(StrokeState.of(p).needleMinutes));
        // Haemorrhagic, unknown onset, not eligible: never.
        for (int k = 0; k < 3; k++) {
            p = eligible(600, 60);
            switch (k) {
                case 0 -> p.condition = Condition.STROKE_HAEMORRHAGIC;
                case 1 -> StrokeState.of(p).onsetKnown = false;
                default -> StrokeState.of(p).eligibleForThrombolysis = false;
            }
            StrokeTreatment.treat(p, site, h);
            assertTrue(Double.isNaN(StrokeState.of(p).needleMinutes), "case " + k);
        }
        // A site without thrombolysis never thrombolyses.
        Site noIvt = new Site(1, "S1", "site", 51.5, 0, true, EnumSet.of(Service.TYPE1_AE, Service.STROKE_UNIT),
                Map.of(), Map.of());
        p = eligible(600, 60);
        StrokeTreatment.treat(p, noIvt, h);
        assertTrue(Double.isNaN(StrokeState.of(p).needleMinutes));
        assertEquals(40, StrokeState.of(p).scanMinutes - p.doorMinutes, 1e-9);
    }

    @Test
    void unrecognisedStrokeIsScannedLaterAndThrombectomyNeedsAnLvoAndACentre() {
        HospitalParameters.Stroke h = fixedTimes();
        Patient p = eligible(600, 60);
        StrokeState.of(p).recognisedAsStroke = false;
        StrokeState.of(p).largeVesselOcclusion = true;
        StrokeTreatment.treat(p, hasu(Set.of()), h);
        assertEquals(70, StrokeState.of(p).scanMinutes - p.doorMinutes, 1e-9);
        assertTrue(Double.isNaN(StrokeState.of(p).punctureMinutes));
        p = eligible(600, 60);
        StrokeState.of(p).largeVesselOcclusion = true;
        StrokeTreatment.treat(p, hasu(Set.of(Service.THROMBECTOMY)), h);
        assertEquals(90, StrokeState.of(p).punctureMinutes - p.doorMinutes, 1e-9);
        assertTrue(StrokeState.of(p).thrombolysed());
    }
}
